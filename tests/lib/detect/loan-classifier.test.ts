// Unit tests of the loan-page classifier (each feature, negatives that must win, reasons, threshold)
// and of the page-text extraction it reads.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyLoanDocument, classifyLoanPage, LOAN_THRESHOLD, looksLikeLender } from '@/lib/detect/loan-classifier';
import { LOAN_WEIGHTS } from '@/lib/detect/rules/loan-rules';
import { extractPageText, type PageText } from '@/lib/detect/page-text';
import type { FieldKind, FieldVerdict, LoanVerdict } from '@/lib/types';

const page = (over: Partial<PageText> = {}): PageText => ({
  title: '',
  headings: [],
  buttons: [],
  links: [],
  body: '',
  lang: '',
  url: 'https://www.example.com/',
  ...over,
});
const fields = (...kinds: FieldKind[]): FieldVerdict[] => kinds.map((kind) => ({ kind, confidence: 0.9, reasons: [] }));
const reason = (v: LoanVerdict, code: string) => v.reasons.find((r) => r.code === code);
const weightOf = (v: LoanVerdict, code: string): number => reason(v, code)?.weight ?? 0;
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('positive features', () => {
  test('title loan words are strong and named in the detail', () => {
    const v = classifyLoanPage(page({ title: '随心借 - 借款额度最高20万' }), fields('phone'));
    expect(reason(v, 'title_loan_words')).toEqual({
      code: 'title_loan_words',
      detail: '"借款", "额度"',
      weight: LOAN_WEIGHTS.titleFirst + LOAN_WEIGHTS.titleExtra,
    });
  });

  test('title weight is capped however many loan words it has', () => {
    const v = classifyLoanPage(page({ title: '借款 贷款 额度 网贷 放款 秒批 日息' }), fields('phone'));
    expect(weightOf(v, 'title_loan_words')).toBe(LOAN_WEIGHTS.titleCap);
  });

  test('heading loan words are counted once each across all headings', () => {
    const headings = ['Préstamo en línea', 'Elige tu plazo', 'Tu préstamo en línea'];
    const v = classifyLoanPage(page({ headings }), fields('phone'));
    expect(reason(v, 'heading_loan_words')?.detail).toBe('"préstamo en línea", "plazo"');
    expect(weightOf(v, 'heading_loan_words')).toBe(LOAN_WEIGHTS.headingFirst + LOAN_WEIGHTS.headingExtra);
  });

  test('an apply-for-a-loan button outweighs a button that merely names a loan word', () => {
    const apply = classifyLoanPage(page({ buttons: ['立即借款'] }), fields('phone'));
    const word = classifyLoanPage(page({ buttons: ['查看我的借款记录'] }), fields('phone'));
    const generic = classifyLoanPage(page({ buttons: ['Apply now'] }), fields('phone'));
    expect(reason(apply, 'button_apply_loan')).toMatchObject({ detail: '"立即借款"', weight: LOAN_WEIGHTS.buttonApplyLoan });
    expect(weightOf(word, 'button_apply_loan')).toBe(LOAN_WEIGHTS.buttonLoanWord);
    expect(reason(generic, 'button_apply_loan')).toBeUndefined();
    expect(weightOf(generic, 'button_apply')).toBe(LOAN_WEIGHTS.buttonGenericApply);
  });

  test.each([
    ['Solicitar préstamo', 'es'],
    ['Pedir empréstimo', 'pt'],
    ['Ajukan pinjaman', 'id'],
    ['Get my loan', 'en'],
    ['Đăng ký vay', 'vi'],
    ['สมัครสินเชื่อ', 'th'],
  ])('apply button "%s" (%s) is recognised', (button) => {
    const v = classifyLoanPage(page({ buttons: [button] }), fields('phone'));
    expect(weightOf(v, 'button_apply_loan')).toBe(LOAN_WEIGHTS.buttonApplyLoan);
  });

  test('body words: strong ones weigh more than weak ones, up to a cap', () => {
    const weak = classifyLoanPage(page({ body: 'Elige el monto y el plazo.' }), fields('phone'));
    const strong = classifyLoanPage(page({ body: 'Préstamo personal con aprobación inmediata.' }), fields('phone'));
    const many = classifyLoanPage(page({ body: '借款 日息 放款 秒批 网贷 下款 免抵押 征信授权' }), fields('phone'));
    expect(weightOf(weak, 'body_loan_words')).toBe(2 * LOAN_WEIGHTS.bodyWeak);
    expect(weightOf(strong, 'body_loan_words')).toBe(2 * LOAN_WEIGHTS.bodyStrong);
    expect(weightOf(many, 'body_loan_words')).toBe(LOAN_WEIGHTS.bodyCap);
  });

  test('sliders, amount inputs and loan words in the URL count', () => {
    const v = classifyLoanPage(page({ url: 'https://m.jiekuan-app.example/h5/reg?x=loan' }), fields('phone'), {
      rangeInputs: 2,
      amountInputs: 1,
    });
    expect(reason(v, 'amount_slider')).toEqual({ code: 'amount_slider', detail: '2', weight: LOAN_WEIGHTS.slider });
    expect(reason(v, 'amount_input')).toEqual({ code: 'amount_input', detail: '1', weight: LOAN_WEIGHTS.amountInput });
    // Only host and path are read, not the query string.
    expect(reason(v, 'url_loan_words')?.detail).toBe('"jiekuan"');
  });

  test('the sensitive fields themselves add up by kind, up to a cap', () => {
    const phoneOtp = classifyLoanPage(page(), fields('phone', 'otp', 'otp'));
    const all = classifyLoanPage(page(), fields('national-id', 'phone', 'bank-card', 'otp'));
    expect(reason(phoneOtp, 'sensitive_fields')).toEqual({
      code: 'sensitive_fields',
      detail: 'phone, otp',
      weight: (LOAN_WEIGHTS.field.phone ?? 0) + (LOAN_WEIGHTS.field.otp ?? 0),
    });
    expect(weightOf(all, 'sensitive_fields')).toBe(LOAN_WEIGHTS.fieldsCap);
  });

  test('a typical loan sign-up page passes the threshold in several languages', () => {
    const zh = classifyLoanPage(
      page({ title: '快借 - 最高可借20万', buttons: ['立即借款'], body: '日息低至0.02% 最快3分钟放款' }),
      fields('phone', 'otp'),
    );
    const en = classifyLoanPage(
      page({ title: 'Payday loans online', buttons: ['Get my loan'], body: 'Direct lender. APR 391%.' }),
      fields('national-id', 'phone'),
    );
    const pt = classifyLoanPage(
      page({ title: 'Empréstimo consignado INSS', buttons: ['Simular empréstimo'], body: 'Margem consignável.' }),
      fields('national-id', 'phone'),
    );
    for (const v of [zh, en, pt]) expect(v.isLoanPage).toBe(true);
  });
});

