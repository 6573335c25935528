// Field-classification rules as data (DuckDuckGo/Chromium autofill style): keywords per kind and
// language, the negatives that veto them, and the attribute hints. The engine is field-classifier.ts.
import type { FieldKind } from '@/lib/types';

export interface FieldRule {
  kind: FieldKind;
  lang: string;
  match: RegExp;
  /** Tested on the same text as `match`; a hit cancels the rule (e.g. "银行卡预留手机号" is not a card). */
  skip?: RegExp;
  /** Strength of the keyword, 0..1, before the per-source factor. */
  weight: number;
  /** ISO country of the ID scheme the keyword names; 'PE|ES' = decide from other words. */
  country?: string;
  /** A weak keyword: counted in its strongest source only, so name + placeholder + nearby don't add up. */
  weak?: boolean;
  /** The rule holds only when the field's form section (or its own texts) also match this. */
  context?: RegExp;
}

export interface NegativeRule {
  /** What the field really is (for tests and debugging). */
  what: string;
  /** Tested on all of the field's texts at once, so "captcha" + label "短信验证码" can cancel. */
  match: RegExp;
  skip?: RegExp;
  /** Kinds vetoed; all kinds when absent. */
  blocks?: FieldKind[];
  /** Test only the bare name attribute (name="q"; an id="s" says much less). */
  nameOnly?: boolean;
  /** Cancelled by a "send code" button next to the field (a box named "captcha" that takes an SMS code). */
  unlessCodeButton?: boolean;
}

// Latin-word boundaries that also hold next to CJK and accented letters ("请输入CURP", "teléfono").
const L = 'a-zA-Z0-9\\u00c0-\\u024f\\u1e00-\\u1eff';
/** Case-insensitive Latin word(s). */
const w = (s: string): RegExp => new RegExp(`(?<![${L}])(?:${s})(?![${L}])`, 'i');
/** Case-sensitive acronym (RUN, CC, PAN collide with ordinary words in lower case). */
const W = (s: string): RegExp => new RegExp(`(?<![${L}])(?:${s})(?![${L}])`);

/** Words that make a field a code even when it also names the phone ("手机验证码"); not a bare "code". */
const OTP_WORDS =
  /验证码|驗證碼|校验码|动态码|動態碼|短信码|(?<![a-z])(otp|(verification|verify|sms|one[- ]time) ?code|c[óo]digo (de verificaci[óo]n|sms)|kode (otp|verifikasi)|mã (otp|xác))(?![a-z])|รหัส/i;
const PHONE_WORDS =
  /手机|手機|电话|電話|(?<![a-z])(phone|mobile|celular|tel[ée]fone?o?|telepon|ponsel|hp|whatsapp)(?![a-z])/i;
/** Words of a code sent by SMS, as opposed to one read off an image. */
export const SMS_WORDS = /短信|簡訊|手机|手機|动态|動態|(?<![a-z])(sms|whatsapp|phone|celular|telepon|mobile|enviad[oa]|sent|kirim|gửi)(?![a-z])/i;
/** Words of a form section about a bank account (where a bare "account number" is a bank one). */
const BANK_CONTEXT =
  /银行|銀行|收款|ธนาคาร|(?<![a-z])(bank\w*|banco|banc[áa]ria|rekening|ngân hàng|ifsc|swift|routing|sort code|clabe|ag[êe]ncia|sucursal|payout|disburse\w*|desembolso|dep[óo]sito|pencairan|giải ngân)(?![a-z])/i;
/** Card keywords that name a card which is not a payment card. */
const NOT_PAYMENT_CARD =
  /身份|社保|医保|医疗|就诊|就診|健康卡|会员|會員|购物卡|礼品卡|加油卡|公交卡|校园卡|ประชาชน|(?<![a-z])(PAN|id|identity|identidad|identidade|identitas|tanda|keluarga|aadhaa?r|national|student|gift|sim|library|member(ship)?|loyalty|insurance|health|medical|seguro|salud|asuransi|sus|cidad[ãa]o)(?![a-z])/i;
