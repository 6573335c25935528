// WXT build configuration: manifest, permissions and browser targets for LoanGuard.
import { defineConfig } from 'wxt';

/** Where both always-on scripts run: they must cover exactly the same frames, or one would lack the other. */
const EVERY_FRAME = {
  matches: ['<all_urls>'],
  all_frames: true,
  match_about_blank: true,
  match_origin_as_fallback: true,
  run_at: 'document_start',
};

export default defineConfig({
  // Terser (two compress passes) rather than Vite's default esbuild minifier: about 1.1 KB less
  // gzipped in the code every frame with inputs loads (BENCHMARKS.md, sizes), for a slower build.
  vite: () => ({ build: { minify: 'terser', terserOptions: { compress: { passes: 2 } } } }),
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission and why (README "Permissions"):
    // - storage: settings, the trusted list, per-tab verdicts and open holds (session);
    // - Chromium: declarativeNetRequest — the backstop blocks requests whose URL carries a watched
    //   value (images, scripts, frames, navigations, workers…), rules scoped to the tab;
    //   webRequest — to see what left anyway (request bodies can't be blocked in Chromium MV3);
    // - Firefox: webRequest + webRequestBlocking — the backstop inspects URLs and bodies and cancels;
    // - scripting: the content script's on-demand parts (the guard, what it shows) are put into the
    //   frame that needs them (lib/guard/background/frame-parts.ts); no install warning of its own;
    // - host access to all sites: what webRequest needs to see requests; the content scripts already
    //   run on every site, so it adds no install warning. It also lets the popup read the address of
    //   the tab it was opened on (no separate activeTab needed).
    permissions: browser === 'firefox' ? ['storage', 'scripting', 'webRequest', 'webRequestBlocking'] : ['storage', 'scripting', 'declarativeNetRequest', 'webRequest'],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    // The two scripts every frame of every page gets (entrypoints/frame-boot.ts, page-guard.ts, in
    // that order, as before), at
    // document_start, also in about:, data: and blob: frames (the "clean realm" a page can build).
    // Declared here rather than as WXT content scripts: WXT's content-script runtime was more code
    // than the scripts themselves, in every frame.
    content_scripts: [
      { ...EVERY_FRAME, js: ['frame-boot.js'] },
      { ...EVERY_FRAME, world: 'MAIN', js: ['page-guard.js'] },
    ],
    // The guard's prompt is an extension page shown inside web pages (in an iframe the page can't
    // script). Chrome's use_dynamic_url gives it a per-session URL so pages can't probe for it.
    web_accessible_resources: [
      {
        // Only the prompt page and what it loads. The content script's on-demand parts
        // (frame-core.js, frame-ui.js) are run in frames by the background, so pages can't load them.
        resources: ['prompt.html', 'chunks/*', 'assets/*'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions is read from Firefox 140 (desktop) and 142 (Android) on;
            // older versions would install without the user seeing "no data collected".
            gecko: {
              id: 'loanguard@loanguard.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // use_dynamic_url (above) needs Chrome 130.
        { minimum_chrome_version: '130' }),
  }),
});
