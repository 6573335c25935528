// Data for the loan-page classifier (lib/detect/loan-classifier.ts): vocabulary per language, URL words and
// the feature weights. Data only, so rules can be tuned or extended without touching the logic.
//
// Term conventions (applied by the classifier when it compiles these lists):
// - A list is one string of terms separated by "|" (compact: this ships in every frame's content script).
// - Terms are plain text, matched case-insensitively; Latin-script terms only as whole words, with an
//   optional plural "s" ("loan" also finds "loans", "préstamo" "préstamos").
// - Terms in CJK or Thai script match anywhere (those scripts do not separate words by spaces).
// - An all-caps acronym of 2–4 letters (APR, CAT, CET) matches case-sensitively, so "CAT" (Mexico's
//   total annual cost) is not the English word "cat".
// - In `loan`, a leading "!" marks a strong term: one almost only a lender uses (rates, disbursal,
//   credit-check consent), worth more in the body text.

/** Kinds of sign-up page that legitimately ask for an ID number, phone or card but lend nothing. */
export type NonLoanContext =
  | 'train'
  | 'hospital'
  | 'shop'
  | 'telecom'
  | 'bank_account'
  | 'government'
  | 'video';

/** One language's term lists, each a "|"-separated string. */
export interface LanguageRules {
  /** Loan vocabulary, counted in the title, headings, buttons and body; "!" = strong. */
  loan: string;
  /** Button phrases that ask for a loan. */
  apply: string;
  /** Generic apply / sign-up buttons: a weak hint on their own. */
  generic: string;
  /** Phrases that contain a loan word but mean something else (a credit card); blanked before matching. */
  skip: string;
  /** Title / main-heading words of explainers, guides and news. */
  articleTitle: string;
  /** Body words of a byline or dateline. */
  byline: string;
  /** Words of non-loan sign-up pages, per context. */
  contexts: Partial<Record<NonLoanContext, string>>;
  /** Substrings of an input's name / id / placeholder / aria-label that make it an amount input. */
  amount: string;
}

