// lib/notices/id-offer.ts in happy-dom: the offer sits in a closed overlay with its three choices
// ("Add a mark" first), only two when the file can't be marked (no mark button, a warning instead),
// and a page's scripted clicks and keys answer nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showIdOffer, type IdOfferText } from '@/lib/notices/id-offer';

const TEXT: IdOfferText = {
  title: 'Mark this copy of your ID first?',
  body: 'body',
  purposeLabel: 'Purpose',
  purpose: 'identity check',
  markText: (purpose) => `Only for kuaidai.example · ${purpose}`,
  previewLabel: 'Preview:',
  cannotMark: 'cannot mark',
  mark: 'Add a mark',
  asIs: 'Send as is',
  none: "Don't attach",
};

/** The offer's shadow root, captured as it is made (it is closed). */
function captureRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}
const choices = (root: ShadowRoot) => [...root.querySelectorAll<HTMLButtonElement>('button')].map((button) => button.dataset.idOffer);

afterEach(() => {
  vi.restoreAllMocks();
  for (const host of document.querySelectorAll('loanguard-overlay')) host.remove();
});

describe('showIdOffer', () => {
  it("offers Add a mark, Send as is and Don't attach for a picture, with the purpose editable", () => {
    const roots = captureRoots();
    const image = { width: 240, height: 150, close: vi.fn() } as unknown as ImageBitmap;
    showIdOffer(document, image, TEXT, () => undefined);
    const root = roots[0]!;
    expect(choices(root)).toEqual(['marked', 'as-is', 'not-attached']);
    expect(root.querySelector<HTMLInputElement>('#lg-id-purpose')!.value).toBe('identity check');
    expect(root.querySelector('[role="alertdialog"]')!.getAttribute('aria-labelledby')).toBe('lg-id-title');
  });

  it("without a picture to mark: a warning, and only Don't attach (first) and Send as is", () => {
    const roots = captureRoots();
    showIdOffer(document, null, TEXT, () => undefined);
    const root = roots[0]!;
    expect(choices(root)).toEqual(['not-attached', 'as-is']);
    expect(root.querySelector('.warn')!.textContent).toBe('cannot mark');
    expect(root.querySelector('#lg-id-purpose')).toBeNull();
  });

  it("answers nothing to a page's scripted clicks or Escape", () => {
    const roots = captureRoots();
    const answer = vi.fn();
    showIdOffer(document, null, TEXT, answer);
    const root = roots[0]!;
    for (const button of root.querySelectorAll('button')) button.click();
    root.querySelector('[role="alertdialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(answer).not.toHaveBeenCalled();
    expect(document.querySelectorAll('loanguard-overlay')).toHaveLength(1);
  });
});
