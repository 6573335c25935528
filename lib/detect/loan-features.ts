// The loan-page classifier's features: human-readable facts about a page (its title names a loan, it
// asks for a phone, it has an admin side menu…), each a number in 0..1 with a detail saying what was
// seen. The vocabulary is data in rules/loan-rules.ts; how much each feature counts is learned
// (scripts/train, rules/loan-weights.ts); loan-classifier.ts turns features into a verdict.
import type { FieldKind, FieldVerdict } from '@/lib/types';
import { LOAN_RULES, URL_NON_LOAN, type NonLoanContext } from '@/lib/detect/rules/loan-rules';
import { SEND_CODE } from '@/lib/detect/rules/field-rules';
import { amountRegex } from '@/lib/detect/rules/amount-words';
import { countSignals, readPage, type PageSignals, type PageText } from '@/lib/detect/page-text';

/** Every feature, with the reason code (`reason_<code>` in the locales) its contribution is shown under. */
export const FEATURE_CODES = {
  title_loan_words: 'title_loan_words',
  heading_loan_words: 'heading_loan_words',
  button_apply_loan: 'button_apply_loan',
  button_loan_word: 'button_apply_loan',
  button_apply: 'button_apply',
  body_loan_words: 'body_loan_words',
  body_lender_terms: 'body_lender_terms',
  agreement_loan_words: 'agreement_loan_words',
  form_loan_words: 'form_loan_words',
  amount_slider: 'amount_slider',
  amount_input: 'amount_input',
  field_national_id: 'sensitive_fields',
  field_phone: 'sensitive_fields',
  field_bank_card: 'sensitive_fields',
  field_otp: 'sensitive_fields',
  sms_code_button: 'sms_code_button',
  emergency_contacts: 'emergency_contacts',
  income_questions: 'income_questions',
  article_title: 'article_shape',
  article_marks: 'article_shape',
  long_text: 'article_shape',
  non_loan_context: 'non_loan_context',
  staff_words: 'staff_back_office',
  admin_layout: 'staff_back_office',
  investor_words: 'investor_page',
  faq_or_comparison: 'faq_or_comparison',
  repeated_apply_buttons: 'faq_or_comparison',
  loan_form: 'loan_form',
} as const;
export type FeatureName = keyof typeof FEATURE_CODES;
export const FEATURE_NAMES = Object.keys(FEATURE_CODES) as FeatureName[];

/** A page's feature values (0..1; absent = 0) and what was seen for each. */
export interface LoanFeatures {
  values: Partial<Record<FeatureName, number>>;
  details: Partial<Record<FeatureName, string>>;
}

// How many distinct words (or marks) make a feature's full value: the first counts most.
const SATURATE = {
  title: 2,
  heading: 3,
  body: 3,
  agreement: 2,
  form: 2,
  vocabulary: 3,
  articleMarks: 3,
  longParagraphs: 10,
  adminMarks: 2,
  /** Headings that end in a question mark before a page reads like a FAQ. */
  questions: 3,
  /** The same button this many times: one per listed offer. */
  repeatedButtons: 3,
} as const;
/** A weak body word counts this much of a strong one. */
const WEAK_BODY_WORD = 0.35;
/** Strength of a non-loan context per zone where its words appear (title and URL are deliberate). */
const CONTEXT_ZONE = { title: 1, heading: 0.7, button: 0.5, url: 1, bodyWord: 0.15, body: 0.5 } as const;

// Category bits of a term (one term may carry several, e.g. loan + strong).
const LOAN = 1;
const STRONG = 2;
const APPLY = 4;
const GENERIC = 8;
const ARTICLE = 16;
const BYLINE = 32;
const SKIP = 64;
const STAFF = 128;
const INVESTOR = 256;
const EMERGENCY = 512;
const INCOME = 1024;
const FAQ = 2048;
const CONTEXT0 = 4096; // context i: CONTEXT0 << i
const BOUNDED = 1 << 24; // Latin-script term: must stand as a whole word

