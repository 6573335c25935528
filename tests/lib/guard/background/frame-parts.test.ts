// lib/guard/background/frame-parts.ts: the part asked for is run in the sending document (or, where the
// browser names no document, its frame), as soon as possible; a refusal is an answer, not a throw.
import { describe, expect, it, vi } from 'vitest';
import { injectFramePart } from '@/lib/guard/background/frame-parts';

const FROM = { tabId: 9, frameId: 3, url: 'https://loan.example.cn/apply' };

describe('injectFramePart', () => {
  it('runs frame-core.js in the sending frame', async () => {
    const scripting = { executeScript: vi.fn(async () => []) };
    expect(await injectFramePart(scripting, FROM, 'core')).toEqual({ ok: true });
    expect(scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 9, frameIds: [3] }, files: ['/frame-core.js'], injectImmediately: true });
  });

  it('targets the sending document when the browser names it, so a frame that navigated since gets nothing', async () => {
    const scripting = { executeScript: vi.fn(async () => []) };
    await injectFramePart(scripting, { ...FROM, documentId: 'ABC123' }, 'ui');
    expect(scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 9, documentIds: ['ABC123'] }, files: ['/frame-ui.js'], injectImmediately: true });
  });

  it('answers not ok when the browser refuses (frame gone, no access)', async () => {
    const scripting = { executeScript: vi.fn(() => Promise.reject(new Error('No frame with id 3 in tab 9.'))) };
    expect(await injectFramePart(scripting, FROM, 'core')).toEqual({ ok: false });
  });
});
