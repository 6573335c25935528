// Cheap, capped extraction of the page text the loan classifier reads (title, headings, buttons,
// links, a body sample, the footer, the form's own words) plus a few DOM counts, from a document
// and its open shadow roots.

export interface PageText {
  title: string;
  headings: string[];
  buttons: string[];
  links: string[];
  body: string;
  lang: string;
  url: string;
  /**
   * Where agreements are named: the footer and the names in 《》 / 「」 brackets. Registers often
   * carry no loan word but the name of the loan agreement the user must accept (《借款协议》).
   */
  agreements?: string;
  /** The form's own words that are not page text: placeholders, aria-labels and select options. */
  form?: string;
}

/** DOM counts the text alone cannot give; all but the first two are optional for callers. */
export interface PageSignals {
  /** `<input type=range>` and `[role=slider]` that can be amount / term sliders (not 0–100 ones). */
  rangeInputs: number;
  /** Inputs whose name, id, placeholder or label attribute names an amount. */
  amountInputs: number;
  /** Text-like inputs (text, tel, number, email, password); a real form has several. */
  textInputs?: number;
  /** `<p>` elements with long text: the shape of an article. */
  longParagraphs?: number;
  /** Article marks: `<article>`, `<time datetime>`, og:type=article / article:published_time, author markup. */
  articleMarks?: number;
  /** Marks of a staff back office (0–3): a data table, a side menu, pagination. */
  adminMarks?: number;
}

const MAX_HEADINGS = 30;
const MAX_BUTTONS = 60;
const MAX_LINKS = 60;
const MAX_BODY = 4000;
const MAX_ITEM = 200;
const MAX_BUTTON_TEXT = 40;
const MAX_SHADOW_ROOTS = 8;
const MAX_FOOTER = 600;
const MAX_FORM = 2000;
const MAX_OPTIONS = 8;
/** Agreement names: 《借款协议》, 「貸款契約」. */
const BRACKETED = /[《「『][^》」』]{1,40}[》」』]/g;
const MAX_INPUTS = 150;
const MAX_PARAGRAPHS = 80;
// A long paragraph: 160 Latin characters or 80 CJK ones (a CJK character carries about a word).
const LONG_PARAGRAPH = 160;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

// Subtrees that are not readable text (code, option lists), or are site-wide chrome: a bank's menu
// and footer list its loans on every page, so they must not count as what this page is about.
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'select', 'option', 'datalist', 'iframe', 'canvas', 'video',
  'audio', 'object', 'textarea', 'nav', 'footer',
]);
// Menus built from divs: a class token naming navigation.
const MENU_CLASS = /\b(nav|navbar|navigation|menu|menubar|submenu|breadcrumbs?)\b/i;
const BUTTONS =
  'button,input[type=submit],input[type=button],[role=button],a[class*="btn" i],a[class*="button" i],' +
  'a[class*="cta" i],a[class*="apply" i],div[class*="btn" i],div[class*="button" i],div[class*="submit" i],' +
  'span[class*="btn" i]';
const TEXT_INPUT_TYPES = new Set(['', 'text', 'tel', 'number', 'email', 'password']);

// NodeFilter constants as numbers: the same in browsers and happy-dom, no global needed.
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

const squash = (s: string | null | undefined, max = MAX_ITEM): string =>
  (s ?? '').replace(/\s+/g, ' ').trim().slice(0, max);

function isChrome(el: Element): boolean {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'contentinfo') return true;
  // A state class on a page wrapper ("nav-open", "has-navbar-fixed-top") must not hide the page:
  // a menu never holds a form field.
  if (MENU_CLASS.test(el.getAttribute('class') ?? '') && !el.querySelector('input,select,textarea')) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Whether `el` or an ancestor (within its tree) is chrome or hidden. */
function inChrome(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (isChrome(node)) return true;
  return false;
}

/** Visible-ish text of `root`, appended to `out` up to MAX_BODY; open shadow roots met go to `shadows`. */
function walkText(root: Node, doc: Document, out: string[], state: { len: number }, shadows: ShadowRoot[]): void {
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode(node: Node): number {
      if (node.nodeType !== 1) return FILTER_ACCEPT;
      const el = node as Element;
      if (isChrome(el)) return FILTER_REJECT;
      if (el.shadowRoot && shadows.length < MAX_SHADOW_ROOTS) shadows.push(el.shadowRoot);
      return FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node && state.len < MAX_BODY; node = walker.nextNode()) {
    const text = squash(node.nodeValue, MAX_BODY);
    if (!text) continue;
    out.push(text);
    state.len += text.length + 1;
  }
}

function collectTexts(roots: readonly ParentNode[], selector: string, max: number, keep: (el: Element) => string): string[] {
  const out: string[] = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll(selector)) {
      if (out.length >= max) return out;
      const text = keep(el);
      if (text) out.push(text);
    }
  }
  return out;
}

function buttonText(el: Element): string {
  if (inChrome(el)) return '';
  if (el.localName === 'input') return squash((el as HTMLInputElement).value || el.getAttribute('aria-label'));
  const text = squash(el.textContent || el.getAttribute('aria-label'));
  // A real button says a few words; a long "button" is a card or a whole banner.
  return text.length <= MAX_BUTTON_TEXT ? text : '';
}