const CARD_SKIP = new RegExp(
  `${OTP_WORDS.source}|${PHONE_WORDS.source}|${NOT_PAYMENT_CARD.source}|预留|有效期|安全码`,
  'i',
);

/**
 * Buttons and texts that send a one-time code or count down to resending it. Next to a box they
 * make it an SMS code rather than an image captcha; on a page, they mark a phone + SMS sign-in.
 */
export const SEND_CODE =
  /获取验证码|獲取驗證碼|发送验证码|發送驗證碼|获取短信|获取动态码|免费获取|重新获取|重新发送|重发|取得驗證碼|发送短信|秒后|秒後|(?<![a-z])(send (the |a )?(code|otp|sms)|get (the |a )?(code|otp)|request (a |the )?(code|otp)|resend( code| otp)?|enviar c[óo]digo|reenviar|solicitar c[óo]digo|kirim (otp|kode|ulang)|dapatkan (otp|kode)|minta (otp|kode)|g[ửu]i (mã|lại)|lấy mã|nhận mã)(?![a-z])|ขอรหัส|ส่งรหัส|ขอ ?OTP|ส่ง ?OTP/i;

/** A button next to a code box that says only "get" or "send": it sends the code. */
export const SEND_VERB = /^(获取|獲取|发送|發送|取得|get|send|enviar|kirim|gửi|lấy mã|ส่ง|ขอ)$/i;

