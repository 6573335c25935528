// Page scanner: split OTP/card/phone boxes reported once, open shadow roots and same-origin iframes,
// selectors that find their field again, the input cap on huge pages, and the scan as steps with the
// slice clock the content script runs it by (the same fields, the main thread given back between slices).
import { afterEach, describe, expect, it } from 'vitest';
import { PIERCE, SCAN_SLICE_MS, scanFields, scanSteps, sliceClock, type ScannedField } from '@/lib/detect/field-scan';
import { uniqueSelector } from '@/lib/detect/selector';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Follows a selector from scanFields through shadow roots and iframes (see ScannedField.selector). */
function resolve(root: Document | ShadowRoot, selector: string): Element | null {
  let scope: Document | ShadowRoot | null = root;
  let el: Element | null = null;
  for (const part of selector.split(PIERCE)) {
    if (!scope) return null;
    el = scope.querySelector(part);
    if (!el) return null;
    scope = el.shadowRoot ?? (el as HTMLIFrameElement).contentDocument ?? null;
  }
  return el;
}

function scan(html: string): ScannedField[] {
  document.body.innerHTML = html;
  return scanFields(document);
}

const summary = (fields: ScannedField[]): Array<[string, number | undefined]> =>
  fields.map((f) => [f.verdict.kind, f.verdict.parts]);

function expectRoundTrip(fields: ScannedField[], root: Document | ShadowRoot = document): void {
  for (const f of fields) expect(resolve(root, f.selector), f.selector).toBe(f.element);
}

describe('scanFields on a sign-up form', () => {
  it('reports only classified fields, in document order, skipping types that never hold our data', () => {
    const fields = scan(`
      <form id="reg">
        <input type="hidden" name="mobile" value="x">
        <label for="m">手机号</label><input id="m" name="mobile" type="tel" maxlength="11">
        <label for="c">短信验证码</label><input id="c" name="smsCode" maxlength="6">
        <label for="p">密码</label><input id="p" type="password" name="password">
        <label for="n">姓名</label><input id="n" name="realName">
        <label for="i">身份证号</label><input id="i" name="idNo" maxlength="18">
        <label><input type="checkbox" name="agree"> 同意协议</label>
        <input type="submit" value="注册">
      </form>`);
    expect(summary(fields)).toEqual([
      ['phone', undefined],
      ['otp', undefined],
      ['national-id', undefined],
    ]);
    expect(fields[2]?.verdict.country).toBe('CN');
    expect(fields.map((f) => f.selector)).toEqual(['#m', '#c', '#i']);
    expectRoundTrip(fields);
  });

  it('keeps search boxes and country-code inputs out', () => {
    const fields = scan(`
      <header><input type="search" name="q" placeholder="搜索手机"><input name="s" placeholder="Buscar celulares"></header>
      <div class="row"><input name="dialCode" placeholder="+52" maxlength="4"><input name="celular" placeholder="Celular a 10 dígitos" maxlength="10"></div>`);
    expect(fields.map((f) => f.element.getAttribute('name'))).toEqual(['celular']);
  });
});