/** The document's text plus the open shadow roots found while reading it (for DOM counts). */
export function readPage(doc: Document, url: string): { text: PageText; roots: ParentNode[] } {
  const shadows: ShadowRoot[] = [];
  const parts: string[] = [];
  const state = { len: 0 };
  const body = doc.body ?? doc.documentElement;
  if (body) walkText(body, doc, parts, state, shadows);
  // Shadow roots found inside shadow roots are appended while iterating, up to the cap.
  for (let i = 0; i < shadows.length; i++) {
    const shadow = shadows[i];
    if (shadow) walkText(shadow, doc, parts, state, shadows);
  }
  const roots: ParentNode[] = [doc, ...shadows];
  const lang =
    doc.documentElement?.getAttribute('lang') ??
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ??
    '';
  const body2 = parts.join(' ').slice(0, MAX_BODY);
  const footer = squash(doc.querySelector('footer,[role=contentinfo],[class*="footer" i]')?.textContent, MAX_FOOTER);
  const text: PageText = {
    title: squash(doc.title),
    headings: collectTexts(roots, 'h1,h2,h3,h4,h5,h6,[role=heading]', MAX_HEADINGS, (el) =>
      inChrome(el) ? '' : squash(el.textContent),
    ),
    buttons: collectTexts(roots, BUTTONS, MAX_BUTTONS, buttonText),
    links: collectTexts(roots, 'a[href]', MAX_LINKS, (el) => squash(el.textContent)),
    body: body2,
    lang: squash(lang, 20).toLowerCase(),
    url,
    agreements: [footer, ...(body2.match(BRACKETED) ?? [])].join('\n'),
    form: formWords(roots),
  };
  return { text, roots };
}

/** Placeholders, aria-labels and the first options of each select: words a form shows but the body text lacks. */
function formWords(roots: readonly ParentNode[]): string {
  const out: string[] = [];
  let len = 0;
  const push = (s: string | null | undefined): void => {
    const t = squash(s, 60);
    if (t && len < MAX_FORM) {
      out.push(t);
      len += t.length + 1;
    }
  };
  for (const root of roots) {
    for (const el of root.querySelectorAll('input,textarea,select')) {
      if (len >= MAX_FORM) break;
      push(el.getAttribute('placeholder'));
      push(el.getAttribute('aria-label'));
      if (el.localName === 'select') for (const o of [...(el as HTMLSelectElement).options].slice(0, MAX_OPTIONS)) push(o.textContent);
    }
  }
  return out.join('\n');
}

/** Cheap, capped extraction of the text that matters for classifying the page. */
export function extractPageText(doc: Document, url: string): PageText {
  return readPage(doc, url).text;
}

// A 0–100 (or 0–1) slider is a volume, zoom or progress control; an amount or term slider starts
// above zero (3–36 months, 91–180 days) or goes far beyond 100 (1,000–200,000).
function isAmountRange(min: string | null, max: string | null): boolean {
  return Number(min ?? 0) > 0 || Number(max ?? 100) > 100;
}

/** Count sliders, amount / text inputs and article marks in `roots`; `amount` tests an input's attributes. */
export function countSignals(doc: Document, roots: readonly ParentNode[], amount: RegExp): PageSignals {
  let rangeInputs = 0;
  let amountInputs = 0;
  let textInputs = 0;
  let seen = 0;
  for (const root of roots) {
    for (const input of root.querySelectorAll('input')) {
      if (++seen > MAX_INPUTS) break;
      const type = (input.getAttribute('type') ?? '').toLowerCase();
      if (type === 'range') {
        if (isAmountRange(input.getAttribute('min'), input.getAttribute('max'))) rangeInputs++;
        continue;
      }
      if (!TEXT_INPUT_TYPES.has(type)) continue;
      textInputs++;
      const names = [
        input.getAttribute('name'),
        input.id,
        input.getAttribute('placeholder'),
        input.getAttribute('aria-label'),
      ].join(' ');
      if (amount.test(names)) amountInputs++;
    }
    for (const slider of root.querySelectorAll('[role=slider]'))
      if (isAmountRange(slider.getAttribute('aria-valuemin'), slider.getAttribute('aria-valuemax'))) rangeInputs++;
  }
  let longParagraphs = 0;
  const paragraphs = doc.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS; i++) {
    const text = (paragraphs[i]?.textContent ?? '').trim();
    if (text.length >= LONG_PARAGRAPH / 2 && text.length + (text.match(CJK)?.length ?? 0) >= LONG_PARAGRAPH)
      longParagraphs++;
  }
  const articleMarks =
    (doc.querySelector('article') ? 1 : 0) +
    (doc.querySelector('time[datetime]') ? 1 : 0) +
    (doc.querySelector('meta[property="og:type"][content="article"],meta[property="article:published_time"]') ? 1 : 0) +
    (doc.querySelector('[rel=author],[itemprop=author],[class*="byline" i]') ? 1 : 0);
  // Back offices: a table of records, a side menu, pages of results (rendered, or as component tags).
  const adminMarks =
    (doc.querySelectorAll('th,[role=columnheader],el-table-column,a-table,v-data-table,b-table,q-table').length >= 3 ? 1 : 0) +
    // A side menu, not any <aside>: application pages put their loan summary in one.
    (doc.querySelector('[class*="sidebar" i],[class*="sidenav" i],[class*="side-menu" i],el-menu,a-menu') ? 1 : 0) +
    (doc.querySelector('[class*="pagination" i],el-pagination,a-pagination,v-pagination') ? 1 : 0);
  return { rangeInputs, amountInputs, textInputs, longParagraphs, articleMarks, adminMarks };
}
