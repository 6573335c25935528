import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchFrame } from '@/lib/guard/frame/frame-watch';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchFrame', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    document.body.innerHTML = '';
  });

  it('does not scan a frame without typable inputs', async () => {
    document.body.innerHTML = '<p>Just text</p><input type="checkbox"><input type="hidden" name="csrf">';
    const scan = vi.fn();
    stop = watchFrame(document, { scan, debounceMs: 10 });
    await settle(30);
    expect(scan).not.toHaveBeenCalled();
  });

  it('scans at once when the frame already has a text input', () => {
    document.body.innerHTML = '<input name="phone">';
    const scan = vi.fn();
    stop = watchFrame(document, { scan, debounceMs: 10 });
    expect(scan).toHaveBeenCalledTimes(1);
  });

  it('scans once, debounced, when a single-page app adds fields', async () => {
    const scan = vi.fn();
    stop = watchFrame(document, { scan, debounceMs: 20 });
    for (let i = 0; i < 5; i++) document.body.appendChild(document.createElement('input'));
    await settle(60);
    expect(scan).toHaveBeenCalledTimes(1);
  });

  it('rescans after fields it reported are removed', async () => {
    document.body.innerHTML = '<input name="phone">';
    const scan = vi.fn();
    stop = watchFrame(document, { scan, debounceMs: 10 });
    document.body.innerHTML = '<p>done</p>';
    await settle(40);
    expect(scan).toHaveBeenCalledTimes(2);
  });

  it('stops watching when stopped', async () => {
    const scan = vi.fn();
    stop = watchFrame(document, { scan, debounceMs: 10 });
    stop();
    document.body.appendChild(document.createElement('input'));
    await settle(40);
    expect(scan).not.toHaveBeenCalled();
  });
});