// Scripts written without spaces between words: their terms match anywhere.
const UNSPACED = /[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uAC00-\uD7AF]/;
const ACRONYM = /^[A-Z]{2,4}$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so at any position the longest term wins ("cash advance" over "cash").
const alternation = (terms: Iterable<string>): string =>
  [...new Set(terms)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

/** All term lists of all languages in two regexes (one pass per text zone) plus each term's bits. */
export interface Lexicon {
  words: RegExp;
  acronyms: RegExp | null;
  bits: Map<string, number>;
  contexts: NonLoanContext[];
  amount: RegExp;
}

let lexicon: Lexicon | undefined;

// Built once, on first use, so a frame that never classifies pays nothing.
export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const bits = new Map<string, number>();
  const add = (list: string | undefined, bit: number): void => {
    for (let term of (list ?? '').split('|')) {
      let b = bit;
      if (term.startsWith('!')) {
        term = term.slice(1);
        b |= STRONG;
      }
      if (!term) continue;
      // Acronyms keep their case (matched case-sensitively); everything else is lower-cased.
      const key = ACRONYM.test(term) ? term : term.toLowerCase();
      bits.set(key, (bits.get(key) ?? 0) | b | (UNSPACED.test(term) ? 0 : BOUNDED));
    }
  };
  const all = Object.values(LOAN_RULES);
  const contexts = [...new Set(all.flatMap((r) => Object.keys(r.contexts)))] as NonLoanContext[];
  for (const r of all) {
    add(r.loan, LOAN);
    add(r.apply, APPLY);
    add(r.generic, GENERIC);
    add(r.articleTitle, ARTICLE);
    add(r.byline, BYLINE);
    add(r.skip, SKIP);
    add(r.staff, STAFF);
    add(r.investor, INVESTOR);
    add(r.emergency, EMERGENCY);
    add(r.income, INCOME);
    add(r.faq, FAQ);
    contexts.forEach((name, i) => add(r.contexts[name], CONTEXT0 << i));
  }
  const keys = [...bits.keys()];
  const acronyms = keys.filter((k) => ACRONYM.test(k));
  lexicon = {
    words: new RegExp(alternation(keys.filter((k) => !ACRONYM.test(k))), 'g'),
    // An empty alternation would match the empty string everywhere.
    acronyms: acronyms.length ? new RegExp(alternation(acronyms), 'g') : null,
    bits,
    contexts,
    amount: amountRegex(),
  };
  return lexicon;
}

/** Distinct terms found in a text, in order of first appearance, with their category bits. */
type Found = Map<string, number>;

function scan(text: string, lex: Lexicon): Found {
  const found: Found = new Map();
  if (!text) return found;
  const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);
  // A Latin term must not touch other letters; a plural "s" still ends the word ("loans").
  const standsAlone = (s: string, start: number, length: number, bits: number): boolean => {
    if (!(bits & BOUNDED)) return true;
    const end = start + length;
    return !isWordChar(s[start - 1]) && !isWordChar(s[s[end] === 's' ? end + 1 : end]);
  };
  const run = (re: RegExp, s: string): void => {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      // The longest term here may be part of a longer word ("préstamo personal|izado"); then the
      // longest shorter term starting here that stands alone wins, else retry one character on.
      let term = m[0];
      let bits = lex.bits.get(term);
      while (term && (bits === undefined || !standsAlone(s, m.index, term.length, bits))) {
        term = term.slice(0, -1);
        bits = lex.bits.get(term);
      }
      if (term && bits !== undefined) found.set(term, bits);
      re.lastIndex = m.index + Math.max(1, term.length);
    }
  };
  run(lex.words, text.toLowerCase());
  if (lex.acronyms) run(lex.acronyms, text);
  return found;
}

const terms = (found: Found, bit: number): string[] => [...found].filter(([, b]) => b & bit).map(([t]) => t);

const quote = (words: readonly string[], max = 4): string =>
  words
    .slice(0, max)
    .map((t) => `"${t}"`)
    .join(', ');
/** n of `full` (words, marks), as 0..1. */
const saturate = (n: number, full: number): number => Math.min(n, full) / full;

interface Zones {
  title: Found;
  headings: Found;
  buttons: Found;
  body: Found;
  agreements: Found;
  form: Found;
}

const FIELD_FEATURES: Record<FieldKind, FeatureName> = {
  'national-id': 'field_national_id',
  phone: 'field_phone',
  'bank-card': 'field_bank_card',
  otp: 'field_otp',
};

