// The endorsement drawn across a copy of an ID document ("Only for <site> · <purpose> · <date> · not
// valid for any other use"): its text and where it goes — diagonal, semi-transparent, repeated so
// it crosses the whole card. Pure (text measuring comes in), so layout is tested without a canvas;
// components/options/IdMarkTool.tsx draws it.
import type { Lookup } from './complaint-letter';

export interface MarkFields {
  /** The site or organisation the copy is for. */
  site: string;
  purpose: string;
  /** The date as the user reads it. */
  date: string;
}

/** The endorsement in the user's language; empty fields are left out rather than shown blank. */
export function markText(lookup: Lookup, fields: MarkFields): string {
  const site = fields.site.trim() || lookup('idmark_site_unnamed');
  const parts = [lookup('idmark_only_for', [site]), fields.purpose.trim(), fields.date, lookup('idmark_not_valid')];
  return parts.filter((part) => part !== '').join(' · ');
}

export interface MarkLine {
  /** Centre of the line in image pixels (before rotation about it). */
  x: number;
  y: number;
}

export interface MarkLayout {
  /** Rotation in radians: along the image's diagonal from bottom left to top right. */
  angle: number;
  fontSize: number;
  /** 0..1: visible but the document stays readable underneath. */
  alpha: number;
  lines: MarkLine[];
}

/** Opacity of the mark: strong enough to show on a photo, light enough to read the card through it. */
export const MARK_ALPHA = 0.38;

/**
 * Where to draw `text` on a `width`×`height` image. `measure(text, fontSize)` is the drawn width in
 * pixels. The font is sized so one line spans about 90% of the diagonal (but never below 12 px), and
 * lines repeat every ~3 line heights across the whole image, so cropping cannot remove the mark.
 */
export function markLayout(width: number, height: number, text: string, measure: (text: string, fontSize: number) => number): MarkLayout {
  const diagonal = Math.hypot(width, height);
  const angle = -Math.atan2(height, width);
  const probe = 100;
  const probeWidth = Math.max(1, measure(text, probe));
  const fontSize = Math.max(12, Math.floor((probe * diagonal * 0.9) / probeWidth));
  const spacing = fontSize * 3;
  // Lines are spaced along the normal of the diagonal, through the centre, far enough to cover the corners.
  const normal = { x: Math.sin(-angle), y: Math.cos(-angle) };
  const reach = diagonal / 2;
  const lines: MarkLine[] = [];
  for (let offset = -Math.floor(reach / spacing) * spacing; offset <= reach; offset += spacing) {
    lines.push({ x: width / 2 + normal.x * offset, y: height / 2 + normal.y * offset });
  }
  return { angle, fontSize, alpha: MARK_ALPHA, lines };
}

/** The file type to write: the input's own when the browser can encode it, else PNG. */
export function outputType(inputType: string): 'image/png' | 'image/jpeg' | 'image/webp' {
  return inputType === 'image/jpeg' || inputType === 'image/webp' ? inputType : 'image/png';
}

/** Longest side kept: a phone photo of a card needs no more, and uploads stay a sensible size. */
export const MAX_SIDE = 3000;

/** The drawn size: the image's own, scaled down to MAX_SIDE on its longest side. */
export function outputSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
