// Unit tests of the loan-page classifier: each feature (what it reads and what it is worth), the
// engine that turns features into a verdict, the learned model on typical pages and hard negatives,
// and the page-text extraction it reads.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyLoanDocument, classifyLoanPage, cutOf, LOAN_THRESHOLD, looksLikeLender, scoreFeatures, type LoanModel } from '@/lib/detect/loan-classifier';
import { FEATURE_CODES, getLexicon, pageFeatures, type FeatureName } from '@/lib/detect/loan-features';
import { LOAN_MODEL } from '@/lib/detect/rules/loan-weights';
import { countSignals, extractPageText, type PageSignals, type PageText } from '@/lib/detect/page-text';
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
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const features = (over: Partial<PageText>, kinds: FieldKind[] = ['phone'], signals?: PageSignals) => pageFeatures(page(over), fields(...kinds), signals);
const value = (over: Partial<PageText>, name: FeatureName, kinds?: FieldKind[], signals?: PageSignals) => features(over, kinds, signals).values[name] ?? 0;
const weight = (name: FeatureName): number => LOAN_MODEL.weights[name] ?? 0;

describe('features: what each one reads', () => {
  test('title loan words, named in the detail; the first words count most, up to a full value', () => {
    const f = features({ title: '随心借 - 借款额度最高20万' });
    expect(f.details.title_loan_words).toBe('"借款", "额度"');
    expect(value({ title: '借款' }, 'title_loan_words')).toBeLessThan(value({ title: '借款 额度' }, 'title_loan_words'));
    expect(value({ title: '借款 贷款 额度 网贷 放款 秒批 日息' }, 'title_loan_words')).toBe(1);
  });

  test('heading loan words are counted once each across all headings', () => {
    const f = features({ headings: ['Préstamo en línea', 'Elige tu plazo', 'Tu préstamo en línea'] });
    expect(f.details.heading_loan_words).toBe('"préstamo en línea", "plazo"');
  });

  test('an apply-for-a-loan button, a button naming a loan word and a generic apply button are three features', () => {
    expect(features({ buttons: ['立即借款'] }).values).toMatchObject({ button_apply_loan: 1 });
    expect(features({ buttons: ['查看我的借款记录'] }).values).toMatchObject({ button_loan_word: 1 });
    const generic = features({ buttons: ['Apply now'] }).values;
    expect(generic).toMatchObject({ button_apply: 1 });
    expect(generic.button_apply_loan).toBeUndefined();
  });

  test.each([
    ['Solicitar préstamo', 'es'],
    ['Pedir empréstimo', 'pt'],
    ['Ajukan pinjaman', 'id'],
    ['Get my loan', 'en'],
    ['Đăng ký vay', 'vi'],
    ['สมัครสินเชื่อ', 'th'],
  ])('apply button "%s" (%s) is recognised', (button) => {
    expect(value({ buttons: [button] }, 'button_apply_loan')).toBe(1);
  });

  test('body words: strong lender terms and weak loan words are separate features', () => {
    expect(features({ body: 'Elige el monto y el plazo.' }).details.body_loan_words).toBe('"monto", "plazo"');
    expect(features({ body: 'Préstamo personal con aprobación inmediata.' }).details.body_lender_terms).toBe('"préstamo personal", "aprobación inmediata"');
    expect(value({ body: '借款 日息 放款 秒批 网贷 下款 免抵押 征信授权' }, 'body_lender_terms')).toBe(1);
  });

  test('a loan agreement named in brackets or in the footer counts, though the body says nothing else', () => {
    const doc = parse(`<body><h1>注册</h1><input type="tel" placeholder="请输入手机号">
      <p><input type="checkbox"> 我已阅读并同意《用户注册协议》《借款协议》</p><footer>客服热线 · 某某小额贷款有限公司</footer></body>`);
    const text = extractPageText(doc, 'https://a.example/');
    expect(text.agreements).toContain('《借款协议》');
    expect(text.agreements).toContain('小额贷款');
    expect(pageFeatures(text, fields('phone')).details.agreement_loan_words).toBe('"小额", "贷款", "借款协议"');
  });

  test('placeholders and select options are read as the form’s own words', () => {
    const doc = parse(`<body><input placeholder="请输入借款金额"><select><option>借款期限</option><option>7天</option></select>
      <input placeholder="紧急联系人手机号"><input placeholder="月收入"></body>`);
    const text = extractPageText(doc, 'https://a.example/');
    expect(text.form).toContain('请输入借款金额');
    expect(text.form).toContain('借款期限');
    const f = pageFeatures(text, fields('phone'));
    expect(f.details.form_loan_words).toMatch(/借款/);
    expect(f.details.emergency_contacts).toBe('"紧急联系人"');
    expect(f.details.income_questions).toBe('"月收入"');
  });

  test('sliders, amount inputs, the fields by kind and a send-code button', () => {
    const f = features({ buttons: ['获取验证码'] }, ['phone', 'otp', 'otp'], { rangeInputs: 2, amountInputs: 1 });
    expect(f.values).toMatchObject({ amount_slider: 1, amount_input: 1, field_phone: 1, field_otp: 1, sms_code_button: 1 });
    expect(f.details).toMatchObject({ amount_slider: '2', amount_input: '1', field_phone: 'phone', field_otp: 'otp' });
    expect(f.values.field_national_id).toBeUndefined();
  });

  test('personal-data fields on a page that talks about loans make a loan form; without loan talk they do not', () => {
    expect(value({ title: 'Préstamos' }, 'loan_form')).toBe(1);
    expect(value({ title: 'Registro' }, 'loan_form')).toBe(0);
    expect(value({ title: 'Préstamos' }, 'loan_form', [])).toBe(0);
  });

  test('back-office, investor, FAQ and comparison shapes', () => {
    expect(features({ headings: ['客户列表'], buttons: ['驳回'] }).details.staff_words).toBe('"客户列表", "驳回"');
    expect(features({}, ['phone'], { rangeInputs: 0, amountInputs: 0, adminMarks: 2 }).values.admin_layout).toBe(1);
    expect(features({ title: '我要出借 - 预期年化8%' }).details.investor_words).toBe('"我要出借", "预期年化"');
    expect(features({ headings: ['¿Qué es un préstamo?', '¿Cuánto cuesta?', '¿Cómo pago?'] }).details.faq_or_comparison).toBe('3 questions');
    expect(features({ buttons: ['Đăng ký vay ngay', 'Đăng ký vay ngay', 'Đăng ký vay ngay'] }).values.repeated_apply_buttons).toBe(1);
  });

  test('the URL’s loan words are not a feature (the corpus has one neutral URL), a non-loan service’s URL is', () => {
    expect(Object.keys(features({ url: 'https://m.jiekuan-app.example/h5/reg' }).values)).toEqual(['field_phone']);
    expect(features({ url: 'https://kyfw.12306.example/otn/regist' }).details.non_loan_context).toBe('train: "12306"');
  });
});

