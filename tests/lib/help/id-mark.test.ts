// The ID-copy endorsement: its text in each UI language from the real locale files (site, purpose,
// date, "not valid for any other use"), and its layout — along the diagonal, sized to the image,
// repeated so every corner is crossed — plus the output type and size rules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SIDE, markLayout, markText, outputSize, outputType } from '@/lib/help/id-mark';
import { formatMessage, messagesFileSchema } from '@/lib/locale/i18n-format';
import type { Lookup } from '@/lib/help/complaint-letter';

const root = path.resolve(__dirname, '../../..');
const lookupFor = (lang: string): Lookup => {
  const messages = messagesFileSchema.parse(JSON.parse(readFileSync(path.join(root, 'public/_locales', lang, 'messages.json'), 'utf8')));
  return (key, subs) => formatMessage(messages, key, subs) || `<<missing ${key}>>`;
};
/** A fixed-pitch measure: every character is 0.6 em wide. */
const measure = (text: string, size: number) => text.length * size * 0.6;

describe('markText', () => {
  it.each([
    ['en', 'Only for kuaidai.example · identity check · 30 Nov 2026 · not valid for any other use'],
    ['zh_CN', '仅供 kuaidai.example 使用 · identity check · 30 Nov 2026 · 他用无效'],
    ['es', 'Solo para kuaidai.example · identity check · 30 Nov 2026 · no válida para ningún otro uso'],
    ['id', 'Hanya untuk kuaidai.example · identity check · 30 Nov 2026 · tidak berlaku untuk keperluan lain'],
  ])('in %s names the site, the purpose and the date', (lang, expected) => {
    expect(markText(lookupFor(lang), { site: 'kuaidai.example', purpose: 'identity check', date: '30 Nov 2026' })).toBe(expected);
  });

  it('leaves out an empty purpose and names an unnamed recipient', () => {
    expect(markText(lookupFor('en'), { site: '  ', purpose: ' ', date: '30 Nov 2026' })).toBe('Only for the recipient · 30 Nov 2026 · not valid for any other use');
  });
});

describe('markLayout', () => {
  const text = 'Only for kuaidai.example · identity check · 30 Nov 2026 · not valid for any other use';

  it('runs along the diagonal from bottom left to top right, semi-transparent', () => {
    const layout = markLayout(800, 500, text, measure);
    expect(layout.angle).toBeCloseTo(-Math.atan2(500, 800));
    expect(layout.alpha).toBeGreaterThan(0.2);
    expect(layout.alpha).toBeLessThan(0.6);
  });

  it('sizes one line to about 90% of the diagonal, never below 12 px', () => {
    const layout = markLayout(800, 500, text, measure);
    expect(measure(text, layout.fontSize)).toBeLessThanOrEqual(Math.hypot(800, 500) * 0.9);
    expect(measure(text, layout.fontSize + 1)).toBeGreaterThan(Math.hypot(800, 500) * 0.9);
    expect(markLayout(40, 30, text, measure).fontSize).toBe(12);
  });

  it.each([
    [800, 500],
    [500, 800],
    [3000, 2000],
  ])('on %i×%i, lines repeat through the centre and cross near every corner', (width, height) => {
    const layout = markLayout(width, height, text, measure);
    const normal = { x: Math.sin(-layout.angle), y: Math.cos(-layout.angle) };
    const offsets = layout.lines.map((line) => (line.x - width / 2) * normal.x + (line.y - height / 2) * normal.y);
    expect(offsets.some((offset) => Math.abs(offset) < 1e-6)).toBe(true);
    for (const [cx, cy] of [[0, 0], [width, 0], [0, height], [width, height]] as const) {
      const corner = (cx - width / 2) * normal.x + (cy - height / 2) * normal.y;
      const nearest = Math.min(...offsets.map((offset) => Math.abs(offset - corner)));
      expect(nearest).toBeLessThanOrEqual(layout.fontSize * 3);
    }
  });
});

describe('output', () => {
  it('keeps JPEG and WebP, writes anything else as PNG', () => {
    expect(outputType('image/jpeg')).toBe('image/jpeg');
    expect(outputType('image/webp')).toBe('image/webp');
    expect(outputType('image/png')).toBe('image/png');
    expect(outputType('image/heic')).toBe('image/png');
  });

  it('keeps the size up to the limit and scales larger pictures down, keeping the shape', () => {
    expect(outputSize(1200, 800)).toEqual({ width: 1200, height: 800 });
    expect(outputSize(6000, 4000)).toEqual({ width: MAX_SIDE, height: 2000 });
    expect(outputSize(3000, 9000)).toEqual({ width: 1000, height: MAX_SIDE });
  });
});
