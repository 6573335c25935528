// The bundled demo, on 127.0.0.1 only: separate demo sites under their own *.localhost names (routed by
// the Host header; browsers resolve *.localhost to this machine), the fixture pages with an index, and a
// record of every request sent to /api/* so the end-to-end tests can check what reached the "platform".
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export const FIXTURE_PAGES_DIR = path.resolve(import.meta.dirname, '../tests/fixtures/pages');
/** Pages with their own scripts that send data every way the guard must catch. */
export const GUARD_PAGES_DIR = path.resolve(import.meta.dirname, '../tests/fixtures/guard');
/** Hostile pages (one per class of attack) that try to get a typed value out without asking. */
export const ATTACK_PAGES_DIR = path.resolve(import.meta.dirname, '../tests/fixtures/attacks');
/** The demo sites' pages (scripts/demo/README.md). */
export const DEMO_SITES_DIR = path.resolve(import.meta.dirname, 'demo');

/** The demo sites, each its own site for the browser and for LoanGuard: `<name>.localhost`. */
export const DEMO_SITES = ['kuaidai', 'prestamos', 'bank', 'tracker'] as const;
export type DemoSite = (typeof DEMO_SITES)[number];
/** Where `npm start` and `npm run demo` listen unless PORT says otherwise. */
export const DEMO_PORT = 8787;

/** `http://kuaidai.localhost:8787`: a demo site's origin. */
export const demoSiteOrigin = (site: DemoSite | 'demo', port: number): string => `http://${site}.localhost:${port}`;

export interface RecordedRequest {
  method: string;
  /** Host the request was addressed to (with the test's host mapping, a "site" name). */
  host: string;
  url: string;
  contentType: string;
  body: string;
  /** Request headers as `name: value` lines (recorded for /x/ only: referrer, cookies, custom headers). */
  headers?: string;
  at: number;
}

export interface DemoServer {
  /** http://127.0.0.1:<port> (what the end-to-end tests map their *.test names to). */
  origin: string;
  port: number;
  /** The demo's index under its own name: http://demo.localhost:<port>/ */
  demoUrl: string;
  /** A demo site's origin on this server. */
  siteOrigin(site: DemoSite): string;
  requests: RecordedRequest[];
  /** Extra pages to serve by path (generated pages for benchmarks). */
  extraPages: Map<string, string>;
  close(): Promise<void>;
}

interface PageInfo {
  file: string;
  title: string;
  lang: string;
  expect: string;
}

async function listPages(dir: string): Promise<PageInfo[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.html')).sort();
  return Promise.all(
    files.map(async (file) => {
      const html = await readFile(path.join(dir, file), 'utf8');
      return {
        file,
        title: /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? file,
        lang: /<html[^>]*\blang="([^"]+)"/i.exec(html)?.[1] ?? file.split('-')[0] ?? '',
        expect: /<meta\s+name="fixture-expect"\s+content="([^"]+)"/i.exec(html)?.[1] ?? '',
      };
    }),
  );
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const DEMO_SITE_TEXT: Record<DemoSite, { title: string; what: string }> = {
  kuaidai: {
    title: '快贷 Kuaidai: a Chinese loan sign-up',
    what: 'Type a phone number (13800138000) and an ID number (11010519491231002X), then press 立即借款. Leaving the phone field also sends it to tracker.localhost: LoanGuard names that other site.',
  },
  prestamos: {
    title: 'PrestaYa: a Mexican loan application',
    what: 'Type a CURP (GOMA850101HDFRRN00) and a phone number, then send the form.',
  },
  bank: {
    title: 'Demo Bank: the site you trust',
    what: 'Open LoanGuard from the toolbar here and choose “Trust this site”: the bank stops asking, the loan sites still ask.',
  },
  tracker: {
    title: 'LeadsFast: a third party',
    what: 'Receives what other pages send behind your back.',
  },
};

/** The strip at the top of each demo site: where you are and the other sites. */
function demoBar(current: DemoSite, port: number): string {
  const links = DEMO_SITES.map((site) =>
    site === current ? `<b>${site}.localhost</b>` : `<a href="${demoSiteOrigin(site, port)}/">${site}.localhost</a>`,
  ).join(' · ');
  return `<nav style="font:13px/1.4 system-ui,sans-serif;background:#111827;color:#f9fafb;padding:6px 12px" aria-label="LoanGuard demo sites">LoanGuard demo: ${links} · <a href="${demoSiteOrigin('demo', port)}/">all demo pages</a><style>nav[aria-label="LoanGuard demo sites"] a{color:#93c5fd}</style></nav>`;
}

