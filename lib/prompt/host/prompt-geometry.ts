// Is the prompt shown as LoanGuard drew it? Checked by the host (isolated world, the browser's own
// layout) while a question is up: a page that zooms, scales, filters, clips or fades its document,
// pushes the prompt off screen or covers it with its own top-layer element makes the prompt
// "unsafe", and the prompt page keeps "Send once" and "Trust" locked until it is safe again.

export const GEOMETRY_PROBLEMS = ['zoomed', 'transformed', 'filtered', 'clipped', 'faded', 'offscreen', 'covered', 'hidden'] as const;
export type GeometryProblem = (typeof GEOMETRY_PROBLEMS)[number];

export interface Geometry {
  safe: boolean;
  reason?: GeometryProblem;
}

/** A stored geometry as the background kept it, or undefined when it isn't one. */
export function readGeometry(raw: unknown): Geometry | undefined {
  if (typeof raw !== 'object' || raw === null || typeof (raw as Geometry).safe !== 'boolean') return undefined;
  const { safe, reason } = raw as Geometry;
  if (reason === undefined) return { safe };
  return (GEOMETRY_PROBLEMS as readonly unknown[]).includes(reason) ? { safe, reason } : undefined;
}

/** Fraction of its intended size the frame may lose (rounding) before it counts as shrunk. */
const SIZE_SLACK = 0.95;

function styleProblem(style: CSSStyleDeclaration): GeometryProblem | undefined {
  const zoom = parseFloat((style as unknown as { zoom?: string }).zoom ?? '1');
  if (Number.isFinite(zoom) && Math.abs(zoom - 1) > 0.001) return 'zoomed';
  // `transform` and the individual transform properties (a mirrored `scale: -1 1` swaps the buttons).
  const individual = style as unknown as { scale?: string; rotate?: string; translate?: string };
  if ((style.transform && style.transform !== 'none') || [individual.scale, individual.rotate, individual.translate].some((value) => value && value !== 'none')) {
    return 'transformed';
  }
  if ((style.filter && style.filter !== 'none') || (style.backdropFilter && style.backdropFilter !== 'none')) return 'filtered';
  if ((style.clipPath && style.clipPath !== 'none') || (style.maskImage && style.maskImage !== 'none')) return 'clipped';
  if (parseFloat(style.opacity || '1') < 1 || style.visibility === 'hidden' || style.contentVisibility === 'hidden') return 'faded';
  return undefined;
}

export function checkPromptGeometry(win: Window, host: HTMLElement, frame: HTMLIFrameElement): Geometry {
  const doc = host.ownerDocument;
  if (doc.visibilityState !== 'visible') return { safe: false, reason: 'hidden' };
  // The host is a child of <html>: its own styles (ours, !important) and <html>'s are all that apply.
  for (const element of [doc.documentElement, host]) {
    const problem = styleProblem(win.getComputedStyle(element));
    if (problem) return { safe: false, reason: problem };
  }
  const rect = frame.getBoundingClientRect();
  const intendedWidth = parseFloat(host.style.width);
  const intendedHeight = parseFloat(host.style.height);
  if (rect.width < intendedWidth * SIZE_SLACK || rect.height < intendedHeight * SIZE_SLACK) return { safe: false, reason: 'zoomed' };
  const viewport = win.visualViewport;
  const left = viewport?.offsetLeft ?? 0;
  const top = viewport?.offsetTop ?? 0;
  const right = left + (viewport?.width ?? doc.documentElement.clientWidth);
  const bottom = top + (viewport?.height ?? doc.documentElement.clientHeight);
  if (rect.left < left - 1 || rect.top < top - 1 || rect.right > right + 1 || rect.bottom > bottom + 1) return { safe: false, reason: 'offscreen' };
  // Whatever is on top at the frame's centre and near its corners must be the prompt itself.
  const inset = 6;
  const points: [number, number][] = [
    [rect.left + rect.width / 2, rect.top + rect.height / 2],
    [rect.left + inset, rect.top + inset],
    [rect.right - inset, rect.top + inset],
    [rect.left + inset, rect.bottom - inset],
    [rect.right - inset, rect.bottom - inset],
  ];
  for (const [x, y] of points) {
    const topmost = doc.elementFromPoint(x - left, y - top);
    if (topmost !== host) return { safe: false, reason: 'covered' };
  }
  return { safe: true };
}
