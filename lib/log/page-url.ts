// The page address as the log keeps it, and as anything written on the way there keeps it: origin
// and path, never the query or fragment (they often carry the very values being guarded).
// Dependency-free: the frame's pending copies use it too.

/** origin + path: the page without query string or fragment (they often carry personal data). */
export function pageUrlForLog(url: string): string {
  try {
    const parsed = new URL(url);
    // A blob: page belongs to the page that made it, whose URL is inside.
    if (parsed.protocol === 'blob:') return pageUrlForLog(parsed.pathname);
    if (parsed.protocol === 'about:') return `about:${parsed.pathname}`;
    if (parsed.origin !== 'null') return `${parsed.origin}${parsed.pathname}`;
    // file:, and other schemes without a web origin: keep the host (a file server) and path.
    if (parsed.host || parsed.protocol === 'file:') return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
    // data:, javascript:: the "path" is the content itself and may hold the very data being guarded.
    return parsed.protocol;
  } catch {
    return '';
  }
}