export const LOAN_RULES: Readonly<Record<string, LanguageRules>> = {
  // Simplified and traditional Chinese together: pages mix them and share most words.
  zh: {
    loan:
      '借款|贷款|貸款|借钱|借錢|借贷|借貸|额度|額度|!放款|!撥款|!秒批|!网贷|!網貸|分期|!日息|月息|年化|到账|可借|!下款|' +
      '!信用贷|!信貸|小额|小額|周转|!急用钱|还款|還款|利率|授信|征信|提现|!免抵押|!无抵押|!借款协议|!借款合同|!借款人|' +
      '!征信授权|!征信查询|!秒到账|!年化利率|!最高可借|!当天放款|!借款金额|!借款期限|!还款方式|!核貸',
    apply: '立即借款|我要借款|申请借款|申请贷款|领取额度|查看额度|获取额度|测额度|立即提现|申請貸款|查詢額度',
    generic: '立即申请|立即申請|立即办理',
    skip: '信用卡分期|信用卡|开户行|開戶行|分期付款|免息分期',
    articleTitle: '如何|怎么|什么是|什麼是|指南|攻略|警惕|揭秘|曝光|报道|報導|新闻|新聞|骗局|诈骗|詐騙',
    byline: '记者|記者|责任编辑|来源：|來源：|发布时间',
    contexts: {
      train: '12306|火车票|火車票|车票|车次|乘车人|铁路|鐵路|高铁|旅客',
      hospital: '挂号|掛號|医院|醫院|门诊|門診|就诊|就診|科室|医生|醫師|体检|患者',
      shop: '购物车|購物車|结算|結帳|订单|訂單|收货|收件人|运费|運費|商品|付款方式',
      telecom: '实名登记|實名登記|SIM卡|号卡|手机卡|运营商|电信|電信|套餐|入网|门号|門號',
      bank_account: '在线开户|线上开户|开户申请|预约开户|开立账户|储蓄账户|二类户|电子账户|線上開戶|數位帳戶|活期存款|定期存款',
      government: '政务|政務|政府|一网通办|统一身份认证|税务|稅務',
      video: '视频|影片|追剧|追劇|弹幕|影视|影視|综艺|电视剧|电影',
    },
    amount: '金额|金額|借款|额度|額度|贷款|貸款',
  },
  en: {
    loan:
      'loan|!payday|!cash advance|borrow|lender|lending|!APR|!instant approval|funding|repayment|interest rate|' +
      '!personal loan|line of credit|title loan|!bad credit|!no credit check|!direct lender|!disbursal|EMI|' +
      'credit limit|!instant cash|quick cash|tenure|!loan agreement|!same-day funding|!loan amount|!loan offer|' +
      '!instant loan|!credit check|!installment loan|get my cash',
    apply:
      'get my loan|apply for a loan|apply for loan|get cash now|borrow now|check my rate|get funded|get a loan|' +
      'get instant loan|get my cash advance|request a loan|see my offers',
    generic: 'apply now|apply|check eligibility',
    skip: 'credit card|credit or debit',
    articleTitle: 'how to|what is|guide|tips|things to know|explained|news|scam|warning|review|vs|investigation',
    byline: 'reporter|staff writer|published|updated|posted on|written by|min read',
    contexts: {
      train: 'train ticket|railway|rail|amtrak|passenger|IRCTC',
      hospital: 'hospital|clinic|appointment|doctor|patient|medical|healthcare',
      shop: 'checkout|cart|shipping|order summary|place order|delivery|subtotal',
      telecom: 'SIM registration|SIM card|prepaid|mobile plan|SIM',
      bank_account: 'open an account|open account|checking account|savings account|account opening',
      government: 'government|gov|tax|citizen|public services|passport',
      video: 'streaming|watch|episode|movie|shows|video|series',
    },
    amount: 'amount|principal',
  },
  es: {
    loan:
      '!préstamo|!prestamo|crédito|credito|solicitar|monto|plazo|tasa|!CAT|interés|financiamiento|dinero rápido|' +
      '!préstamo personal|!préstamo en línea|!aprobación inmediata|!sin buró|!buró de crédito|depósito|quincena|' +
      '!prestamista|efectivo|cuota|!desembolso|!monto del préstamo|!tasa de interés|!contrato de préstamo|!consulta de buró',
    apply:
      'solicitar préstamo|solicita tu préstamo|pide tu préstamo|quiero mi préstamo|solicitar crédito|' +
      'solicita tu crédito|quiero mi dinero',
    generic: 'solicitar|solicita ahora|aplica ya',
    skip: 'tarjeta de crédito|crédito o débito|meses sin intereses',
    articleTitle: 'cómo|qué es|guía|consejos|noticias|fraude|estafa|alerta|denuncian',
    byline: 'redacción|publicado|actualizado|periodista',
    contexts: {
      train: 'tren|autobús|pasajero|boleto',
      hospital: 'cita médica|clínica|consulta|médico|paciente|salud|cita',
      shop: 'carrito|envío|pedido|finalizar compra|tu compra',
      telecom: 'telefonía|chip|recarga|portabilidad|padrón|nueva línea',
      bank_account: 'abrir cuenta|abre tu cuenta|cuenta de ahorro|apertura de cuenta',
      government: 'gobierno|trámite|ciudadano|SAT',
      video: 'película|episodio',
    },
    amount: 'monto|importe|cantidad',
  },
  pt: {
    loan:
      '!empréstimo|!emprestimo|!crédito pessoal|!consignado|parcela|juros|!taxa de juros|!CET|!margem consignável|' +
      'antecipação|!saque-aniversário|!dinheiro na conta|!valor liberado|simulação|!contrato de empréstimo|!consulta ao SCR',
    apply:
      'pedir empréstimo|solicitar empréstimo|contratar empréstimo|simular empréstimo|quero meu empréstimo|' +
      'antecipar fgts|quero meu dinheiro',
    generic: 'contratar agora|simular agora|simular|contratar',
    skip: 'cartão de crédito|cartao de credito|crédito ou débito|sem juros',
    articleTitle: 'como escolher|o que é|entenda|saiba|dicas|guia|golpe|notícias',
    byline: 'redação|publicado em|atualizado em|repórter',
    contexts: {
      train: 'passagem|trem|ônibus|passageiro',
      hospital: 'agendamento|agendar consulta|SUS|exame|unidade de saúde',
      shop: 'carrinho|frete|entrega|resumo do pedido|sua compra',
      telecom: 'operadora|pré-pago|portabilidade|nova linha',
      bank_account: 'abrir conta|abra sua conta|conta digital|conta corrente|conta poupança|abertura de conta',
      government: 'gov.br|governo|cidadão|receita federal',
      video: 'assistir|filme|série',
    },
    amount: 'valor|quantia|montante',
  },
  id: {
    loan:
      '!pinjaman|!pinjol|!dana cair|cair|tenor|bunga|kredit|!KTA|!pencairan|angsuran|cicilan|!OJK|dana tunai|pinjam|' +
      '!peminjam|limit kredit|!perjanjian pinjaman|!bunga harian',
    apply: 'ajukan pinjaman|pinjam sekarang|ajukan dana|cairkan dana|dapatkan pinjaman|cek limit',
    generic: 'ajukan sekarang|ajukan|daftar sekarang',
    skip: 'kartu kredit|cicilan 0%',
    articleTitle: 'cara|apa itu|panduan|berita|waspada|penipuan',
    byline: 'penulis|diterbitkan|diperbarui',
    contexts: {
      train: 'kereta|penumpang',
      hospital: 'rumah sakit|klinik|dokter|pasien|janji temu|poli',
      shop: 'keranjang|pengiriman|ongkir|pesanan',
      telecom: 'registrasi kartu|prabayar|operator|pulsa|paket data',
      bank_account: 'buka rekening|pembukaan rekening|tabungan|rekening baru',
      government: 'pemerintah|layanan publik|dukcapil|kependudukan|pajak',
      video: 'nonton|film',
    },
    amount: 'jumlah|nominal',
  },
  vi: {
    loan:
      '!vay tiền|!khoản vay|vay|!vay nhanh|!vay online|!giải ngân|lãi suất|hạn mức|trả góp|kỳ hạn|!vay tiêu dùng|' +
      'tín dụng|!duyệt vay|!số tiền vay|!người vay|!hợp đồng vay',
    apply: 'vay ngay|đăng ký vay|nhận khoản vay|vay tiền ngay|nhận tiền ngay',
    generic: 'đăng ký ngay|đăng ký',
    skip: 'thẻ tín dụng',
    articleTitle: 'cách|là gì|hướng dẫn|tin tức|cảnh báo|lừa đảo',
    byline: 'tác giả|cập nhật|phóng viên',
    contexts: {
      train: 'vé tàu|đường sắt|hành khách',
      hospital: 'bệnh viện|phòng khám|đặt lịch khám|bác sĩ|bệnh nhân',
      shop: 'giỏ hàng|đơn hàng|giao hàng|phí vận chuyển',
      telecom: 'thuê bao|sim|nhà mạng|gói cước',
      bank_account: 'mở tài khoản|tài khoản thanh toán|sổ tiết kiệm',
      government: 'dịch vụ công|chính phủ',
      video: 'phim',
    },
    amount: 'số tiền|sotien',
  },
  th: {
    loan: '!เงินกู้|!สินเชื่อ|!กู้เงิน|ยืมเงิน|วงเงิน|!อนุมัติไว|ดอกเบี้ย|ผ่อน|งวด|!เงินด่วน',
    apply: 'สมัครสินเชื่อ|ขอสินเชื่อ|กู้เลย|ยื่นกู้|ขอกู้',
    generic: 'สมัครเลย',
    skip: 'บัตรเครดิต',
    articleTitle: 'วิธี|คืออะไร|ข่าว|เตือนภัย|มิจฉาชีพ',
    byline: 'ผู้เขียน|ผู้สื่อข่าว',
    contexts: {
      train: 'รถไฟ|ผู้โดยสาร',
      hospital: 'โรงพยาบาล|คลินิก|นัดหมายแพทย์|ผู้ป่วย',
      shop: 'ตะกร้าสินค้า|คำสั่งซื้อ|จัดส่ง',
      telecom: 'ซิม|เติมเงิน|ค่ายมือถือ',
      bank_account: 'เปิดบัญชี|ออมทรัพย์',
      government: 'ภาครัฐ',
      video: 'ดูหนัง|ซีรีส์',
    },
    amount: 'จำนวนเงิน|วงเงิน',
  },
};

