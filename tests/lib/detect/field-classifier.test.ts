// Field classifier: realistic one-field snippets per language and kind, the negatives that must win,
// label association variants, and the shape of verdicts and reasons.
import { beforeEach, describe, expect, it } from 'vitest';
import { classifyField, classifySignals, normaliseName } from '@/lib/detect/field-classifier';
import { fieldSignals, type FieldSignals } from '@/lib/detect/field-signals';
import { FIELD_RULES } from '@/lib/detect/rules/field-rules';
import type { FieldVerdict } from '@/lib/types';

/** Classify the element matching `target` (default: the first input) in an HTML snippet. */
function classify(html: string, target = 'input,textarea'): FieldVerdict | null {
  document.body.innerHTML = html;
  const el = document.querySelector(target);
  if (!el) throw new Error(`no ${target} in snippet`);
  return classifyField(el);
}
const kindOf = (html: string, target?: string): string | null => classify(html, target)?.kind ?? null;

beforeEach(() => {
  document.body.innerHTML = '';
});

type Case = [html: string, kind: string | null, country?: string];

function table(title: string, cases: Case[]): void {
  describe(title, () => {
    it.each(cases)('%s → %s', (html, kind, country) => {
      const v = classify(html);
      expect(v?.kind ?? null).toBe(kind);
      if (country !== undefined) expect(v?.country).toBe(country === '-' ? undefined : country);
    });
  });
}

table('Chinese (simplified and traditional)', [
  ['<label for="m">手机号码</label><input id="m" name="mobile" maxlength="11">', 'phone'],
  ['<input type="tel" placeholder="请输入手机号">', 'phone'],
  ['<div><span>联系电话</span><input name="contact"></div>', 'phone'],
  ['<label for="t">手機號碼</label><input id="t">', 'phone'],
  ['<label>身份证号<input name="idcard" maxlength="18"></label>', 'national-id', 'CN'],
  ['<input placeholder="请输入居民身份证号码">', 'national-id', 'CN'],
  ['<input name="sfzh" maxlength="18">', 'national-id', 'CN'],
  ['<label for="x">身分證字號</label><input id="x" maxlength="10">', 'national-id', 'TW'],
  ['<label for="x">证件号码</label><input id="x">', 'national-id', '-'],
  ['<input placeholder="请输入本人银行卡号" inputmode="numeric">', 'bank-card'],
  ['<label for="c">储蓄卡卡号</label><input id="c">', 'bank-card'],
  ['<label for="c">銀行卡號</label><input id="c">', 'bank-card'],
  ['<input name="smsCode" placeholder="短信验证码" maxlength="6">', 'otp'],
  ['<label for="c">动态码</label><input id="c">', 'otp'],
  ['<label for="c">驗證碼</label><input id="c" maxlength="6">', 'otp'],
  ['<label for="c">手机验证码</label><input id="c" name="mobileCode">', 'otp'],
  ['<label for="c">银行卡预留手机号</label><input id="c" name="reservedMobile">', 'phone'],
  ['<label for="p">动态密码</label><input id="p" name="dynPwd">', 'otp'],
  // A box that takes the phone or another login is not a phone field (corpus/README.md).
  ['<input placeholder="手机号/邮箱">', null],
]);

