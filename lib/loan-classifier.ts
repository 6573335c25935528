// Is this page an online-loan sign-up / application page? Weighted features with a bias-free sum
// and a threshold (Fathom / DuckDuckGo style); rules are data in lib/loan-rules.ts.
import type { FieldVerdict, LoanVerdict, Reason } from '@/lib/types';
import {
  LOAN_RULES,
  LOAN_WEIGHTS as W,
  URL_LOAN_WORDS,
  URL_NON_LOAN,
  type LanguageRules,
  type NonLoanContext,
} from '@/lib/loan-rules';
import { countSignals, readPage, type PageSignals, type PageText } from '@/lib/page-text';

export type { PageText, PageSignals } from '@/lib/page-text';
export const LOAN_THRESHOLD = W.threshold;

/** One term list compiled: finds the distinct terms present in a text. */
interface Matcher {
  find(text: string): string[];
}

// Scripts written without spaces between words: their terms match anywhere.
const UNSPACED = /[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uAC00-\uD7AF]/;
const ACRONYM = /^[A-Z]{2,4}$/;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (terms: readonly string[]): string =>
  [...new Set(terms)].sort((a, b) => b.length - a.length).map(escape).join('|');

function wordPattern(terms: readonly string[]): string | null {
  if (!terms.length) return null;
  // Not a letter or digit on either side: whole words, also next to accented letters.
  return `(?<![\\p{L}\\p{N}])(?:${alternation(terms)})(?![\\p{L}\\p{N}])`;
}

function compile(list: string): Matcher {
  const terms = list.split('|').filter(Boolean);
  const unspaced = terms.filter((t) => UNSPACED.test(t));
  const acronyms = terms.filter((t) => ACRONYM.test(t));
  const words = terms.filter((t) => !UNSPACED.test(t) && !ACRONYM.test(t));
  const ci = [wordPattern(words), unspaced.length ? alternation(unspaced) : null].filter(Boolean).join('|');
  const cs = wordPattern(acronyms);
  const ciRe = ci ? new RegExp(ci, 'giu') : null;
  const csRe = cs ? new RegExp(cs, 'gu') : null;
  return {
    find(text: string): string[] {
      const found = new Set<string>();
      if (ciRe) for (const m of text.matchAll(ciRe)) found.add(m[0].toLowerCase());
      if (csRe) for (const m of text.matchAll(csRe)) found.add(m[0]);
      return [...found];
    },
  };
}

interface Compiled {
  loan: Matcher;
  strong: Matcher;
  apply: Matcher;
  generic: Matcher;
  skip: RegExp | null;
  articleTitle: Matcher;
  byline: Matcher;
  contexts: [NonLoanContext, Matcher][];
  amount: RegExp;
}

let compiled: Compiled | undefined;

// Compiled once, on first use, so a frame that never classifies pays nothing.
function rules(): Compiled {
  if (compiled) return compiled;
  const all = Object.values(LOAN_RULES);
  const pick = (f: (r: LanguageRules) => string | undefined): string => all.map(f).filter(Boolean).join('|');
  const contextNames = [...new Set(all.flatMap((r) => Object.keys(r.contexts)))] as NonLoanContext[];
  const loan = pick((r) => r.loan).split('|');
  const skip = pick((r) => r.skip).split('|').filter(Boolean);
  compiled = {
    loan: compile(loan.map((t) => t.replace(/^!/, '')).join('|')),
    strong: compile(loan.filter((t) => t.startsWith('!')).map((t) => t.slice(1)).join('|')),
    apply: compile(pick((r) => r.apply)),
    generic: compile(pick((r) => r.generic)),
    skip: skip.length ? new RegExp(alternation(skip), 'giu') : null,
    articleTitle: compile(pick((r) => r.articleTitle)),
    byline: compile(pick((r) => r.byline)),
    contexts: contextNames.map((name) => [name, compile(pick((r) => r.contexts[name]))]),
    amount: new RegExp(alternation(pick((r) => r.amount).split('|').filter(Boolean)), 'iu'),
  };
  return compiled;
}

