// Decides whether one form field asks for a national ID, phone, bank card or one-time code, with a
// confidence and the reasons, by running the data in field-rules.ts over the field's signals.
import type { FieldKind, FieldVerdict, Reason } from '@/lib/types';
import {
  AUTOCOMPLETE_KINDS,
  AUTOCOMPLETE_NOT,
  COUNTRY_CODE_PLACEHOLDER,
  DNI_ES,
  DNI_PE,
  FIELD_RULES,
  ID_LENGTHS,
  MAXLENGTH_HINTS,
  MIN_LENGTH,
  NEGATIVE_RULES,
  OTP_MAX_LENGTH,
  SEND_CODE,
  SKIP_TYPES,
  SMS_WORDS,
} from '@/lib/detect/rules/field-rules';
import { fieldSignals, type FieldSignals } from '@/lib/detect/field-signals';

/** Confidence a kind needs before the field is reported. */
export const THRESHOLD = 0.5;

/** A value typed across several boxes. */
export interface SplitInfo {
  parts: number;
  /** Sum of the boxes' maxlength: the length of the whole value. */
  total: number;
  /** Kinds this box layout can hold (six 1-character boxes: only a code). */
  shapes: readonly FieldKind[];
}

// Ties go to the rarer, more specific kind: "手机验证码" is a code, not a phone.
const KIND_ORDER: readonly FieldKind[] = ['otp', 'national-id', 'bank-card', 'phone'];