describe('matching rules', () => {
  test('Latin terms match whole words only, plurals included', () => {
    expect(reason(classifyLoanPage(page({ title: 'Sloane Square hotels' }), fields('phone')), 'title_loan_words')).toBeUndefined();
    expect(reason(classifyLoanPage(page({ title: 'Loans for everyone' }), fields('phone')), 'title_loan_words')?.detail).toBe(
      '"loan"',
    );
  });

  test('a shorter term still counts when the longest one runs into a longer word', () => {
    const v = classifyLoanPage(page({ body: 'Préstamo personalizado' }), fields('phone'));
    expect(reason(v, 'body_loan_words')?.detail).toBe('"préstamo"');
  });

  test('accented letters are part of a word', () => {
    // "plazo" inside "emplazoé" must not match; "préstamo" next to punctuation must.
    const v = classifyLoanPage(page({ body: 'emplazoé, ¡préstamo!' }), fields('phone'));
    expect(reason(v, 'body_loan_words')?.detail).toBe('"préstamo"');
  });

  test('short acronyms match only in capitals', () => {
    expect(reason(classifyLoanPage(page({ body: 'my cat sleeps' }), fields('phone')), 'body_loan_words')).toBeUndefined();
    expect(reason(classifyLoanPage(page({ body: 'CAT promedio 289%' }), fields('phone')), 'body_loan_words')?.detail).toBe(
      '"CAT"',
    );
  });

  test('credit-card phrases do not count as loan words', () => {
    const v = classifyLoanPage(
      page({ body: 'Pague com cartão de crédito em até 12x sem juros. 信用卡分期 免息分期' }),
      fields('bank-card'),
    );
    expect(reason(v, 'body_loan_words')).toBeUndefined();
  });
});