export const FIELD_RULES: readonly FieldRule[] = [
  // National ID. Specific schemes first: on equal strength the first country wins.
  { kind: 'national-id', lang: 'zh-TW', match: /身分證|身分證字號/, weight: 1, country: 'TW' },
  { kind: 'national-id', lang: 'zh-HK', match: /香港身份證/, weight: 1, country: 'HK' },
  { kind: 'national-id', lang: 'zh', match: /身份证|身份證|居民身份/, weight: 1, country: 'CN' },
  { kind: 'national-id', lang: 'zh', match: /证件号|證件號|证件号码|身份号码/, weight: 0.9 },
  { kind: 'national-id', lang: 'zh', match: w('sfz|sfzh|sfzhm|shenfenzheng'), weight: 0.9, country: 'CN' },
  { kind: 'national-id', lang: 'zh', match: w('zjhm|cert ?no|certno|cert ?num'), weight: 0.8 },
  { kind: 'national-id', lang: 'es', match: w('curp|clave [úu]nica de registro de poblaci[óo]n'), weight: 1, country: 'MX' },
  { kind: 'national-id', lang: 'es', match: W('INE|IFE') , weight: 0.9, country: 'MX' },
  { kind: 'national-id', lang: 'es', match: w('ine|ife|clave de elector'), weight: 0.6, country: 'MX' },
  { kind: 'national-id', lang: 'es', match: w('dni|documento nacional de identidad'), weight: 1, country: 'PE|ES' },
  { kind: 'national-id', lang: 'es', match: w('nie|nif'), weight: 0.9, country: 'ES' },
  { kind: 'national-id', lang: 'es', match: w('rut|r\\.u\\.t\\.?|rol [úu]nico tributario'), weight: 1, country: 'CL' },
  { kind: 'national-id', lang: 'es', match: W('RUN'), weight: 0.9, country: 'CL' },
  { kind: 'national-id', lang: 'es', match: w('c[ée]dula|cedula'), weight: 1, country: 'CO' },
  { kind: 'national-id', lang: 'es', match: W('CC|C\\.C\\.?'), skip: /card|tarjeta|cvv|number|cc ?num/i, weight: 0.8, country: 'CO' },
  {
    kind: 'national-id',
    lang: 'es',
    match: w('documento( de identidad)?|n[uú]mero de (documento|identificaci[óo]n|identidad)|identificaci[óo]n( oficial)?|doc ?(num|no|nro)|nro ?doc|num ?doc'),
    weight: 0.8,
  },
  { kind: 'national-id', lang: 'pt', match: w('cpf'), weight: 1, country: 'BR' },
  { kind: 'national-id', lang: 'pt', match: W('RG') , weight: 0.9, country: 'BR' },
  { kind: 'national-id', lang: 'pt', match: w('rg|registro geral|carteira de identidade|documento de identidade'), weight: 0.8, country: 'BR' },
  {
    kind: 'national-id',
    lang: 'id',
    match: w('nik|e?-?ktp|nomor induk kependudukan|no\\.? ?ktp|kartu tanda penduduk'),
    weight: 1,
    country: 'ID',
  },
  { kind: 'national-id', lang: 'id', match: w('no\\.? ?identitas|nomor identitas'), weight: 0.8 },
  { kind: 'national-id', lang: 'hi', match: /आधार/, weight: 1, country: 'IN' },
  { kind: 'national-id', lang: 'en', match: w('aadhaa?r|adhaa?r|uidai'), weight: 1, country: 'IN' },
  { kind: 'national-id', lang: 'en', match: W('PAN'), weight: 0.9, country: 'IN' },
  { kind: 'national-id', lang: 'en', match: w('pan ?(card|no|number)|pancard|permanent account number'), weight: 0.9, country: 'IN' },
  { kind: 'national-id', lang: 'hi', match: /पैन/, weight: 0.9, country: 'IN' },
  { kind: 'national-id', lang: 'en', match: w('cnic'), weight: 1, country: 'PK' },
  { kind: 'national-id', lang: 'vi', match: w('cccd|cmnd|cmt|căn cước|can cuoc|chứng minh (nhân dân|thư)|số định danh'), weight: 1, country: 'VN' },
  { kind: 'national-id', lang: 'en', match: w('philsys|phil ?id|umid|psn'), weight: 1, country: 'PH' },
  { kind: 'national-id', lang: 'en', match: w('nin|bvn|national identification number'), weight: 1, country: 'NG' },
  { kind: 'national-id', lang: 'en', match: w('ssn|social security( number| no)?'), weight: 1, country: 'US' },
  { kind: 'national-id', lang: 'th', match: /บัตรประชาชน|ประจำตัวประชาชน|เลขบัตรประจำตัว/, weight: 1, country: 'TH' },
  { kind: 'national-id', lang: 'ar', match: /الرقم القومي/, weight: 1, country: 'EG' },
  {
    kind: 'national-id',
    lang: 'en',
    match: w('national ?id|national identity|id ?card|idcard|identity ?(card|no|number|num)|id ?(no|num|number|nr)|identification ?(no|number)|personal id'),
    weight: 0.9,
  },

  // Other government numbers a lender asks for in place of the ID card.
  { kind: 'national-id', lang: 'en', match: w('passport( ?(no|number|num|details))?'), weight: 0.85 },
  { kind: 'national-id', lang: 'en', match: w("driv(ing|er'?s?) ?licen[cs]e( ?(no|number|num))?|licen[cs]e ?(no|number|num)"), weight: 0.8 },
  { kind: 'national-id', lang: 'en', match: w('national insurance( ?(no|number))?|nino'), weight: 0.9, country: 'GB' },
  { kind: 'national-id', lang: 'en', match: W('TIN|KRA') , weight: 0.8 },
  { kind: 'national-id', lang: 'en', match: w('tin ?(no|number|num)|tax ?(id|identification)( ?(no|number))?|taxpayer ?(id|number)|kra ?pin'), weight: 0.8 },
  { kind: 'national-id', lang: 'es', match: w('rfc|registro federal de contribuyentes'), weight: 0.9, country: 'MX' },
  { kind: 'national-id', lang: 'es', match: w('nss|n[uú]mero de seguridad social'), weight: 0.85, country: 'MX' },
  { kind: 'national-id', lang: 'es', match: w('cuil|cuit'), weight: 0.95, country: 'AR' },
  { kind: 'national-id', lang: 'es', match: w('pasaporte|licencia de conducir'), weight: 0.8 },
  { kind: 'national-id', lang: 'pt', match: w('passaporte|cnh'), weight: 0.8 },
  { kind: 'national-id', lang: 'id', match: w('paspor'), weight: 0.85 },
  { kind: 'national-id', lang: 'vi', match: w('hộ chiếu|giấy phép lái xe|mã số thuế'), weight: 0.85 },
  { kind: 'national-id', lang: 'zh', match: /护照|護照|驾驶证|駕駛執照|驾照|駕照/, weight: 0.85 },

  // Phone.
  { kind: 'phone', lang: 'zh', match: /手机|手機|电话|電話|联系方式|移动号码|行動號碼/, skip: OTP_WORDS, weight: 0.9 },
  { kind: 'phone', lang: 'zh', match: w('shouji|sjh|sjhm|dianhua|lxdh'), weight: 0.8 },
  {
    kind: 'phone',
    lang: 'en',
    match: w('phone|mobile|cell ?phone|cellphone|cell|telephone|tel|contact (no|number)|msisdn|whats ?app'),
    skip: OTP_WORDS,
    weight: 0.9,
  },
  { kind: 'phone', lang: 'es', match: w('tel[ée]fono|celular|m[óo]vil|cel|n[uú]mero de contacto|n[uú]mero ?cel(ular)?|numcel|nrocel'), skip: OTP_WORDS, weight: 0.9 },
  { kind: 'phone', lang: 'es', match: w('(n[uú]mero de )?l[íi]nea( m[óo]vil| telef[óo]nica)?'), skip: OTP_WORDS, weight: 0.6 },
  { kind: 'phone', lang: 'pt', match: w('telefone|celular|whats'), skip: OTP_WORDS, weight: 0.9 },
  {
    kind: 'phone',
    lang: 'id',
    match: w('(nomor|no\\.?) ?(hp|handphone|telp|telepon|wa)|hp|handphone|ponsel|telepon|telp|wa'),
    skip: OTP_WORDS,
    weight: 0.9,
  },
  { kind: 'phone', lang: 'vi', match: w('số điện thoại|điện thoại|sđt|sdt|so dien thoai|dien thoai'), skip: OTP_WORDS, weight: 0.9 },
  { kind: 'phone', lang: 'th', match: /เบอร์โทร|โทรศัพท์|มือถือ/, skip: OTP_WORDS, weight: 0.9 },
  { kind: 'phone', lang: 'de', match: w('telefon(nummer)?|handy(nummer)?|mobilnummer|cep telefonu'), skip: OTP_WORDS, weight: 0.9 },
  { kind: 'phone', lang: 'hi', match: /मोबाइल|फ़ोन|फोन/, skip: OTP_WORDS, weight: 0.9 },

  // Bank card / bank account.
  {
    kind: 'bank-card',
    lang: 'zh',
    match: /银行卡|銀行卡|卡号|卡號|储蓄卡|儲蓄卡|借记卡|借記卡|信用卡|银行账号|銀行帳號|银行账户|收款账号|结算卡/,
    skip: CARD_SKIP,
    weight: 1,
  },
  { kind: 'bank-card', lang: 'zh', match: w('yhk|yhkh|kahao|bank ?card( ?no)?|bankcard'), weight: 0.9 },
  { kind: 'bank-card', lang: 'zh', match: /账户号码|帐户号码|帳戶號碼|银行帐号|收款帐号|收款账户/, skip: CARD_SKIP, weight: 0.9 },
  {
    kind: 'bank-card',
    lang: 'en',
    match: w('card ?(no|num|number|nr)|cardnumber|debit ?card|credit ?card|bank ?card|atm card|cc ?(no|num|number)|ccnum'),
    skip: CARD_SKIP,
    weight: 0.9,
  },
  { kind: 'bank-card', lang: 'en', match: w('card'), skip: CARD_SKIP, weight: 0.55 },
  // A bare English "account number" is as often a utility or insurance account: bank words required.
  { kind: 'bank-card', lang: 'en', match: w('bank account( number| no)?|iban|clabe'), skip: CARD_SKIP, weight: 0.8 },
  // A bare "account number" is a bank account in a form section about banks or payouts.
  {
    kind: 'bank-card',
    lang: 'mul',
    match: w('acc(oun)?t ?(no|num|number|nr)|accnumber|acct ?(no|num)?|n[uú]mero de cuenta|cuenta|conta|n[uú]mero da conta|nomor akun|số tài khoản'),
    skip: CARD_SKIP,
    context: BANK_CONTEXT,
    weight: 0.8,
  },
  {
    kind: 'bank-card',
    lang: 'es',
    match: w('tarjeta( de (d[ée]bito|cr[ée]dito))?|cuenta bancaria|n[uú]mero de cuenta|cuenta (de )?(destino|dep[óo]sito)|clabe( interbancaria)?|cbu|cvu'),
    skip: CARD_SKIP,
    weight: 0.9,
  },
  { kind: 'bank-card', lang: 'pt', match: w('cart[ãa]o|conta banc[áa]ria|n[uú]mero da conta|conta corrente'), skip: CARD_SKIP, weight: 0.9 },
  {
    kind: 'bank-card',
    lang: 'id',
    match: w('(nomor|no\\.?) ?kartu|kartu (debit|kredit|atm)|rekening|no\\.? ?rek'),
    skip: CARD_SKIP,
    weight: 0.9,
  },
  { kind: 'bank-card', lang: 'vi', match: w('số thẻ|thẻ ngân hàng|số tài khoản|tài khoản ngân hàng'), skip: CARD_SKIP, weight: 0.9 },
  // Thai "card number" alone is as often the ID card's: only a named payment card counts.
  { kind: 'bank-card', lang: 'th', match: /เลขบัญชี|เลขที่บัญชี|หมายเลขบัญชี|บัญชีธนาคาร|หมายเลขบัตร(เครดิต|เดบิต|ATM)|บัตรเดบิต|บัตรเครดิต/, skip: CARD_SKIP, weight: 0.9 },
  { kind: 'bank-card', lang: 'hi', match: /बैंक खाता|कार्ड नंबर/, skip: CARD_SKIP, weight: 0.9 },

  // One-time (SMS) codes.
  { kind: 'otp', lang: 'zh', match: /验证码|驗證碼|校验码|校驗碼|动态码|動態碼|动态密码|動態密碼|短信码|短信密码|簡訊碼|确认码/, weight: 1 },
  {
    kind: 'otp',
    lang: 'en',
    match: w('otp|one[- ]?time ?(pass ?code|password|pin|code)|verification ?code|verify ?code|confirmation code|sms ?code|smscode|auth(entication)? ?code|2fa|passcode|enter (the |your )?(\\d[- ]digit )?code|code (sent|we sent)|\\d[- ]digit code'),
    weight: 0.95,
  },
  { kind: 'otp', lang: 'zh', match: w('yzm|dxyzm|yanzhengma|vcode|v ?code|checkcode|check ?code|valicode|validate ?code'), weight: 0.8 },
  {
    kind: 'otp',
    lang: 'es',
    match: w('c[óo]digo (de )?(verificaci[óo]n|sms|confirmaci[óo]n|otp|validaci[óo]n|acceso|enviado|de un solo uso)'),
    weight: 0.95,
  },
  { kind: 'otp', lang: 'pt', match: w('c[óo]digo de (verifica[çc][ãa]o|confirma[çc][ãa]o|seguran[çc]a|valida[çc][ãa]o)'), weight: 0.95 },
  { kind: 'otp', lang: 'id', match: w('kode ?(otp|verifikasi|sms|konfirmasi|aktivasi)'), weight: 0.95 },
  { kind: 'otp', lang: 'vi', match: w('mã ?(otp|xác nhận|xác thực|xác minh)'), weight: 0.95 },
  { kind: 'otp', lang: 'th', match: /รหัส ?OTP|รหัสยืนยัน|รหัสผ่านครั้งเดียว/i, weight: 0.95 },
  { kind: 'otp', lang: 'hi', match: /ओटीपी|सत्यापन कोड/, weight: 0.95 },
  { kind: 'otp', lang: 'zh', match: /短信|簡訊|收到的/, weight: 0.45 },
  // A bare "code" is weak: only with a digit-box shape or a numeric hint does it reach the bar.
  { kind: 'otp', lang: 'mul', match: w('code|c[óo]digo|kode|mã|token|verification|verificaci[óo]n|verifikasi'), weight: 0.45, weak: true },
];

