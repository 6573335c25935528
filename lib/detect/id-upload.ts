// Is this file input asking for a picture of an ID document or a selfie with it? The frame describes
// the field in its own words (label, name, id, placeholder, aria-label, nearby text: `describeIdUpload`,
// page code); the background matches them against rules/id-upload-rules.ts (`classifyIdUpload`), with
// reasons — a look-alike (avatar, résumé, receipt…) wins over a match. The rules are not page code.
import type { Reason } from '@/lib/types';
import { fieldSignals } from './field-signals';
import { ID_UPLOAD_LOOKALIKES, ID_UPLOAD_RULES } from './rules/id-upload-rules';

/** A file input as the frame describes it. */
export interface IdUploadField {
  /** The field's words, lower-cased (at most 7, each ≤ 300 characters). */
  texts: string[];
  /** It opens the camera (`capture`): the picture goes to the page without a file to mark first. */
  camera: boolean;
  /** It takes PDFs: a scanned document can't be marked by LoanGuard's tool. */
  pdf: boolean;
  /** The field's own words as the user sees them (label, else aria-label, placeholder, nearby text), ≤ 60 characters. */
  label: string;
}

export interface IdUploadVerdict {
  isIdUpload: boolean;
  reasons: Reason[];
}

/** Field names as words: "idCardFront" / "id_card-front" → "id card front". */
const words = (value: string): string =>
  value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.[\]]+/g, ' ')
    .toLowerCase();

/** What the rules read of a file input (page code: no rules here); null for any other input. */
export function describeIdUpload(input: HTMLInputElement): IdUploadField | null {
  if (input.type !== 'file') return null;
  const signals = fieldSignals(input);
  const texts = [signals.label, signals.placeholder, signals.ariaLabel, signals.nearby, input.title, words(signals.name), words(signals.id)]
    .map((text) => text.toLowerCase().slice(0, 300))
    .filter((text) => text !== '');
  const label = [signals.label, signals.ariaLabel, signals.placeholder, signals.nearby].find((text) => text.trim() !== '')?.trim().slice(0, 60) ?? '';
  return { texts, camera: input.hasAttribute('capture'), pdf: (input.getAttribute('accept') ?? '').toLowerCase().includes('pdf'), label };
}

export function classifyIdUpload(field: Pick<IdUploadField, 'texts'>): IdUploadVerdict {
  if (field.texts.some((text) => ID_UPLOAD_LOOKALIKES.test(text))) return { isIdUpload: false, reasons: [] };
  const reasons: Reason[] = [];
  for (const rule of ID_UPLOAD_RULES) {
    const hit = field.texts.map((text) => rule.pattern.exec(text)?.[0]).find((found) => found !== undefined);
    if (hit !== undefined && !reasons.some((reason) => reason.code === rule.code)) reasons.push({ code: rule.code, detail: hit, weight: 1 });
  }
  return { isIdUpload: reasons.length > 0, reasons };
}