async function demoSitePage(site: DemoSite, port: number): Promise<string> {
  const html = await readFile(path.join(DEMO_SITES_DIR, `${site}.html`), 'utf8');
  return html
    .replaceAll('{{demo-bar}}', demoBar(site, port))
    .replace(/\{\{site:([a-z]+)\}\}/g, (_match, name: string) => demoSiteOrigin(name as DemoSite, port));
}

function indexPage(pages: PageInfo[], guardPages: string[], port: number): string {
  const sites = DEMO_SITES.map(
    (site) =>
      `<li><a href="${demoSiteOrigin(site, port)}/">${site}.localhost</a> — ${escapeHtml(DEMO_SITE_TEXT[site].title)}<br><small>${escapeHtml(DEMO_SITE_TEXT[site].what)}</small></li>`,
  ).join('\n');
  const rows = pages
    .map(
      (p) =>
        `<li><a href="/pages/${encodeURIComponent(p.file)}">${escapeHtml(p.title)}</a> <small>${escapeHtml(p.lang)} · ${
          p.expect === 'loan' ? 'loan sign-up' : 'look-alike, not a loan page'
        }</small></li>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LoanGuard demo site</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem}small{color:#666}</style></head>
<body><h1>LoanGuard demo site</h1>
<h2>Four separate sites</h2>
<p>Each demo site has its own name, so trusting one does not trust the others, and data sent from one to another really crosses sites:</p>
<ul>${sites}</ul>
<h2>Pages the detection is tested on</h2>
<p>Realistic loan sign-up pages and look-alike pages that are not about loans. Open one with LoanGuard loaded:
the toolbar badge shows <b>!</b> on a detected loan page and the popup says why. Forms post to <code>/api/…</code> on this
server, which only records them.</p><ul>${rows}</ul>
<h2>The guard at work</h2><p>Type a phone or ID number (e.g. 13800138000, 11010519491231002X) and send it any way these pages offer:</p>
<ul>${guardPages.map((f) => `<li><a href="/guard/${encodeURIComponent(f)}">${escapeHtml(f)}</a></li>`).join('')}</ul></body></html>`;
}

/** What the collector answers, by the first path segment after /x/. */
const COLLECTOR_ANSWERS: Record<string, [string, string]> = {
  img: ['image/gif', Buffer.from('R0lGODlhAQABAAAAACw=', 'base64').toString('latin1')],
  script: ['text/javascript', '/* collected */'],
  css: ['text/css', '/* collected */'],
  events: ['text/event-stream', 'data: ok\n\n'],
  page: ['text/html; charset=utf-8', '<!doctype html><title>collected</title>'],
};

function readBody(req: IncomingMessage, limit = 8_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startDemoServer(options: { port?: number; pagesDir?: string } = {}): Promise<DemoServer> {
  const pagesDir = options.pagesDir ?? FIXTURE_PAGES_DIR;
  const requests: RecordedRequest[] = [];
  const extraPages = new Map<string, string>();

  let port = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const site = DEMO_SITES.find((name) => hostName === `${name}.localhost`);
    if (url.pathname.startsWith('/api/')) {
      // Pages post to collectors on other (mapped) hosts too: answer CORS, and don't count preflights.
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': '*' };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        res.end();
        return;
      }
      const body = await readBody(req);
      requests.push({ method: req.method ?? 'GET', host: (req.headers.host ?? '').replace(/:\d+$/, ''), url: url.pathname + url.search, contentType: req.headers['content-type'] ?? '', body, at: Date.now() });
      const wantsJson = (req.headers.accept ?? '').includes('json') || (req.headers['content-type'] ?? '').includes('json');
      res.writeHead(200, { ...cors, 'content-type': wantsJson ? 'application/json' : 'text/html; charset=utf-8' });
      res.end(wantsJson ? JSON.stringify({ ok: true }) : '<!doctype html><meta charset="utf-8"><title>Received</title><p>Received by the demo server.</p>');
      return;
    }
    if (/^\/downloads\/[\w.-]+\.apk$/.test(url.pathname)) {
      // A stand-in Android app, recorded like an API call so tests can tell whether it was fetched.
      requests.push({ method: req.method ?? 'GET', host: (req.headers.host ?? '').replace(/:\d+$/, ''), url: url.pathname, contentType: '', body: '', at: Date.now() });
      res.writeHead(200, { 'content-type': 'application/vnd.android.package-archive', 'content-disposition': 'attachment' });
      res.end('PK demo apk');
      return;
    }
    if (url.pathname.startsWith('/x/')) {
      // The attack pages' collector: records everything that reaches it, by any route, and answers
      // with something each kind of request can use (an image, a script, a stylesheet, an event stream).
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': '*' });
        res.end();
        return;
      }
      const body = await readBody(req).catch(() => '<unreadable>');
      const headers = Object.entries(req.headers).map(([name, value]) => `${name}: ${String(value)}`).join('\n');
      requests.push({ method: req.method ?? 'GET', host: (req.headers.host ?? '').replace(/:\d+$/, ''), url: url.pathname + url.search, contentType: req.headers['content-type'] ?? '', body, headers, at: Date.now() });
      const [type, content] = COLLECTOR_ANSWERS[url.pathname.split('/')[2] ?? ''] ?? ['text/plain', 'ok'];
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': type });
      res.end(content);
      return;
    }
    const asset = /^\/attacks\/([\w.-]+\.(html|js))$/.exec(url.pathname);
    if (asset?.[1]) {
      try {
        const text = await readFile(path.join(ATTACK_PAGES_DIR, asset[1]));
        res.writeHead(200, { 'content-type': asset[2] === 'js' ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8' });
        res.end(text);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
      return;
    }
    const extra = extraPages.get(url.pathname);
    if (extra !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(extra);
      return;
    }
    if (url.pathname === '/' && site) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(await demoSitePage(site, port));
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(indexPage(await listPages(pagesDir), (await readdir(GUARD_PAGES_DIR)).filter((f) => f.endsWith('.html')).sort(), port));
      return;
    }
    const match = /^\/(pages|guard)\/([\w.-]+\.html)$/.exec(url.pathname);
    if (match?.[2]) {
      try {
        const html = await readFile(path.join(match[1] === 'guard' ? GUARD_PAGES_DIR : pagesDir, match[2]));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
        return;
      } catch {
        // fall through to 404
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  server.on('upgrade', (req, socket) => acceptWebSocket(req, socket, requests));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    demoUrl: `${demoSiteOrigin('demo', port)}/`,
    siteOrigin: (name) => demoSiteOrigin(name, port),
    requests,
    extraPages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Just enough of RFC 6455 to record the text messages a page sends to /ws. */
function acceptWebSocket(req: IncomingMessage, socket: Duplex, requests: RecordedRequest[]): void {
  const key = req.headers['sec-websocket-key'];
  if (!key || !/^\/(ws|x\/)/.test(req.url ?? '')) {
    socket.destroy();
    return;
  }
  // A connection URL can carry data by itself: record the opening too.
  if ((req.url ?? '').startsWith('/x/')) {
    requests.push({ method: 'WS-OPEN', host: (req.headers.host ?? '').replace(/:\d+$/, ''), url: req.url ?? '', contentType: '', body: '', at: Date.now() });
  }
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = buffer[0]! & 0x0f;
      let length = buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (buffer[1]! & 0x80) !== 0;
      const total = offset + (masked ? 4 : 0) + length;
      if (buffer.length < total) return;
      const mask = masked ? buffer.subarray(offset, offset + 4) : undefined;
      const payload = Buffer.from(buffer.subarray(total - length, total));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      buffer = buffer.subarray(total);
      if (opcode === 0x8) {
        socket.end();
        return;
      }
      if (opcode === 0x1) {
        requests.push({ method: 'WS', host: (req.headers.host ?? '').replace(/:\d+$/, ''), url: req.url ?? '/ws', contentType: 'text', body: payload.toString('utf8'), at: Date.now() });
      }
    }
  });
  socket.on('error', () => socket.destroy());
}
