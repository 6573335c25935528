// Builds a CSS selector that finds exactly one element again within its own root (document or
// shadow root), so a verdict can point back at its field across messages and in the CLI.

type Root = Document | ShadowRoot;

// Single quotes when they avoid escapes: happy-dom's selector parser does not read \" in strings.
const quote = (s: string): string =>
  /"/.test(s) && !/['\\]/.test(s) ? `'${s}'` : `"${s.replace(/["\\]/g, '\\$&')}"`;

function rootOf(el: Element): Root {
  const r = el.getRootNode();
  return 'querySelectorAll' in r ? (r as Root) : (el.ownerDocument as Document);
}

function finds(root: Root, sel: string, el: Element): boolean {
  try {
    const found = root.querySelectorAll(sel);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

/** #id for plain ids; [id="…"] otherwise (some selector engines, happy-dom's among them, reject escapes). */
function uniqueId(root: Root, el: Element): string | null {
  const id = el.id;
  const sel = /^-?[A-Za-z_][\w-]*$/.test(id) ? `#${id}` : `[id=${quote(id)}]`;
  // getElementById is a cheap first test everywhere; querySelectorAll then proves uniqueness.
  return id && root.getElementById(id) === el && finds(root, sel, el) ? sel : null;
}

/** Prefers #id, then tag[name=…] (alone or under its form's #id), then an nth-of-type path. */
export function uniqueSelector(el: Element): string {
  const root = rootOf(el);
  const id = uniqueId(root, el);
  if (id) return id;
  const name = el.getAttribute('name');
  if (name) {
    const sel = `${el.localName}[name=${quote(name)}]`;
    if (finds(root, sel, el)) return sel;
    const form = el.closest('form');
    const formId = form && uniqueId(root, form);
    if (formId && finds(root, `${formId} ${sel}`, el)) return `${formId} ${sel}`;
  }
  // Shortest unique nth-of-type path upwards, anchored at an ancestor's #id when there is one.
  let path = '';
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const anchor = cur !== el && uniqueId(root, cur);
    if (anchor) return `${anchor} > ${path}`;
    let n = 1;
    for (let s = cur.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === cur.localName) n++;
    path = `${cur.localName}:nth-of-type(${n})${path && ` > ${path}`}`;
    if (finds(root, path, el)) return path;
  }
  return path;
}