describe('matching rules', () => {
  test('Latin terms match whole words only, plurals included', () => {
    expect(features({ title: 'Sloane Square hotels' }).details.title_loan_words).toBeUndefined();
    expect(features({ title: 'Loans for everyone' }).details.title_loan_words).toBe('"loan"');
  });

  test('a shorter term still counts when the longest one runs into a longer word', () => {
    expect(features({ body: 'Préstamo personalizado' }).details.body_lender_terms).toBe('"préstamo"');
  });

  test('accented letters are part of a word', () => {
    // "plazo" inside "emplazoé" must not match; "préstamo" next to punctuation must.
    const f = features({ body: 'emplazoé, ¡préstamo!' });
    expect(f.details.body_lender_terms).toBe('"préstamo"');
    expect(f.details.body_loan_words).toBeUndefined();
  });

  test('short acronyms match only in capitals', () => {
    expect(features({ body: 'my cat sleeps' }).details.body_lender_terms).toBeUndefined();
    expect(features({ body: 'CAT promedio 289%' }).details.body_lender_terms).toBe('"CAT"');
  });

  test('credit-card phrases do not count as loan words', () => {
    const f = features({ body: 'Pague com cartão de crédito em até 12x sem juros. 信用卡分期 免息分期' }, ['bank-card']);
    expect(f.details.body_loan_words).toBeUndefined();
    expect(f.details.body_lender_terms).toBeUndefined();
  });
});