/** The features of a page from its extracted text, its classified fields and DOM counts. Pure. */
export function pageFeatures(
  text: PageText,
  fields: readonly Pick<FieldVerdict, 'kind'>[],
  signals: PageSignals = { rangeInputs: 0, amountInputs: 0 },
): LoanFeatures {
  const lex = getLexicon();
  // One pass per zone; headings and buttons are read as one text each.
  const zones: Zones = {
    title: scan(text.title, lex),
    headings: scan(text.headings.join('\n'), lex),
    buttons: scan(text.buttons.join('\n'), lex),
    body: scan(text.body, lex),
    agreements: scan(text.agreements ?? '', lex),
    form: scan(text.form ?? '', lex),
  };
  const values: LoanFeatures['values'] = {};
  const details: LoanFeatures['details'] = {};
  const set = (name: FeatureName, value: number, detail: string): void => {
    if (value <= 0) return;
    values[name] = Math.round(Math.min(1, value) * 1000) / 1000;
    details[name] = detail;
  };
  const words = (name: FeatureName, found: string[], full: number): void => set(name, saturate(found.length, full), quote(found));

  // Loan vocabulary, zone by zone.
  words('title_loan_words', terms(zones.title, LOAN), SATURATE.title);
  words('heading_loan_words', terms(zones.headings, LOAN), SATURATE.heading);
  const applyPhrases = terms(zones.buttons, APPLY);
  const buttonWords = terms(zones.buttons, LOAN);
  const generic = terms(zones.buttons, GENERIC);
  if (applyPhrases.length) set('button_apply_loan', 1, quote(applyPhrases));
  else if (buttonWords.length) set('button_loan_word', 1, quote(buttonWords));
  else if (generic.length) set('button_apply', 1, quote(generic));
  const strong = terms(zones.body, STRONG);
  const weak = terms(zones.body, LOAN).filter((t) => !strong.includes(t));
  words('body_lender_terms', strong, SATURATE.body);
  set('body_loan_words', saturate(weak.length * WEAK_BODY_WORD, 1), quote(weak));
  words('agreement_loan_words', terms(zones.agreements, LOAN), SATURATE.agreement);
  words('form_loan_words', terms(zones.form, LOAN), SATURATE.form);

  if (signals.rangeInputs > 0) set('amount_slider', 1, `${signals.rangeInputs}`);
  if (signals.amountInputs > 0) set('amount_input', 1, `${signals.amountInputs}`);

  // The URL's loan words are not a feature: every corpus page is read under one neutral URL, so
  // no weight could be learned for them. Non-loan services' URLs still count (nonLoanContext).
  const url = urlText(text.url);

  // The fields themselves: a form asking for ID, phone, card or SMS code is what we guard.
  const kinds = new Set(fields.map((f) => f.kind));
  for (const kind of kinds) set(FIELD_FEATURES[kind], 1, kind);
  const sendCode = text.buttons.find((b) => SEND_CODE.test(b));
  if (sendCode) set('sms_code_button', 1, `"${sendCode.slice(0, 40)}"`);

  // What a credit application asks besides the ID: who to call, what you earn.
  const everywhere = (bit: number): string[] => [
    ...new Set([zones.title, zones.headings, zones.buttons, zones.body, zones.form].flatMap((z) => terms(z, bit))),
  ];
  words('emergency_contacts', everywhere(EMERGENCY), SATURATE.vocabulary);
  words('income_questions', everywhere(INCOME), SATURATE.vocabulary);
  // Pages that use loan words but are not a borrower's: staff back offices and investor pages.
  words('staff_words', everywhere(STAFF), SATURATE.vocabulary);
  const adminMarks = signals.adminMarks ?? 0;
  if (adminMarks) set('admin_layout', saturate(adminMarks, SATURATE.adminMarks), `${adminMarks} admin marks`);
  words('investor_words', everywhere(INVESTOR), SATURATE.vocabulary);
  // Help pages and comparison sites: questions as headings, and one "apply" button per listed lender.
  const questions = text.headings.filter((h) => /[?？]\s*$/.test(h)).length;
  const faqWords = [...new Set([zones.title, zones.headings].flatMap((z) => terms(z, FAQ)))];
  const faq = faqWords.length + (questions >= SATURATE.questions ? 1 : 0);
  if (faq) set('faq_or_comparison', saturate(faq, 2), [quote(faqWords, 2), questions ? `${questions} questions` : ''].filter(Boolean).join('; '));
  const repeats = mostRepeated(text.buttons);
  if (repeats >= SATURATE.repeatedButtons) set('repeated_apply_buttons', 1, `${repeats} × the same button`);
  // Personal-data fields on a page that talks about loans: the shape of an application.
  const loanTalk = ['title_loan_words', 'heading_loan_words', 'button_apply_loan', 'button_loan_word', 'body_lender_terms', 'form_loan_words', 'agreement_loan_words', 'amount_slider', 'amount_input'] as const;
  if (kinds.size && loanTalk.some((n) => values[n])) set('loan_form', 1, [...kinds].join(', '));

  articleShape(zones, text.headings[0] ?? '', signals, lex, set);
  nonLoanContext(zones, url, lex, set);
  return { values, details };
}