export const NEGATIVE_RULES: readonly NegativeRule[] = [
  { what: 'search', match: /搜索|搜尋|ค้นหา/ },
  { what: 'search', match: w('search|buscar|busca|pesquisar|pesquisa|cari|tìm kiếm|keywords?') },
  { what: 'search', match: /^(q|s|k|wd|kw|query|keywords?|search\w*)$/i, nameOnly: true },
  {
    what: 'country code',
    match: /国家代码|國家代碼|区号|區號|国际区号|国家\/地区|รหัสประเทศ|(?<![a-z])(country ?code|area ?code|area ?tel(ephone)?|(phone|tel|dial) ?prefix|dial(ling)? ?code|calling code|c[óo]digo (de )?(pa[ií]s|[áa]rea|marcaci[óo]n)|prefijo|lada|kode (negara|area)|ddi|ddd|mã (quốc gia|vùng))(?![a-z])/i,
    skip: /加区号|含区号|带区号|(con|incluye|incluyendo|sin|with|incl\w*|com|sem|\+) ?(la |o )?(lada|area code|ddd|c[óo]digo de [áa]rea)/i,
  },
  // An image captcha named as such in the label or placeholder is never an SMS code.
  {
    what: 'captcha',
    match: /图形验证码|图片验证码|图形码|图像验证码|圖形驗證碼|圖片驗證碼|看不清|换一张|換一張|(?<![a-z])(img ?code|image ?code|pic ?code|picture ?code|graphic ?code|verify ?img|c[óo]digo (de la )?imagen|kode captcha|characters (in|from) the (image|picture))(?![a-z])/i,
    blocks: ['otp'],
  },
  // A box merely named "captcha" often takes the SMS code: SMS words or a send-code button cancel it.
  {
    what: 'captcha',
    match: /(?<![a-z])(captcha|kaptcha|recaptcha|captcha ?text|captcha ?code)(?![a-z])/i,
    skip: SMS_WORDS,
    unlessCodeButton: true,
    blocks: ['otp'],
  },
  {
    what: 'postal code',
    match: /邮编|邮政编码|郵遞區號|郵政編碼|รหัสไปรษณีย์|पिन ?कोड|(?<![a-z])(zip|zip ?code|postal|post ?code|postcode|c[óo]digo postal|cep|kode ?pos|mã bưu (chính|điện)|pin ?code|pincode)(?![a-z])/i,
  },
  {
    what: 'amount',
    match: /金额|金額|数量|數量|额度|額度|价格|價格|收入|月薪|工资|期限|จำนวนเงิน|राशि|(?<![a-z])(amount|monto|importe|cantidad|jumlah|nominal|valor|quantity|qty|price|precio|harga|pre[çc]o|salary|salario|sueldo|income|ingresos|ingreso mensual|penghasilan|gaji|renda|số tiền|tenor|plazo|loan term|credit limit|l[íi]mite( dispon[íi]vel| de cr[ée]dito)?|limit kredit)(?![a-z])|^(R\$|US\$|\$|¥|￥|Rp|S\/|₱|₫|฿|€)\s?[\d.,]+$/i,
  },
  {
    what: 'password',
    match: /密码|密碼|รหัสผ่าน|पासवर्ड|(?<![a-z])(password|passwd|pwd|contrase[ñn]a|clave (de acceso|secreta)|kata ?sandi|sandi|senha|mật khẩu|pin)(?![a-z])/i,
    skip: /动态|動態|短信|簡訊|ครั้งเดียว|(?<![a-z])(one[- ]?time|otp|sms)(?![a-z])/i,
  },
  {
    what: 'email',
    match: /邮箱|郵箱|电子邮件|電子郵件|อีเมล|(?<![a-z])(e-?mail|correo|surel|thư điện tử)(?![a-z])/i,
    skip: PHONE_WORDS,
  },
  {
    what: 'person name',
    match: /姓名|名字|姓氏|户名|戶名|持卡人|开户名|收款人|ชื่อ|नाम|(?<![a-z])((first|last|full|middle|given|family|sur|user|nick|holder|account|card) ?name|name|nombres?|apellidos?|nama|nome|sobrenome|họ (và )?tên|tên|(card|account) ?holder|titular de la (cuenta|tarjeta)|pemilik rekening|beneficiar(y|io))(?![a-z])/i,
    skip: new RegExp(`号|號|码|碼|(?<![a-z])(n[uú]mero|number|no\\.|num|nro|nomor|số)(?![a-z])|${PHONE_WORDS.source}`, 'i'),
  },
  {
    what: 'date',
    match: /出生|生日|日期|有效期|到期|วันเกิด|जन्म|(?<![a-z])(birth\w*|dob|date|fecha|nacimiento|tanggal|tgl|lahir|data de|nascimento|ngày( sinh)?|expir\w*|vencimiento|caducidad|validade|masa berlaku|valid thru|mm ?\/ ?(yy|aa))(?![a-z])/i,
  },
  {
    what: 'other number',
    match: /条码|條碼|载具|載具|工号|工號|员工|学号|學號|订单|訂單|运单|快递单|优惠码|优惠券|兑换码|邀请码|邀請碼|推荐码|推薦碼|推广码|会员|會員|礼品卡|卡密|(?<![a-z])(employee|staff|student|tracking|waybill|resi|coupon|cup[óo]n|cupom|voucher|promo\w*|discount|descuento|desconto|diskon|gift|redeem|invit\w*|convite|undangan|referral|referido|indica[çc][ãa]o|referal|membership|order ?(id|no|num|number)|pedido|orden|pesanan|expediente|policy|p[óo]liza|ticket|serial|imei|placa|booking|reserva\w*|contract|contrato|hợp đồng|phiếu|kontrak)(?![a-z])|合同|合約/i,
  },
  {
    what: 'address or job',
    match: /地址|住址|城市|单位|公司|职业|学历|ที่อยู่|(?<![a-z])(address|direcci[óo]n|domicilio|alamat|endere[çc]o|địa chỉ|city|ciudad|kota|street|calle|company|empresa|perusahaan|occupation|ocupaci[óo]n|pekerjaan|profesi[óo]n|job)(?![a-z])/i,
    skip: PHONE_WORDS,
  },
  {
    what: 'card security code',
    match: /安全码|卡背|(?<![a-z])(cvv2?|cvc2?|csc|cvn|security code|c[óo]digo de seguridad)(?![a-z])/i,
    skip: /短信|(?<![a-z])(sms|sent|enviad[oa]|phone|celular)(?![a-z])/i,
    blocks: ['bank-card', 'otp'],
  },
  {
    what: 'bank name or branch',
    match: /开户行|开户银行|開戶行|支行|银行名称|(?<![a-z])(bank name|nombre del banco|nama bank|nome do banco|branch|sucursal|cabang|ag[êe]ncia|banco|bank)(?![a-z])/i,
    skip: /卡号|账号|帳號|(?<![a-z])(n[uú]mero|number|nomor|no|card|tarjeta|cart[ãa]o|kartu|rekening|cuenta|conta|clabe|account)(?![a-z])/i,
    blocks: ['bank-card'],
  },
  {
    what: 'bank or branch code',
    match: /联行号|行号|支行号|銀行代碼|分行代碼|(?<![a-z])(ifsc|swift|bic|routing( number)?|aba|sort ?code|branch ?(code|no|number)|bank ?code|c[óo]digo (del? )?(banco|sucursal|ag[êe]ncia)|kode (bank|cabang)|mã (ngân hàng|chi nhánh))(?![a-z])/i,
    blocks: ['bank-card', 'otp'],
  },
  {
    what: 'phone or another login',
    match: new RegExp(
      `(${PHONE_WORDS.source})(号码?|號碼?| ?(number|no\\.?|n[uú]mero))?\\s*(\\/|或者?|or|o|ou|atau|hoặc|หรือ|,)\\s*(邮箱|郵箱|用户名|用戶名|账号|帳號|e-?mail|correo|user ?name|usuario|rfc|curp|cpf|nik)|(邮箱|郵箱|用户名|用戶名|账号|帳號|e-?mail|correo|user ?name|usuario|rfc|curp|cpf|nik)\\s*(\\/|或者?|or|o|ou|atau|hoặc|หรือ|,)\\s*(${PHONE_WORDS.source})`,
      'i',
    ),
  },
  {
    what: 'yes/no question',
    match: /是否|(?<![a-z])(has|have|do you have|tiene|tienes|possui|punya|apakah|có)[ _]?(a |un |una |um |uma )?(credit[ _]?card|tarjeta|cart[ãa]o|kartu|th[ẻe]|phone|tel[ée]fono)/i,
  },
  { what: 'phone extension', match: /分机|分機|(?<![a-z])(ext|extension|extensi[óo]n|ramal)(?![a-z])/i, blocks: ['phone'] },
  { what: 'IP address', match: /(?<![a-z])(ip|ip address|direcci[óo]n ip|n[uú]mero de ip)(?![a-z])/i },
  {
    what: 'place of issue',
    match: /签发机关|簽發機關|发证机关|(?<![a-z])(nơi cấp|noi cap|place of issue|lugar de expedici[óo]n|tempat terbit|issued by|country ?of ?issue|issuing country|pa[íi]s (que otorg[óo]|de emisi[óo]n|emisor))(?![a-z])/i,
    blocks: ['national-id'],
  },
];

