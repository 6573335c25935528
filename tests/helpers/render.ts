// Shared setup for component tests: a fresh fake browser whose i18n echoes each key with its
// substitutions ("logman_count(3|9)"), so assertions see what was asked for without the locale files;
// a container per test, unmounted and removed afterwards, with mocks and stubbed globals restored.
import { render } from 'preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

/** The current test's container (a live binding: reassigned before each test). */
export let container: HTMLElement;

export function echoMessages(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key}(${[subs].flat().join('|')})`) as never);
}

/**
 * Registers the per-test setup and clean-up. `setup` runs after the reset (seed storage, set mocks);
 * `teardown` after the component is unmounted.
 */
export function useComponentTest(hooks: { setup?: () => unknown; teardown?: () => unknown } = {}): void {
  beforeEach(async () => {
    fakeBrowser.reset();
    // The extension API as pages reach it (lib/messages/extension-api.ts): put back after each unstub.
    vi.stubGlobal('browser', fakeBrowser);
    vi.stubGlobal('chrome', fakeBrowser);
    echoMessages();
    await hooks.setup?.();
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(async () => {
    render(null, container);
    container.remove();
    await hooks.teardown?.();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
