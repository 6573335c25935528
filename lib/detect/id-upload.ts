// Is this file input asking for a picture of an ID document or a selfie with it? Matches the field's
// own words (label, name, id, placeholder, aria-label, nearby text) against the rules in
// rules/id-upload-rules.ts, with reasons; a look-alike (avatar, résumé, receipt…) wins over a match.
import type { Reason } from '@/lib/types';
import { fieldSignals } from './field-signals';
import { ID_UPLOAD_LOOKALIKES, ID_UPLOAD_RULES } from './rules/id-upload-rules';

export interface IdUploadVerdict {
  isIdUpload: boolean;
  reasons: Reason[];
  /** It opens the camera (`capture`): the picture goes to the page without a file to mark first. */
  camera: boolean;
  /** It takes PDFs: a scanned document can't be marked by LoanGuard's tool. */
  pdf: boolean;
  /** The field's own words as the user sees them (label, else aria-label, placeholder, nearby text), ≤ 60 characters. */
  label: string;
}

/** Field names as words: "idCardFront" / "id_card-front" → "id card front". */
const words = (value: string): string =>
  value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.[\]]+/g, ' ')
    .toLowerCase();

export function classifyIdUpload(input: HTMLInputElement): IdUploadVerdict {
  const signals = fieldSignals(input);
  const texts = [signals.label, signals.placeholder, signals.ariaLabel, signals.nearby, input.title, words(signals.name), words(signals.id)]
    .map((text) => text.toLowerCase())
    .filter((text) => text !== '');
  const accept = (input.getAttribute('accept') ?? '').toLowerCase();
  const camera = input.hasAttribute('capture');
  const pdf = accept.includes('pdf');
  const label = [signals.label, signals.ariaLabel, signals.placeholder, signals.nearby].find((text) => text.trim() !== '')?.trim().slice(0, 60) ?? '';
  const none: IdUploadVerdict = { isIdUpload: false, reasons: [], camera, pdf, label };
  if (input.type !== 'file' || texts.some((text) => ID_UPLOAD_LOOKALIKES.test(text))) return none;
  const reasons: Reason[] = [];
  for (const rule of ID_UPLOAD_RULES) {
    const hit = texts.map((text) => rule.pattern.exec(text)?.[0]).find((found) => found !== undefined);
    if (hit !== undefined && !reasons.some((reason) => reason.code === rule.code)) reasons.push({ code: rule.code, detail: hit, weight: 1 });
  }
  return reasons.length > 0 ? { ...none, isIdUpload: true, reasons } : none;
}
