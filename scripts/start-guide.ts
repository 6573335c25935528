// What `npm start` prints: what was built and where, that the demo listens on 127.0.0.1 only and its
// sites' addresses, which browser was found (or why none), and how to load the extension by hand.
import { DEMO_SITES, demoSiteOrigin, type DemoSite } from './demo-server';
import type { BrowserKind, FoundBrowser } from './find-browser';

const SITE_NOTES: Record<DemoSite, string> = {
  kuaidai: 'a Chinese loan sign-up; its tracker script sends your phone number to tracker.localhost',
  prestamos: 'a Mexican loan application',
  bank: 'a bank: the kind of site you trust',
  tracker: 'a third party that receives what other pages send',
};

const BROWSER_NAMES: Record<BrowserKind, string> = { chromium: 'Chromium', chrome: 'Google Chrome', edge: 'Microsoft Edge' };

export interface StartSituation {
  buildDir: string;
  port: number;
  browser: FoundBrowser | { error: string };
  /** What happened with the browser window. */
  outcome: 'opened-with-extension' | 'opened-load-by-hand' | 'no-display' | 'no-browser';
}

export function startGuide({ buildDir, port, browser, outcome }: StartSituation): string {
  const pad = (text: string) => text.padEnd(36);
  const sites = [
    `  ${pad(`${demoSiteOrigin('demo', port)}/`)}every demo page`,
    ...DEMO_SITES.map((site) => `  ${pad(`${demoSiteOrigin(site, port)}/`)}${SITE_NOTES[site]}`),
  ];
  const browserLine =
    'path' in browser
      ? `Browser: ${BROWSER_NAMES[browser.kind]} at ${browser.path}${browser.fromEnv ? ' (from CHROME_PATH)' : ' (set CHROME_PATH to use another)'}`
      : `Browser: ${browser.error}`;
  const headline = {
    'opened-with-extension': 'LoanGuard is loaded in the browser window that just opened, on the demo index.',
    'opened-load-by-hand': `${'path' in browser ? BROWSER_NAMES[browser.kind] : 'This browser'} does not load extensions from the command line: it opened on its extensions page; load LoanGuard there as below.`,
    'no-display': 'No display was found (no DISPLAY or WAYLAND_DISPLAY), so no browser window was opened.',
    'no-browser': 'No browser window was opened.',
  }[outcome];
  return [
    headline,
    '',
    `Built:  the Chrome / Edge / Chromium extension in ${buildDir}`,
    '        (Firefox: npm run build:firefox → .output/firefox-mv3)',
    browserLine,
    '',
    `The demo is running. It listens on 127.0.0.1 port ${port} only: nothing outside this computer can reach it.`,
    'Each demo site has its own name (browsers send *.localhost to this computer), so trusting one does not trust the others:',
    ...sites,
    `From another computer, forward the port first: ssh -L ${port}:127.0.0.1:${port} <this machine>, then open the same addresses there.`,
    '',
    'Load the extension by hand:',
    `  Chrome / Edge / Chromium: open chrome://extensions (edge://extensions), turn on Developer mode,`,
    `                            "Load unpacked" and choose ${buildDir}`,
    '  Firefox:                  npm run build:firefox, then about:debugging → This Firefox →',
    '                            "Load Temporary Add-on…" → .output/firefox-mv3/manifest.json',
    '',
    'Press Ctrl+C to stop the demo.',
  ].join('\n');
}