const quote = (terms: readonly string[], max = 4): string =>
  terms
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
  const r = rules();
  const clean = (s: string): string => (r.skip ? s.replace(r.skip, ' ') : s);
  const title = clean(text.title);
  const headings = text.headings.map(clean);
  const buttons = text.buttons.map(clean);
  const body = clean(text.body);
  const reasons: Reason[] = [];
  const add = (code: string, detail: string, weight: number): void => {
    if (weight !== 0) reasons.push({ code, detail, weight: round(weight) });
  };
  const distinct = (texts: readonly string[], m: Matcher): string[] => [...new Set(texts.flatMap((t) => m.find(t)))];

  // Loan vocabulary, zone by zone; more distinct words add a little, up to a cap per zone.
  const titleWords = r.loan.find(title);
  if (titleWords.length)
    add('title_loan_words', `title: ${quote(titleWords)}`, Math.min(W.titleCap, W.titleFirst + (titleWords.length - 1) * W.titleExtra));
  const headingWords = distinct(headings, r.loan);
  if (headingWords.length)
    add(
      'heading_loan_words',
      `headings: ${quote(headingWords)}`,
      Math.min(W.headingCap, W.headingFirst + (headingWords.length - 1) * W.headingExtra),
    );
  const applyPhrases = distinct(buttons, r.apply);
  const buttonWords = distinct(buttons, r.loan);
  if (applyPhrases.length) add('button_apply_loan', `buttons: ${quote(applyPhrases)}`, W.buttonApplyLoan);
  else if (buttonWords.length) add('button_apply_loan', `buttons: ${quote(buttonWords)}`, W.buttonLoanWord);
  else {
    const generic = distinct(buttons, r.generic);
    if (generic.length) add('button_apply', `buttons: ${quote(generic)}`, W.buttonGenericApply);
  }
  const strong = r.strong.find(body);
  const weak = r.loan.find(body).filter((t) => !strong.includes(t));
  if (strong.length || weak.length)
    add(
      'body_loan_words',
      `text: ${quote([...strong, ...weak])}`,
      Math.min(W.bodyCap, strong.length * W.bodyStrong + weak.length * W.bodyWeak),
    );

  if (signals.rangeInputs > 0) add('amount_slider', `${signals.rangeInputs}`, W.slider);
  if (signals.amountInputs > 0) add('amount_input', `${signals.amountInputs}`, W.amountInput);

  const url = safeUrl(text.url);
  const urlWords = URL_LOAN_WORDS.split('|').filter((w) => url.includes(w));
  if (urlWords.length) add('url_loan_words', `url: ${quote(urlWords)}`, W.url);

  // The fields themselves: a form asking for ID, phone, card or SMS code is what we guard. Without
  // any, it is not a sign-up page (a calculator, an article), however loan-like its words.
  const kinds = [...new Set(fields.map((f) => f.kind))];
  if (kinds.length)
    add('sensitive_fields', kinds.join(', '), Math.min(W.fieldsCap, kinds.reduce((s, k) => s + (W.field[k] ?? 0), 0)));
  else {
    const evidence = reasons.reduce((s, x) => s + Math.max(0, x.weight), 0);
    add('no_sensitive_fields', '', -Math.max(evidence, W.threshold));
  }

  articleShape(title, headings, body, signals, r, add);
  nonLoanContext(title, headings, buttons, body, url, r, add);

  const score = round(reasons.reduce((s, x) => s + x.weight, 0));
  reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return { isLoanPage: score >= W.threshold, score, reasons: reasons.slice(0, W.reasonsCap) };
}

function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.pathname}`.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

type Add = (code: string, detail: string, weight: number) => void;

// News, blogs and guides talk about loans at length but are not where one signs up.
function articleShape(
  title: string,
  headings: readonly string[],
  body: string,
  signals: PageSignals,
  r: Compiled,
  add: Add,
): void {
  const parts: string[] = [];
  let weight = 0;
  const titleWords = r.articleTitle.find(`${title} ${headings[0] ?? ''}`);
  if (titleWords.length) {
    parts.push(`title ${quote(titleWords, 2)}`);
    weight += W.articleTitle;
  }
  const marks = (signals.articleMarks ?? 0) + (r.byline.find(body).length ? 1 : 0);
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
function nonLoanContext(
  title: string,
  headings: readonly string[],
  buttons: readonly string[],
  body: string,
  url: string,
  r: Compiled,
  add: Add,
): void {
  let best: { name: string; weight: number; terms: string[] } | undefined;
  for (const [name, m] of r.contexts) {
    const terms: string[] = [];
    let weight = 0;
    const zone = (words: string[], w: number): void => {
      if (!words.length) return;
      terms.push(...words);
      weight += w;
    };
    zone(m.find(title), W.contextTitle);
    zone([...new Set(headings.flatMap((h) => m.find(h)))], W.contextHeading);
    zone([...new Set(buttons.flatMap((b) => m.find(b)))], W.contextButton);
    const bodyWords = m.find(body);
    if (bodyWords.length) {
      terms.push(...bodyWords);
      weight += Math.max(W.contextBodyCap, bodyWords.length * W.contextBody);
    }
    const urlParts = URL_NON_LOAN.filter(([ctx, part]) => ctx === name && url.includes(part)).map(([, part]) => part);
    zone(urlParts, W.contextUrl);
    if (weight < 0 && (!best || weight < best.weight)) best = { name, weight, terms: [...new Set(terms)] };
  }
  if (best) add('non_loan_context', `${best.name}: ${quote(best.terms)}`, Math.max(W.contextCap, best.weight));
}

/** Extract the page's text, count sliders / amount inputs / article marks, and classify. */
export function classifyLoanDocument(doc: Document, url: string, fields: readonly FieldVerdict[]): LoanVerdict {
  const { text, roots } = readPage(doc, url);
  return classifyLoanPage(text, fields, countSignals(doc, roots, rules().amount));
}
