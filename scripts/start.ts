// `npm start` (after the build): serves the demo site and opens Chromium with LoanGuard loaded on it.
// Without a display (a server, CI) it says where the build is and how to load it by hand.
import { CHROME_BUILD_DIR, findChromium, launchWithExtension } from './browser';
import { startDemoServer } from './demo-server';

const server = await startDemoServer({ port: Number(process.env.PORT ?? 8787) });
const demoUrl = `${server.origin}/`;
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const chromiumPath = findChromium();

const howToLoad = `
Demo site:        ${demoUrl}
Extension build:  ${CHROME_BUILD_DIR}

Load it by hand:
  Chrome / Edge / Chromium: open chrome://extensions (edge://extensions), turn on Developer mode,
                            "Load unpacked" and choose the build folder above.
  Firefox:                  npm run build:firefox, then about:debugging → This Firefox →
                            "Load Temporary Add-on…" → .output/firefox-mv3/manifest.json
Then open the demo site. Press Ctrl+C to stop the demo server.`;

if (hasDisplay && chromiumPath) {
  const browser = await launchWithExtension({ headless: false });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(demoUrl);
  console.log(`LoanGuard is loaded in Chromium (${chromiumPath}).${howToLoad}`);
  browser.context.on('close', () => {
    void server.close().then(() => process.exit(0));
  });
} else {
  console.log(
    `${chromiumPath ? 'No display found, so no browser window was opened.' : 'Chromium was not found (set CHROME_PATH to use another Chromium build).'}${howToLoad}`,
  );
}
