// lib/prompt/host/prompt-geometry.ts in happy-dom (no layout: the frame's box, the viewport and what is
// topmost at a point are stubbed; styles are real CSS read through getComputedStyle): the prompt is
// safe when shown as drawn, and unsafe — with the reason — in a hidden tab, when <html> or the host is
// zoomed, transformed, filtered, clipped or faded, when the frame is shrunk, pushed off screen, or
// covered at its centre or a corner.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPromptGeometry, type GeometryProblem } from '@/lib/prompt/host/prompt-geometry';

const WIDTH = 420;
const HEIGHT = 320;

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}
interface Viewport {
  offsetLeft: number;
  offsetTop: number;
  width: number;
  height: number;
}

let host: HTMLElement;
let frame: HTMLIFrameElement;
let box: Box;
let viewport: Viewport | null;
/** What is topmost at a point; by default the host wherever the frame's box is, the page elsewhere. */
let topmost: (x: number, y: number) => Element | null;
let probed: [number, number][];
const restore: (() => void)[] = [];

/** The window as the module sees it: the real getComputedStyle, and a visual viewport we control. */
const win = (): Window =>
  ({
    getComputedStyle: (element: Element) => window.getComputedStyle(element),
    get visualViewport() {
      return viewport;
    },
  }) as unknown as Window;

const inBox = (x: number, y: number): boolean => x >= box.left && x <= box.left + box.width && y >= box.top && y <= box.top + box.height;

function define<T extends object>(target: T, property: string, descriptor: PropertyDescriptor): void {
  const own = Object.getOwnPropertyDescriptor(target, property);
  Object.defineProperty(target, property, { configurable: true, ...descriptor });
  restore.push(() => {
    if (own) Object.defineProperty(target, property, own);
    else delete (target as Record<string, unknown>)[property];
  });
}

beforeEach(() => {
  // The host as prompt-host builds it: a child of <html>, sized inline. Its frame (in a closed shadow
  // root there) is only measured here, so it stays out of the document: happy-dom can't load frames.
  host = document.createElement('loanguard-overlay');
  host.style.width = `${WIDTH}px`;
  host.style.height = `${HEIGHT}px`;
  frame = document.createElement('iframe');
  document.documentElement.appendChild(host);

  box = { left: 1000 - 12 - WIDTH, top: 12, width: WIDTH, height: HEIGHT };
  viewport = { offsetLeft: 0, offsetTop: 0, width: 1000, height: 800 };
  probed = [];
  topmost = (x, y) => (inBox(x, y) ? host : document.body);
  frame.getBoundingClientRect = () => new DOMRect(box.left, box.top, box.width, box.height);
  define(document, 'elementFromPoint', {
    value: (x: number, y: number) => {
      probed.push([x, y]);
      return topmost(x, y);
    },
  });
});

afterEach(() => {
  host.remove();
  document.documentElement.removeAttribute('style');
  document.head.querySelectorAll('style').forEach((style) => style.remove());
  for (const undo of restore.splice(0).reverse()) undo();
});

const check = () => checkPromptGeometry(win(), host, frame);
const unsafe = (reason: GeometryProblem) => ({ safe: false, reason });