describe('negative features win', () => {
  test('without any ID, phone, card or OTP field a page is not a sign-up page', () => {
    const v = classifyLoanPage(
      page({
        title: '贷款计算器 借款 额度',
        headings: ['贷款计算'],
        buttons: ['立即借款'],
        body: '日息 放款 秒批 年化利率',
        url: 'https://daikuan.example/',
      }),
      [],
      { rangeInputs: 1, amountInputs: 1 },
    );
    expect(v.isLoanPage).toBe(false);
    expect(v.reasons[0]?.code).toBe('no_sensitive_fields');
  });

  test('a news article about loan fraud with a login box is not a loan page', () => {
    const v = classifyLoanPage(
      page({
        title: '警惕！“秒批网贷”背后的个人信息黑产',
        headings: ['警惕！“秒批网贷”背后的个人信息黑产', '如何识别违规网贷平台？'],
        body: '记者调查发现，秒批网贷平台收集借款人身份证号。来源：东方日报 责任编辑：陈东 放款 下款',
      }),
      fields('phone', 'otp'),
      { rangeInputs: 0, amountInputs: 0, textInputs: 2, longParagraphs: 8, articleMarks: 3 },
    );
    expect(v.isLoanPage).toBe(false);
    expect(reason(v, 'article_shape')?.weight).toBe(LOAN_WEIGHTS.articleCap);
  });

  test('article shape counts half on a page with a real form', () => {
    const signals = { rangeInputs: 0, amountInputs: 0, longParagraphs: 8 };
    const article = classifyLoanPage(page(), fields('phone'), { ...signals, textInputs: 1 });
    const form = classifyLoanPage(page(), fields('phone'), { ...signals, textInputs: 6 });
    expect(weightOf(form, 'article_shape')).toBe(weightOf(article, 'article_shape') / 2);
  });

  test("a bank's account-opening page whose menu and text mention loans is not a loan page", () => {
    const v = classifyLoanPage(
      page({
        title: '在线开户 - 个人电子账户 - 华信银行',
        headings: ['个人Ⅱ类电子账户 在线开户', '个人贷款'],
        buttons: ['提交开户申请'],
        body: '绑定本人他行借记卡即可开立电子账户，享活期存款、定期存款及理财、贷款服务。开户行',
      }),
      fields('national-id', 'phone', 'bank-card', 'otp'),
    );
    expect(v.isLoanPage).toBe(false);
    expect(reason(v, 'non_loan_context')?.detail).toMatch(/^bank_account: "在线开户"/);
  });

  test.each([
    ['train', { title: '中国铁路12306 - 用户注册', url: 'https://kyfw.12306.example/otn/regist' }],
    ['hospital', { title: 'Agendar cita médica', headings: ['Datos del paciente'] }],
    ['shop', { title: 'Checkout', headings: ['Order summary'], body: 'Pay in 4 interest-free installments' }],
    ['telecom', { title: 'Registrasi kartu prabayar', headings: ['Registrasi kartu'] }],
    ['government', { title: 'gov.br - Acesse sua conta', url: 'https://sso.acesso.gov.br/login' }],
    ['video', { title: '登录 - 看剧视频', headings: ['登录看剧，同步追剧记录'] }],
  ])('%s sign-up pages asking for ID or phone are recognised as non-loan', (context, over) => {
    const v = classifyLoanPage(page(over), fields('national-id', 'phone', 'otp'));
    expect(v.isLoanPage).toBe(false);
    expect(reason(v, 'non_loan_context')?.detail.startsWith(`${context}: `)).toBe(true);
    expect(weightOf(v, 'non_loan_context')).toBeLessThan(0);
  });
});