/** How often the most frequent button text occurs. */
function mostRepeated(buttons: readonly string[]): number {
  const counts = new Map<string, number>();
  let most = 0;
  for (const b of buttons) {
    const n = (counts.get(b) ?? 0) + 1;
    counts.set(b, n);
    if (n > most) most = n;
  }
  return most;
}

type SetFeature = (name: FeatureName, value: number, detail: string) => void;

/** Host and path, lower-cased: query strings carry campaign noise, not what the page is. */
function urlText(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.pathname}`.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

// News, blogs and guides talk about loans at length but are not where one signs up.
function articleShape(zones: Zones, firstHeading: string, signals: PageSignals, lex: Lexicon, set: SetFeature): void {
  const titleWords = [...new Set([...terms(zones.title, ARTICLE), ...terms(scan(firstHeading, lex), ARTICLE)])];
  if (titleWords.length) set('article_title', 1, quote(titleWords, 2));
  const marks = (signals.articleMarks ?? 0) + (terms(zones.body, BYLINE).length ? 1 : 0);
  if (marks) set('article_marks', saturate(marks, SATURATE.articleMarks), `${marks} article marks`);
  const paragraphs = signals.longParagraphs ?? 0;
  if (paragraphs) set('long_text', saturate(paragraphs, SATURATE.longParagraphs), `${paragraphs} long paragraphs`);
}

// Railways, hospitals, shops, telecoms, banks' account opening, government and video sites also
// ask for an ID or phone: their own words in deliberate places (title, headings, buttons, URL) win.
function nonLoanContext(zones: Zones, url: string, lex: Lexicon, set: SetFeature): void {
  let best: { name: string; strength: number; words: string[] } | undefined;
  lex.contexts.forEach((name, i) => {
    const bit = CONTEXT0 << i;
    const words: string[] = [];
    let strength = 0;
    const zone = (found: string[], s: number): void => {
      if (!found.length) return;
      words.push(...found);
      strength += s;
    };
    zone(terms(zones.title, bit), CONTEXT_ZONE.title);
    zone(terms(zones.headings, bit), CONTEXT_ZONE.heading);
    zone(terms(zones.buttons, bit), CONTEXT_ZONE.button);
    const bodyWords = terms(zones.body, bit);
    zone(bodyWords, Math.min(CONTEXT_ZONE.body, bodyWords.length * CONTEXT_ZONE.bodyWord));
    zone(
      (URL_NON_LOAN[name] ?? '').split('|').filter((part) => part && url.includes(part)),
      CONTEXT_ZONE.url,
    );
    if (strength > 0 && (!best || strength > best.strength)) best = { name, strength, words: [...new Set(words)] };
  });
  if (best) set('non_loan_context', best.strength, `${best.name}: ${quote(best.words)}`);
}

/** Extract the page's text, count sliders / amount inputs / article and admin marks, and compute the features. */
export function loanFeatures(doc: Document, url: string, fields: readonly FieldVerdict[]): LoanFeatures {
  const { text, roots } = readPage(doc, url);
  return pageFeatures(text, fields, countSignals(doc, roots, getLexicon().amount));
}
