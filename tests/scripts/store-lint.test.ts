// The store lint's rules: locale completeness and length limits, minimum versions, and which
// web-ext lint warnings count as ours.
import { describe, expect, it } from 'vitest';
import { checkLocales, checkManifests, unexplainedWarnings, DESCRIPTION_LIMIT } from '../../scripts/store-lint';

const locale = (description: string, extra: Record<string, string> = {}) => ({
  extName: { message: 'LoanGuard' },
  extDescription: { message: description },
  ...Object.fromEntries(Object.entries(extra).map(([key, message]) => [key, { message }])),
});

describe('checkLocales', () => {
  it('passes complete locales within the limits, counting characters not bytes', () => {
    expect(checkLocales({ en: locale('a'.repeat(DESCRIPTION_LIMIT)), zh_CN: locale('网'.repeat(DESCRIPTION_LIMIT)) })).toEqual([]);
  });

  it('fails a description one character over the limit, naming the locale', () => {
    expect(checkLocales({ en: locale('ok'), es: locale('é'.repeat(DESCRIPTION_LIMIT + 1)) })).toEqual([`es: extDescription is ${DESCRIPTION_LIMIT + 1} characters (1–${DESCRIPTION_LIMIT})`]);
  });

  it('fails a locale missing a key of en', () => {
    expect(checkLocales({ en: locale('ok', { popup_title: 'x' }), id: locale('ok') })).toEqual(['id: missing popup_title']);
  });
});

describe('checkManifests', () => {
  const icons = { '16': 'icon/16.png', '48': 'icon/48.png', '128': 'icon/128.png' };
  const firefox = {
    icons,
    browser_specific_settings: { gecko: { strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } },
  };
  it('passes the versions the features need', () => {
    expect(checkManifests({ icons, minimum_chrome_version: '130' }, firefox)).toEqual([]);
  });
  it('fails older minimum versions and a missing Android entry', () => {
    const old = { icons, browser_specific_settings: { gecko: { strict_min_version: '128.0', data_collection_permissions: {} } } };
    expect(checkManifests({ icons }, old)).toEqual([
      'chrome: minimum_chrome_version must be 130 or later',
      'firefox: gecko.strict_min_version must be 140 or later',
      'firefox: gecko_android.strict_min_version must be 142 or later',
    ]);
  });
});

describe('unexplainedWarnings', () => {
  it("ignores Preact's innerHTML but not an innerHTML write of our own", () => {
    const preact = 's=="dangerouslySetInnerHTML"?m=l:0;m&&(e.innerHTML=m.__html)';
    const ours = 'el.innerHTML=userText';
    const files: Record<string, string> = { 'a.js': preact, 'b.js': ours };
    const warnings = [
      { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file: 'a.js', line: 1, column: preact.indexOf('innerHTML=') },
      { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file: 'b.js', line: 1, column: 3 },
    ];
    expect(unexplainedWarnings(warnings, (file) => files[file]!).map((w) => w.file)).toEqual(['b.js']);
  });

  it('explains no dynamic import: the frame parts are run by the background, not imported from a URL', () => {
    const files: Record<string, string> = { 'a.js': 'function B(){return import($e().runtime.getURL("/frame-ui.js"))}' };
    const warnings = [{ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe call to import for argument 0', file: 'a.js', line: 1, column: 20 }];
    expect(unexplainedWarnings(warnings, (file) => files[file]!).map((w) => w.file)).toEqual(['a.js']);
  });
});

