// `npm run bench`: measures LoanGuard and writes BENCHMARKS.md. Figures only; nothing here asserts.
//  - classifier time per fixture page, at 100 / 1,000 / 10,000 inputs, and the background's scoring
//  - what audit-only mode adds to a form submission (background running, and stopped)
//  - submit → prompt visible; page load, long tasks and fetch() with / without LoanGuard, side by side
//  - a page with 50 same-origin iframes, each with a form
//  - CLI validate throughput (100,000 lines) and CLI scan of 500 pages
//  - gzipped size of every script injected into pages (scripts/check-size.ts)
//  - the private log: append throughput, the popup's first render at 50,000 and 500,000 entries,
//    the evidence report's first rows and the CSV export of everything at 50,000
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROME_BUILD_DIR, findChromium, launchWithExtension } from '../scripts/browser';
import { FIXTURE_PAGES_DIR, startDemoServer } from '../scripts/demo-server';
import { kb, measureBuild } from '../scripts/check-size';
import { auditCostFigures } from './audit-cost';
import { SNAPSHOT_DELAY_MS } from '../lib/log/log-writer';

const root = path.resolve(import.meta.dirname, '..');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
const ms = (n: number): string => `${n.toFixed(n < 1 ? 3 : 2)} ms`;
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const benchStart = performance.now();
const loadAtStart = loadavg();

async function probeBundle(file = 'bench/page-probe.ts'): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': root } },
    build: { write: false, minify: true, lib: { entry: path.join(root, file), formats: ['iife'], name: 'probe' } },
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

/** A long news article: 300 paragraphs, headings, images, a search box (so LoanGuard's core loads), no personal-data fields. */
function longArticle(): string {
  const paragraph = (i: number) =>
    `<p>Paragraph ${i}: regulators said on Tuesday that the number of complaints about online lending apps rose again this quarter, ` +
    `with borrowers describing repeated calls, messages to their contacts and fees that were never explained before they signed.</p>`;
  const sections = Array.from({ length: 30 }, (_, s) => `<h2>Section ${s + 1}</h2>${Array.from({ length: 10 }, (_, i) => paragraph(s * 10 + i)).join('')}<figure><figcaption>Figure ${s + 1}</figcaption></figure>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Complaints about lending apps rise again</title></head><body><header><form role="search" action="/search"><input type="search" name="q" aria-label="Search"></form></header><article><h1>Complaints about lending apps rise again</h1><time datetime="2026-11-20">20 Nov 2026</time>${sections}</article></body></html>`;
}

/** One small sign-up form, for a frame. */
function formFrame(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>注册</title></head><body><form action="/api/register" method="post"><label for="m">手机号码</label><input id="m" name="mobile" type="tel"><label for="i">身份证号</label><input id="i" name="idcard"><label for="c">验证码</label><input id="c" name="code"><button>提交</button></form></body></html>`;
}

/** A page of `n` same-origin iframes, each with a form. */
function framesPage(n: number): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>多表单</title></head><body><h1>借款申请</h1>${Array.from({ length: n }, (_, i) => `<iframe src="/bench/form-frame.html?i=${i}" width="300" height="120"></iframe>`).join('')}</body></html>`;
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
      // Pages get a coarse clock (0.1 ms) without cross-origin isolation: time batches of 10.
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        for (let j = 0; j < 10; j++) window.loanGuardProbe.classify();
        out.push((performance.now() - start) / 10);
      }
      return out;
    }, iterations);

  const perPage: { file: string; median: number; fields: number }[] = [];
  for (const file of readdirSync(FIXTURE_PAGES_DIR).filter((f) => f.endsWith('.html')).sort()) {
    await page.goto(`${server.origin}/pages/${file}`);
    await page.addScriptTag({ content: probe });
    await time(3); // warm-up: JIT and caches
    const samples = await time(12);
    perPage.push({ file, median: median(samples), fields: await page.evaluate(() => window.loanGuardProbe.classify()) });
  }

  // The background's part: scoring a described page (the top frame's report) with the learned classifier.
  const scoreMs: number[] = [];
  for (const file of readdirSync(FIXTURE_PAGES_DIR).filter((f) => f.endsWith('.html')).sort()) {
    await page.goto(`${server.origin}/pages/${file}`);
    await page.addScriptTag({ content: probe });
    await page.evaluate(() => window.loanGuardProbe.describe());
    scoreMs.push(
      median(
        await page.evaluate(() => {
          const out: number[] = [];
          for (let i = 0; i < 10; i++) {
            const start = performance.now();
            for (let j = 0; j < 10; j++) window.loanGuardProbe.score();
            out.push((performance.now() - start) / 10);
          }
          return out;
        }),
      ),
    );
  }

  await page.setContent(syntheticPage(2000));
  await page.addScriptTag({ content: probe });
  await time(2);
  const big = await time(15);

  // How the per-frame work grows, run as the content script runs it (the field scan in slices of
  // ~20 ms): the whole time to the report (median) and the longest slice of all runs (one slice is one task).
  const scaling: { inputs: number; median: number; longest: number; slices: number }[] = [];
  for (const [inputs, runs] of [[100, 20], [1_000, 10], [10_000, 5]] as const) {
    await page.setContent(syntheticPage(inputs));
    await page.addScriptTag({ content: probe });
    await page.evaluate(() => window.loanGuardProbe.classifySliced()); // warm-up
    const samples: { total: number; longest: number; slices: number }[] = [];
    for (let i = 0; i < runs; i++) samples.push(await page.evaluate(() => window.loanGuardProbe.classifySliced()));
    scaling.push({
      inputs,
      median: median(samples.map((s) => s.total)),
      longest: Math.max(...samples.map((s) => s.longest)),
      slices: median(samples.map((s) => s.slices)),
    });
  }

  await page.setContent('<!doctype html><html><body><article><h1>News</h1>' + '<p>Plain paragraph text.</p>'.repeat(500) + '</article></body></html>');
  await page.addScriptTag({ content: probe });
  const noInputs = await page.evaluate(() => {
    const out: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      for (let j = 0; j < 100; j++) window.loanGuardProbe.hasTypable();
      out.push((performance.now() - start) / 100);
    }
    return out;
  });
  await browser.close();
  await server.close();
  return { perPage, big, noInputs, scoreMs, scaling };
}

