// Data for the loan-page classifier (lib/loan-classifier.ts): vocabulary per language, URL words and
// the feature weights. Data only, so rules can be tuned or extended without touching the logic.
//
// Term conventions (applied by the classifier when it compiles these lists):
// - A list is one string of terms separated by "|" (compact: this ships in every frame's content script).
// - Terms are plain text, matched case-insensitively; Latin-script terms only as whole words.
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
  // zh: simplified and traditional Chinese together; pages mix them and both use the same words.
  zh: {
    loan: '借款|贷款|貸款|借钱|借錢|借贷|借貸|额度|額度|!放款|!撥款|!秒批|!网贷|!網貸|分期|!日息|月息|年化|到账|到帳|可借|!下款|!信用贷|信贷|!信貸|小额|小額|周转|週轉|!急用钱|还款|還款|利率|借呗|授信|征信|!徵信|提现|车贷|車貸|房贷|房貸|汽車借款|機車借款|!免抵押|!无抵押|!無抵押|息费|利息|!借款协议|!借款合同|!贷款合同|!借款人|!貸款契約|!借款契約|!征信授权|!征信查询|!个人征信|!秒到账|!年化利率|!最高可借|!当天放款|!借款额度|!可借额度|!貸款額度|!借款金额|!借款金額|!借款期限|!还款方式|!還款方式|!月付|!快速到账|!審核撥款|!核貸',
    apply: '立即借款|马上借款|我要借款|申请借款|申请贷款|立即贷款|去借钱|马上借钱|立即借钱|领取额度|查看额度|获取额度|测额度|测测额度|立即提现|马上拿钱|申請貸款|立即貸款|馬上借款|我要借錢|立即借錢|查詢額度|申請借款|免費試算額度',
    generic: '立即申请|马上申请|立即申請|馬上申請|线上申请|線上申辦|立即办理',
    skip: '信用卡分期|信用卡|开户行|開戶行|分期付款|免息分期|零利率分期|花呗分期',
    articleTitle: '如何|怎么|怎样|怎麼|什么是|什麼是|指南|攻略|警惕|揭秘|曝光|记者|記者|报道|報導|新闻|新聞|案例|提醒|骗局|騙局|诈骗|詐騙',
    byline: '记者|記者|责任编辑|責任編輯|来源：|來源：|发布时间|發布時間|编辑：|編輯：|作者：',
    contexts: {
      train: '12306|火车票|火車票|车票|车次|乘车人|乘車人|铁路|鐵路|高铁|高鐵|旅客|乘客',
      hospital: '挂号|掛號|医院|醫院|门诊|門診|就诊|就診|科室|医生|醫師|医师|预约就医|体检|病历|就诊人|患者',
      shop: '购物车|購物車|结算|結帳|结账|订单|訂單|收货地址|收货人|收件人|配送|运费|運費|商品|提交订单|确认订单|確認訂單|付款方式|超商取貨',
      telecom: '实名登记|實名登記|SIM卡|号卡|手机卡|运营商|電信|电信|套餐|携号转网|入网|电话卡|门号|門號|預付卡|选号',
      bank_account: '在线开户|线上开户|开立账户|个人开户|开户申请|预约开户|储蓄账户|储蓄卡|一类户|二类户|电子账户|借记卡申领|線上開戶|開立帳戶|數位帳戶|数字账户|活期存款|定期存款',
      government: '政务|政務|人民政府|一网通办|统一身份认证|政府|税务|稅務|戶政|政务服务|办事大厅|國民身分',
      video: '视频|影片|会员|會員|追剧|追劇|弹幕|番剧|直播|影视|影視|综艺|电视剧|电影',
    },
    amount: '金额|金額|借款|额度|額度|贷款|貸款',
  },
  en: {
    loan: 'loan|loans|!payday|!cash advance|borrow|borrowing|lender|lenders|lending|!APR|!installment loan|!instant approval|!get cash|funding|repayment|interest rate|!personal loan|line of credit|title loan|!bad credit|!no credit check|!direct lender|!disbursal|disbursement|EMI|credit limit|!instant cash|quick cash|emergency cash|funded|tenure|!loan agreement|!same-day funding|!same day funding|!loan amount|!loan offer|!instant loan|!loan tenure|!repayment schedule|!credit check|!soft credit check',
    apply: 'get my loan|apply for a loan|apply for loan|apply for your loan|get cash now|get my cash|borrow now|check my rate|see my offers|get funded|request cash|get loan|get a loan|get instant loan|apply for cash advance|get my cash advance|check loan eligibility|request a loan',
    generic: 'apply now|apply|check eligibility|check your eligibility|get started',
    skip: 'credit card|credit or debit|debit or credit',
    articleTitle: 'how to|what is|what are|guide|tips|things to know|explained|news|scam|scams|warning|review|reviews|vs|investigation',
    byline: 'reporter|staff writer|published|updated|posted on|written by|min read|editor',
    contexts: {
      train: 'train tickets|train ticket|railway|rail|amtrak|passenger|passengers|IRCTC',
      hospital: 'hospital|clinic|appointment|doctor|patient|medical|physician|healthcare',
      shop: 'checkout|cart|shipping|order summary|place order|delivery|subtotal|your order',
      telecom: 'SIM registration|SIM card|register your SIM|prepaid|mobile plan|carrier|SIM|eSIM',
      bank_account: 'open an account|open account|checking account|savings account|open a bank account|open your account|account opening',
      government: 'government|tax|social security administration|citizen|public services|passport|gov',
      video: 'streaming|watch|episodes|movies|shows|video|videos|series',
    },
    amount: 'amount|principal',
  },
  es: {
    loan: '!préstamo|!préstamos|prestamo|prestamos|crédito|credito|créditos|solicitar|monto|plazo|tasa|!CAT|interés|financiamiento|!dinero rápido|!préstamo personal|!préstamo en línea|!aprobación inmediata|!sin buró|!buró de crédito|depósito|quincenas|!prestamista|efectivo|cuotas|!desembolso|!monto del préstamo|!plazo del préstamo|!tasa de interés|!contrato de préstamo|!consulta de buró',
    apply: 'solicitar préstamo|solicita tu préstamo|pedir préstamo|pide tu préstamo|quiero mi préstamo|obtener préstamo|obtén tu préstamo|solicitar crédito|solicita tu crédito|obtén tu dinero|quiero mi dinero|pedir dinero|solicitar prestamo',
    generic: 'solicitar|solicitar ahora|solicita ahora|aplicar ahora|aplica ya',
    skip: 'tarjeta de crédito|tarjeta de credito|crédito o débito|débito o crédito|meses sin intereses',
    articleTitle: 'cómo|como elegir|qué es|guía|consejos|noticias|fraude|estafa|alerta|reportaje|denuncian',
    byline: 'redacción|publicado|actualizado|por:|periodista|corresponsal',
    contexts: {
      train: 'boletos de tren|tren|autobús|pasajero|pasajeros|boletos',
      hospital: 'cita médica|citas médicas|hospital|clínica|consulta|médico|paciente|salud|cita|especialidad|agendar cita',
      shop: 'carrito|envío|pedido|finalizar compra|resumen del pedido|tu compra|subtotal',
      telecom: 'registro de SIM|registro de telefonía|chip|nueva línea|recarga|telefonía|portabilidad|padrón|tarjeta SIM|SIM',
      bank_account: 'abrir cuenta|abre tu cuenta|cuenta de ahorro|cuenta de ahorros|cuenta de débito|apertura de cuenta|abrir una cuenta',
      government: 'gobierno|trámite|trámites|SAT|ciudadano|servicios públicos|gob.mx',
      video: 'streaming|películas|series|episodios',
    },
    amount: 'monto|importe|cantidad',
  },
  pt: {
    loan: '!empréstimo|!emprestimo|!empréstimos|!crédito pessoal|!crédito consignado|!consignado|parcelas|parcela|juros|!taxa de juros|!CET|!margem consignável|antecipação|!saque-aniversário|!dinheiro na conta|!valor liberado|crédito|credito|simulação|simular|contratar|!antecipação do saque|!contrato de empréstimo|!consulta ao SCR',
    apply: 'pedir empréstimo|solicitar empréstimo|contratar empréstimo|simular empréstimo|quero meu empréstimo|contratar crédito|pegar empréstimo|antecipar saque-aniversário|antecipar FGTS|quero meu dinheiro|simular crédito|solicitar crédito|pedir emprestimo',
    generic: 'contratar agora|simular agora|simular|solicitar agora|contratar',
    skip: 'cartão de crédito|cartao de credito|crédito ou débito|débito ou crédito|sem juros|parcelas sem juros',
    articleTitle: 'como escolher|como fazer|o que é|entenda|saiba|dicas|guia|golpe|notícias|alerta',
    byline: 'redação|publicado em|atualizado em|por:|repórter|colunista',
    contexts: {
      train: 'passagens|passagem de trem|trem|ônibus|passageiro',
      hospital: 'consulta|agendamento|agendar consulta|clínica|hospital|médico|paciente|SUS|unidade de saúde|exame|especialidade',
      shop: 'carrinho|finalizar compra|frete|entrega|pedido|resumo do pedido|endereço de entrega|subtotal|sua compra',
      telecom: 'chip|recarga|operadora|pré-pago|cadastro pré-pago|portabilidade|nova linha',
      bank_account: 'abrir conta|abra sua conta|conta digital|conta corrente|conta poupança|abertura de conta|abra já sua conta',
      government: 'gov.br|governo|serviços públicos|cidadão|receita federal|serviços do governo',
      video: 'assistir|filmes|séries|streaming',
    },
    amount: 'valor|quantia|montante',
  },
  id: {
    loan: '!pinjaman|!pinjol|!pinjaman online|!dana cair|cair|tenor|bunga|kredit|!KTA|!limit pinjaman|!pencairan|angsuran|cicilan|!OJK|dana tunai|pinjam|meminjam|!peminjam|limit kredit|!perjanjian pinjaman|!bunga harian|!pinjaman tunai',
    apply: 'ajukan pinjaman|pinjam sekarang|ajukan dana|cairkan dana|dapatkan pinjaman|ajukan kredit|cek limit|pinjam dana|ambil pinjaman',
    generic: 'ajukan sekarang|ajukan|daftar sekarang',
    skip: 'kartu kredit|cicilan 0%',
    articleTitle: 'cara|apa itu|tips|panduan|berita|waspada|penipuan',
    byline: 'penulis|diterbitkan|diperbarui|reporter|editor',
    contexts: {
      train: 'tiket kereta|KAI|kereta api|penumpang',
      hospital: 'rumah sakit|klinik|dokter|pasien|janji temu|pendaftaran pasien|poli|BPJS Kesehatan|poliklinik',
      shop: 'keranjang|checkout|pengiriman|ongkir|pesanan|alamat pengiriman',
      telecom: 'registrasi kartu|kartu prabayar|kartu SIM|operator|pulsa|paket data|registrasi SIM',
      bank_account: 'buka rekening|pembukaan rekening|tabungan|rekening baru',
      government: 'pemerintah|layanan publik|dukcapil|kependudukan|pajak',
      video: 'nonton|film|streaming|serial',
    },
    amount: 'jumlah|nominal',
  },
  vi: {
    loan: '!vay tiền|!khoản vay|vay|!vay nhanh|!vay online|!giải ngân|lãi suất|hạn mức|trả góp|kỳ hạn|!vay tiêu dùng|tín dụng|!duyệt vay|!số tiền vay|!người vay|!hợp đồng vay',
    apply: 'vay ngay|đăng ký vay|nhận khoản vay|vay tiền ngay|nhận tiền ngay',
    generic: 'đăng ký ngay|đăng ký',
    skip: 'thẻ tín dụng',
    articleTitle: 'cách|là gì|hướng dẫn|tin tức|cảnh báo|lừa đảo',
    byline: 'tác giả|cập nhật|phóng viên|đăng lúc',
    contexts: {
      train: 'vé tàu|đường sắt|hành khách',
      hospital: 'bệnh viện|phòng khám|đặt lịch khám|bác sĩ|bệnh nhân|khám bệnh',
      shop: 'giỏ hàng|đơn hàng|giao hàng|phí vận chuyển',
      telecom: 'thông tin thuê bao|thuê bao|sim|nhà mạng|chuẩn hóa thông tin|gói cước',
      bank_account: 'mở tài khoản|tài khoản thanh toán|sổ tiết kiệm|gửi tiết kiệm',
      government: 'dịch vụ công|chính phủ|cổng dịch vụ công',
      video: 'xem phim|phim',
    },
    amount: 'sotien|so_tien|số tiền',
  },
  th: {
    loan: '!เงินกู้|!สินเชื่อ|!กู้เงิน|ยืมเงิน|วงเงิน|!อนุมัติไว|ดอกเบี้ย|ผ่อน|งวด|!เงินด่วน|!สัญญาเงินกู้|!สินเชื่อส่วนบุคคล',
    apply: 'สมัครสินเชื่อ|ขอสินเชื่อ|กู้เลย|ยื่นกู้|ขอกู้|กู้เงินเลย|สมัครกู้',
    generic: 'สมัครเลย|สมัครตอนนี้',
    skip: 'บัตรเครดิต',
    articleTitle: 'วิธี|คืออะไร|ข่าว|เตือนภัย|มิจฉาชีพ|แนะนำ',
    byline: 'ผู้เขียน|เผยแพร่|อัปเดต|ผู้สื่อข่าว',
    contexts: {
      train: 'ตั๋วรถไฟ|การรถไฟ|ผู้โดยสาร',
      hospital: 'โรงพยาบาล|คลินิก|นัดหมายแพทย์|ผู้ป่วย|นัดแพทย์',
      shop: 'ตะกร้าสินค้า|คำสั่งซื้อ|ที่อยู่จัดส่ง|ค่าจัดส่ง',
      telecom: 'ลงทะเบียนซิม|ซิมการ์ด|เติมเงิน|ค่ายมือถือ|ซิม',
      bank_account: 'เปิดบัญชี|บัญชีออมทรัพย์',
      government: 'ภาครัฐ|หน่วยงานราชการ',
      video: 'ดูหนัง|ซีรีส์',
    },
    amount: 'จำนวนเงิน|วงเงิน',
  },
};

