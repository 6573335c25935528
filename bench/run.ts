// `npm run bench`: measures LoanGuard and writes BENCHMARKS.md. Figures only; nothing here asserts.
//  - classifier time per fixture page and on a synthetic 2,000-input page, in real Chromium
//  - the cost on a page with no inputs
//  - CLI validate throughput (100,000 lines) and CLI scan of 500 pages
//  - gzipped size of every script injected into pages
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROME_BUILD_DIR, findChromium } from '../scripts/browser';
import { FIXTURE_PAGES_DIR, startDemoServer } from '../scripts/demo-server';

const root = path.resolve(import.meta.dirname, '..');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
const ms = (n: number): string => `${n.toFixed(n < 1 ? 3 : 2)} ms`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function probeBundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': root } },
    build: { write: false, minify: true, lib: { entry: path.join(root, 'bench/page-probe.ts'), formats: ['iife'], name: 'probe' } },
  });
  const result = Array.isArray(output) ? output[0] : output;
  if (!result || !('output' in result)) throw new Error('probe bundle failed');
  return (result.output[0] as { code: string }).code;
}

function syntheticPage(inputs: number): string {
  const rows = Array.from({ length: inputs }, (_, i) => {
    const kind = ['Nombre', 'Correo', 'Teléfono celular', 'Ciudad', 'Código postal'][i % 5];
    return `<div class="row"><label for="f${i}">${kind} ${i}</label><input id="f${i}" name="field_${i}" type="text"></div>`;
  }).join('\n');
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Formulario grande</title></head><body><form action="/api/big">${rows}<button>Enviar</button></form></body></html>`;
}

async function classifierFigures() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (apt-get install -y chromium, or set CHROME_PATH)');
  const probe = await probeBundle();
  const server = await startDemoServer();
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const page = await browser.newPage();
  const time = async (iterations: number): Promise<number[]> =>
    page.evaluate((n) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        window.loanGuardProbe.classify();
        out.push(performance.now() - start);
      }
      return out;
    }, iterations);

  const perPage: { file: string; median: number; fields: number }[] = [];
  for (const file of readdirSync(FIXTURE_PAGES_DIR).filter((f) => f.endsWith('.html')).sort()) {
    await page.goto(`${server.origin}/pages/${file}`);
    await page.addScriptTag({ content: probe });
    await time(5); // warm-up: JIT and caches
    const samples = await time(40);
    perPage.push({ file, median: median(samples), fields: await page.evaluate(() => window.loanGuardProbe.classify()) });
  }

  await page.setContent(syntheticPage(2000));
  await page.addScriptTag({ content: probe });
  await time(2);
  const big = await time(15);

  await page.setContent('<!doctype html><html><body><article><h1>News</h1>' + '<p>Plain paragraph text.</p>'.repeat(500) + '</article></body></html>');
  await page.addScriptTag({ content: probe });
  const noInputs = await page.evaluate(() => {
    const out: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      window.loanGuardProbe.hasTypable();
      out.push(performance.now() - start);
    }
    return out;
  });
  await browser.close();
  await server.close();
  return { perPage, big, noInputs };
}

function cliFigures() {
  const tmp = mkdtempSync(path.join(tmpdir(), 'loanguard-bench-'));
  const phones = Array.from({ length: 100_000 }, (_, i) => `+86 138 ${String(i % 10000).padStart(4, '0')} ${String((i * 7) % 10000).padStart(4, '0')}`).join('\n');
  const ids = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? '11010519491231002X' : `1101051949123${String(i % 100000).padStart(5, '0')}`)).join('\n');
  const runValidate = (kind: string, input: string, country?: string) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'validate', '--kind', kind, ...(country ? ['--country', country] : [])], {
      cwd: root,
      input,
      maxBuffer: 1 << 30,
    });
    const seconds = (performance.now() - start) / 1000;
    return { seconds, lines: result.stdout.toString().split('\n').filter(Boolean).length };
  };
  const phone = runValidate('phone', phones, 'CN');
  const nationalId = runValidate('national-id', ids);

  const fixtures = readdirSync(FIXTURE_PAGES_DIR).filter((f) => f.endsWith('.html')).map((f) => path.join(FIXTURE_PAGES_DIR, f));
  const files = Array.from({ length: 500 }, (_, i) => fixtures[i % fixtures.length]!);
  const start = performance.now();
  const scan = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'scan', ...files], { cwd: root, maxBuffer: 1 << 30 });
  const scanSeconds = (performance.now() - start) / 1000;
  writeFileSync(path.join(tmp, 'done'), '');
  return { phone, nationalId, scan: { seconds: scanSeconds, pages: scan.stdout.toString().split('\n').filter(Boolean).length } };
}

function injectedScriptSizes() {
  const manifest = JSON.parse(readFileSync(path.join(CHROME_BUILD_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const files = [...new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []))];
  return files.map((file) => {
    const bytes = readFileSync(path.join(CHROME_BUILD_DIR, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

const classifier = await classifierFigures();
const cli = cliFigures();
const sizes = injectedScriptSizes();
const signUpMedians = classifier.perPage.filter((p) => p.fields > 0).map((p) => p.median);
const totalGzip = sizes.reduce((sum, s) => sum + s.gzip, 0);
const chromiumVersion = execFileSync(findChromium()!, ['--version'], { encoding: 'utf8' }).trim();

const report = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${chromiumVersion} headless.
Figures, not tests: nothing here passes or fails; compare runs on the same machine.

## Classifiers in real Chromium (the content script's whole per-frame work: field scan + loan verdict)

| what | figure | target |
|---|---|---|
| median over the fixture pages that have personal-data fields (median of each page's median) | ${ms(median(signUpMedians))} | ≤ 2 ms |
| slowest fixture page (its median) | ${ms(Math.max(...classifier.perPage.map((p) => p.median)))} | |
| synthetic page with 2,000 inputs: median / p95 | ${ms(median(classifier.big))} / ${ms(p95(classifier.big))} | no long task (< 50 ms) |
| page without inputs (a 500-paragraph article): the one check made, median | ${ms(median(classifier.noInputs))} | near-free |

<details><summary>Per fixture page (median of 40 runs)</summary>

| page | fields | median |
|---|---|---|
${classifier.perPage.map((p) => `| ${p.file} | ${p.fields} | ${ms(p.median)} |`).join('\n')}

</details>

## Command line

| what | figure |
|---|---|
| \`validate --kind phone --country CN\`, 100,000 lines | ${cli.phone.seconds.toFixed(2)} s (${Math.round(cli.phone.lines / cli.phone.seconds).toLocaleString('en')} lines/s, process start included) |
| \`validate --kind national-id\` (all checksum countries), 100,000 lines | ${cli.nationalId.seconds.toFixed(2)} s (${Math.round(cli.nationalId.lines / cli.nationalId.seconds).toLocaleString('en')} lines/s) |
| \`scan\` of 500 saved pages in one call | ${cli.scan.seconds.toFixed(2)} s (${cli.scan.pages} lines) |

## Scripts injected into pages (Chrome MV3 build)

| file | raw | gzipped |
|---|---|---|
${sizes.map((s) => `| ${s.file} | ${kb(s.raw)} | ${kb(s.gzip)} |`).join('\n')}
| **all content-script code** | | **${kb(totalGzip)}** (target ≤ 40 KB) |
`;

writeFileSync(path.join(root, 'BENCHMARKS.md'), report);
console.log(report);