table('Spanish', [
  ['<label for="c">Número de celular</label><input id="c" type="tel" maxlength="10">', 'phone'],
  ['<label for="t">Teléfono</label><input id="t" name="telefono">', 'phone'],
  ['<input name="movil" placeholder="Tu móvil">', 'phone'],
  ['<label for="w">WhatsApp</label><input id="w">', 'phone'],
  ['<label for="t">Teléfono (con lada)</label><input id="t">', 'phone'],
  ['<label for="c">CURP</label><input id="c" name="curp" maxlength="18">', 'national-id', 'MX'],
  ['<input placeholder="Clave de elector (INE)">', 'national-id', 'MX'],
  ['<label for="d">DNI</label><input id="d" name="dni" maxlength="8">', 'national-id', 'PE'],
  ['<label for="d">DNI</label><input id="d" name="dni">', 'national-id', '-'],
  ['<label for="d">DNI (España)</label><input id="d">', 'national-id', 'ES'],
  ['<label for="d">NIE</label><input id="d">', 'national-id', 'ES'],
  ['<label for="r">RUT</label><input id="r" placeholder="12.345.678-9">', 'national-id', 'CL'],
  ['<label for="r">Cédula de ciudadanía</label><input id="r">', 'national-id', 'CO'],
  ['<label for="r">Número de documento</label><input id="r" name="documento">', 'national-id', '-'],
  ['<input name="documento">', 'national-id'],
  ['<label for="t">Número de tarjeta</label><input id="t" maxlength="19">', 'bank-card'],
  ['<label for="t">CLABE interbancaria</label><input id="t" maxlength="18">', 'bank-card'],
  ['<label for="t">Tarjeta de débito</label><input id="t">', 'bank-card'],
  ['<label for="o">Código de verificación</label><input id="o" maxlength="6">', 'otp'],
  ['<input placeholder="Código SMS" inputmode="numeric">', 'otp'],
]);

table('Portuguese', [
  ['<label for="c">CPF</label><input id="c" name="cpf" maxlength="14">', 'national-id', 'BR'],
  ['<label for="r">RG</label><input id="r" name="rg">', 'national-id', 'BR'],
  ['<label for="t">Telefone</label><input id="t">', 'phone'],
  ['<label for="t">Celular com DDD</label><input id="t">', 'phone'],
  ['<label for="k">Número do cartão</label><input id="k">', 'bank-card'],
  ['<label for="o">Código de verificação</label><input id="o">', 'otp'],
]);

table('Indonesian', [
  ['<label for="h">Nomor HP</label><input id="h">', 'phone'],
  ['<input name="no_hp" type="tel">', 'phone'],
  ['<label for="p">Nomor ponsel</label><input id="p">', 'phone'],
  ['<label for="p">No. Telepon</label><input id="p">', 'phone'],
  ['<label for="n">NIK</label><input id="n" name="nik" maxlength="16">', 'national-id', 'ID'],
  ['<input placeholder="Nomor KTP">', 'national-id', 'ID'],
  ['<label for="k">Nomor kartu debit</label><input id="k">', 'bank-card'],
  ['<label for="r">Nomor rekening</label><input id="r">', 'bank-card'],
  ['<label for="o">Kode OTP</label><input id="o" maxlength="6">', 'otp'],
  ['<input placeholder="Masukkan kode verifikasi">', 'otp'],
]);

table('English', [
  ['<label for="m">Mobile number</label><input id="m">', 'phone'],
  ['<input name="phoneNumber">', 'phone'],
  ['<label for="s">SSN</label><input id="s" name="ssn">', 'national-id', 'US'],
  ['<label for="s">Social Security Number</label><input id="s">', 'national-id', 'US'],
  ['<label for="n">National ID number</label><input id="n">', 'national-id', '-'],
  ['<label for="n">ID card number</label><input id="n">', 'national-id'],
  ['<label for="a">Aadhaar number</label><input id="a" maxlength="12">', 'national-id', 'IN'],
  ['<label for="a">PAN card number</label><input id="a" maxlength="10">', 'national-id', 'IN'],
  ['<label for="a">CNIC</label><input id="a">', 'national-id', 'PK'],
  ['<label for="a">BVN</label><input id="a">', 'national-id', 'NG'],
  ['<label for="a">PhilSys number (PSN)</label><input id="a">', 'national-id', 'PH'],
  ['<label for="c">Card number</label><input id="c">', 'bank-card'],
  ['<label for="c">Debit card</label><input id="c">', 'bank-card'],
  ['<label for="o">Verification code</label><input id="o">', 'otp'],
  ['<label for="o">One-time password</label><input id="o">', 'otp'],
  ['<input name="otp" maxlength="6">', 'otp'],
]);