/** Substrings of a URL (host and path, lower-case) that name lending; romanised Chinese included. */
export const URL_LOAN_WORDS =
  'loan|pinjaman|pinjam|pinjol|prestamo|daikuan|jiekuan|jiedai|jieqian|credito|emprestimo|consignado|payday|' +
  'cashadvance|cash-advance|vaytien|vay-tien|khoanvay|kredit|lending|borrow|sinchue|ngernkoo';

/** Substrings of a URL (host and path, lower-case) of non-loan services, per context. */
export const URL_NON_LOAN: Readonly<Partial<Record<NonLoanContext, string>>> = {
  train: '12306|railway|irctc',
  government: '.gov.|.gob.|.go.id|.go.th|.gov/|gov.br/|.gouv.',
  hospital: 'hospital|clinic|guahao|yiyuan',
  shop: '/checkout|/cart|jiesuan',
  telecom: 'shiming|sim-registration|registrasi',
  bank_account: 'kaihu|open-account|abrir-conta|abrir-cuenta',
};

/** Feature weights. Score = sum of feature weights; a page is a loan sign-up page at >= THRESHOLD. */
export const LOAN_WEIGHTS = {
  threshold: 5,
  // Title: strongest text zone (DuckDuckGo and Fathom both weight it).
  titleFirst: 3,
  titleExtra: 1,
  titleCap: 4.5,
  headingFirst: 2,
  headingExtra: 0.5,
  headingCap: 3,
  buttonApplyLoan: 3.5,
  buttonLoanWord: 2.5,
  buttonGenericApply: 1,
  bodyWeak: 0.35,
  bodyStrong: 1,
  bodyCap: 3,
  slider: 2.5,
  amountInput: 1.5,
  url: 2,
  field: { 'national-id': 1.5, phone: 1, 'bank-card': 1.5, otp: 0.5 } as Readonly<Record<string, number>>,
  fieldsCap: 3.5,
  // Articles: each part of the shape; together they must outweigh a news story's loan vocabulary.
  articleTitle: -2,
  articleMark: -1.5,
  articleMarksCap: -4.5,
  articleLongText: -2,
  articleVeryLongText: -3,
  articleCap: -9,
  /** Long paragraphs for a long text / a very long text. */
  longParagraphs: 4,
  veryLongParagraphs: 8,
  /** With this many text inputs the page is a real form, so an article-like shape counts half. */
  formInputs: 4,
  // Non-loan contexts: title, headings, buttons and URL are deliberate; the body may just mention them.
  contextTitle: -3,
  contextHeading: -2,
  contextButton: -1.5,
  contextUrl: -3,
  contextBody: -0.5,
  contextBodyCap: -1.5,
  contextCap: -6,
  reasonsCap: 8,
} as const;