/** Main-thread script time of one page load, from Chromium's own counters (CDP Performance.getMetrics). */
async function scriptMsForLoad(context: import('playwright-core').BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForTimeout(700); // let the debounced scan and any late work run
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000;
}

/**
 * JavaScript time spent in LoanGuard's own scripts per page load: the sampling profiler's self
 * time of every function whose script is a chrome-extension:// URL, averaged over `loads` loads.
 */
async function extensionJsMsPerLoad(context: import('playwright-core').BrowserContext, url: string, loads: number): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < loads; i++) {
    await page.goto(url);
    await page.waitForTimeout(700);
  }
  const { profile } = await cdp.send('Profiler.stop');
  await page.close();
  const selfMicros = new Map<number, number>();
  profile.samples?.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  let total = 0;
  for (const node of profile.nodes) if (node.callFrame.url.startsWith('chrome-extension://')) total += selfMicros.get(node.id) ?? 0;
  return total / 1000 / loads;
}

/** The guard in the real extension: prompt latency, main-thread cost, fetch overhead. */
async function guardFigures() {
  const server = await startDemoServer();
  const port = new URL(server.origin).port;
  const withExtension = await launchWithExtension({ headless: true });
  const executablePath = findChromium()!;
  // The same flags as the extension's browser (the test sites' names resolve to this machine), without the extension.
  const plain = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--host-resolver-rules=MAP *.test 127.0.0.1'] });
  const plainContext = await plain.newContext();

  // Submit → prompt on screen: a real click on the submit button, until the prompt's dialog is rendered.
  const promptMs: number[] = [];
  for (let i = 0; i < 25; i++) {
    const page = await withExtension.context.newPage();
    await page.goto(`http://www.shandianjie.test:${port}/guard/apply.html`);
    await page.fill('#mobile', '13800138000');
    await page.fill('#idcard', '11010519491231002X');
    await page.waitForTimeout(800); // a person takes a moment between typing and clicking
    // The page notes when the (trusted) click happened; the prompt marks when it is on screen.
    await page.evaluate(() => addEventListener('click', (e) => ((window as unknown as { clickAt: number }).clickAt = performance.timeOrigin + e.timeStamp), true));
    // The prompt is on screen once its overlay is shown (parked, it is laid out but transparent and
    // out of the top layer) and the prompt page has rendered the question: the later of the two.
    await page.evaluate(() => {
      const seen = window as unknown as { overlayShownAt?: number };
      new MutationObserver(() => {
        if (seen.overlayShownAt) return;
        for (const el of document.querySelectorAll('loanguard-overlay')) {
          if (el.matches(':popover-open') && getComputedStyle(el).opacity !== '0') seen.overlayShownAt = performance.timeOrigin + performance.now();
        }
      }).observe(document.documentElement, { subtree: true, attributes: true, childList: true });
    });
    await page.click('#submit-button', { noWaitAfter: true });
    let shownAt = 0;
    const deadline = Date.now() + 15_000;
    while (!shownAt) {
      if (Date.now() > deadline) throw new Error('the prompt did not appear within 15 s');
      const frame = page.frames().find((f) => /\/prompt\.html#[0-9a-f]{16,}/.test(f.url()));
      shownAt = frame
        ? await frame
            .evaluate(() => {
              const mark = performance.getEntriesByName('loanguard:prompt-shown')[0];
              return mark ? performance.timeOrigin + mark.startTime : 0;
            })
            .catch(() => 0)
        : 0;
      if (!shownAt) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await page.waitForFunction(() => (window as unknown as { overlayShownAt?: number }).overlayShownAt, undefined, { timeout: 15_000 });
    const { clickAt, overlayShownAt } = await page.evaluate(() => {
      const w = window as unknown as { clickAt: number; overlayShownAt: number };
      return { clickAt: w.clickAt, overlayShownAt: w.overlayShownAt };
    });
    promptMs.push(Math.max(shownAt, overlayShownAt) - clickAt);
    await page.close();
  }

  console.error(`bench:   prompt done (${((performance.now() - benchStart) / 1000).toFixed(0)} s)`);
  // Main-thread script time with and without LoanGuard, on a page with no inputs and on a 2,000-input page.
  const article = `http://127.0.0.1:${port}/pages/es-mx-news-montadeudas.html`;
  const cost = async (url: string, runs: number) => {
    const ext: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < runs; i++) {
      ext.push(await scriptMsForLoad(withExtension.context, url));
      base.push(await scriptMsForLoad(plainContext, url));
    }
    return { ext: median(ext), base: median(base), js: await extensionJsMsPerLoad(withExtension.context, url, runs) };
  };
  const noInputs = await cost(`http://127.0.0.1:${port}/`, 7);
  const articleCost = await cost(article, 7);
  const bigUrl = `http://127.0.0.1:${port}/bench/big.html`;
  server.extraPages.set('/bench/big.html', syntheticPage(2000));
  const big = await cost(bigUrl, 5);

  console.error(`bench:   script time done (${((performance.now() - benchStart) / 1000).toFixed(0)} s)`);
  // Side by side, alternating: page load (navigation start → load event end) and the longest task
  // during the load, with and without LoanGuard.
  server.extraPages.set('/bench/article.html', longArticle());
  server.extraPages.set('/bench/form-frame.html', formFrame());
  server.extraPages.set('/bench/frames50.html', framesPage(50));
  const loadTimes = async (url: string, runs: number) => {
    const ext: number[] = [];
    const base: number[] = [];
    const extTask: number[] = [];
    const baseTask: number[] = [];
    for (let i = 0; i < runs; i++) {
      for (const [context, times, tasks] of [
        [withExtension.context, ext, extTask],
        [plainContext, base, baseTask],
      ] as const) {
        const page = await context.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { longest: number };
          w.longest = 0;
          try {
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
            }).observe({ type: 'longtask', buffered: true });
          } catch {
            // No long-task timing.
          }
        });
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(700); // the debounced scan and late work
        const figures = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return { load: nav.loadEventEnd, longest: (window as unknown as { longest: number }).longest };
        });
        times.push(figures.load);
        tasks.push(figures.longest);
        await page.close();
      }
    }
    return { ext: median(ext), base: median(base), extTask: Math.max(...extTask), baseTask: Math.max(...baseTask) };
  };
  const signUpLoad = await loadTimes(`http://www.shandianjie.test:${port}/guard/apply.html`, 7);
  const articleLoad = await loadTimes(`http://127.0.0.1:${port}/bench/article.html`, 7);
  const framesLoad = await loadTimes(`http://127.0.0.1:${port}/bench/frames50.html`, 3);
  const framesJs = await extensionJsMsPerLoad(withExtension.context, `http://127.0.0.1:${port}/bench/frames50.html`, 3);

  console.error(`bench:   side by side done (${((performance.now() - benchStart) / 1000).toFixed(0)} s)`);
  // Synchronous cost of calling fetch() on a page where nothing is watched (network time excluded).
  const fetchCall = async (context: import('playwright-core').BrowserContext) => {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const samples = await page.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 300; i++) {
        const start = performance.now();
        const pending = fetch('/api/bench', { method: 'POST', body: 'x=1' });
        out.push(performance.now() - start);
        await pending;
      }
      return out;
    });
    await page.close();
    return median(samples.slice(20));
  };
  const fetchExt = await fetchCall(withExtension.context);
  const fetchBase = await fetchCall(plainContext);

  await withExtension.close();
  await plain.close();
  await server.close();
  return { promptMs, noInputs, articleCost, big, fetchExt, fetchBase, signUpLoad, articleLoad, framesLoad, framesJs };
}

