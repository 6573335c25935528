// ID-document upload fields: file inputs asking for a picture of an ID (or a selfie with it) in each
// language are recognised with reasons; avatar, résumé, receipt and logo uploads, and text fields
// about IDs, are not. Camera capture and PDF uploads are flagged.
import { describe, expect, it } from 'vitest';
import { classifyIdUpload as classifyDescription, describeIdUpload } from '@/lib/detect/id-upload';

/** The frame's description of the field, classified as the background does (a non-file input: not one). */
function classifyIdUpload(input: HTMLInputElement) {
  const description = describeIdUpload(input);
  return description ? { ...description, ...classifyDescription(description) } : { isIdUpload: false, reasons: [], label: '', camera: false, pdf: false };
}

function field(html: string): HTMLInputElement {
  document.body.innerHTML = html;
  return document.querySelector<HTMLInputElement>('input')!;
}
const labelled = (label: string, attrs = '') => field(`<form><label for="f">${label}</label><input id="f" type="file" ${attrs}></form>`);

describe('describeIdUpload + classifyIdUpload', () => {
  it.each([
    ['身份证正面', 'id_upload_document'],
    ['上传身份证反面（国徽面）', 'id_upload_document'],
    ['手持身份证照片', 'id_upload_selfie'],
    ['Foto KTP', 'id_upload_document'],
    ['Selfie dengan KTP', 'id_upload_selfie'],
    ['INE (frente)', 'id_upload_document'],
    ['INE reverso', 'id_upload_document'],
    ['Sube tu identificación oficial', 'id_upload_document'],
    ['Foto de tu CURP', 'id_upload_document'],
    ['Aadhaar card (front)', 'id_upload_document'],
    ['Upload PAN card', 'id_upload_document'],
    ['Foto do RG (frente e verso)', 'id_upload_document'],
    ['Ảnh CCCD mặt trước', 'id_upload_document'],
    ['Upload your ID (front)', 'id_upload_document'],
    ['ID back', 'id_upload_document'],
    ['Selfie holding your ID', 'id_upload_selfie'],
  ])('"%s" is an ID upload (%s)', (label, code) => {
    const verdict = classifyIdUpload(labelled(label));
    expect(verdict.isIdUpload).toBe(true);
    expect(verdict.reasons.map((reason) => reason.code)).toContain(code);
    expect(verdict.reasons.every((reason) => reason.detail !== '')).toBe(true);
    expect(verdict.label).toBe(label);
  });

  it('reads field names when there is no label (idCardFront, ktp_photo)', () => {
    expect(classifyIdUpload(field('<input type="file" name="idCardFront">')).reasons.map((r) => r.code)).toContain('id_upload_name');
    expect(classifyIdUpload(field('<input type="file" id="ktp_photo">')).isIdUpload).toBe(true);
  });

  it.each([
    'Upload avatar',
    'Profile photo',
    '上传头像',
    '上传简历',
    'Upload your résumé (CV)',
    'Subir comprobante de pago',
    'Unggah bukti transfer',
    'Upload receipt',
    '上传发票',
    'Company logo',
    'Attach a file',
  ])('"%s" is not an ID upload', (label) => {
    expect(classifyIdUpload(labelled(label)).isIdUpload).toBe(false);
  });

  it('a look-alike wins over ID words on the same field ("ID photo for your avatar")', () => {
    expect(classifyIdUpload(labelled('ID photo for your avatar')).isIdUpload).toBe(false);
  });

  it('a text field about an ID number is not an upload', () => {
    expect(classifyIdUpload(field('<label for="n">身份证号</label><input id="n" type="text">')).isIdUpload).toBe(false);
  });

  it('flags camera capture and PDF uploads', () => {
    const camera = classifyIdUpload(labelled('身份证正面', 'accept="image/*" capture="environment"'));
    expect([camera.isIdUpload, camera.camera, camera.pdf]).toEqual([true, true, false]);
    const pdf = classifyIdUpload(labelled('Upload your ID', 'accept="image/*,application/pdf"'));
    expect([pdf.camera, pdf.pdf]).toEqual([false, true]);
  });
});
