// Is this page an online-loan sign-up / application page? Weighted features summed and compared
// with a threshold (Fathom / DuckDuckGo style); the vocabulary and weights are data in lib/detect/rules/loan-rules.ts.
import type { FieldVerdict, LoanVerdict, Reason } from '@/lib/types';
import { LOAN_RULES, LOAN_WEIGHTS as W, URL_LOAN_WORDS, URL_NON_LOAN, type NonLoanContext } from '@/lib/detect/rules/loan-rules';
import { countSignals, readPage, type PageSignals, type PageText } from '@/lib/detect/page-text';

export type { PageText, PageSignals } from '@/lib/detect/page-text';
export const LOAN_THRESHOLD = W.threshold;

// Category bits of a term (one term may carry several, e.g. loan + strong).
const LOAN = 1;
const STRONG = 2;
const APPLY = 4;
const GENERIC = 8;
const ARTICLE = 16;
const BYLINE = 32;
const SKIP = 64;
const CONTEXT0 = 128; // context i: CONTEXT0 << i
const BOUNDED = 1 << 20; // Latin-script term: must stand as a whole word

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
interface Lexicon {
  words: RegExp;
  acronyms: RegExp | null;
  bits: Map<string, number>;
  contexts: NonLoanContext[];
  amount: RegExp;
}

let lexicon: Lexicon | undefined;

// Built once, on first use, so a frame that never classifies pays nothing.
function getLexicon(): Lexicon {
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
    amount: new RegExp(alternation(all.flatMap((r) => r.amount.split('|')).filter(Boolean)), 'iu'),
  };
  return lexicon;
}

/** Distinct terms found in `text`, in order of first appearance, with their category bits. */
type Found = Map<string, number>;