describe('checkPromptGeometry', () => {
  it('is safe when the prompt is shown as drawn', () => {
    expect(check()).toEqual({ safe: true });
  });

  it("looks at the frame's centre and near each of its corners", () => {
    check();
    const right = box.left + box.width;
    const bottom = box.top + box.height;
    expect(probed.length).toBeGreaterThanOrEqual(5);
    for (const [x, y] of probed) expect(inBox(x, y)).toBe(true);
    expect(probed).toContainEqual([box.left + box.width / 2, box.top + box.height / 2]);
    for (const [cx, cy] of [
      [box.left, box.top],
      [right, box.top],
      [box.left, bottom],
      [right, bottom],
    ] as const) {
      expect(probed.some(([x, y]) => Math.abs(x - cx) <= 12 && Math.abs(y - cy) <= 12), `near ${cx},${cy}`).toBe(true);
    }
  });

  it('a tab that is not visible: hidden, whatever else holds', () => {
    define(document, 'visibilityState', { get: () => 'hidden' });
    document.documentElement.style.transform = 'scale(0.5)';
    expect(check()).toEqual(unsafe('hidden'));
  });

  describe('styles of <html> and of the host', () => {
    const cases: [string, string, GeometryProblem][] = [
      ['zoom', '1.5', 'zoomed'],
      ['zoom', '0.5', 'zoomed'],
      ['transform', 'scale(0.2)', 'transformed'],
      ['transform', 'translateX(-3000px)', 'transformed'],
      ['transform', 'matrix(1, 0, 0, 1, 0, 0)', 'transformed'],
      ['filter', 'blur(4px)', 'filtered'],
      ['filter', 'opacity(0.1)', 'filtered'],
      ['backdrop-filter', 'invert(1)', 'filtered'],
      ['clip-path', 'inset(0 0 90% 0)', 'clipped'],
      ['mask-image', 'linear-gradient(transparent, black)', 'clipped'],
      ['opacity', '0', 'faded'],
      ['opacity', '0.9', 'faded'],
      ['visibility', 'hidden', 'faded'],
      ['content-visibility', 'hidden', 'faded'],
    ];
    for (const [property, value, reason] of cases) {
      it(`${property}: ${value} → ${reason}`, () => {
        document.documentElement.style.setProperty(property, value);
        expect(check(), 'on <html>').toEqual(unsafe(reason));
        document.documentElement.removeAttribute('style');
        expect(check()).toEqual({ safe: true });
        host.style.setProperty(property, value);
        expect(check(), 'on the host').toEqual(unsafe(reason));
      });
    }

    it('neutral values are safe: zoom 1, transform/filter/clip none, opacity 1, visible', () => {
      for (const [property, value] of [
        ['zoom', '1'],
        ['transform', 'none'],
        ['filter', 'none'],
        ['backdrop-filter', 'none'],
        ['clip-path', 'none'],
        ['mask-image', 'none'],
        ['opacity', '1'],
        ['visibility', 'visible'],
        ['content-visibility', 'visible'],
      ]) {
        document.documentElement.style.setProperty(property!, value!);
        host.style.setProperty(property!, value!);
      }
      expect(check()).toEqual({ safe: true });
    });

    it("sees the page's style sheets, not only inline styles", () => {
      const sheet = document.createElement('style');
      sheet.textContent = 'html { filter: grayscale(1) }';
      document.head.appendChild(sheet);
      expect(check()).toEqual(unsafe('filtered'));
    });

    it('names the first problem it finds, <html> before the host', () => {
      document.documentElement.style.opacity = '0.5';
      host.style.transform = 'scale(2)';
      expect(check()).toEqual(unsafe('faded'));
    });

    it.each([
      ['scale', '-1 1'],
      ['rotate', '180deg'],
      ['translate', '40px 0'],
    ])('html { %s: %s } (an individual transform property, not in `transform`) is unsafe', (property, value) => {
      document.documentElement.style.setProperty(property, value);
      expect(check()).toEqual(unsafe('transformed'));
    });
  });

  describe("the frame's box", () => {
    it('shrunk below 95% of the size it was given → zoomed (either side)', () => {
      box.width = WIDTH * 0.9;
      expect(check()).toEqual(unsafe('zoomed'));
      box.width = WIDTH;
      box.height = HEIGHT * 0.5;
      expect(check()).toEqual(unsafe('zoomed'));
    });

    it('a little rounding is fine', () => {
      box.width = WIDTH * 0.96;
      box.height = HEIGHT * 0.96;
      expect(check()).toEqual({ safe: true });
    });

    it('pushed (even partly) out of the visible area → offscreen', () => {
      for (const [left, top] of [
        [-50, 12],
        [1000 - WIDTH + 40, 12],
        [100, -40],
        [100, 800 - HEIGHT + 40],
        [-5000, -5000],
      ] as const) {
        box.left = left;
        box.top = top;
        expect(check(), `${left},${top}`).toEqual(unsafe('offscreen'));
      }
    });

    it('touching the edges (within a pixel) is on screen', () => {
      box.left = -1;
      box.top = 800 - HEIGHT + 1;
      expect(check()).toEqual({ safe: true });
    });

    it('pinch-zoomed: the box must be inside the visual viewport', () => {
      viewport = { offsetLeft: 300, offsetTop: 200, width: 500, height: 400 };
      topmost = () => host;
      box = { left: 350, top: 250, width: WIDTH, height: HEIGHT };
      expect(check()).toEqual({ safe: true });
      // The same box where the layout viewport would still show it, but the user does not see it.
      box = { left: 20, top: 20, width: WIDTH, height: HEIGHT };
      expect(check()).toEqual(unsafe('offscreen'));
    });

    it('without a visual viewport, the document element is the viewport', () => {
      viewport = null;
      define(document.documentElement, 'clientWidth', { get: () => 600 });
      define(document.documentElement, 'clientHeight', { get: () => 500 });
      box = { left: 100, top: 100, width: WIDTH, height: HEIGHT };
      expect(check()).toEqual({ safe: true });
      box.left = 300;
      expect(check()).toEqual(unsafe('offscreen'));
    });

    it('a size problem is named before a position problem', () => {
      box = { left: -900, top: 12, width: WIDTH / 2, height: HEIGHT };
      expect(check()).toEqual(unsafe('zoomed'));
    });
  });

  describe('covered', () => {
    it('a page element on top at the centre or at any corner → covered', () => {
      const cover = document.createElement('div');
      const cx = box.left + box.width / 2;
      const cy = box.top + box.height / 2;
      const spots: ((x: number, y: number) => boolean)[] = [
        (x, y) => Math.abs(x - cx) < 20 && Math.abs(y - cy) < 20,
        (x, y) => x < box.left + 20 && y < box.top + 20,
        (x, y) => x > box.left + box.width - 20 && y < box.top + 20,
        (x, y) => x < box.left + 20 && y > box.top + box.height - 20,
        (x, y) => x > box.left + box.width - 20 && y > box.top + box.height - 20,
      ];
      for (const [i, covered] of spots.entries()) {
        topmost = (x, y) => (covered(x, y) ? cover : host);
        expect(check(), `spot ${i}`).toEqual(unsafe('covered'));
      }
    });

    it('nothing at all at a point (it is outside the document) counts as covered', () => {
      topmost = () => null;
      expect(check()).toEqual(unsafe('covered'));
    });

    it('an element that only looks like the host (same tag name) is not the host: covered', () => {
      const lookalike = document.createElement('loanguard-overlay');
      topmost = () => lookalike;
      expect(check()).toEqual(unsafe('covered'));
    });

    it('covering is only looked for once the styles and box are fine', () => {
      document.documentElement.style.transform = 'rotate(1deg)';
      topmost = () => null;
      expect(check()).toEqual(unsafe('transformed'));
      expect(probed).toEqual([]);
    });
  });
});
