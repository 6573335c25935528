// Turns a saved page on disk into a DOM the classifiers can read: rejects binary files, decodes
// the page's declared charset (GBK/Big5/Shift_JIS pages are common in lending markets), and
// parses it with happy-dom with every script, stylesheet, image and frame load switched off.
import { Window } from 'happy-dom';
import { closeSelfClosingComponents, expandTemplates, renderFieldComponents } from './source-template';

export class PageLoadError extends Error {}

const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/** The charset a page declares in its first 2 KB (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}

export function decodePage(bytes: Uint8Array): string {
  if (bytes.length > MAX_PAGE_BYTES) throw new PageLoadError(`file is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB`);
  if (bytes.subarray(0, 8192).includes(0)) throw new PageLoadError('binary file, not an HTML page');
  // A UTF-8 byte-order mark wins over any declaration.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const charset = declaredCharset(bytes) ?? 'utf-8';
  // Pages are often re-saved as UTF-8 with their old Big5/GBK declaration kept: bytes that are valid
  // UTF-8 and hold multibyte sequences are UTF-8 (legacy CJK text is almost never valid UTF-8).
  if (charset !== 'utf-8' && isMultibyteUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

/** Whether `bytes` are valid UTF-8 and contain at least one multibyte sequence. */
function isMultibyteUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * happy-dom stops parsing at an end tag glued to a comment's end (`<!--div …</div-->`, a common way
 * to comment markup out), dropping the rest of the page. Comments are never read by the classifiers,
 * so the `</` inside them is spaced apart to keep the parser going.
 */
export function defuseCommentedEndTags(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, (comment) => (comment.includes('</') ? comment.replaceAll('</', '< /') : comment));
}

export interface LoadedPage {
  document: Document;
  close(): Promise<void>;
}

/**
 * happy-dom 21 does not turn <template shadowrootmode> into a shadow root while parsing, as browsers
 * do; emulate it so pages whose fields live in a web component are read as a browser would.
 */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode');
    if (!host || host.shadowRoot || (mode !== 'open' && mode !== 'closed')) continue;
    const shadow = host.attachShadow({ mode });
    shadow.appendChild(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

export function parsePage(html: string, url: string): LoadedPage {
  // Scripts, stylesheets, images, frames and navigation off: the page is data.
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      enableCSSFileLoading: false,
      enableIframePageLoading: false,
      enableImageFileLoading: false,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
  });
  window.document.write(closeSelfClosingComponents(defuseCommentedEndTags(html)));
  const document = window.document as unknown as Document;
  attachDeclarativeShadowRoots(document);
  expandTemplates(document);
  renderFieldComponents(document);
  return { document, close: () => window.happyDOM.close() };
}
