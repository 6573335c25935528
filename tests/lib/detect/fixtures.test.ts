// Runs the field scanner and the loan-page classifier over every saved page in tests/fixtures/pages
// and checks each against the expectations the page declares (see tests/fixtures/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { scanFields } from '@/lib/detect/field-scan';
import { classifyLoanDocument } from '@/lib/detect/loan-classifier';
import { parsePage, type LoadedPage } from '@/cli/load-page';

const PAGES = path.resolve(import.meta.dirname, '../../fixtures/pages');
const files = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html'))
  .sort();
const pages: LoadedPage[] = [];

afterAll(async () => {
  await Promise.all(pages.map((page) => page.close()));
});

function parse(html: string, url: string): Document {
  const page = parsePage(html, url);
  pages.push(page);
  return page.document;
}

/** The document and every open shadow root in it. */
function allRoots(root: ParentNode): ParentNode[] {
  const roots = [root];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(...allRoots(el.shadowRoot));
  return roots;
}

function meta(html: string, name: string): string | undefined {
  const re = new RegExp(`<meta\\s+name=["']${name}["']\\s+content=["']([^"']+)["']`, 'i');
  return re.exec(html)?.[1];
}

const describeElement = (el: Element): string =>
  `<${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? ` name=${el.getAttribute('name')}` : ''}>`;

describe('fixture set', () => {
  test('has at least 40 pages in at least 4 languages, with both loan and not-loan pages', () => {
    const languages = new Set(files.map((f) => f.split('-')[0]));
    const expects = new Set(files.map((f) => meta(readFileSync(path.join(PAGES, f), 'utf8'), 'fixture-expect')));
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(languages.size).toBeGreaterThanOrEqual(4);
    expect([...expects].sort()).toEqual(['loan', 'not-loan']);
  });
});

describe('fixture pages', () => {
  test.each(files)('%s', (file) => {
    const html = readFileSync(path.join(PAGES, file), 'utf8');
    const url = meta(html, 'fixture-url');
    const expected = meta(html, 'fixture-expect');
    expect(url, 'fixture-url meta').toMatch(/^https?:\/\//);
    expect(['loan', 'not-loan'], 'fixture-expect meta').toContain(expected);
    const doc = parse(html, url ?? '');

    const fields = scanFields(doc);
    const loan = classifyLoanDocument(doc, url ?? '', fields.map((f) => f.verdict));
    const why = `score ${loan.score}: ${loan.reasons.map((r) => `${r.code} ${r.weight} (${r.detail})`).join('; ')}`;
    expect.soft(loan.isLoanPage ? 'loan' : 'not-loan', why).toBe(expected);

    const marked = allRoots(doc).flatMap((root) => [...root.querySelectorAll('[data-expect]')]);
    for (const el of marked) {
      const found = fields.find((f) => f.element === el);
      const country = el.getAttribute('data-expect-country');
      // The country is checked only where the page names one.
      const want = { kind: el.getAttribute('data-expect'), ...(country ? { country } : {}) };
      const got = found && { kind: found.verdict.kind, ...(country ? { country: found.verdict.country } : {}) };
      expect.soft(got, `${describeElement(el)} should be ${want.kind}`).toEqual(want);
    }
    const extra = fields
      .filter((f) => !marked.includes(f.element))
      .map((f) => `${describeElement(f.element)} reported as ${f.verdict.kind}`);
    expect.soft(extra, 'elements without data-expect must stay unclassified').toEqual([]);
  });
});
