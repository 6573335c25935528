// Finding the browser for `npm start` and the tests on Linux, macOS and Windows, with a fake file
// system: CHROME_PATH wins, Chromium comes before Chrome and Edge, and a missing browser says what to do.
import { describe, expect, it } from 'vitest';
import { findBrowser, kindOfPath } from '../../scripts/find-browser';

/** A file system that has exactly `files`. */
const fs = (...files: string[]) => {
  const set = new Set(files);
  return (file: string) => set.has(file);
};

describe('findBrowser', () => {
  it('takes CHROME_PATH first, whatever else is installed', () => {
    const found = findBrowser({ platform: 'linux', env: { CHROME_PATH: '/opt/my/chrome' }, exists: fs('/opt/my/chrome', '/usr/bin/chromium') });
    expect(found).toEqual({ path: '/opt/my/chrome', kind: 'chromium', fromEnv: true });
  });

  it('says so when CHROME_PATH names no file, instead of quietly using another browser', () => {
    const found = findBrowser({ platform: 'linux', env: { CHROME_PATH: '/nowhere/chrome' }, exists: fs('/usr/bin/chromium') });
    expect(found).toEqual({ error: expect.stringContaining('/nowhere/chrome') });
  });

  it('finds Debian Chromium, and prefers Chromium to Chrome and Edge on Linux', () => {
    expect(findBrowser({ platform: 'linux', env: {}, exists: fs('/usr/bin/chromium', '/usr/bin/google-chrome') })).toEqual({ path: '/usr/bin/chromium', kind: 'chromium', fromEnv: false });
    expect(findBrowser({ platform: 'linux', env: {}, exists: fs('/usr/bin/google-chrome', '/usr/bin/microsoft-edge') })).toMatchObject({ path: '/usr/bin/google-chrome', kind: 'chrome' });
    expect(findBrowser({ platform: 'linux', env: {}, exists: fs('/opt/microsoft/msedge/msedge') })).toMatchObject({ kind: 'edge' });
  });

  it('finds the apps on macOS, also in ~/Applications', () => {
    expect(findBrowser({ platform: 'darwin', env: {}, exists: fs('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome') })).toMatchObject({ kind: 'chrome' });
    expect(findBrowser({ platform: 'darwin', env: {}, home: '/Users/ana', exists: fs('/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium') })).toEqual({
      path: '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium',
      kind: 'chromium',
      fromEnv: false,
    });
    expect(findBrowser({ platform: 'darwin', env: {}, exists: fs('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge') })).toMatchObject({ kind: 'edge' });
  });

  it('finds the per-user and system installs on Windows', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\Ana\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(findBrowser({ platform: 'win32', env, exists: fs('C:\\Users\\Ana\\AppData\\Local\\Chromium\\Application\\chrome.exe') })).toMatchObject({ kind: 'chromium' });
    expect(findBrowser({ platform: 'win32', env, exists: fs('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe') })).toEqual({
      path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      kind: 'chrome',
      fromEnv: false,
    });
    // Edge ships with Windows, in Program Files (x86).
    expect(findBrowser({ platform: 'win32', env, exists: fs('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe') })).toMatchObject({ kind: 'edge' });
  });

  it('looks only for the kinds asked for (the tests need Chromium)', () => {
    expect(findBrowser({ platform: 'linux', env: {}, exists: fs('/usr/bin/google-chrome') }, ['chromium'])).toEqual({ error: expect.stringMatching(/^Chromium was not found.*CHROME_PATH/) });
  });

  it('explains what to install when nothing is there', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(findBrowser({ platform, env: {}, exists: fs() })).toEqual({ error: expect.stringMatching(/Chromium, Google Chrome or Microsoft Edge was not found.*CHROME_PATH/) });
    }
  });
});

describe('kindOfPath', () => {
  it('tells Chrome and Edge from Chromium by the program path', () => {
    expect(kindOfPath('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')).toBe('chrome');
    expect(kindOfPath('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')).toBe('chrome');
    expect(kindOfPath('/usr/bin/microsoft-edge')).toBe('edge');
    expect(kindOfPath('/usr/lib/chromium/chromium')).toBe('chromium');
  });
});