/** The log in real Chromium: 50,000 events written by the store, appends timed, then the popup opened. */
async function logFigures() {
  const probe = await probeBundle('bench/log-probe.ts');
  const server = await startDemoServer();
  const ext = await launchWithExtension({ headless: true });
  const base = `chrome-extension://${ext.extensionId}`;
  const tab = await ext.context.newPage();
  await tab.goto(`${server.origin}/guard/apply.html`);
  const worker = await ext.context.newPage();
  await worker.goto(`${base}/options.html`);
  // The tab the popup is about, asked from an extension page (the service worker may have been
  // stopped and restarted by now, leaving Playwright's handle to it stale).
  const tabId = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    return (await api.tabs.query({ url: '*://127.0.0.1/*' }))[0]?.id ?? 0;
  });
  // DevTools-protocol evaluation is not bound by the extension page's CSP.
  await worker.evaluate(probe);
  const seedStart = performance.now();
  await worker.evaluate(() => window.loanGuardLogProbe.seed(50_000));
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const oneByOneMs = await worker.evaluate(() => window.loanGuardLogProbe.appendOneAtATime(300, 50_000));

  // Each open: navigation start → the summary on screen, and → the popup's code loaded and started.
  const popupRenders = async (runs: number): Promise<{ renders: number[]; scriptStarts: number[] }> => {
    const renders: number[] = [];
    const scriptStarts: number[] = [];
    for (let i = 0; i < runs; i++) {
      const popup = await ext.context.newPage();
      await popup.goto(`${base}/popup.html?tab=${tabId}`);
      await popup.waitForFunction(() => performance.getEntriesByName('loanguard:popup-rendered').length > 0, undefined, { timeout: 30_000 });
      renders.push(await popup.evaluate(() => performance.getEntriesByName('loanguard:popup-rendered')[0]!.startTime));
      scriptStarts.push(await popup.evaluate(() => performance.getEntriesByName('loanguard:popup-script')[0]?.startTime ?? NaN));
      await popup.close();
    }
    return { renders, scriptStarts };
  };
  // Opened right after a write, before the writer has made the summary's snapshot again (the pairs
  // are read one by one), then as it is most of the time.
  const { renders: rendersNoSnapshot } = await popupRenders(3);
  await worker.evaluate(() => window.loanGuardLogProbe.writeSnapshot());
  const { renders, scriptStarts: renderScriptStarts } = await popupRenders(7);
  const store50k = await worker.evaluate(() => window.loanGuardLogProbe.storeSize());

  // The evidence report of everything: navigation start → the first row of its table on screen.
  const reportFirstRows: number[] = [];
  for (let i = 0; i < 3; i++) {
    const report = await ext.context.newPage();
    await report.goto(`${base}/report.html`);
    reportFirstRows.push(await report.waitForFunction(() => (document.querySelector('main.report tbody tr') ? performance.now() : 0), undefined, { timeout: 120_000, polling: 'raf' }).then((handle) => handle.jsonValue()));
    // Closed only once the whole log is read (Print enabled): a page closed mid-read leaves its read
    // running in the browser's database process, which would slow the next run's first rows.
    await report.waitForFunction(() => document.querySelector<HTMLButtonElement>('main.report button.button-primary')?.disabled === false, undefined, { timeout: 120_000 });
    await report.close();
  }
  // "Export everything as CSV" from the options page: read every event and make the file.
  const csv: { ms: number; rows: number; bytes: number }[] = [];
  for (let i = 0; i < 3; i++) csv.push(await worker.evaluate(() => window.loanGuardLogProbe.csvExport()));

  // Ten times more: 500,000 entries (the popup still reads only the summary).
  const seed500Start = performance.now();
  await worker.evaluate(() => window.loanGuardLogProbe.seed(450_000, 50_300, 10_000));
  const seed500Seconds = (performance.now() - seed500Start) / 1000;
  await worker.evaluate(() => window.loanGuardLogProbe.writeSnapshot());
  const { renders: renders500k } = await popupRenders(5);
  const store500k = await worker.evaluate(() => window.loanGuardLogProbe.storeSize());
  await ext.close();
  await server.close();
  return { seedSeconds, oneByOneMs, renders, renderScriptStarts, rendersNoSnapshot, pairs: store50k.pairs, store50k, reportFirstRows, csv, seed500Seconds, renders500k, store500k };
}

