// `npm start` (after the build): serves the demo sites and opens a browser on them — Chromium with
// LoanGuard loaded, or Chrome / Edge on their extensions page to load it by hand — and says what it
// did. Without a display (a server, CI) it only serves the demo and explains how to use it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { CHROME_BUILD_DIR, launchWithExtension } from './browser';
import { DEMO_PORT, startDemoServer } from './demo-server';
import { findBrowser } from './find-browser';
import { startGuide, type StartSituation } from './start-guide';

const server = await startDemoServer({ port: Number(process.env.PORT ?? DEMO_PORT) });
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const browser = findBrowser({ platform: process.platform, env: process.env, exists: existsSync, home: homedir() });

let outcome: StartSituation['outcome'];
if (!('path' in browser)) {
  outcome = 'no-browser';
} else if (!hasDisplay) {
  outcome = 'no-display';
} else if (browser.kind === 'chromium') {
  const opened = await launchWithExtension({ headless: false, keepWelcome: true });
  const page = await opened.context.newPage();
  await page.goto(server.demoUrl);
  opened.context.on('close', () => {
    void server.close().then(() => process.exit(0));
  });
  outcome = 'opened-with-extension';
} else {
  // Branded Chrome (≥ 137) and Edge ignore --load-extension: open their extensions page and the demo.
  spawn(browser.path, ['chrome://extensions', server.demoUrl], { detached: true, stdio: 'ignore' }).unref();
  outcome = 'opened-load-by-hand';
}
console.log(startGuide({ buildDir: CHROME_BUILD_DIR, port: server.port, browser, outcome }));
