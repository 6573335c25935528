import { describe, expect, it } from 'vitest';
describe('exp', () => {
  it('data url import', async () => {
    (globalThis as any).__gate = new Promise((r) => setTimeout(() => r(5), 50));
    const url = 'data:text/javascript,' + encodeURIComponent('await globalThis.__gate; globalThis.__done = 1; export {}');
    const m = await import(/* @vite-ignore */ url);
    expect((globalThis as any).__done).toBe(1);
    console.log(Object.keys(m), document.visibilityState, document.readyState, document.implementation.createHTMLDocument('x').readyState, document.implementation.createHTMLDocument('x').visibilityState);
    const ev = new Event('input'); Object.defineProperty(ev, 'isTrusted', { value: true });
    const el = document.createElement('input'); document.body.append(el);
    let seen: any;
    window.addEventListener('input', (e) => { seen = [e.isTrusted, e.composedPath()[0]]; }, true);
    el.dispatchEvent(ev);
    console.log(seen?.[0], seen?.[1] === el);
  });
  it('failing import', async () => {
    const u = ['chrome-extension://test-extension-id', 'frame-core.js'].join('/'); await expect(import(/* @vite-ignore */ u)).rejects.toThrow();
  });
});