function cliFigures() {
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
  return { phone, nationalId, scan: { seconds: scanSeconds, pages: scan.stdout.toString().split('\n').filter(Boolean).length } };
}

const phase = (name: string) => console.error(`bench: ${name}… (${((performance.now() - benchStart) / 1000).toFixed(0)} s)`);
phase('classifier');
const classifier = await classifierFigures();
phase('guard');
const guard = await guardFigures();
phase('audit-only submissions');
const audit = await auditCostFigures();
phase('log');
const log = await logFigures();
phase('cli');
const cli = cliFigures();
const sizes = measureBuild(CHROME_BUILD_DIR);
const signUpMedians = classifier.perPage.filter((p) => p.fields > 0).map((p) => p.median);
const chromiumVersion = execFileSync(findChromium()!, ['--version'], { encoding: 'utf8' }).trim();
const benchMinutes = (performance.now() - benchStart) / 60_000;
const loadAtEnd = loadavg();
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const spread = (xs: number[]) => `${ms(sorted(xs)[0] ?? NaN)} – ${ms(sorted(xs).at(-1) ?? NaN)}`;

const report = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${benchMinutes.toFixed(1)} minutes: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${chromiumVersion} headless.
Load average (1 / 5 / 15 min) at the start ${loadAtStart.map((n) => n.toFixed(1)).join(' / ')}, at the end ${loadAtEnd.map((n) => n.toFixed(1)).join(' / ')}:
the machine is shared, so absolute times are noisy; compare medians and the with / without ratios,
which are measured alternately in the same run. Figures, not tests: nothing here passes or fails.