table('Vietnamese, Thai and Hindi', [
  ['<label for="p">Số điện thoại</label><input id="p">', 'phone'],
  ['<label for="c">Số CCCD</label><input id="c" maxlength="12">', 'national-id', 'VN'],
  ['<label for="c">Số thẻ ngân hàng</label><input id="c">', 'bank-card'],
  ['<label for="o">Mã OTP</label><input id="o">', 'otp'],
  ['<label for="p">เบอร์โทรศัพท์</label><input id="p">', 'phone'],
  ['<label for="c">เลขบัตรประชาชน</label><input id="c" maxlength="13">', 'national-id', 'TH'],
  ['<label for="o">รหัส OTP</label><input id="o">', 'otp'],
  ['<label for="a">आधार संख्या</label><input id="a">', 'national-id', 'IN'],
  ['<label for="m">मोबाइल नंबर</label><input id="m">', 'phone'],
]);

table('autocomplete tokens alone are enough', [
  ['<input autocomplete="one-time-code">', 'otp'],
  ['<input autocomplete="tel">', 'phone'],
  ['<input autocomplete="section-a shipping tel-national">', 'phone'],
  ['<input autocomplete="cc-number">', 'bank-card'],
]);

table('type, inputmode and maxlength alone are not', [
  ['<input type="tel">', null],
  ['<input inputmode="numeric" maxlength="6">', null],
  ['<input maxlength="18">', null],
  ['<input type="number" maxlength="16">', null],
  ['<input name="field_3" inputmode="tel">', null],
]);

table('negatives win: search boxes', [
  ['<input type="search" placeholder="搜索手机号">', null],
  ['<input name="q" placeholder="Buscar celulares">', null],
  ['<input name="keyword" placeholder="手机">', null],
  ['<input placeholder="Cari HP murah">', null],
  ['<input placeholder="搜索手机">', null],
]);

table('negatives win: country and area codes', [
  ['<input name="countryCode" placeholder="+86" maxlength="4">', null],
  ['<label for="c">Código de país</label><input id="c" placeholder="+52">', null],
  ['<label for="c">手机区号</label><input id="c">', null],
  ['<label for="c">Phone area code</label><input id="c" maxlength="3">', null],
  ['<label for="c">Teléfono</label><input id="c" placeholder="+52" maxlength="4">', null],
]);

table('what the corpus taught: mixed boxes, captchas, codes that are not one-time codes', [
  ['<input placeholder="Ingrese su RFC o Celular">', null],
  ['<label for="u">Phone number or email</label><input id="u">', null],
  ['<label for="u">Nomor HP / email</label><input id="u">', null],
  ['<label for="s">Sort code</label><input id="s" type="password" maxlength="6">', null],
  ['<label for="i">IFSC code</label><input id="i" maxlength="11">', null],
  ['<label for="b">Código de sucursal</label><input id="b">', null],
  ['<label for="p">PIN</label><input id="p" maxlength="6">', null],
  ['<label for="r">Referral code</label><input id="r" maxlength="6">', null],
  ['<label for="r">Código promocional</label><input id="r">', null],
  ['<input placeholder="Mã hợp đồng">', null],
  ['<input placeholder="电话分机号" type="tel">', null],
  ['<input placeholder="R$ 00,00" aria-label="Limite disponível no seu cartão de crédito">', null],
  ['<input name="phone" placeholder="+52" maxlength="4">', null],
  ['<label for="t">Teléfono móvil</label><input id="t" name="phone" placeholder="+52" maxlength="16">', 'phone'],
  ['<input placeholder="Place of issue" name="id_place">', null],
]);

table('names lie: the label or placeholder wins', [
  ['<input name="studentId" placeholder="身分證字號">', 'national-id', 'TW'],
  ['<input name="orderPhone" placeholder="電話">', 'phone'],
  ['<label for="a">图片验证码</label><input id="a" name="account" placeholder="请输入手机号">', 'phone'],
  ['<div><span>Nama lengkap</span><input placeholder="Sesuai KTP"></div>', null],
  ['<input name="tbxmobile" maxlength="10">', 'phone'],
  ['<label for="t">Telefonnummer:</label><input id="t">', 'phone'],
]);

