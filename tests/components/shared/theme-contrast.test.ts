// The theme's colours reach WCAG AA in light and dark mode: every text colour on every background it is
// used on at 4.5:1, control borders and the focus ring at 3:1 (read from components/shared/theme.css).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(path.resolve(__dirname, '../../../components/shared/theme.css'), 'utf8');

/** The custom properties set in a block of the stylesheet (the first `:root {…}` after `start`). */
function colours(start: number): Record<string, string> {
  const open = css.indexOf(':root {', start);
  const block = css.slice(open, css.indexOf('}', open));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = colours(0);
const dark = { ...light, ...colours(css.indexOf('@media (prefers-color-scheme: dark)')) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text colour → the backgrounds it is drawn on. */
const TEXT_ON: Record<string, string[]> = {
  fg: ['bg', 'card', 'surface-2'],
  muted: ['bg', 'card', 'surface-2'],
  accent: ['bg', 'card', 'surface-2', 'info-bg'],
  'accent-hover': ['bg', 'card'],
  'accent-fg': ['accent', 'accent-hover'],
  'warn-fg': ['warn-bg', 'bg', 'card'],
  'ok-fg': ['ok-bg', 'bg', 'card'],
  'info-fg': ['info-bg'],
  'danger-text': ['danger-bg', 'bg', 'card'],
  'danger-fg': ['danger', 'danger-text'],
};
/** Non-text parts people must see (control borders, focus ring, chart marks) → their backgrounds. */
const UI_ON: Record<string, string[]> = {
  'line-strong': ['bg', 'card'],
  accent: ['bg', 'card'],
  'warn-fg': ['bg', 'card'],
  'ok-fg': ['bg', 'card'],
};

describe.each([
  ['light', light],
  ['dark', dark],
])('theme colours in %s mode', (_mode, theme) => {
  it('defines every colour the checks name', () => {
    const names = new Set([...Object.entries(TEXT_ON), ...Object.entries(UI_ON)].flatMap(([fg, bgs]) => [fg, ...bgs]));
    expect([...names].filter((name) => !theme[name])).toEqual([]);
  });

  it.each(Object.entries(TEXT_ON))('text in --%s reaches 4.5:1 on its backgrounds', (fg, backgrounds) => {
    for (const bg of backgrounds) expect(contrast(theme[fg]!, theme[bg]!), `--${fg} on --${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(UI_ON))('--%s reaches 3:1 against its backgrounds', (fg, backgrounds) => {
    for (const bg of backgrounds) expect(contrast(theme[fg]!, theme[bg]!), `--${fg} on --${bg}`).toBeGreaterThanOrEqual(3);
  });
});

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