describe('split inputs', () => {
  const boxes = (n: number, attrs = 'maxlength="1" inputmode="numeric"'): string =>
    Array.from({ length: n }, (_, i) => `<input name="d${i}" ${attrs}>`).join('');

  it('reports 6 one-character boxes as one OTP field on the first box', () => {
    const fields = scan(`<label for="b0">验证码</label><div class="otp" id="otp">${boxes(6).replace('name="d0"', 'id="b0" name="d0"')}</div>`);
    expect(summary(fields)).toEqual([['otp', 6]]);
    expect(fields[0]?.element).toBe(document.querySelector('input'));
    expect(fields[0]?.verdict.reasons.map((r) => r.code)).toContain('split_boxes');
    expectRoundTrip(fields);
  });

  it('reports 4 boxes when only the container\'s nearby text says what they are', () => {
    const fields = scan(`<form><h2>Enter the code</h2><div class="pin">${boxes(4)}</div><button>Verify</button></form>`);
    expect(summary(fields)).toEqual([['otp', 4]]);
  });

  it('finds boxes that each sit in their own wrapper, with separators between', () => {
    const cells = Array.from({ length: 6 }, (_, i) => `<span class="cell"><input maxlength="1" aria-label="Digit ${i + 1}"></span>${i === 2 ? '<span>-</span>' : ''}`).join('');
    const fields = scan(`<div><p>验证码已发送至 138****8000</p><div class="boxes">${cells}</div></div>`);
    expect(summary(fields)).toEqual([['otp', 6]]);
    expectRoundTrip(fields);
  });

  it('reports six bare single-character boxes as one code (the usual OTP layout), but not a PIN pad', () => {
    expect(summary(scan(`<div>${boxes(6)}</div>`))).toEqual([['otp', 6]]);
    const pin = Array.from({ length: 4 }, () => '<input type="password" maxlength="1">').join('');
    expect(scan(`<div>${pin}</div>`)).toEqual([]);
  });

  it('keeps two boxes with their own placeholders apart, though they sit side by side', () => {
    const fields = scan('<div><div><input name="imgCode" maxlength="4" placeholder="请输入图形验证码"><img src="/c.jpg"></div><div><input name="smsCode" maxlength="6" placeholder="请输入短信验证码"><button type="button">获取短信验证码</button></div></div>');
    expect(fields.map((f) => [f.element.getAttribute('name'), f.verdict.kind, f.verdict.parts])).toEqual([['smsCode', 'otp', undefined]]);
  });

  it('reports a card in 4 boxes of 4 as one bank-card field', () => {
    const fields = scan(
      `<label for="c1">Número de tarjeta</label><div><input id="c1" maxlength="4"> - <input maxlength="4"> - <input maxlength="4"> - <input maxlength="4"></div>`,
    );
    expect(summary(fields)).toEqual([['bank-card', 4]]);
  });

  it('reports a phone in 3 boxes as one phone field', () => {
    const fields = scan(
      `<div class="f"><span>手机号码</span><div><input maxlength="3"><input maxlength="4"><input maxlength="4"></div></div><div><label for="x">姓名</label><input id="x"></div>`,
    );
    expect(summary(fields)).toEqual([['phone', 3]]);
  });

  it('reports a phone in 2 boxes (prefix and number) as one phone field', () => {
    const fields = scan('<label for="p1">Mobile number</label><div><input id="p1" maxlength="3"> – <input maxlength="8"></div>');
    expect(summary(fields)).toEqual([['phone', 2]]);
  });

  it('keeps a country-code box out of the phone number next to it', () => {
    const fields = scan('<label for="n">手机号</label><div><input name="areaCode" placeholder="+86" maxlength="4"><input id="n" name="mobile" maxlength="11"></div>');
    expect(fields.map((f) => [f.element.getAttribute('name'), f.verdict.kind, f.verdict.parts])).toEqual([['mobile', 'phone', undefined]]);
  });

  it('keeps neighbouring but separate fields apart (captcha next to the SMS code)', () => {
    const fields = scan(`
      <form>
        <div><input name="captcha" maxlength="4" placeholder="图形验证码"><img src="/c.png"></div>
        <div>短信验证码</div>
        <div><input name="sms" maxlength="6" placeholder="请输入短信验证码"><button>获取</button></div>
      </form>`);
    expect(fields.map((f) => [f.element.getAttribute('name'), f.verdict.kind, f.verdict.parts])).toEqual([['sms', 'otp', undefined]]);
  });
});