/** Substrings of a URL (host and path, lower-case) that name lending; romanised Chinese included. */
export const URL_LOAN_WORDS =
  'loan|pinjaman|pinjam|pinjol|prestamo|daikuan|jiekuan|jiedai|jieqian|credito|emprestimo|consignado|payday|' +
  'cashadvance|cash-advance|vaytien|vay-tien|khoanvay|kredit|lending|borrow|sinchue|ngernkoo';

/** URL parts of non-loan services (railway, government, hospital, shop), as [context, substring]. */
export const URL_NON_LOAN: readonly (readonly [NonLoanContext, string])[] = [
  ['train', '12306'], ['train', 'railway'], ['train', 'irctc'],
  ['government', '.gov.'], ['government', '.gob.'], ['government', '.go.id'], ['government', '.go.th'],
  ['government', '.gov/'], ['government', 'gov.br/'], ['government', '.gouv.'],
  ['hospital', 'hospital'], ['hospital', 'clinic'], ['hospital', 'guahao'], ['hospital', 'yiyuan'],
  ['shop', '/checkout'], ['shop', '/cart'], ['shop', 'jiesuan'],
  ['telecom', 'shiming'], ['telecom', 'sim-registration'], ['telecom', 'registrasi'],
  ['bank_account', 'kaihu'], ['bank_account', 'open-account'], ['bank_account', 'abrir-conta'],
  ['bank_account', 'abrir-cuenta'],
];

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
  agreementLink: 1.5,
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
