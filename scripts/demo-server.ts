// The bundled demo site, on 127.0.0.1 only: serves the fixture pages with an index, and records
// every request sent to /api/* so the end-to-end tests can check what reached the "platform".
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export const FIXTURE_PAGES_DIR = path.resolve(import.meta.dirname, '../tests/fixtures/pages');

export interface RecordedRequest {
  method: string;
  url: string;
  contentType: string;
  body: string;
  at: number;
}

export interface DemoServer {
  origin: string;
  requests: RecordedRequest[];
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

function indexPage(pages: PageInfo[]): string {
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
<p>Realistic loan sign-up pages and look-alike pages that are not about loans. Open one with LoanGuard loaded:
the toolbar badge shows <b>!</b> on a detected loan page and the popup says why. Forms post to <code>/api/…</code> on this
server, which only records them.</p><ul>${rows}</ul></body></html>`;
}

function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
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

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      const body = await readBody(req);
      requests.push({ method: req.method ?? 'GET', url: url.pathname + url.search, contentType: req.headers['content-type'] ?? '', body, at: Date.now() });
      const wantsJson = (req.headers.accept ?? '').includes('json') || (req.headers['content-type'] ?? '').includes('json');
      res.writeHead(200, { 'content-type': wantsJson ? 'application/json' : 'text/html; charset=utf-8' });
      res.end(wantsJson ? JSON.stringify({ ok: true }) : '<!doctype html><meta charset="utf-8"><title>Received</title><p>Received by the demo server.</p>');
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(indexPage(await listPages(pagesDir)));
      return;
    }
    const match = /^\/pages\/([\w.-]+\.html)$/.exec(url.pathname);
    if (match?.[1]) {
      try {
        const html = await readFile(path.join(pagesDir, match[1]));
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
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