describe('the engine: features × weights', () => {
  const model: LoanModel = { bias: -1, threshold: 0.5, weights: { title_loan_words: 3, article_title: -2 } };

  test('each contributing feature is one reason, worth weight × value, under its reason code', () => {
    const v = scoreFeatures({ values: { title_loan_words: 0.5, article_title: 1, field_phone: 1 }, details: { title_loan_words: '"借款"', article_title: '"如何"' } }, model);
    expect(v.reasons).toEqual([
      { code: 'article_shape', detail: '"如何"', weight: -2 },
      { code: 'title_loan_words', detail: '"借款"', weight: 1.5 },
    ]);
    // field_phone has no weight in this model: no reason.
    expect(v.score).toBe(-0.5);
  });

  test('the cut folds the bias in: a page is a loan page exactly when its reasons add up to threshold − bias', () => {
    expect(cutOf(model)).toBe(1.5);
    const at = scoreFeatures({ values: { title_loan_words: 0.5 }, details: {} }, model);
    const below = scoreFeatures({ values: { title_loan_words: 0.49 }, details: {} }, model);
    expect([at.score, at.isLoanPage]).toEqual([1.5, true]);
    expect([below.score, below.isLoanPage]).toEqual([1.47, false]);
  });

  test('every feature has a reason code with a message', () => {
    const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, unknown>;
    for (const code of new Set(Object.values(FEATURE_CODES))) expect(en[`reason_${code}`], code).toBeDefined();
  });
});

