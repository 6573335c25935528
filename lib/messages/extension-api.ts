// The extension API as code in web pages uses it: the browser's own object (`browser` in Firefox,
// `chrome` in Chromium; both return promises in Manifest V3), not webextension-polyfill, which is
// too big to load into every frame. Read at call time, so tests can put a fake in place.
import type { browser as PolyfillBrowser } from 'wxt/browser';

type ExtensionApi = typeof PolyfillBrowser;

export function ext(): ExtensionApi {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = scope.browser?.runtime?.id !== undefined ? scope.browser : (scope.chrome ?? scope.browser);
  if (!api) throw new Error('no extension API in this context');
  return api;
}
