// The CLI's page loader on the shapes real saved pages have: Vue single-file components and other
// <template>s, UI-library field components, UTF-8 files that declare a legacy charset, and markup
// commented out with an end tag glued to the comment's end.
import { afterEach, describe, expect, it } from 'vitest';
import { decodePage, parsePage, type LoadedPage } from '@/cli/load-page';
import { scanFields } from '@/lib/detect/field-scan';

const opened: LoadedPage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

function load(html: string): Document {
  const page = parsePage(html, 'https://www.example.com/');
  opened.push(page);
  return page.document;
}

const kinds = (doc: Document) => scanFields(doc).map((f) => [f.element.getAttribute('name') ?? f.element.localName, f.verdict.kind]);

describe('<template> scanning', () => {
  it('reads the fields of a Vue single-file component (top-level template)', () => {
    const doc = load(`<template>
  <div class="login">
    <van-field v-model="phone" name="mobile" type="tel" placeholder="请输入手机号" maxlength="11"></van-field>
    <van-field v-model="code" name="sms" placeholder="请输入短信验证码" maxlength="6"><template #button><van-button>获取验证码</van-button></template></van-field>
  </div>
</template>
<script>export default { data() { return { phone: '' } } }</script>`);
    expect(kinds(doc)).toEqual([
      ['mobile', 'phone'],
      ['sms', 'otp'],
    ]);
    // The SFC's markup is in the body, where the classifiers read.
    expect(doc.body.querySelector('.login')).not.toBeNull();
  });

  it('expands nested templates inside a page and gives labelled wrappers their label', () => {
    const doc = load(`<html><body><div id="app"><template v-if="step === 2"><el-form>
      <el-form-item label="身份证号"><el-input v-model="f.no" name="idno"></el-input></el-form-item>
      <template v-if="bank"><el-form-item label="银行卡号"><el-input v-model="f.card" name="cardNo"></el-input></el-form-item></template>
    </el-form></template></div></body></html>`);
    expect(doc.querySelectorAll('template')).toHaveLength(0);
    expect(kinds(doc)).toEqual([
      ['idno', 'national-id'],
      ['cardNo', 'bank-card'],
    ]);
    expect(doc.querySelector('el-form-item label')?.textContent).toBe('身份证号');
  });

  it('leaves a component that already holds an input alone', () => {
    const doc = load('<template><el-input name="x"><input name="mobile" placeholder="手机号"></el-input></template>');
    expect(doc.querySelectorAll('input')).toHaveLength(1);
  });
});

describe('page decoding', () => {
  it('reads a UTF-8 file that still declares Big5 as UTF-8', () => {
    const bytes = new TextEncoder().encode('<html><head><meta charset="big5"><title>申請貸款</title></head><body>身分證字號</body></html>');
    expect(decodePage(bytes)).toContain('<title>申請貸款</title>');
  });

  it('still honours a declared legacy charset when the bytes are not UTF-8', () => {
    // "手机" in GBK: not valid UTF-8.
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="gbk"><p>'), 0xca, 0xd6, 0xbb, 0xfa, ...new TextEncoder().encode('</p>')]);
    expect(decodePage(bytes)).toContain('<p>手机</p>');
  });
});

describe('commented-out markup', () => {
  it('keeps parsing after a comment that ends with an end tag (</div-->)', () => {
    const doc = load(`<form><!--div class="extra"><input type="checkbox"></div--><label>เบอร์โทรศัพท์</label>
      <input name="phone" type="text"><button>สมัครสมาชิก</button></form><p id="after">after</p>`);
    expect(doc.getElementById('after')?.textContent).toBe('after');
    expect(kinds(doc)).toEqual([['phone', 'phone']]);
  });
});

describe('self-closed components', () => {
  it('closes <van-field … /> so the fields after it are not swallowed by it', () => {
    const doc = load(`<template><div>
      <van-field v-model="idNo" label="身份证号" placeholder="请输入身份证号" />
      <van-field v-model="phone" label="手机号" placeholder="请输入手机号" />
      <Toast />
    </div></template>`);
    const fields = doc.querySelectorAll('van-field');
    expect(fields).toHaveLength(2);
    // Siblings, each with its own rendered input.
    expect(fields[0]!.contains(fields[1]!)).toBe(false);
    expect([...fields].map((f) => f.querySelectorAll('input').length)).toEqual([1, 1]);
    expect(kinds(doc).map(([, kind]) => kind)).toEqual(['national-id', 'phone']);
  });
});