/** autocomplete tokens that name one of our kinds outright. */
export const AUTOCOMPLETE_KINDS: Readonly<Record<string, FieldKind>> = {
  tel: 'phone',
  'tel-national': 'phone',
  'tel-local': 'phone',
  'cc-number': 'bank-card',
  'one-time-code': 'otp',
};

/** autocomplete tokens that say the field is something else. */
export const AUTOCOMPLETE_NOT =
  /^(tel-country-code|tel-area-code|tel-extension|postal-code|email|name|given-name|family-name|additional-name|nickname|bday\S*|cc-name|cc-exp\S*|cc-csc|cc-type|transaction-amount|street-address|address-line\d|address-level\d|country|country-name|organization|url|sex)$/;

/** Types a field of ours never has (checked before anything else). */
export const SKIP_TYPES =
  /^(hidden|checkbox|radio|file|submit|button|reset|image|range|color|date|datetime-local|month|week|time|email|url|search)$/;

/** Lowest maxlength that can hold each kind (one box; split fields use the total). */
// Bank accounts can be as short as 8 digits (UK); cards are longer, but one rule covers both.
export const MIN_LENGTH: Readonly<Record<FieldKind, number>> = { 'national-id': 6, phone: 6, 'bank-card': 8, otp: 4 };

/** Longest box a one-time code comes in: a longer box that also names the phone is the phone. */
export const OTP_MAX_LENGTH = 8;

