// WXT build configuration: manifest, permissions and browser targets for LoanGuard.
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and per-tab verdicts. Nothing else: no host permissions, no webRequest;
    // the content scripts' match patterns are all the page access LoanGuard needs.
    // activeTab: the popup reads the URL of the tab it was opened on (no install warning).
    permissions: ['storage', 'activeTab'],
    action: { default_title: '__MSG_extName__' },
    // The guard's prompt is an extension page shown inside web pages (in an iframe the page can't
    // script). Chrome's use_dynamic_url gives it a per-session URL so pages can't probe for it.
    web_accessible_resources: [
      {
        // frame-core.js: the content script's on-demand half, imported into frames that have inputs.
        resources: ['prompt.html', 'frame-core.js', 'chunks/*', 'assets/*'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'loanguard@loanguard.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