table('SMS code or captcha: what sits next to the box decides', [
  ['<div><input id="captchaText" placeholder="请输入验证码" maxlength="4"><span id="captcha">获取验证码</span></div>', 'otp'],
  ['<div><label>验证码</label><input placeholder="请输入验证码"><button type="button">获取</button></div>', 'otp'],
  ['<div><input placeholder="请输入验证码" maxlength="4"><img src="/captcha.jpg"></div>', null],
  ['<div><input name="captcha" placeholder="验证码"><button type="button">重新发送(59秒后)</button></div>', 'otp'],
]);

table('bank accounts for payouts are bank-card; a bare "account number" only in a bank section', [
  ['<form><h3>Where should we send your cash?</h3><label for="r">Bank routing number</label><input id="r"><label for="a">Checking account number</label><input id="a" maxlength="17"></form>', null],
  ['<form><label>Bank name<select><option>Choose a bank</option></select></label><label for="a">Account number</label><input id="a"><input name="x"></form>', 'bank-card'],
  ['<form><label for="a">Account number</label><input id="a"><input name="x"><input name="y"></form>', null],
  ['<label for="c">Ingrese la cuenta de destino</label><input id="c">', 'bank-card'],
  ['<label for="c">CBU</label><input id="c">', 'bank-card'],
  ['<label for="c">เลขที่บัญชี</label><input id="c">', 'bank-card'],
  ['<label for="c">UK bank account number</label><input id="c" maxlength="8">', 'bank-card'],
]);

table('negatives win: captcha images', [
  ['<label for="c">图形验证码</label><input id="c" name="imgCode" maxlength="4"><img src="/captcha">', null],
  ['<input name="captcha" placeholder="验证码">', null],
  ['<input placeholder="Enter the characters in the image">', null],
  ['<input name="smsCaptcha" placeholder="短信验证码">', 'otp'],
]);

table('negatives win: postal codes, amounts, passwords, email', [
  ['<label for="z">邮编</label><input id="z">', null],
  ['<label for="z">Código postal</label><input id="z" inputmode="numeric" maxlength="5">', null],
  ['<label for="z">Kode pos</label><input id="z">', null],
  ['<label for="z">ZIP code</label><input id="z">', null],
  ['<label for="a">借款金额</label><input id="a" inputmode="numeric">', null],
  ['<label for="a">手机充值金额</label><input id="a">', null],
  ['<label for="a">Monto del préstamo</label><input id="a">', null],
  ['<label for="a">Jumlah pinjaman</label><input id="a">', null],
  // A masked box is still judged by what it asks for: a code or an SSN typed as dots is still one.
  ['<input type="password" name="otp" placeholder="验证码">', 'otp'],
  ['<label for="s">Social Security number</label><input id="s" type="password" name="ssn">', 'national-id'],
  ['<label for="p">Password</label><input id="p" type="password" name="password">', null],
  ['<label for="p">Contraseña</label><input id="p" type="password">', null],
  ['<label for="p">登录密码</label><input id="p" name="pwd">', null],
  ['<input type="email" name="phone">', null],
  ['<label for="e">Correo electrónico</label><input id="e">', null],
]);