describe('shadow roots and iframes', () => {
  it('walks open shadow roots and joins selectors with >>>', () => {
    document.body.innerHTML = '<div><loan-form></loan-form></div><loan-form></loan-form>';
    const hosts = document.querySelectorAll('loan-form');
    const root = (hosts[1] as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<div><label for="nik">NIK</label><input id="nik" maxlength="16"></div><x-inner></x-inner>';
    const inner = (root.querySelector('x-inner') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = '<input name="otp" placeholder="Kode OTP">';
    const fields = scanFields(document);
    expect(summary(fields)).toEqual([
      ['national-id', undefined],
      ['otp', undefined],
    ]);
    expect(fields[0]?.selector).toBe(`${uniqueSelector(hosts[1] as Element)}${PIERCE}#nik`);
    expect(fields[1]?.selector.split(PIERCE)).toHaveLength(3);
    expectRoundTrip(fields);
  });

  it('reads a same-origin iframe (srcdoc) and survives one it cannot read', async () => {
    document.body.innerHTML = '<iframe id="pay" srcdoc="<label for=c>Card number</label><input id=c>"></iframe><iframe id="ext" srcdoc="<input name=phone>"></iframe>';
    const frame = document.getElementById('pay') as HTMLIFrameElement;
    for (let i = 0; i < 50 && !frame.contentDocument?.querySelector('input'); i++) await new Promise((r) => setTimeout(r, 10));
    // A cross-origin frame throws on contentDocument in some browsers.
    Object.defineProperty(document.getElementById('ext'), 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    const fields = scanFields(document);
    expect(summary(fields)).toEqual([['bank-card', undefined]]);
    expect(fields[0]?.selector).toBe(`#pay${PIERCE}#c`);
    expectRoundTrip(fields);
  });
});

describe('uniqueSelector', () => {
  it('prefers a unique #id, quoting awkward ids', () => {
    document.body.innerHTML = '<input id="phone-1"><input id="1st:phone.no"><input id="a b"><input id=\'say "hi"\'>';
    const [plain, ...awkward] = document.querySelectorAll('input');
    expect(uniqueSelector(plain as Element)).toBe('#phone-1');
    for (const el of awkward) {
      const sel = uniqueSelector(el);
      expect(sel.startsWith('[id=')).toBe(true);
      expect(document.querySelector(sel)).toBe(el);
    }
  });
  it('falls back to [name] when the id is duplicated, scoped by the form when needed', () => {
    document.body.innerHTML =
      '<form id="a"><input id="dup" name="phone"></form><form id="b"><input id="dup" name="phone"></form><input name="nik">';
    const [, second, nik] = document.querySelectorAll('input');
    expect(uniqueSelector(second as Element)).toBe('#b input[name="phone"]');
    expect(uniqueSelector(nik as Element)).toBe('input[name="nik"]');
  });
  it('builds a verified nth-of-type path when nothing else identifies the element', () => {
    document.body.innerHTML = '<main id="m"><div><input></div><div><input><input></div></main>';
    for (const el of document.querySelectorAll('input')) {
      const sel = uniqueSelector(el);
      expect(document.querySelectorAll(sel)).toHaveLength(1);
      expect(document.querySelector(sel)).toBe(el);
    }
  });
});

describe('huge pages', () => {
  it('caps the work on a 2,000-input page and still returns correct verdicts', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<tr><td>Cantidad ${i}</td><td><input name="qty${i}" inputmode="numeric"></td></tr>`);
    rows[1] = '<tr><td>手机号</td><td><input name="mobile"></td></tr>';
    rows[2] = '<tr><td>身份证号</td><td><input name="idNo" maxlength="18"></td></tr>';
    rows[1999] = '<tr><td>验证码</td><td><input name="smsCode" maxlength="6"></td></tr>';
    document.body.innerHTML = `<form><table>${rows.join('')}</table></form>`;
    // Default cap: the first 200 candidates are analysed, so the code field at the very end is not.
    const fields = scanFields(document);
    expect(fields.map((f) => [f.selector, f.verdict.kind])).toEqual([
      ['input[name="mobile"]', 'phone'],
      ['input[name="idNo"]', 'national-id'],
    ]);
    expect(scanFields(document, { maxInputs: 2 }).map((f) => f.verdict.kind)).toEqual(['phone']);
  });
});

describe('scanSteps and sliceClock (the content script runs the scan in slices)', () => {
  const form = (n: number): string =>
    `<form>${Array.from({ length: n }, (_, i) => `<div><label for="f${i}">${['手机号', '身份证号', 'Nombre', '验证码'][i % 4]}</label><input id="f${i}" maxlength="${[11, 18, 20, 6][i % 4]}"></div>`).join('')}</form>`;

  it('steps through exactly what scanFields finds, one step per field, within the input cap', () => {
    document.body.innerHTML = form(40);
    const out: ScannedField[] = [];
    let steps = 0;
    for (const _ of scanSteps(document, out)) steps++;
    expect(steps).toBe(40);
    expect(out.map((f) => [f.selector, f.verdict.kind])).toEqual(scanFields(document).map((f) => [f.selector, f.verdict.kind]));
    expect(out).toHaveLength(30);
    const capped: ScannedField[] = [];
    for (const _ of scanSteps(document, capped, { maxInputs: 4 }));
    expect(capped.map((f) => f.verdict.kind)).toEqual(['phone', 'national-id', 'otp']);
  });

  it('pauses once a slice has used SCAN_SLICE_MS (or would, with what is reserved), and starts a new slice after', async () => {
    let clock = 0;
    let pauses = 0;
    const checkpoint = sliceClock({ now: () => clock, pause: async () => void pauses++ });
    clock = SCAN_SLICE_MS - 1;
    expect(checkpoint()).toBeUndefined();
    expect(checkpoint(1)).toBeInstanceOf(Promise);
    await checkpoint(1);
    expect(pauses).toBe(2);
    // The slice restarted at the pause: the same clock is now at its start.
    expect(checkpoint(SCAN_SLICE_MS - 1)).toBeUndefined();
    clock += SCAN_SLICE_MS;
    await checkpoint();
    expect(pauses).toBe(3);
  });
});
