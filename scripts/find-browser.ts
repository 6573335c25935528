// Finds a Chromium-family browser to run LoanGuard in: CHROME_PATH if set, else Chromium, Google
// Chrome or Microsoft Edge at their usual places on Linux, macOS and Windows. Pure apart from the
// `exists` check it is given, so it can be tested with a fake file system.
import path from 'node:path';

/** Chromium loads an extension from the command line; branded Chrome (≥ 137) and Edge need it loaded by hand. */
export type BrowserKind = 'chromium' | 'chrome' | 'edge';

export interface FoundBrowser {
  path: string;
  kind: BrowserKind;
  /** Chosen through CHROME_PATH. */
  fromEnv: boolean;
}

export interface FindBrowserInput {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists(file: string): boolean;
  /** The user's home directory (for ~/Applications on macOS). */
  home?: string;
}

/** Where each browser usually is, Chromium first (it is the one that can load the extension by itself). */
export function browserCandidates({ platform, env, home }: Omit<FindBrowserInput, 'exists'>): { path: string; kind: BrowserKind }[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(home ? [path.posix.join(home, 'Applications')] : [])];
    return [
      ...apps.map((dir) => ({ path: `${dir}/Chromium.app/Contents/MacOS/Chromium`, kind: 'chromium' as const })),
      ...apps.map((dir) => ({ path: `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`, kind: 'chrome' as const })),
      ...apps.map((dir) => ({ path: `${dir}/Microsoft Edge.app/Contents/MacOS/Microsoft Edge`, kind: 'edge' as const })),
    ];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramW6432].filter((root): root is string => Boolean(root));
    const under = (relative: string, kind: BrowserKind) => [...new Set(roots)].map((root) => ({ path: path.win32.join(root, relative), kind }));
    return [
      ...under('Chromium\\Application\\chrome.exe', 'chromium'),
      ...under('Google\\Chrome\\Application\\chrome.exe', 'chrome'),
      ...under('Microsoft\\Edge\\Application\\msedge.exe', 'edge'),
    ];
  }
  // Linux and the BSDs: distribution packages, Snap, then the vendors' own packages.
  return [
    { path: '/usr/lib/chromium/chromium', kind: 'chromium' },
    { path: '/usr/bin/chromium', kind: 'chromium' },
    { path: '/usr/bin/chromium-browser', kind: 'chromium' },
    { path: '/snap/bin/chromium', kind: 'chromium' },
    { path: '/usr/bin/google-chrome-stable', kind: 'chrome' },
    { path: '/usr/bin/google-chrome', kind: 'chrome' },
    { path: '/opt/google/chrome/chrome', kind: 'chrome' },
    { path: '/usr/bin/microsoft-edge-stable', kind: 'edge' },
    { path: '/usr/bin/microsoft-edge', kind: 'edge' },
    { path: '/opt/microsoft/msedge/msedge', kind: 'edge' },
  ];
}

/** What kind of browser a path names (for CHROME_PATH); Chromium unless it looks like Chrome or Edge. */
export function kindOfPath(file: string): BrowserKind {
  const name = file.toLowerCase();
  if (/edge|msedge/.test(name)) return 'edge';
  if (/google.chrome|\/opt\/google\/chrome|google\\chrome/.test(name)) return 'chrome';
  return 'chromium';
}

/**
 * The browser to use: CHROME_PATH wins (an error if it names no file), else the first candidate that
 * exists, limited to `kinds` when given (the tests need Chromium, which loads the extension itself).
 */
export function findBrowser(input: FindBrowserInput, kinds?: readonly BrowserKind[]): FoundBrowser | { error: string } {
  const fromEnv = input.env.CHROME_PATH;
  if (fromEnv) {
    if (!input.exists(fromEnv)) return { error: `CHROME_PATH is set to ${fromEnv}, but there is no file there.` };
    return { path: fromEnv, kind: kindOfPath(fromEnv), fromEnv: true };
  }
  const found = browserCandidates(input).find((candidate) => (!kinds || kinds.includes(candidate.kind)) && input.exists(candidate.path));
  if (found) return { ...found, fromEnv: false };
  const wanted = kinds?.length === 1 && kinds[0] === 'chromium' ? 'Chromium' : 'Chromium, Google Chrome or Microsoft Edge';
  return { error: `${wanted} was not found in the usual places. Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROME_PATH to the browser's program.` };
}