## Submit → prompt

| what | figure | target |
|---|---|---|
| user's submit click → prompt on screen, median / p95 (${guard.promptMs.length} runs, 0.8 s after typing; range ${spread(guard.promptMs)}) | **${ms(median(guard.promptMs))} / ${ms(p95(guard.promptMs))}** | ≤ 50 ms / ≤ 80 ms |

From the click event's time in the page to the later of: the prompt's overlay shown by the page's
top layer (seen by a MutationObserver in the page) and the prompt page's own \`loanguard:prompt-shown\`
mark (set after the question rendered). The prompt is loaded ahead of time on a loan page.

## Audit-only mode: what recording first costs a submission

| user's submit click → the form at the server (${audit.warm.length} runs each${audit.error ? `; stopped early: ${audit.error}` : ''}) | median | p95 |
|---|---|---|
| audit-only, background running | **${ms(median(audit.warm))}** | ${ms(p95(audit.warm))} |
| audit-only, background stopped just before the click | **${ms(median(audit.asleep))}** | ${ms(p95(audit.asleep))} |
| without LoanGuard | ${ms(median(audit.without))} | ${ms(p95(audit.without))} |

In audit-only mode the form leaves once the background has written the record (fingerprinted,
in IndexedDB), or once the frame's safety copy is stored and 2 s have passed; a stopped worker is
started by the report first. The difference to the last row is what recording first costs.

