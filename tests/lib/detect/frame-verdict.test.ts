// The frame's report (lib/detect/frame-verdict.ts): built from the sliced scan, it says the same as the
// report built from a whole scan; the top frame describes its page, a sub-frame only its fields.
import { afterEach, describe, expect, it } from 'vitest';
import { buildFrameVerdict, frameVerdictFrom } from '@/lib/detect/frame-verdict';
import { scanFields } from '@/lib/detect/field-scan';

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('buildFrameVerdict', () => {
  it('reports what a whole scan reports, with the page described in the top frame only', async () => {
    document.title = '借款申请';
    document.body.innerHTML = '<h1>极速借款</h1><form><label for="m">手机号</label><input id="m"><label for="i">身份证号</label><input id="i" maxlength="18"><button>立即申请</button></form>';
    const top = await buildFrameVerdict(document, true, { now: () => 0 });
    expect(top).toEqual(frameVerdictFrom(document, true, scanFields(document)));
    expect(top.fields.map((f) => f.kind)).toEqual(['phone', 'national-id']);
    expect(top.page?.text.title).toBe('借款申请');
    expect(top.page?.fieldKinds).toEqual(['phone', 'national-id']);
    const sub = await buildFrameVerdict(document, false);
    expect(sub.page).toBeUndefined();
    expect(sub.title).toBe('');
    expect(sub.fields).toEqual(top.fields);
  });

  it('gives the main thread back before each whole-document read of the description once a slice is used', async () => {
    document.body.innerHTML = '<form><label for="m">手机号</label><input id="m"></form>';
    let clock = 0;
    const pausedAt: number[] = [];
    // Every clock read is 6 ms later: the scan step uses its slice, and each read of the page then needs a fresh one.
    const top = await buildFrameVerdict(document, true, { now: () => (clock += 6), pause: async () => void pausedAt.push(clock) });
    expect(pausedAt.length).toBeGreaterThanOrEqual(2);
    expect(top).toEqual(frameVerdictFrom(document, true, scanFields(document)));
    let subPauses = 0;
    await buildFrameVerdict(document, false, { now: () => (clock += 6), pause: async () => void subPauses++ });
    expect(subPauses).toBe(0); // a sub-frame does not describe the page: nothing after its one field
  });
});
