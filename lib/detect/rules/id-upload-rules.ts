// File inputs that ask for a picture of an ID document or a selfie with it, as data: per language,
// each with the reason code it gives (`reason_<code>` in the locales). Look-alikes (avatar, résumé,
// receipt, logo uploads) are listed too: any of them on the field means it is not an ID upload.
// Read by lib/detect/id-upload.ts against the field's label, name, id, placeholder, aria-label and
// nearby text (lower-cased; names split at _ - . and camelCase).

export interface IdUploadRule {
  /** BCP 47 language the words belong to ('' = used everywhere, e.g. field names). */
  lang: string;
  /** Reason code: `reason_<code>` says why in the user's language. */
  code: string;
  pattern: RegExp;
}

export const ID_UPLOAD_RULES: readonly IdUploadRule[] = [
  // 身份证正面/反面, 人像面/国徽面, 手持身份证, 证件照
  { lang: 'zh', code: 'id_upload_document', pattern: /身份证|人像面|国徽面|证件照|证件照片|居民身份|身份證/ },
  { lang: 'zh', code: 'id_upload_selfie', pattern: /手持(身份证|证件)|手持照|人脸照/ },
  // foto KTP, selfie dengan KTP, unggah KTP
  { lang: 'id', code: 'id_upload_document', pattern: /\bktp\b|kartu tanda penduduk|\be-?ktp\b/ },
  { lang: 'id', code: 'id_upload_selfie', pattern: /selfie (dengan|bersama|memegang) (ktp|kartu)/ },
  // INE frente/reverso, CURP, credencial para votar, identificación oficial, DNI, cédula
  { lang: 'es', code: 'id_upload_document', pattern: /\bine\b|credencial (para votar|de elector)|identificaci[oó]n oficial|\bdni\b|c[eé]dula|documento (de identidad|nacional)|\bcurp\b/ },
  { lang: 'es', code: 'id_upload_selfie', pattern: /selfie (con|sosteniendo) (tu |su )?(ine|identificaci[oó]n|dni|c[eé]dula|documento)/ },
  // Aadhaar, PAN card
  { lang: 'en-IN', code: 'id_upload_document', pattern: /aadhaa?r|\bpan card\b|\bpan\b (front|back|photo|image|upload)|upload (your )?pan\b/ },
  // CPF/RG, CNH, documento com foto
  { lang: 'pt', code: 'id_upload_document', pattern: /\brg\b|\bcnh\b|\bcpf\b|documento (com foto|de identidade)|carteira de identidade/ },
  { lang: 'pt', code: 'id_upload_selfie', pattern: /selfie (com|segurando) (o |seu )?(documento|rg|cnh)/ },
  // CCCD / CMND, căn cước
  { lang: 'vi', code: 'id_upload_document', pattern: /\bcccd\b|\bcmnd\b|c[aă]n c[uư][oớ]c|ch[uứ]ng minh (nh[aâ]n d[aâ]n|th[uư])/ },
  // ID front/back, upload your ID, photo ID, national ID, passport, driver's licence
  {
    lang: 'en',
    code: 'id_upload_document',
    pattern: /\bid (card|document|front|back|photo|image|picture)\b|\b(front|back) of (your )?id\b|upload (your |a )?(id|identity|national id|passport)\b|\bphoto id\b|national id|identity (card|document)|\bpassport\b|driver'?s licen[cs]e/,
  },
  { lang: 'en', code: 'id_upload_selfie', pattern: /selfie (with|holding) (your |an )?(id|identity|passport)/ },
  // Field names: id_front, idcard_back, ktp_photo, ine_frente… (split into words beforehand)
  { lang: '', code: 'id_upload_name', pattern: /\b(id ?card|idcard|id (front|back)|(front|back) id|ktp|ine (frente|reverso)|sfz|shenfenzheng|aadhaar|cccd|cmnd)\b/ },
];

/** Uploads that look like the above but are not ID documents. */
export const ID_UPLOAD_LOOKALIKES: RegExp =
  /avatar|profile (photo|picture|image)|\bprofile pic|头像|简历|履历|\bresume\b|r[eé]sum[eé]|\bcv\b|curr[ií]cul|receipt|invoice|发票|小票|收据|回单|comprobante de pago|\brecibo\b|factura|bukti (transfer|pembayaran|bayar)|\bstruk\b|\bkwitansi\b|comprovante de pagamento|\blogo\b|cover (photo|image)|banner/;