table('negatives win: names, dates, other numbers, bank details', [
  ['<label for="n">姓名</label><input id="n">', null],
  ['<label for="n">Nombre del titular de la tarjeta</label><input id="n">', null],
  ['<label for="n">Nama sesuai KTP</label><input id="n">', null],
  ['<label for="n">Cardholder name</label><input id="n">', null],
  ['<label for="n">开户名</label><input id="n">', null],
  ['<label for="b">出生日期</label><input id="b">', null],
  ['<label for="b">Fecha de nacimiento (como en tu INE)</label><input id="b">', null],
  ['<label for="b">Tanggal lahir</label><input id="b">', null],
  ['<label for="x">Employee ID</label><input id="x">', null],
  ['<label for="x">Order number</label><input id="x">', null],
  ['<label for="x">Tracking number</label><input id="x">', null],
  ['<label for="x">Student ID</label><input id="x">', null],
  ['<label for="x">Coupon code</label><input id="x">', null],
  ['<label for="x">Invite code</label><input id="x">', null],
  ['<label for="x">邀请码</label><input id="x">', null],
  ['<input name="codigo_invitacion" placeholder="Código de invitación (opcional)">', null],
  ['<label for="x">会员卡号</label><input id="x">', null],
  ['<label for="x">开户行</label><input id="x">', null],
  ['<label for="x">Bank name</label><input id="x">', null],
  ['<label for="x">CVV</label><input id="x" maxlength="3">', null],
  ['<label for="x">Fecha de vencimiento</label><input id="x">', null],
  ['<label for="x">LINE ID</label><input id="x">', null],
  ['<label for="x">ICCID</label><input id="x" maxlength="20">', null],
]);

table('generic rules do not swallow ID fields', [
  ['<input name="ssn">', 'national-id', 'US'],
  ['<input name="dni">', 'national-id'],
  ['<input name="documento">', 'national-id'],
  ['<input name="nik">', 'national-id', 'ID'],
  ['<input name="numero_documento" placeholder="Número de documento">', 'national-id'],
]);

describe('label association', () => {
  it('reads <label for>', () => {
    expect(kindOf('<label for="a">手机号</label><div><input id="a"></div>')).toBe('phone');
  });
  it('reads a wrapping label', () => {
    expect(kindOf('<label><span>Número de celular</span> <input></label>')).toBe('phone');
  });
  it('reads aria-labelledby with several ids', () => {
    expect(kindOf('<span id="l1">Kode</span><span id="l2">OTP</span><div><div><input aria-labelledby="l1 l2"></div><input></div>')).toBe('otp');
  });
  it('reads aria-label and title', () => {
    expect(kindOf('<input aria-label="身份证号码">')).toBe('national-id');
    expect(kindOf('<input title="Nomor HP">')).toBe('phone');
  });
  it('reads a placeholder alone', () => {
    expect(kindOf('<input placeholder="请输入银行卡号">')).toBe('bank-card');
  });
  it('reads the text of the largest ancestor holding only this input (table cell layout)', () => {
    expect(kindOf('<table><tr><td>手机号：</td><td><input></td></tr><tr><td>密码</td><td><input type="password"></td></tr></table>')).toBe('phone');
  });
  it('reads the previous sibling when the parent holds other fields', () => {
    expect(kindOf('<div><span>CURP</span><input><span>Celular</span><input></div>')).toBe('national-id');
    expect(kindOf('<div><span>CURP</span><input><span>Celular</span><input></div>', 'input:nth-of-type(2)')).toBe('phone');
  });
  it('ignores button text next to a field', () => {
    expect(kindOf('<div><input name="x1"><button>获取验证码</button></div>')).toBeNull();
  });
  it('drops nearby text longer than ~100 characters', () => {
    const long = 'Ingresa tu número de celular. '.repeat(5);
    expect(kindOf(`<div><p>${long}</p><input name="x1"></div><input>`)).toBeNull();
    expect(fieldSignals(document.querySelector('input') as Element).nearby).toBe('');
  });
  it('prefers a short caption over a paragraph further up', () => {
    const long = 'Usaremos este número para enviarte avisos sobre tu solicitud y tus pagos. '.repeat(2);
    document.body.innerHTML = `<section><p>${long}</p><div><span>Celular</span><input></div></section><input>`;
    expect(fieldSignals(document.querySelector('input') as Element).nearby).toBe('Celular');
  });
  it('collects every signal of a field', () => {
    document.body.innerHTML =
      '<div><span>Paso 2</span><label for="c">CURP</label><input id="c" name="curp" type="text" inputmode="text" maxlength="18" pattern="[A-Z0-9]{18}" placeholder="18 caracteres" aria-label="Clave CURP" autocomplete="off"></div><input>';
    expect(fieldSignals(document.getElementById('c') as Element)).toEqual({
      autocomplete: 'off',
      type: 'text',
      inputmode: 'text',
      maxLength: 18,
      pattern: '[A-Z0-9]{18}',
      name: 'curp',
      id: 'c',
      placeholder: '18 caracteres',
      ariaLabel: 'Clave CURP',
      label: 'CURP',
      nearby: 'Paso 2 CURP',
      codeButton: false,
      codeImage: false,
      section: '',
    });
  });
  it('finds labels inside an open shadow root', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const root = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="cap">Nomor rekening</span><input aria-labelledby="cap"><label for="p">手机号</label><input id="p">';
    const [card, phone] = root.querySelectorAll('input');
    expect(classifyField(card as Element)?.kind).toBe('bank-card');
    expect(classifyField(phone as Element)?.kind).toBe('phone');
  });
});

