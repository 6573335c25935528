// Data for the loan-page classifier (lib/detect/loan-features.ts): vocabulary per language and URL words.
// Data only, so rules can be extended without touching the logic; the features' weights are learned
// from the corpus (`npm run train`) and live in loan-weights.ts.
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

import { AMOUNT_WORDS } from './amount-words';

/** Kinds of sign-up page that legitimately ask for an ID number, phone or card but lend nothing. */
export type NonLoanContext =
  | 'train'
  | 'hospital'
  | 'shop'
  | 'telecom'
  | 'bank_account'
  | 'government'
  | 'video'
  | 'calculator';

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
  /**
   * A lender's staff back office: records of customers in the third person, approving and rejecting,
   * managing. Borrowers' pages say "you"; back offices say "the customer".
   */
  staff: string;
  /** A P2P platform's investor side: investing, expected returns. */
  investor: string;
  /** Emergency / reference contacts and their relationship: what cash lenders ask for to collect. */
  emergency: string;
  /** Income and employment questions of a credit application. */
  income: string;
  /** Question-and-answer pages and comparison sites: about loans, but not a lender's form. */
  faq: string;
}

export const LOAN_RULES: Readonly<Record<string, LanguageRules>> = {
  // Simplified and traditional Chinese together: pages mix them and share most words.
  zh: {
    loan:
      '借款|贷款|貸款|借钱|借錢|借贷|借貸|额度|額度|!放款|!撥款|!秒批|!网贷|!網貸|分期|!日息|月息|年化|到账|可借|!下款|' +
      '!信用贷|!信貸|小额|小額|周转|!急用钱|还款|還款|利率|授信|征信|提现|!免抵押|!无抵押|!借款协议|!借款合同|!借款人|' +
      '!征信授权|!征信查询|!秒到账|!年化利率|!最高可借|!当天放款|!借款金额|!借款期限|!还款方式|!核貸|!典当|!當舖|!当铺|借款人|!放款金额|!到期还款|!分期还款',
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
      calculator: '计算器|計算機|房贷计算|贷款计算|試算',
    },
    amount: AMOUNT_WORDS.zh,
    staff:
      '客户姓名|客户名称|客户列表|客户管理|客户信息|新增客户|添加客户|客戶資料|借款人列表|审核状态|待审核|驳回|催收|' +
      '贷后管理|放款管理|进件|业务员|操作员|操作人|管理后台|后台管理|管理系统|批量导出|導出',
    investor: '出借人|我要出借|出借金额|投资|投資|理财|理財|预期年化|預期年化|年化收益|收益率|起投|标的|標的|散标|债权转让|債權轉讓|体验金|投标',
    emergency: '紧急联系人|緊急聯絡人|联系人关系|直系亲属|直系親屬|亲属关系|第一联系人|第二联系人|联系人姓名|联系人手机|配偶|父母|兄弟姐妹',
    income: '月收入|收入|月薪|工资|薪资|薪資|发薪日|发薪|工作单位|单位名称|单位电话|职业|職業|工作年限|公司名称',
    faq: '常见问题|常見問題|问题解答|帮助中心|幫助中心|贷款超市|产品对比|比较|比較|推荐平台',
  },
  en: {
    loan:
      'loan|!payday|!cash advance|borrow|lender|lending|!APR|!instant approval|funding|repayment|interest rate|' +
      '!personal loan|line of credit|title loan|!bad credit|!no credit check|!direct lender|!disbursal|EMI|' +
      'credit limit|!instant cash|quick cash|tenure|!loan agreement|!same-day funding|!loan amount|!loan offer|' +
      '!instant loan|!credit check|!installment loan|get my cash|!pawn|!pawnshop|!borrower|!loan term|!loan application',
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
      calculator: 'calculator|loan calculator|mortgage calculator|calculate your',
    },
    amount: AMOUNT_WORDS.en,
    staff:
      'administrator|back office|approve|reject|customer list|customer details|client list|borrowers list|' +
      'loan officer|manage loans|add customer|add client|new client|edit customer|edit client|loan applications|collections',
    investor: 'invest|investor|investors|investing|portfolio|earn interest|lenders earn',
    emergency: 'emergency contact|next of kin|reference name|references|personal reference|relationship|relative',
    income: 'monthly income|income|salary|employer|employment status|net pay|pay frequency|occupation|employer name',
    faq: 'FAQ|frequently asked questions|compare|comparison|best loans|top lenders|our partners|reviews',
  },
  es: {
    loan:
      '!préstamo|!prestamo|crédito|credito|solicitar|monto|plazo|tasa|!CAT|interés|financiamiento|dinero rápido|' +
      '!préstamo personal|!préstamo en línea|!aprobación inmediata|!sin buró|!buró de crédito|depósito|quincena|' +
      '!prestamista|efectivo|cuota|!desembolso|!monto del préstamo|!tasa de interés|!contrato de préstamo|!consulta de buró|!empeño|!casa de empeño|!solicitud de crédito|!solicitud de préstamo',
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
      calculator: 'calculadora|calcula tu',
    },
    amount: AMOUNT_WORDS.es,
    staff: 'panel de administración|aprobar|rechazar|lista de clientes|nuevo cliente|editar cliente|asesor|cobranza|acreditado',
    investor: 'inversión|inversion|inversionista|invertir|rendimiento|GAT|ganancia|inversionistas',
    emergency: 'contacto de emergencia|referencia personal|referencias personales|referencias|parentesco|referencia familiar',
    income: 'ingreso mensual|ingresos|salario|sueldo|empresa donde trabaja|antigüedad laboral|ocupación|empleador',
    faq: 'preguntas frecuentes|comparador|comparar|compara|mejores préstamos',
  },
  pt: {
    loan:
      '!empréstimo|!emprestimo|!crédito pessoal|!consignado|parcela|juros|!taxa de juros|!CET|!margem consignável|' +
      'antecipação|!saque-aniversário|!dinheiro na conta|!valor liberado|simulação|!contrato de empréstimo|!consulta ao SCR|!penhor|!solicitação de empréstimo',
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
      calculator: 'calculadora|calcule',
    },
    amount: AMOUNT_WORDS.pt,
    staff: 'painel administrativo|aprovar|reprovar|cadastro de cliente|novo cliente|editar cliente|cobrança|lista de clientes',
    investor: 'investimento|investidor|investir|rendimento|rentabilidade|investidores',
    emergency: 'contato de emergência|referência pessoal|referências|parentesco',
    income: 'renda mensal|renda|salário|empregador|profissão|ocupação',
    faq: 'perguntas frequentes|comparador|comparar|compare|melhores empréstimos',
  },
  id: {
    loan:
      '!pinjaman|!pinjol|!dana cair|cair|tenor|bunga|kredit|!KTA|!pencairan|angsuran|cicilan|!OJK|dana tunai|pinjam|' +
      '!peminjam|limit kredit|!perjanjian pinjaman|!bunga harian|!gadai|!pegadaian|jatuh tempo|!data pinjaman',
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
      calculator: 'kalkulator|hitung',
    },
    amount: AMOUNT_WORDS.id,
    staff: 'data nasabah|tambah nasabah|daftar nasabah|nama nasabah|setujui|tolak|petugas|penagihan|kelola',
    investor: 'pendana|investasi|investor|imbal hasil|pemberi pinjaman|berinvestasi',
    emergency: 'kontak darurat|hubungan keluarga|kerabat|kontak keluarga|hubungan dengan',
    income: 'penghasilan|gaji|pendapatan|pekerjaan|nama perusahaan|lama bekerja',
    faq: 'pertanyaan umum|tanya jawab|bandingkan|perbandingan|rekomendasi',
  },
  vi: {
    loan:
      '!vay tiền|!khoản vay|vay|!vay nhanh|!vay online|!giải ngân|lãi suất|hạn mức|trả góp|kỳ hạn|!vay tiêu dùng|' +
      'tín dụng|!duyệt vay|!số tiền vay|!người vay|!hợp đồng vay|!cầm đồ|!hồ sơ vay|!thời hạn vay',
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
      calculator: 'công cụ tính|tính lãi|bảng tính',
    },
    amount: AMOUNT_WORDS.vi,
    staff: 'quản trị|từ chối|danh sách khách hàng|thêm khách hàng|hồ sơ khách hàng|tên khách hàng|gửi duyệt|phê duyệt|cán bộ',
    investor: 'nhà đầu tư|đầu tư|lợi nhuận',
    emergency: 'người thân|liên hệ khẩn cấp|mối quan hệ|người tham chiếu|quan hệ',
    income: 'thu nhập|lương|nghề nghiệp|công ty|nơi làm việc',
    faq: 'câu hỏi thường gặp|hỏi đáp|so sánh|đánh giá|tư vấn',
  },
  th: {
    loan: '!เงินกู้|!สินเชื่อ|!กู้เงิน|ยืมเงิน|วงเงิน|!อนุมัติไว|ดอกเบี้ย|ผ่อน|งวด|!เงินด่วน|!จำนำ|!ขายฝาก|!ผู้กู้|!ยื่นกู้',
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
      calculator: 'คำนวณ|เครื่องคิด',
    },
    amount: AMOUNT_WORDS.th,
    staff: 'ผู้ดูแลระบบ|ไม่อนุมัติ|รายชื่อลูกค้า|เพิ่มลูกค้า|ข้อมูลลูกค้า|ชื่อลูกค้า|จัดการ',
    investor: 'นักลงทุน|ลงทุน|ผลตอบแทน',
    emergency: 'บุคคลอ้างอิง|ผู้ติดต่อฉุกเฉิน|ความสัมพันธ์|ญาติ',
    income: 'รายได้|เงินเดือน|อาชีพ|สถานที่ทำงาน',
    faq: 'คำถามที่พบบ่อย|เปรียบเทียบ|รีวิว',
  },
};

/** Substrings of a URL (host and path, lower-case) of non-loan services, per context. */
export const URL_NON_LOAN: Readonly<Partial<Record<NonLoanContext, string>>> = {
  train: '12306|railway|irctc',
  government: '.gov.|.gob.|.go.id|.go.th|.gov/|gov.br/|.gouv.',
  hospital: 'hospital|clinic|guahao|yiyuan',
  shop: '/checkout|/cart|jiesuan',
  telecom: 'shiming|sim-registration|registrasi',
  bank_account: 'kaihu|open-account|abrir-conta|abrir-cuenta',
};