## Per-frame classification in real Chromium (the content script's work: field scan + page description)

| what | figure | target |
|---|---|---|
| median over the fixture pages that have personal-data fields (median of each page's median) | ${ms(median(signUpMedians))} | ≤ 2 ms |
| slowest fixture page (its median) | ${ms(Math.max(...classifier.perPage.map((p) => p.median)))} | |
${classifier.scaling.map((row) => `| synthetic form with ${row.inputs.toLocaleString('en')} inputs, scanned in slices: whole scan to report, median / longest slice (one slice is one task; ${row.slices} slices) | ${ms(row.median)} / ${ms(row.longest)} | ${row.inputs === 10_000 ? 'no task > 50 ms' : ''} |`).join('\n')}
| synthetic page with 2,000 inputs: median / p95 | ${ms(median(classifier.big))} / ${ms(p95(classifier.big))} | |
| page without inputs (a 500-paragraph article): the one check made, median | ${ms(median(classifier.noInputs))} | near-free |
| the background's part: scoring the top frame's page description (median over the fixture pages) | ${ms(median(classifier.scoreMs))} | |

<details><summary>Per fixture page (median of 12 batches of 10 runs)</summary>

| page | fields | median |
|---|---|---|
${classifier.perPage.map((p) => `| ${p.file} | ${p.fields} | ${ms(p.median)} |`).join('\n')}

</details>

## Pages with and without LoanGuard (real Chromium, side by side in one run)

| what | with | without | ratio |
|---|---|---|---|
| typical sign-up page (guard/apply.html): load event, median of 7 | ${ms(guard.signUpLoad.ext)} | ${ms(guard.signUpLoad.base)} | **${ratio(guard.signUpLoad.ext, guard.signUpLoad.base)}** |
| long article (300 paragraphs, a search box): load event, median of 7 | ${ms(guard.articleLoad.ext)} | ${ms(guard.articleLoad.base)} | **${ratio(guard.articleLoad.ext, guard.articleLoad.base)}** |
| 50 same-origin iframes, each with a form: load event, median of 3 | ${ms(guard.framesLoad.ext)} | ${ms(guard.framesLoad.base)} | **${ratio(guard.framesLoad.ext, guard.framesLoad.base)}** |
| longest task during those loads: sign-up / article / 50 iframes | ${ms(guard.signUpLoad.extTask)} / ${ms(guard.articleLoad.extTask)} / ${ms(guard.framesLoad.extTask)} | ${ms(guard.signUpLoad.baseTask)} / ${ms(guard.articleLoad.baseTask)} / ${ms(guard.framesLoad.baseTask)} | |
| synchronous cost of a \`fetch()\` call on a page where nothing is watched, median of 280 | ${ms(guard.fetchExt)} | ${ms(guard.fetchBase)} | **${ratio(guard.fetchExt, guard.fetchBase)}** |

| what | figure | target |
|---|---|---|
| 50 iframes with forms: LoanGuard's JavaScript per load (profiler self time, all 51 frames) | ${ms(guard.framesJs)} | |
| page with no inputs (demo index): LoanGuard's JavaScript per load | ${ms(guard.noInputs.js)} | ≤ 0.5 ms |
| same, whole script time of the load with / without LoanGuard (includes compiling its scripts) | ${ms(guard.noInputs.ext)} / ${ms(guard.noInputs.base)} | |
| news article fixture: LoanGuard's JavaScript / whole script time with / without | ${ms(guard.articleCost.js)} / ${ms(guard.articleCost.ext)} / ${ms(guard.articleCost.base)} | |
| 2,000-input page: LoanGuard's JavaScript / whole script time with / without | ${ms(guard.big.js)} / ${ms(guard.big.ext)} / ${ms(guard.big.base)} | ≤ 30 ms |

"LoanGuard's JavaScript" is the V8 sampling profiler's self time in functions of LoanGuard's scripts,
per load. "Whole script time" is Chromium's \`ScriptDuration\` counter for the load (page and extension
scripts, compilation included). Long tasks come from the page's own \`PerformanceObserver\`.

## The private log (IndexedDB, in the built extension)

| what | figure | target |
|---|---|---|
| popup first render with 50,000 entries: navigation start → \`loanguard:popup-rendered\`, median / max of 7 | **${ms(median(log.renders))}** / ${ms(Math.max(...log.renders))} | ≤ 100 ms |
| popup first render with 500,000 entries, median / max of 5 | **${ms(median(log.renders500k))}** / ${ms(Math.max(...log.renders500k))} | ≤ 150 ms |
| of which: navigation start → the popup's code loaded and started (\`loanguard:popup-script\`; the browser starting the page, fetching and running its scripts), median of the same 7 | ${ms(median(log.renderScriptStarts))} | |
| same at 50,000, opened right after a write (before the writer has made the summary's snapshot again), median of 3 | ${ms(median(log.rendersNoSnapshot))} | |
| evidence report of everything at 50,000 entries: navigation start → first row on screen, median of 3 | **${ms(median(log.reportFirstRows))}** | ≤ 300 ms |
| CSV export of all 50,000 entries (read every event, make the file), median of 3 | **${ms(median(log.csv.map((c) => c.ms)))}** (${log.csv[0]?.rows.toLocaleString('en')} rows, ${kb(log.csv[0]?.bytes ?? 0)}) | ≤ 2 s |
| append one event per transaction (as decisions arrive), 300 events onto 50,000 | ${(300 / (log.oneByOneMs / 1000)).toFixed(0)} events/s (${ms(log.oneByOneMs / 300)} each) | |
| bulk append, summary kept up to date: the first 50,000 in batches of 2,000 / the next 450,000 in batches of 10,000 | ${(50_000 / log.seedSeconds).toFixed(0)} events/s (${log.seedSeconds.toFixed(1)} s) / ${(450_000 / log.seed500Seconds).toFixed(0)} events/s (${log.seed500Seconds.toFixed(1)} s) | |

The store at 50,000 entries: ${log.store50k.events.toLocaleString('en')} events, ${log.store50k.pairs.toLocaleString('en')} summary records (one per data item
and receiving site), ${kb(log.store50k.usageBytes)} of the extension's storage; at 500,000:
${log.store500k.events.toLocaleString('en')} events, ${log.store500k.pairs.toLocaleString('en')} summary records, ${kb(log.store500k.usageBytes)}. The entries are one person's 9
data items (3 phones, 3 ID numbers, 3 cards) and their SMS codes, shared with 300 sites. The popup's
first view reads only the summary, never the events, and the summary as one JSON value (a snapshot
the log writer makes once it has been quiet for ${SNAPSHOT_DELAY_MS} ms) rather than one record per pair; the public-suffix list (tldts), which names
"this site", is loaded once the summary is on screen. The evidence report shows its newest 60 entries
(one request) while it reads every event; the export reads every event.

## Command line

| what | figure |
|---|---|
| \`validate --kind phone --country CN\`, 100,000 lines | ${cli.phone.seconds.toFixed(2)} s (${Math.round(cli.phone.lines / cli.phone.seconds).toLocaleString('en')} lines/s, process start included) |
| \`validate --kind national-id\` (all checksum countries), 100,000 lines | ${cli.nationalId.seconds.toFixed(2)} s (${Math.round(cli.nationalId.lines / cli.nationalId.seconds).toLocaleString('en')} lines/s) |
| \`scan\` of 500 saved pages in one call | ${cli.scan.seconds.toFixed(2)} s (${cli.scan.pages} lines) |

## Scripts injected into pages (Chrome MV3 build; \`npm test\` checks the budgets with scripts/check-size.ts)

| file | runs in | raw | gzipped |
|---|---|---|---|
${sizes.files.map((f) => `| ${f.file} | ${f.when} | ${kb(f.raw)} | ${kb(f.gzip)} |`).join('\n')}
| **a frame without inputs** (the first two) | | | **${kb(sizes.everyFrame)}** (target ≤ 9 KB) |
| **a frame with inputs** (+ frame-core.js) | | | **${kb(sizes.withInputs)}** (target ≤ 30 KB) |

frame-core.js is imported when the frame first has a field someone can type into; frame-ui.js (the
prompt's host, the loan notice, the app-download warning, toasts) only when the frame shows one of them.
The loan-page classifier's vocabulary and weights are not page code: the top frame sends a capped
description of the page and the background scores it.
`;

writeFileSync(path.join(root, 'BENCHMARKS.md'), report);
console.log(report);
