// What `npm start` says on a machine without a display: what was built and where, that the demo
// listens on 127.0.0.1 only, each demo site's address, the browser found, and how to load by hand.
import { describe, expect, it } from 'vitest';
import { startGuide } from '../../scripts/start-guide';

describe('startGuide', () => {
  const guide = startGuide({
    buildDir: '/src/loanguard/.output/chrome-mv3',
    port: 8787,
    browser: { path: '/usr/bin/chromium', kind: 'chromium', fromEnv: false },
    outcome: 'no-display',
  });

  it('says why no window opened and where the build is', () => {
    expect(guide).toMatch(/^No display was found/);
    expect(guide).toContain('/src/loanguard/.output/chrome-mv3');
    expect(guide).toContain('Browser: Chromium at /usr/bin/chromium');
  });

  it('says the demo listens on 127.0.0.1 only, and lists every demo site by its own name', () => {
    expect(guide).toContain('127.0.0.1 port 8787 only');
    for (const site of ['demo', 'kuaidai', 'prestamos', 'bank', 'tracker']) expect(guide).toContain(`http://${site}.localhost:8787/`);
  });

  it('explains loading the extension by hand in Chrome, Edge and Firefox', () => {
    expect(guide).toContain('chrome://extensions');
    expect(guide).toContain('edge://extensions');
    expect(guide).toContain('"Load unpacked" and choose /src/loanguard/.output/chrome-mv3');
    expect(guide).toContain('about:debugging');
  });

  it('passes on why no browser was found', () => {
    const none = startGuide({ buildDir: '/b', port: 9000, browser: { error: 'Chromium was not found. Set CHROME_PATH.' }, outcome: 'no-browser' });
    expect(none).toContain('Browser: Chromium was not found. Set CHROME_PATH.');
    expect(none).toContain('http://kuaidai.localhost:9000/');
  });
});