describe('element checks', () => {
  it.each([
    '<input type="hidden" name="mobile">',
    '<input type="checkbox" name="phone">',
    '<input type="radio" name="phone">',
    '<input type="submit" value="手机号">',
    '<input type="date" name="id_card_date">',
    '<input type="range" name="phone">',
    '<select name="mobile"><option>+86</option></select>',
    '<textarea name="phone" rows="4"></textarea>',
  ])('%s is not a field of ours', (html) => {
    expect(classify(html, 'input,select,textarea')).toBeNull();
  });
  // Pages enable and reveal fields from script, and frames are not rescanned for attribute changes.
  it.each(['<input name="mobile" disabled>', '<div hidden><input name="mobile"></div>', '<input name="mobile" style="display: none">'])(
    '%s is still a field (the page may enable or show it later)',
    (html) => {
      expect(kindOf(html)).toBe('phone');
    },
  );
  it('accepts a one-line textarea', () => {
    expect(kindOf('<textarea name="phone" rows="1"></textarea>')).toBe('phone');
  });
  it('treats an unknown type as text, as browsers do', () => {
    expect(kindOf('<input type="phone" name="mobile">')).toBe('phone');
  });
  it('rejects kinds the maxlength cannot hold', () => {
    expect(kindOf('<label for="c">Número de tarjeta</label><input id="c" maxlength="4">')).toBeNull();
    expect(kindOf('<label for="c">手机号</label><input id="c" maxlength="3">')).toBeNull();
  });
  it('takes the ID country from a document-type select before the field', () => {
    const v = classify(
      '<form><select name="tipo"><option>Cédula de ciudadanía</option><option>Pasaporte</option></select><label for="d">Número de documento</label><input id="d"></form>',
    );
    expect(v).toMatchObject({ kind: 'national-id', country: 'CO' });
  });
});

describe('verdicts and reasons', () => {
  it('explains itself with short, deduplicated, snake_case reasons', () => {
    const v = classify('<label for="m">手机号码</label><input id="m" name="mobile" type="tel" maxlength="11" placeholder="请输入手机号">');
    expect(v?.kind).toBe('phone');
    expect(v?.confidence).toBeGreaterThan(0.9);
    expect(v?.confidence).toBeLessThanOrEqual(1);
    expect(v?.reasons).toContainEqual({ code: 'label_keyword', detail: 'label "手机号码"', weight: 0.9 });
    const codes = v?.reasons.map((r) => r.code) ?? [];
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['placeholder_keyword', 'name_keyword', 'input_type', 'maxlength']));
    for (const r of v?.reasons ?? []) {
      expect(r.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(r.detail.length).toBeLessThanOrEqual(60);
    }
  });
  it('gives a country hint reason for a named scheme', () => {
    const v = classify('<label for="c">CURP</label><input id="c" maxlength="18">');
    expect(v?.reasons).toContainEqual({ code: 'country_hint', detail: 'CURP → MX', weight: 0 });
    expect(v?.reasons).toContainEqual({ code: 'maxlength', detail: 'maxlength 18', weight: 0.25 });
  });
  it('is more confident with more agreeing signals', () => {
    const weak = classify('<div><span>Nomor HP</span><input></div>');
    const strong = classify('<label for="h">Nomor HP</label><input id="h" name="no_hp" type="tel" autocomplete="tel">');
    expect(weak?.kind).toBe('phone');
    expect(strong?.confidence).toBeGreaterThan(weak?.confidence ?? 1);
  });
  it('a bare "code" needs a supporting hint', () => {
    expect(kindOf('<input name="code">')).toBeNull();
    expect(kindOf('<input name="code" inputmode="numeric" maxlength="6">')).toBe('otp');
    expect(kindOf('<input name="code" pattern="[0-9]*" maxlength="6">')).toBe('otp');
  });
});

