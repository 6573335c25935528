// Test projects: `unit` (happy-dom + WXT's fakeBrowser), `e2e` (the built extension in real Chromium)
// and `firefox` (the Firefox build in headless Firefox).
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      {
        plugins: [WxtVitest()],
        test: { name: 'unit', environment: 'happy-dom', include: ['tests/{lib,components,cli,entrypoints,scripts}/**/*.test.{ts,tsx}'] },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // The same guard in headless Firefox (firefox-esr), the Firefox build as a temporary add-on.
        test: {
          name: 'firefox',
          environment: 'node',
          // A group of its own after the unit tests (vitest runs the Chromium files, one at a time,
          // after every group): the two browsers never share the CI's cores.
          sequence: { groupOrder: 1 },
          include: ['tests/firefox/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