function scan(text: string, lex: Lexicon): Found {
  const found: Found = new Map();
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
const round = (n: number): number => Math.round(n * 100) / 100;

/** Classify a page from its extracted text, its classified fields and DOM counts. Pure. */
export function classifyLoanPage(
  text: PageText,
  fields: readonly FieldVerdict[],
  signals: PageSignals = { rangeInputs: 0, amountInputs: 0 },
): LoanVerdict {
  const lex = getLexicon();
  // One pass per zone; headings and buttons are read as one text each.
  const zones: Zones = {
    title: scan(text.title, lex),
    headings: scan(text.headings.join('\n'), lex),
    buttons: scan(text.buttons.join('\n'), lex),
    body: scan(text.body, lex),
  };
  const reasons: Reason[] = [];
  const add: Add = (code, detail, weight) => {
    if (weight !== 0) reasons.push({ code, detail, weight: round(weight) });
  };

  // Loan vocabulary, zone by zone; more distinct words add a little, up to a cap per zone.
  const zoneWords = (code: string, zone: Found, first: number, extra: number, cap: number): void => {
    const words = terms(zone, LOAN);
    if (words.length) add(code, quote(words), Math.min(cap, first + (words.length - 1) * extra));
  };
  zoneWords('title_loan_words', zones.title, W.titleFirst, W.titleExtra, W.titleCap);
  zoneWords('heading_loan_words', zones.headings, W.headingFirst, W.headingExtra, W.headingCap);
  const applyPhrases = terms(zones.buttons, APPLY);
  const buttonWords = terms(zones.buttons, LOAN);
  const generic = terms(zones.buttons, GENERIC);
  if (applyPhrases.length) add('button_apply_loan', quote(applyPhrases), W.buttonApplyLoan);
  else if (buttonWords.length) add('button_apply_loan', quote(buttonWords), W.buttonLoanWord);
  else if (generic.length) add('button_apply', quote(generic), W.buttonGenericApply);
  const strong = terms(zones.body, STRONG);
  const weak = terms(zones.body, LOAN).filter((t) => !strong.includes(t));
  if (strong.length || weak.length)
    add(
      'body_loan_words',
      quote([...strong, ...weak]),
      Math.min(W.bodyCap, strong.length * W.bodyStrong + weak.length * W.bodyWeak),
    );

  if (signals.rangeInputs > 0) add('amount_slider', `${signals.rangeInputs}`, W.slider);
  if (signals.amountInputs > 0) add('amount_input', `${signals.amountInputs}`, W.amountInput);

  const url = urlText(text.url);
  const urlWords = URL_LOAN_WORDS.split('|').filter((w) => url.includes(w));
  if (urlWords.length) add('url_loan_words', quote(urlWords), W.url);

  // The fields themselves: a form asking for ID, phone, card or SMS code is what we guard. Without
  // any, it is not a sign-up page (a calculator, an article), however loan-like its words.
  const kinds = [...new Set(fields.map((f) => f.kind))];
  if (kinds.length)
    add(
      'sensitive_fields',
      kinds.join(', '),
      Math.min(W.fieldsCap, kinds.reduce((sum, k) => sum + (W.field[k] ?? 0), 0)),
    );
  else {
    const evidence = reasons.reduce((sum, r) => sum + Math.max(0, r.weight), 0);
    add('no_sensitive_fields', '', -Math.max(evidence, W.threshold));
  }

  articleShape(zones, text.headings[0] ?? '', signals, lex, add);
  nonLoanContext(zones, url, lex, add);

  const score = round(reasons.reduce((sum, r) => sum + r.weight, 0));
  reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return { isLoanPage: score >= W.threshold, score, reasons: reasons.slice(0, W.reasonsCap) };
}

interface Zones {
  title: Found;
  headings: Found;
  buttons: Found;
  body: Found;
}

type Add = (code: string, detail: string, weight: number) => void;

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
function articleShape(zones: Zones, firstHeading: string, signals: PageSignals, lex: Lexicon, add: Add): void {
  const parts: string[] = [];
  let weight = 0;
  const titleWords = [...new Set([...terms(zones.title, ARTICLE), ...terms(scan(firstHeading, lex), ARTICLE)])];
  if (titleWords.length) {
    parts.push(quote(titleWords, 2));
    weight += W.articleTitle;
  }
  const marks = (signals.articleMarks ?? 0) + (terms(zones.body, BYLINE).length ? 1 : 0);
  if (marks) {
    parts.push(`${marks} article marks`);
    weight += Math.max(W.articleMarksCap, marks * W.articleMark);
  }
  const paragraphs = signals.longParagraphs ?? 0;
  if (paragraphs >= W.longParagraphs) {
    parts.push(`${paragraphs} long paragraphs`);
    weight += paragraphs >= W.veryLongParagraphs ? W.articleVeryLongText : W.articleLongText;
  }
  // A page with a real form is an application that happens to carry some article-like text.
  if ((signals.textInputs ?? 0) >= W.formInputs) weight /= 2;
  if (weight) add('article_shape', parts.join('; '), Math.max(W.articleCap, weight));
}

// Railways, hospitals, shops, telecoms, banks' account opening, government and video sites also
// ask for an ID or phone: their own words in deliberate places (title, headings, buttons, URL) win.
function nonLoanContext(zones: Zones, url: string, lex: Lexicon, add: Add): void {
  let best: { name: string; weight: number; words: string[] } | undefined;
  lex.contexts.forEach((name, i) => {
    const bit = CONTEXT0 << i;
    const words: string[] = [];
    let weight = 0;
    const zone = (found: string[], w: number): void => {
      if (!found.length) return;
      words.push(...found);
      weight += w;
    };
    zone(terms(zones.title, bit), W.contextTitle);
    zone(terms(zones.headings, bit), W.contextHeading);
    zone(terms(zones.buttons, bit), W.contextButton);
    const bodyWords = terms(zones.body, bit);
    if (bodyWords.length) {
      words.push(...bodyWords);
      weight += Math.max(W.contextBodyCap, bodyWords.length * W.contextBody);
    }
    zone(
      (URL_NON_LOAN[name] ?? '').split('|').filter((part) => part && url.includes(part)),
      W.contextUrl,
    );
    if (weight < 0 && (!best || weight < best.weight)) best = { name, weight, words: [...new Set(words)] };
  });
  if (best) add('non_loan_context', `${best.name}: ${quote(best.words)}`, Math.max(W.contextCap, best.weight));
}

/**
 * A page that talks like a lender even though it asks for nothing yet: the landing page that pushes
 * an app download. The verdict without the "no sensitive fields" penalty reaches the threshold.
 */
export function looksLikeLender(verdict: LoanVerdict): boolean {
  const penalty = verdict.reasons.find((reason) => reason.code === 'no_sensitive_fields')?.weight ?? 0;
  return verdict.isLoanPage || verdict.score - penalty >= W.threshold;
}

/** Extract the page's text, count sliders / amount inputs / article marks, and classify. */
export function classifyLoanDocument(doc: Document, url: string, fields: readonly FieldVerdict[]): LoanVerdict {
  const { text, roots } = readPage(doc, url);
  return classifyLoanPage(text, fields, countSignals(doc, roots, getLexicon().amount));
}