describe('classifySignals (pure)', () => {
  const empty: FieldSignals = {
    autocomplete: '',
    type: 'text',
    inputmode: '',
    maxLength: null,
    pattern: '',
    name: '',
    id: '',
    placeholder: '',
    ariaLabel: '',
    label: '',
    nearby: '',
  };
  it('classifies from strings alone', () => {
    expect(classifySignals({ ...empty, label: 'Número de celular' })?.kind).toBe('phone');
    expect(classifySignals({ ...empty, nearby: '验证码' })?.kind).toBe('otp');
    expect(classifySignals(empty)).toBeNull();
  });
  it('honours a split layout: six 1-character boxes are only a code', () => {
    const v = classifySignals({ ...empty, nearby: 'Enter the code', maxLength: 1 }, { parts: 6, total: 6, shapes: ['otp'] });
    expect(v).toMatchObject({ kind: 'otp', parts: 6 });
    expect(v?.reasons.map((r) => r.code)).toContain('split_boxes');
    expect(classifySignals({ ...empty, label: '手机号', maxLength: 1 }, { parts: 6, total: 6, shapes: ['otp'] })).toBeNull();
  });
  it('a row of single-character boxes is a code even without words, unless typed as a password (a PIN pad)', () => {
    expect(classifySignals({ ...empty, maxLength: 1 }, { parts: 6, total: 6, shapes: ['otp'] })).toMatchObject({ kind: 'otp', parts: 6 });
    expect(classifySignals({ ...empty, type: 'password', maxLength: 1 }, { parts: 6, total: 6, shapes: ['otp'] })).toBeNull();
    expect(classifySignals({ ...empty, label: 'PIN', maxLength: 1 }, { parts: 4, total: 4, shapes: ['otp'] })).toBeNull();
  });
  it('a box longer than any code that names the phone is the phone, though its label also mentions the OTP', () => {
    const v = classifySignals({ ...empty, label: 'Enter your mobile number; we send a 6 digit OTP to it', name: 'phone-number', type: 'tel', maxLength: 10 });
    expect(v?.kind).toBe('phone');
  });
  it('an autocomplete token that names something else vetoes', () => {
    expect(classifySignals({ ...empty, label: '手机号', autocomplete: 'tel-country-code' })).toBeNull();
    expect(classifySignals({ ...empty, label: 'Teléfono', autocomplete: 'username' })?.kind).toBe('phone');
  });
});

describe('rules data', () => {
  it('covers every kind in Chinese, Spanish, English, Indonesian and Portuguese', () => {
    for (const kind of ['national-id', 'phone', 'bank-card', 'otp']) {
      const langs = new Set(FIELD_RULES.filter((r) => r.kind === kind).map((r) => r.lang.split('-')[0]));
      for (const lang of ['zh', 'es', 'en', 'id', 'pt']) {
        if (kind === 'national-id' && lang === 'en') continue;
        expect(langs, `${kind}/${lang}`).toContain(lang);
      }
    }
  });
  it('normalises attribute names into words', () => {
    expect(normaliseName('IDCardNo')).toBe('ID Card No');
    expect(normaliseName('pasajeros[0][documento]')).toBe('pasajeros 0 documento');
    expect(normaliseName('phone1')).toBe('phone 1');
  });
});