/** "idCardNo" / "id_card-no" / "phone1" → "id Card No" / "id card no" / "phone 1". */
export function normaliseName(s: string): string {
  return s
    // Hungarian-notation prefixes of form controls: "tbxMobile", "txtphone" → "tbx mobile".
    .replace(/^(txt|tbx|tb|inp|ipt|fld|frm)(?=[a-zA-Z]{4})/, '$1 ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .replace(/[\s_\-.[\]:/]+/g, ' ')
    .trim();
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

export function classifySignals(s: FieldSignals, split?: SplitInfo): FieldVerdict | null {
  if (SKIP_TYPES.test(s.type)) return null;
  let acKind: FieldKind | undefined;
  let acToken = '';
  for (const t of s.autocomplete.split(/\s+/)) {
    if (AUTOCOMPLETE_NOT.test(t)) return null;
    if (AUTOCOMPLETE_KINDS[t]) [acKind, acToken] = [AUTOCOMPLETE_KINDS[t], t];
  }

  // Strongest source first; the reason code says where the keyword was found.
  const sources: Array<[code: string, what: string, factor: number, text: string]> = [];
  const add = (code: string, what: string, factor: number, text: string): void => {
    if (text) sources.push([code, what, factor, text]);
  };
  add('label_keyword', 'label', 1, s.label);
  add('label_keyword', 'aria-label', 1, s.ariaLabel);
  add('placeholder_keyword', 'placeholder', 0.9, s.placeholder);
  add('name_keyword', 'name', 0.8, normaliseName(s.name));
  add('name_keyword', 'id', 0.8, normaliseName(s.id));
  // A wrapping label is also the nearby text; count it once.
  add('nearby_keyword', 'text', 0.7, s.label ? s.nearby.replace(s.label, '').trim() : s.nearby);
  const all = sources.map((x) => x[3]).join(' | ');
  // What the page shows the user (label, placeholder) outweighs what its code calls the field (name,
  // id) and loose text around it: names are often copied from another field and lie.
  const shown = [s.label, s.ariaLabel, s.placeholder].filter(Boolean).join(' | ');
  const shownKinds = new Set<FieldKind>(FIELD_RULES.filter((r) => !r.context && r.match.test(shown) && !r.skip?.test(shown)).map((r) => r.kind));
  // Negatives: the caption next to the field is seen by the user too ("Nama lengkap" beside a box
  // whose placeholder says "as on the KTP"), so only the name and id are the loose part.
  const visible = s.nearby ? `${shown} | ${s.nearby}` : shown;
  const loose = [s.name, normaliseName(s.name), normaliseName(s.id)].filter(Boolean).join(' | ');

  const vetoed = new Set<FieldKind>();
  let vetoAll = false;
  const vetoLoose = new Set<FieldKind>();
  let vetoAllLoose = false;
  for (const n of NEGATIVE_RULES) {
    if (n.skip?.test(all) || (n.unlessCodeButton && (s.codeButton || SEND_CODE.test(s.nearby)))) continue;
    // A negative about the name itself (name="q", name="captcha") is decisive wherever it is found.
    const aboutName = n.nameOnly === true || n.unlessCodeButton === true;
    const inShown = !n.nameOnly && n.match.test(visible);
    const inLoose = n.match.test(n.nameOnly ? s.name : loose);
    if (!inShown && !inLoose) continue;
    if (aboutName && inLoose) {
      if (n.blocks) for (const k of n.blocks) vetoed.add(k);
      else vetoAll = true;
      continue;
    }
    if (inShown) {
      if (n.blocks) for (const k of n.blocks) vetoed.add(k);
      else vetoAll = true;
    } else if (n.blocks) for (const k of n.blocks) vetoLoose.add(k);
    else vetoAllLoose = true;
  }
  // A country-code placeholder ("+86") on a short box is the prefix box, not the number.
  if (COUNTRY_CODE_PLACEHOLDER.test(s.placeholder) && s.maxLength !== null && s.maxLength <= 5) vetoed.add('phone');
  // A "send code" button or countdown next to the box (or in its caption) makes it an SMS code; an
  // image next to it, without one and without an SMS word, a captcha read off the image.
  const codeButton = s.codeButton === true || SEND_CODE.test(s.nearby) || SEND_CODE.test(s.label);
  if (s.codeImage && !codeButton && !SMS_WORDS.test(all)) vetoed.add('otp');
  // A page's own autocomplete token beats our word lists; a label or placeholder beats a name.
  const blocked = (k: FieldKind): boolean =>
    k !== acKind && (vetoAll || vetoed.has(k) || (!shownKinds.has(k) && (vetoAllLoose || vetoLoose.has(k))));

  const hits = new Map<FieldKind, Map<string, Reason>>();
  const put = (kind: FieldKind, code: string, weight: number, detail: string): void => {
    let m = hits.get(kind);
    if (!m) hits.set(kind, (m = new Map()));
    const old = m.get(code);
    if (!old || old.weight < weight) m.set(code, { code, weight: Math.round(weight * 100) / 100, detail });
  };
  let country: { weight: number; code: string; keyword: string } | undefined;
  for (const r of FIELD_RULES) {
    if (blocked(r.kind) || !r.match.test(all)) continue;
    if (r.context && !r.context.test(`${all} | ${s.section ?? ''}`)) continue;
    for (const [code, what, factor, text] of sources) {
      const m = r.match.exec(text);
      if (!m || r.skip?.test(text)) continue;
      const weight = Math.min(0.95, r.weight * factor);
      put(r.kind, code, weight, `${what} "${clip(text)}"`);
      if (r.country && (!country || country.weight < weight)) country = { weight, code: r.country, keyword: m[0] };
      // A weak keyword counts once, in its strongest source.
      if (r.weak) break;
    }
  }
  // A row of single-character boxes is a code, whatever its words (a PIN pad is typed as password).
  const namesOtherKind = [...shownKinds].some((k) => k !== 'otp');
  if (split && split.shapes.length === 1 && split.shapes[0] === 'otp' && s.type !== 'password' && !namesOtherKind && !blocked('otp'))
    put('otp', 'split_boxes', 0.6, `${split.parts} boxes`);
  // A "send code" button next to a box that asks for a code: an SMS code.
  if (codeButton && hits.has('otp')) put('otp', 'send_code_button', 0.5, 'send-code button');
  if (acKind) put(acKind, 'autocomplete', 0.95, `autocomplete "${acToken}"`);

  let cc = country?.code;
  if (cc === 'PE|ES') {
    const ml = s.maxLength;
    cc = DNI_PE.test(all) || ml === 8 ? 'PE' : DNI_ES.test(all) || ml === 9 ? 'ES' : undefined;
  }

  let best: FieldVerdict | null = null;
  // What the label or placeholder names wins over a kind found only in the name or nearby text, as
  // long as it holds up (a label copied from the next field may name a kind the box can't be).
  let bestShown: FieldVerdict | null = null;
  for (const kind of KIND_ORDER) {
    const m = hits.get(kind);
    // Only words (or an autocomplete token) open a kind; attribute hints merely add to it.
    if (!m || blocked(kind) || (split && !split.shapes.includes(kind))) continue;
    const len = split ? split.total : s.maxLength;
    if (len !== null && len < MIN_LENGTH[kind]) continue;
    // A box longer than any code that also names the phone is the phone ("mobile number … OTP sent to it").
    if (kind === 'otp' && len !== null && len > OTP_MAX_LENGTH && hits.has('phone')) continue;
    if (split) put(kind, 'split_boxes', 0.4, `${split.parts} boxes`);
    if (kind === 'phone') {
      if (s.type === 'tel') put(kind, 'input_type', 0.3, 'type "tel"');
      if (s.inputmode === 'tel') put(kind, 'input_mode', 0.2, 'inputmode "tel"');
    } else if (s.inputmode === 'numeric' || s.inputmode === 'decimal') {
      put(kind, 'input_mode', 0.1, `inputmode "${s.inputmode}"`);
    } else if (/^(\\d|\[0-9\])[*+{]/.test(s.pattern)) {
      // Mobile Safari opens the number pad for pattern="\d*", so pages use it like inputmode.
      put(kind, 'input_mode', 0.1, `pattern "${clip(s.pattern)}"`);
    }
    if (len && !split && MAXLENGTH_HINTS[kind](len)) {
      const exact = kind === 'national-id' && cc && ID_LENGTHS[cc]?.includes(len);
      put(kind, 'maxlength', exact ? 0.25 : 0.15, `maxlength ${len}`);
    }
    const reasons = [...m.values()].sort((a, b) => b.weight - a.weight).slice(0, 5);
    const confidence = 1 - reasons.reduce((p, r) => p * (1 - r.weight), 1);
    if (confidence < THRESHOLD) continue;
    const verdict = { kind, confidence: Math.round(confidence * 100) / 100, reasons };
    if (!best || best.confidence < confidence) best = verdict;
    if ((shownKinds.has(kind) || kind === acKind) && (!bestShown || bestShown.confidence < confidence)) bestShown = verdict;
  }
  if (bestShown && !split) best = bestShown;
  if (!best) return null;
  if (best.kind === 'national-id' && cc && country) {
    best.country = cc;
    best.reasons.push({ code: 'country_hint', detail: `${country.keyword} → ${cc}`, weight: 0 });
  }
  if (split) best.parts = split.parts;
  return best;
}

/**
 * Cheap element-only checks: a text-like input or a short textarea. Disabled and hidden fields count:
 * pages enable and reveal them from script (after an agreement box is ticked, in a dialog), and
 * the frame is not rescanned for attribute changes, so a field skipped now would never be watched.
 */
export function isFieldCandidate(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'textarea') {
    const ml = parseInt(el.getAttribute('maxlength') ?? '', 10);
    return el.getAttribute('rows') === '1' || (ml > 0 && ml <= 40);
  }
  return tag === 'input' && !SKIP_TYPES.test((el.getAttribute('type') ?? 'text').trim().toLowerCase());
}

/**
 * An ID field without a scheme often follows a "document type" select whose chosen option names
 * it ("Cédula de ciudadanía" → CO); take the country from the nearest such select before it.
 */
export function withSelectCountry(el: Element, v: FieldVerdict | null): FieldVerdict | null {
  if (v?.kind !== 'national-id' || v.country) return v;
  const scope = (el.closest('form') ?? el.getRootNode()) as ParentNode;
  let near: HTMLSelectElement | undefined;
  for (const s of scope.querySelectorAll('select')) {
    if (!(s.compareDocumentPosition(el) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */)) break;
    near = s;
  }
  const text = near ? (near.options[near.selectedIndex] ?? near.options[0])?.textContent ?? '' : '';
  const rule = text && FIELD_RULES.find((r) => r.kind === 'national-id' && r.country?.length === 2 && r.match.test(text));
  if (rule) {
    v.country = rule.country;
    v.reasons.push({ code: 'country_hint', detail: `${clip(squash(text))} → ${rule.country}`, weight: 0 });
  }
  return v;
}

export function classifyField(el: Element): FieldVerdict | null {
  return isFieldCandidate(el) ? withSelectCountry(el, classifySignals(fieldSignals(el))) : null;
}
