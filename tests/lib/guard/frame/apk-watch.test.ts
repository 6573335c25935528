// Unit tests for lib/guard/frame/apk-watch.ts and lib/notices/apk-warning.ts: which downloads count as Android
// apps, holding a link click until resumed, and a warning that page scripts cannot answer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isApkUrl, watchApkDownloads } from '@/lib/guard/frame/apk-watch';
import { showApkWarning } from '@/lib/notices/apk-warning';

describe('isApkUrl', () => {
  it('recognises .apk and its bundle variants by path, in any case, and by download name', () => {
    expect(isApkUrl('https://cdn.loan.example/app/KreditCepat.APK')).toBe(true);
    expect(isApkUrl('https://cdn.loan.example/app/v2.xapk?ref=ad')).toBe(true);
    expect(isApkUrl('https://cdn.loan.example/%E5%80%9F%E6%AC%BE.apk')).toBe(true);
    expect(isApkUrl('https://cdn.loan.example/get?id=7', 'loan.apk')).toBe(true);
  });

  it('ignores other files, an .apk only in the query, and non-web schemes', () => {
    expect(isApkUrl('https://loan.example/apply')).toBe(false);
    expect(isApkUrl('https://loan.example/app.apk.html')).toBe(false);
    expect(isApkUrl('https://loan.example/dl?file=app.apk')).toBe(false);
    expect(isApkUrl('javascript:alert(1)//x.apk')).toBe(false);
    expect(isApkUrl('not a url')).toBe(false);
  });
});

describe('watchApkDownloads (click fallback, no Navigation API)', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    document.body.innerHTML = '';
  });

  it('holds an .apk link click and lets it through once when resumed', () => {
    document.body.innerHTML = '<a id="apk" href="https://cdn.loan.example/app.apk"><span id="inner">Download</span></a><a id="other" href="https://loan.example/terms">Terms</a>';
    const held: { url: string; resume: () => void }[] = [];
    stop = watchApkDownloads(window, (url, resume) => held.push({ url, resume }));
    const click = (id: string): MouseEvent => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      document.getElementById(id)!.dispatchEvent(event);
      return event;
    };
    expect(click('other').defaultPrevented).toBe(false);
    expect(held).toHaveLength(0);
    const first = click('inner');
    expect(first.defaultPrevented).toBe(true);
    expect(held.map((entry) => entry.url)).toEqual(['https://cdn.loan.example/app.apk']);
    // Resuming clicks a detached link to the same URL: not held again; the next real click is.
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.href).toBe('https://cdn.loan.example/app.apk');
      expect(this.isConnected).toBe(false);
    });
    held[0]!.resume();
    expect(clicked).toHaveBeenCalledTimes(1);
    clicked.mockRestore();
    expect(held).toHaveLength(1);
    expect(click('apk').defaultPrevented).toBe(true);
    expect(held).toHaveLength(2);
  });
});

describe('showApkWarning', () => {
  afterEach(() => document.documentElement.querySelectorAll('loanguard-overlay').forEach((el) => el.remove()));

  it('cannot be answered by a page script dispatching clicks or Escape', () => {
    const onAnswer = vi.fn();
    showApkWarning(document, { title: 'T', body: 'B', file: 'F', cancel: 'No', proceed: 'Yes' }, onAnswer);
    expect(document.querySelector('loanguard-overlay')).not.toBeNull();
    // The shadow root is closed: a page can't even find the buttons; from the host it can only
    // dispatch untrusted events, which must do nothing.
    const host = document.querySelector('loanguard-overlay')!;
    expect(host.shadowRoot).toBeNull();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onAnswer).not.toHaveBeenCalled();
    expect(document.querySelector('loanguard-overlay')).not.toBeNull();
  });
});