/** Typical maxlength per kind: a hint only, never enough on its own. */
export const MAXLENGTH_HINTS: Readonly<Record<FieldKind, (n: number) => boolean>> = {
  'national-id': (n) => n >= 8 && n <= 20,
  phone: (n) => n >= 9 && n <= 16,
  'bank-card': (n) => n >= 16 && n <= 23,
  otp: (n) => n >= 4 && n <= 8,
};

/** Expected ID lengths (raw or with separators) per country, for a stronger maxlength hint. */
export const ID_LENGTHS: Readonly<Record<string, readonly number[]>> = {
  CN: [18],
  MX: [18],
  ID: [16],
  BR: [11, 14],
  IN: [10, 12, 14],
  TH: [13, 17],
  PE: [8],
  ES: [9],
  CL: [9, 10, 12],
  PK: [13, 15],
  VN: [12],
  PH: [12, 16, 14, 19],
  NG: [11],
  CO: [10],
  US: [9, 11],
};

/** Words that settle a DNI between Peru and Spain. */
export const DNI_PE = /per[uú]|reniec/i;
export const DNI_ES = /espa[ñn]a|(?<![a-z])(nie|nif|letra)(?![a-z])/i;

/** Placeholder of a country-code box: "+86", "52". */
export const COUNTRY_CODE_PLACEHOLDER = /^\s*\+\s?\d{1,4}\s*$/;