describe('the learned model', () => {
  test('evidence that a page is a lender’s counts for it; evidence that it is something else counts against', () => {
    for (const name of ['title_loan_words', 'button_apply_loan', 'body_lender_terms', 'loan_form', 'emergency_contacts', 'income_questions'] as const)
      expect(weight(name), name).toBeGreaterThan(0);
    for (const name of ['article_title', 'non_loan_context', 'staff_words', 'admin_layout', 'investor_words', 'faq_or_comparison'] as const)
      expect(weight(name), name).toBeLessThan(0);
  });

  test('a typical loan sign-up page passes the threshold in several languages', () => {
    const zh = classifyLoanPage(page({ title: '快借 - 最高可借20万', buttons: ['立即借款'], body: '日息低至0.02% 最快3分钟放款' }), fields('phone', 'otp'));
    const en = classifyLoanPage(page({ title: 'Payday loans online', buttons: ['Get my loan'], body: 'Direct lender. APR 391%.' }), fields('national-id', 'phone'));
    const pt = classifyLoanPage(page({ title: 'Empréstimo consignado INSS', buttons: ['Simular empréstimo'], body: 'Margem consignável.' }), fields('national-id', 'phone'));
    for (const v of [zh, en, pt]) expect(v.isLoanPage).toBe(true);
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
    expect(reason(v, 'article_shape')?.weight).toBeLessThan(0);
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

  test('a lender’s staff back office and a P2P investor page are not loan pages, though they use loan words', () => {
    const staff = classifyLoanPage(
      page({ title: '借款管理系统', headings: ['客户列表', '借款审核'], buttons: ['查询', '驳回', '批量导出'], body: '客户姓名 借款金额 借款期限 审核状态 操作' }),
      fields('phone', 'national-id'),
      { rangeInputs: 0, amountInputs: 1, adminMarks: 3 },
    );
    const investor = classifyLoanPage(page({ title: '我要出借', headings: ['预期年化收益 9.6%'], body: '出借人 起投金额 100元 标的 借款人 还款方式' }), fields('phone'));
    expect(staff.isLoanPage).toBe(false);
    expect(reason(staff, 'staff_back_office')?.weight).toBeLessThan(0);
    expect(investor.isLoanPage).toBe(false);
    expect(reason(investor, 'investor_page')?.weight).toBeLessThan(0);
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
    expect(reason(v, 'non_loan_context')?.weight).toBeLessThan(0);
  });

  test('isLoanPage is exactly score >= threshold; the score is the sum of the reasons when none were cut', () => {
    const verdicts = [
      classifyLoanPage(page({ title: 'Payday loans', buttons: ['Get my loan'] }), fields('phone')),
      classifyLoanPage(page(), fields('phone')),
      classifyLoanPage(page({ title: '金元借款', headings: ['填写借款申请'], body: '借款合同 放款 年化利率' }), fields('national-id', 'bank-card')),
    ];
    for (const v of verdicts) {
      expect(v.isLoanPage).toBe(v.score >= LOAN_THRESHOLD);
      expect(v.score).toBeCloseTo(v.reasons.reduce((s, r) => s + r.weight, 0), 1);
    }
  });

  test('reasons are snake_case and sorted by |weight|; positives and negatives both listed', () => {
    const v = classifyLoanPage(
      page({ title: '金元借款 | 借款额度', headings: ['填写借款申请'], buttons: ['申请借款'], body: '借款金额 借款期限 借款合同 放款 年化利率' }),
      fields('national-id', 'phone', 'bank-card', 'otp'),
      { rangeInputs: 1, amountInputs: 1, textInputs: 6, longParagraphs: 4, articleMarks: 1 },
    );
    for (const r of v.reasons) expect(r.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    const weights = v.reasons.map((r) => Math.abs(r.weight));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(v.reasons.some((r) => r.weight < 0)).toBe(true);
    expect(v.reasons.some((r) => r.weight > 0)).toBe(true);
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
    expect(countSignals(doc, [doc], getLexicon().amount)).toMatchObject({ rangeInputs: 2, amountInputs: 1, textInputs: 2 });
  });

  test('counts admin marks: a table of records, a side menu, pagination', () => {
    const doc = parse(`<body><div class="sidebar"><a href="/">首页</a></div><table><tr><th>客户</th><th>金额</th><th>状态</th></tr></table>
      <div class="el-pagination"></div><input name="q"></body>`);
    const v = classifyLoanDocument(doc, 'https://a.example/', fields('phone'));
    expect(reason(v, 'staff_back_office')?.detail).toBe('3 admin marks');
  });

  test('a loan page built from a whole document is classified as one', () => {
    const doc = parse(`<!doctype html><html lang="pt-BR"><head><title>Empréstimo pessoal online | GranaJá</title></head><body>
      <h1>Até R$ 5.000 na sua conta hoje</h1><p>Crédito pessoal com dinheiro na conta. CET 16,9% a.m.</p>
      <input name="cpf"><input type="tel" name="celular"><div class="btn" role="button">Pedir empréstimo</div></body></html>`);
    const v = classifyLoanDocument(doc, 'https://app.grana-ja.example/cadastro', fields('national-id', 'phone'));
    expect(v.isLoanPage).toBe(true);
    expect(v.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['title_loan_words', 'button_apply_loan', 'body_lender_terms', 'loan_form']));
  });

  test('article marks in the DOM make a news story about loans lose', () => {
    const sentence = 'Digital lenders shamed borrowers who missed a loan repayment. ';
    const paragraphs = Array.from({ length: 8 }, () => `<p>${sentence.repeat(4)}</p>`).join('');
    const doc = parse(`<html><head><title>Loan app scam: investigation</title><meta property="og:type" content="article"></head><body>
      <article><h1>Loan apps shame borrowers</h1><time datetime="2025-04-09">April 9</time>${paragraphs}</article>
      <input type="tel" name="phone"></body></html>`);
    const v = classifyLoanDocument(doc, 'https://news.example/business/loan-apps', fields('phone'));
    expect(v.isLoanPage).toBe(false);
    expect(v.reasons.filter((r) => r.code === 'article_shape').map((r) => r.detail)).toEqual(expect.arrayContaining([expect.stringMatching(/article marks/)]));
  });
});

describe('looksLikeLender (app-download landing pages)', () => {
  test('counts a lender landing page without any form, but not an ordinary page', () => {
    const verdictOf = (file: string) => {
      document.documentElement.innerHTML = readFileSync(`tests/fixtures/guard/${file}`, 'utf8').replace(/<!doctype html>/i, '');
      return classifyLoanDocument(document, 'https://www.example.test/', []);
    };
    expect(looksLikeLender(verdictOf('app-download.html'))).toBe(true);
    expect(looksLikeLender(verdictOf('app-download-quiet.html'))).toBe(false);
    expect(looksLikeLender(verdictOf('quiet.html'))).toBe(false);
  });
});