describe('verdict and reasons', () => {
  const full = () =>
    classifyLoanPage(
      page({
        title: '金元借款 | 借款额度',
        headings: ['填写借款申请'],
        buttons: ['申请借款'],
        body: '借款金额 借款期限 借款合同 放款 年化利率',
        url: 'https://www.jinyuanjiekuan.example/apply',
      }),
      fields('national-id', 'phone', 'bank-card', 'otp'),
      { rangeInputs: 1, amountInputs: 1, textInputs: 6, longParagraphs: 4, articleMarks: 1 },
    );

  test('isLoanPage is exactly score >= threshold', () => {
    for (const v of [full(), classifyLoanPage(page(), fields('phone'))]) expect(v.isLoanPage).toBe(v.score >= LOAN_THRESHOLD);
    expect(LOAN_THRESHOLD).toBe(LOAN_WEIGHTS.threshold);
  });

  test('a page just above and just below the threshold', () => {
    // phone (1) + otp (0.5) + apply button (3.5) = 5 = threshold; without the OTP it is 4.5.
    const at = classifyLoanPage(page({ buttons: ['立即借款'] }), fields('phone', 'otp'));
    const below = classifyLoanPage(page({ buttons: ['立即借款'] }), fields('phone'));
    expect(at.score).toBe(LOAN_THRESHOLD);
    expect(at.isLoanPage).toBe(true);
    expect(below.isLoanPage).toBe(false);
  });

  test('reasons are snake_case, sorted by |weight| and capped; positives and negatives both listed', () => {
    const v = full();
    expect(v.reasons.length).toBeLessThanOrEqual(LOAN_WEIGHTS.reasonsCap);
    for (const r of v.reasons) expect(r.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    const weights = v.reasons.map((r) => Math.abs(r.weight));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(v.reasons.some((r) => r.weight < 0)).toBe(true);
    expect(v.reasons.some((r) => r.weight > 0)).toBe(true);
  });

  test('the score is the sum of the reasons when none were cut', () => {
    const v = classifyLoanPage(page({ title: 'Payday loans', buttons: ['Get my loan'] }), fields('phone'));
    expect(v.reasons.length).toBeLessThan(LOAN_WEIGHTS.reasonsCap);
    expect(v.score).toBeCloseTo(v.reasons.reduce((s, r) => s + r.weight, 0), 5);
  });

  test('is pure: same input, same output, input untouched', () => {
    const text = page({ title: '借款', headings: ['借款'], buttons: ['立即借款'], body: '放款' });
    const snapshot = structuredClone(text);
    const f = fields('phone');
    expect(classifyLoanPage(text, f)).toEqual(classifyLoanPage(text, f));
    expect(text).toEqual(snapshot);
  });
});

describe('extractPageText', () => {
  test('reads title, headings, buttons, links, body and lang; skips scripts, styles, templates and hidden text', () => {
    const doc = parse(`<!doctype html><html lang="zh-CN"><head><title> 快借 </title><style>.x{}</style></head><body>
      <h1>最高可借 20万</h1><h2 role="heading">额度</h2>
      <button>获取验证码</button><input type="submit" value="立即借款"><div class="van-button" role="button">登录</div>
      <a class="btn-apply" href="/apply">马上申请</a><div class="btn">${'很长的横幅文字'.repeat(10)}</div>
      <a href="/help">帮助中心</a>
      <script>var secret = '借款';</script><noscript>请开启脚本</noscript><template><p>模板</p></template>
      <p hidden>隐藏</p><p style="display: none">不显示</p><p aria-hidden="true">读屏隐藏</p><p>正文</p>
    </body></html>`);
    const text = extractPageText(doc, 'https://a.example/');
    expect(text.title).toBe('快借');
    expect(text.lang).toBe('zh-cn');
    expect(text.url).toBe('https://a.example/');
    expect(text.headings).toEqual(['最高可借 20万', '额度']);
    expect(text.buttons).toEqual(['获取验证码', '立即借款', '登录', '马上申请']);
    expect(text.links).toEqual(['马上申请', '帮助中心']);
    expect(text.body).toContain('正文');
    for (const hidden of ['secret', '.x{}', '请开启脚本', '模板', '隐藏', '不显示', '读屏隐藏'])
      expect(text.body).not.toContain(hidden);
  });

  test('menus and footers are not read as the page’s own headings, buttons or text', () => {
    const doc = parse(`<body><nav><h3>个人贷款</h3><button>申请贷款</button>住房贷款</nav>
      <h1>在线开户</h1><footer><h4>贷款产品</h4>消费贷款</footer><div role="navigation">网贷</div></body>`);
    const text = extractPageText(doc, 'https://bank.example/');
    expect(text.headings).toEqual(['在线开户']);
    expect(text.buttons).toEqual([]);
    expect(text.body).toBe('在线开户');
  });

  test('div menus are skipped too, but a wrapper with a menu state class around the form is not', () => {
    const doc = parse(`<body class="has-navbar-fixed-top"><div class="van-nav-bar"><h3>个人贷款</h3></div>
      <ul class="top-menu"><li>消费贷款</li></ul>
      <div class="page nav-open"><h1>手机号登录</h1><input type="tel" name="mobile"></div></body>`);
    const text = extractPageText(doc, 'https://a.example/');
    expect(text.headings).toEqual(['手机号登录']);
    expect(text.body).toBe('手机号登录');
  });

  test('caps every list and the body sample', () => {
    const many = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `<${tag}>t${i}</${tag}>`).join('');
    const longParagraphs = Array.from({ length: 10 }, () => `<p>${'y'.repeat(600)}</p>`).join('');
    const doc = parse(`<body>${many('h2', 50)}${many('button', 100)}${longParagraphs}</body>`);
    const text = extractPageText(doc, 'https://a.example/');
    expect(text.headings).toHaveLength(30);
    expect(text.buttons).toHaveLength(60);
    expect(text.body.length).toBeLessThanOrEqual(4000);
  });

  test('reads buttons and text inside open shadow roots', () => {
    const doc = parse('<body><h1>Apply</h1><loan-card></loan-card></body>');
    const host = doc.querySelector('loan-card');
    const shadow = host?.attachShadow({ mode: 'open' });
    if (shadow) shadow.innerHTML = '<h2>Préstamo personal</h2><button>Solicitar préstamo</button>';
    const text = extractPageText(doc, 'https://a.example/');
    expect(text.headings).toContain('Préstamo personal');
    expect(text.buttons).toContain('Solicitar préstamo');
    expect(text.body).toContain('Solicitar préstamo');
  });
});

