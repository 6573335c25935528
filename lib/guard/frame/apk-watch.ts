// Catches the start of an Android app (.apk) download in this frame — a link click, a scripted
// navigation or a `download` link — and holds it while the frame core decides whether to warn.
// Runs in the always-on bootstrap, so: tiny, dependency-free, one listener, no work until a download.

/** `.apk` and the split/bundle variants sideloading sites use. */
const APK_PATH = /\.(apk|xapk|apks|apkm)$/i;

export function isApkUrl(url: string, downloadName = ''): boolean {
  if (APK_PATH.test(downloadName)) return true;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && APK_PATH.test(decodeURIComponent(parsed.pathname));
  } catch {
    return false;
  }
}

interface NavigateEventLike extends Event {
  cancelable: boolean;
  destination: { url: string };
  downloadRequest?: string | null;
}

/**
 * Calls `onApk(url, resume)` instead of starting an .apk download; `resume()` starts it after all
 * (once). Returns a function that stops watching.
 */
export function watchApkDownloads(win: Window, onApk: (url: string, resume: () => void) => void): () => void {
  // URLs the user chose to download: their next navigation passes (once).
  const allowed = new Set<string>();
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  const resumeFor = (url: string, downloadName: string) => (): void => {
    // A detached link's click never reaches the page's (or our) click listeners, but it is a
    // navigation, which the Navigation API shows us.
    if (navigation) allowed.add(url);
    const link = win.document.createElement('a');
    link.href = url;
    if (downloadName) link.download = downloadName;
    link.click();
  };
  if (navigation) {
    // Link clicks, location changes and `download` links all pass through here first.
    const onNavigate = (event: Event): void => {
      const nav = event as NavigateEventLike;
      const url = nav.destination.url;
      if (!nav.cancelable || !isApkUrl(url, nav.downloadRequest ?? '')) return;
      if (allowed.delete(url)) return;
      event.preventDefault();
      onApk(url, resumeFor(url, nav.downloadRequest ?? ''));
    };
    navigation.addEventListener('navigate', onNavigate);
    return () => navigation.removeEventListener('navigate', onNavigate);
  }
  // No Navigation API: link clicks only.
  const onClick = (event: Event): void => {
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && Boolean(node.href));
    if (!link || !isApkUrl(link.href, link.download)) return;
    event.preventDefault();
    onApk(link.href, resumeFor(link.href, link.download));
  };
  win.addEventListener('click', onClick, true);
  return () => win.removeEventListener('click', onClick, true);
}
