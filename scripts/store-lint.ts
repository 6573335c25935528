// Store readiness check run by `npm test` after both builds: every locale complete and within the
// stores' limits (description ≤ 132 characters for the Chrome Web Store, name ≤ 45), the built
// manifests carry the minimum versions their features need, and `web-ext lint` of the Firefox build
// finds no error and no warning in our own code. Exits non-zero with the reasons otherwise.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
export const DESCRIPTION_LIMIT = 132;
export const NAME_LIMIT = 45;

type Messages = Record<string, { message: string }>;

/** Problems with the locales: missing or extra keys against `en`, names and descriptions too long. */
export function checkLocales(locales: Record<string, Messages>): string[] {
  const problems: string[] = [];
  const base = locales.en;
  if (!base) return ['no en locale'];
  const keys = Object.keys(base);
  for (const [locale, messages] of Object.entries(locales)) {
    const missing = keys.filter((key) => !(key in messages));
    const extra = Object.keys(messages).filter((key) => !(key in base));
    if (missing.length) problems.push(`${locale}: missing ${missing.join(', ')}`);
    if (extra.length) problems.push(`${locale}: not in en: ${extra.join(', ')}`);
    // Characters as people count them (code points), which is what the stores count.
    const description = [...(messages.extDescription?.message ?? '')].length;
    if (description === 0 || description > DESCRIPTION_LIMIT) problems.push(`${locale}: extDescription is ${description} characters (1–${DESCRIPTION_LIMIT})`);
    const name = [...(messages.extName?.message ?? '')].length;
    if (name === 0 || name > NAME_LIMIT) problems.push(`${locale}: extName is ${name} characters (1–${NAME_LIMIT})`);
  }
  return problems;
}

const versionAtLeast = (version: unknown, minimum: number): boolean => typeof version === 'string' && parseFloat(version) >= minimum;

/** Problems with the built manifests (Chrome and Firefox). */
export function checkManifests(chrome: Record<string, unknown>, firefox: Record<string, unknown>): string[] {
  const problems: string[] = [];
  // use_dynamic_url needs Chrome 130.
  if (!versionAtLeast(chrome.minimum_chrome_version, 130)) problems.push('chrome: minimum_chrome_version must be 130 or later');
  const gecko = (firefox.browser_specific_settings as { gecko?: { strict_min_version?: string; data_collection_permissions?: unknown }; gecko_android?: { strict_min_version?: string } } | undefined) ?? {};
  // data_collection_permissions is read from Firefox 140 (desktop) / 142 (Android).
  if (!gecko.gecko?.data_collection_permissions) problems.push('firefox: no data_collection_permissions');
  if (!versionAtLeast(gecko.gecko?.strict_min_version, 140)) problems.push('firefox: gecko.strict_min_version must be 140 or later');
  if (!versionAtLeast(gecko.gecko_android?.strict_min_version, 142)) problems.push('firefox: gecko_android.strict_min_version must be 142 or later');
  for (const [name, manifest] of [['chrome', chrome], ['firefox', firefox]] as const) {
    const icons = (manifest.icons ?? {}) as Record<string, string>;
    for (const size of ['16', '48', '128']) if (!icons[size]) problems.push(`${name}: no ${size} px icon`);
  }
  return problems;
}

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * Warnings that come from libraries bundled into our files, recognised by the code around them:
 * Preact writes innerHTML only for `dangerouslySetInnerHTML`, which LoanGuard never uses. None of
 * our own code is on this list: a warning about it is to be fixed, not explained.
 */
const KNOWN_WARNINGS: { code: string; around: RegExp; why: string }[] = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', around: /dangerouslySetInnerHTML[\s\S]*\.innerHTML=\w+\.__html/, why: "Preact's dangerouslySetInnerHTML (unused by LoanGuard)" },
];

/** The warnings left after the known ones; `source` reads a built file's text. */
export function unexplainedWarnings(warnings: LintMessage[], source: (file: string) => string): LintMessage[] {
  return warnings.filter((warning) => {
    if (!warning.file || warning.line === undefined || warning.column === undefined) return true;
    const line = source(warning.file).split('\n')[warning.line - 1] ?? '';
    const around = line.slice(Math.max(0, warning.column - 400), warning.column + 200);
    return !KNOWN_WARNINGS.some((known) => known.code === warning.code && known.around.test(around));
  });
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function main(): void {
  const localesDir = path.join(ROOT, 'public/_locales');
  const locales = Object.fromEntries(readdirSync(localesDir).map((locale) => [locale, readJson<Messages>(path.join(localesDir, locale, 'messages.json'))]));
  const problems = checkLocales(locales);
  const chromeDir = path.join(ROOT, '.output/chrome-mv3');
  const firefoxDir = path.join(ROOT, '.output/firefox-mv3');
  for (const dir of [chromeDir, firefoxDir]) if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`no build in ${dir}: run \`wxt build\` and \`wxt build -b firefox --mv3\` first`);
  problems.push(...checkManifests(readJson(path.join(chromeDir, 'manifest.json')), readJson(path.join(firefoxDir, 'manifest.json'))));

  const webExt = path.join(ROOT, 'node_modules/.bin/web-ext');
  let output: string;
  try {
    output = execFileSync(webExt, ['lint', '--source-dir', firefoxDir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    // web-ext lint exits non-zero when it finds errors; its report is still on stdout.
    output = (error as { stdout?: string }).stdout ?? '';
  }
  const report = JSON.parse(output) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  for (const error of report.errors) problems.push(`web-ext lint error ${error.code} ${error.file ?? ''}: ${error.message}`);
  for (const warning of unexplainedWarnings(report.warnings, (file) => readFileSync(path.join(firefoxDir, file), 'utf8'))) {
    problems.push(`web-ext lint warning ${warning.code} ${warning.file ?? ''}:${warning.line ?? ''}: ${warning.message}`);
  }
  const descriptions = Object.entries(locales).map(([locale, messages]) => `${locale} ${[...(messages.extDescription?.message ?? '')].length}`);
  console.log(`store lint: descriptions ${descriptions.join(', ')} (limit ${DESCRIPTION_LIMIT}); web-ext lint ${report.errors.length} errors, ${report.warnings.length} warnings (known and explained: ${report.warnings.length - unexplainedWarnings(report.warnings, (file) => readFileSync(path.join(firefoxDir, file), 'utf8')).length})`);
  if (problems.length) {
    console.error(`store lint failed:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