describe('classifyLoanDocument', () => {
  test('counts amount sliders and amount inputs but not a 0–100 volume slider', () => {
    const doc = parse(`<body>
      <input type="range" name="loanAmount" min="1000" max="200000">
      <input type="range" aria-label="音量" min="0" max="100">
      <div role="slider" aria-valuemin="3" aria-valuemax="24"></div>
      <input type="text" name="amount" placeholder="借款金额">
      <input type="tel" name="mobile">
    </body>`);
    const v = classifyLoanDocument(doc, 'https://a.example/', fields('phone'));
    expect(reason(v, 'amount_slider')?.detail).toBe('2');
    expect(reason(v, 'amount_input')?.detail).toBe('1');
  });

  test('a loan page built from a whole document is classified as one', () => {
    const doc = parse(`<!doctype html><html lang="pt-BR"><head><title>Empréstimo pessoal online | GranaJá</title></head><body>
      <h1>Até R$ 5.000 na sua conta hoje</h1><p>Crédito pessoal com dinheiro na conta. CET 16,9% a.m.</p>
      <input name="cpf"><input type="tel" name="celular"><div class="btn" role="button">Pedir empréstimo</div></body></html>`);
    const v = classifyLoanDocument(doc, 'https://app.grana-ja.example/cadastro', fields('national-id', 'phone'));
    expect(v.isLoanPage).toBe(true);
    expect(v.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['title_loan_words', 'button_apply_loan', 'body_loan_words', 'sensitive_fields']),
    );
  });

  test('article marks in the DOM make a news story about loans lose', () => {
    const sentence = 'Digital lenders shamed borrowers who missed a loan repayment. ';
    const paragraphs = Array.from({ length: 8 }, () => `<p>${sentence.repeat(4)}</p>`).join('');
    const doc = parse(`<html><head><title>Loan app scam: investigation</title><meta property="og:type" content="article"></head><body>
      <article><h1>Loan apps shame borrowers</h1><time datetime="2025-04-09">April 9</time>${paragraphs}</article>
      <input type="tel" name="phone"></body></html>`);
    const v = classifyLoanDocument(doc, 'https://news.example/business/loan-apps', fields('phone'));
    expect(v.isLoanPage).toBe(false);
    expect(reason(v, 'article_shape')?.detail).toMatch(/article marks/);
  });
});

describe('looksLikeLender (app-download landing pages)', () => {
  test('counts a lender landing page without any form, but not an ordinary page', () => {
    const verdictOf = (file: string) => {
      document.documentElement.innerHTML = readFileSync(`tests/fixtures/guard/${file}`, 'utf8').replace(/<!doctype html>/i, '');
      return classifyLoanDocument(document, 'https://www.example.test/', []);
    };
    const lender = verdictOf('app-download.html');
    expect(lender.isLoanPage).toBe(false);
    expect(looksLikeLender(lender)).toBe(true);
    expect(looksLikeLender(verdictOf('app-download-quiet.html'))).toBe(false);
    expect(looksLikeLender(verdictOf('quiet.html'))).toBe(false);
  });
});
