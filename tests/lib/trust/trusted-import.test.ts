// Unit tests for lib/trust/trusted-import.ts: every accepted format, every refusal (all-or-nothing, located
// problems), limits, duplicate merging and export → import round trips.
import { describe, expect, it } from 'vitest';
import {
  exportTrustedJson,
  exportTrustedText,
  IMPORT_MAX_PROBLEMS,
  mergeTrustedLists,
  normalizeTrustedInput,
  parseTrustedImport,
  type ImportResult,
} from '@/lib/trust/trusted-import';
import type { TrustedList } from '@/lib/trust/trusted-list';

const NOW = 1_700_000_000_000;

function sitesOf(result: ImportResult): string[] {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.list.sites.map((entry) => entry.site);
}
function problemsOf(result: ImportResult) {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.problems;
}

describe('parseTrustedImport: plain text', () => {
  it('reads one domain a line, ignoring blank lines and # comments, reducing URLs to the site', () => {
    const text = '# my banks\n\nexample.com\r\n  https://www.bank.example.co.uk/login?x=1  \n*.shop.example.org\n\n# end\n';
    const result = parseTrustedImport(text, NOW);
    expect(sitesOf(result)).toEqual(['example.com', 'example.co.uk', 'example.org']);
    expect(result.ok && result.list.sites.every((entry) => entry.addedAt === NOW && entry.note === '')).toBe(true);
  });

  it('accepts IDNs, IPs, localhost and a bare IPv6 address in brackets', () => {
    expect(sitesOf(parseTrustedImport('例子.中国\n127.0.0.1\nlocalhost\n[::1]\n', NOW))).toEqual([
      'xn--fsqu00a.xn--fiqs8s',
      '127.0.0.1',
      'localhost',
      '::1',
    ]);
  });

  it('keeps a URL fragment but takes a spaced # as a note', () => {
    const result = parseTrustedImport('https://a.example.com/#frag\nb.example.net   # my bank  \n', NOW);
    expect(result.ok && result.list.sites).toEqual([
      { site: 'example.com', addedAt: NOW, note: '' },
      { site: 'example.net', addedAt: NOW, note: 'my bank' },
    ]);
  });

  it('merges duplicates silently, keeping the first entry and filling an empty note', () => {
    const result = parseTrustedImport('example.com\nwww.example.com\nhttps://EXAMPLE.com/a # note\nother.org\n', NOW);
    expect(result.ok && result.list.sites).toEqual([
      { site: 'example.com', addedAt: NOW, note: 'note' },
      { site: 'other.org', addedAt: NOW, note: '' },
    ]);
    expect(result.ok && result.skipped.map((problem) => problem.where)).toEqual(['line 2', 'line 3']);
  });

  it('refuses the whole import when one line is not a domain, naming line and text', () => {
    const problems = problemsOf(parseTrustedImport('example.com\n\nnot a domain\nftp://files.example.com\nexample.com@evil.io\n', NOW));
    expect(problems).toEqual([
      { where: 'line 3', messageKey: 'trusted_error_spaces', text: 'not a domain' },
      { where: 'line 4', messageKey: 'trusted_error_scheme', text: 'ftp://files.example.com' },
      { where: 'line 5', messageKey: 'trusted_error_userinfo', text: 'example.com@evil.io' },
    ]);
  });

  it('explains public suffixes and invalid host names', () => {
    const problems = problemsOf(parseTrustedImport('co.uk\nbad_host-.example.com\n', NOW));
    expect(problems.map((problem) => [problem.where, problem.messageKey])).toEqual([
      ['line 1', 'trusted_error_public_suffix'],
      ['line 2', 'trusted_error_invalid'],
    ]);
  });

  it('clips the offending text to 80 characters', () => {
    const long = `${'x'.repeat(300)} y`;
    const [problem] = problemsOf(parseTrustedImport(long, NOW));
    expect(Array.from(problem!.text)).toHaveLength(80);
    expect(problem!.text.endsWith('…')).toBe(true);
  });

  it('refuses text that is neither JSON nor domains', () => {
    const problems = problemsOf(parseTrustedImport('Hello, this is my letter.\nKind regards', NOW));
    expect(problems.map((problem) => problem.where)).toEqual(['line 1', 'line 2']);
    expect(problems.every((problem) => problem.messageKey.startsWith('trusted_'))).toBe(true);
  });

  it('summarises a very long list of problems', () => {
    const text = Array.from({ length: 120 }, (_, index) => `bad entry ${index}`).join('\n');
    const problems = problemsOf(parseTrustedImport(text, NOW));
    expect(problems).toHaveLength(IMPORT_MAX_PROBLEMS + 1);
    expect(problems.at(-1)).toEqual({ where: '', messageKey: 'trusted_import_more_problems', text: '70' });
  });

  it('refuses a comment note over 200 characters', () => {
    const [problem] = problemsOf(parseTrustedImport(`example.com # ${'n'.repeat(201)}`, NOW));
    expect(problem).toMatchObject({ where: 'line 1', messageKey: 'trusted_import_note_too_long' });
  });
});

describe('parseTrustedImport: JSON', () => {
  it('reads an array of domain strings and of {site, note} objects', () => {
    const result = parseTrustedImport(JSON.stringify(['example.com', { site: 'https://m.bank.example.net/', note: ' my bank ' }]), NOW);
    expect(result.ok && result.list.sites).toEqual([
      { site: 'example.com', addedAt: NOW, note: '' },
      { site: 'example.net', addedAt: NOW, note: 'my bank' },
    ]);
  });

  it('reads our export, keeping dates and notes', () => {
    const text = JSON.stringify({ version: 1, sites: [{ site: 'example.com', addedAt: 5, note: 'n' }, { site: 'example.org', addedAt: 6 }] });
    const result = parseTrustedImport(text, NOW);
    expect(result.ok && result.list).toEqual({
      version: 1,
      sites: [
        { site: 'example.com', addedAt: 5, note: 'n' },
        { site: 'example.org', addedAt: 6, note: '' },
      ],
    });
  });

  it('refuses a wrong version', () => {
    expect(problemsOf(parseTrustedImport('{"version": 2, "sites": []}', NOW))).toEqual([
      { where: 'version', messageKey: 'trusted_import_bad_version', text: '2' },
    ]);
    expect(problemsOf(parseTrustedImport('{"sites": ["example.com"]}', NOW))[0]!.messageKey).toBe('trusted_import_bad_version');
  });

  it('refuses sites that is not an array', () => {
    expect(problemsOf(parseTrustedImport('{"version": 1, "sites": {"site": "example.com"}}', NOW))).toEqual([
      { where: 'sites', messageKey: 'trusted_import_sites_not_array', text: '{"site":"example.com"}' },
    ]);
  });

  it('refuses a note over 200 characters, a note that is not text and an entry without a site', () => {
    const text = JSON.stringify({
      version: 1,
      sites: [{ site: 'a.example', note: 'x'.repeat(201) }, { site: 'b.example', note: 7 }, { note: 'no site' }, 42, { site: 'c.example', addedAt: 'yesterday' }],
    });
    expect(problemsOf(parseTrustedImport(text, NOW)).map((problem) => [problem.where, problem.messageKey])).toEqual([
      ['sites[0].note', 'trusted_import_note_too_long'],
      ['sites[1].note', 'trusted_import_bad_note'],
      ['sites[2].site', 'trusted_import_missing_site'],
      ['sites[3]', 'trusted_import_bad_entry'],
      ['sites[4].addedAt', 'trusted_import_bad_date'],
    ]);
  });

  it('names the index of a bad domain in an array', () => {
    expect(problemsOf(parseTrustedImport('["example.com", "no way", "co.uk"]', NOW))).toEqual([
      { where: '[1]', messageKey: 'trusted_error_spaces', text: 'no way' },
      { where: '[2]', messageKey: 'trusted_error_public_suffix', text: 'co.uk' },
    ]);
  });

  it('refuses broken JSON and JSON of another shape', () => {
    expect(problemsOf(parseTrustedImport('{"version": 1, "sites": [', NOW))[0]).toMatchObject({ where: '', messageKey: 'trusted_import_bad_json' });
    expect(problemsOf(parseTrustedImport('{"hello": "world"}', NOW))[0]!.messageKey).toBe('trusted_import_bad_shape');
  });

  it('merges duplicate entries silently', () => {
    expect(sitesOf(parseTrustedImport('["example.com", "www.example.com", "EXAMPLE.COM"]', NOW))).toEqual(['example.com']);
  });
});

describe('parseTrustedImport: limits and empty input', () => {
  it('refuses empty input, whitespace, comments only and an empty list', () => {
    for (const text of ['', '  \n\t', '# nothing\n\n# here', '[]', '{"version":1,"sites":[]}']) {
      expect(problemsOf(parseTrustedImport(text, NOW)), text).toEqual([{ where: '', messageKey: 'trusted_import_empty', text: '' }]);
    }
  });

  it('refuses more than 10,000 entries as a whole', () => {
    const lines = Array.from({ length: 10_001 }, (_, index) => `site${index}.example.com`).join('\n');
    expect(problemsOf(parseTrustedImport(lines, NOW))).toEqual([{ where: '', messageKey: 'trusted_import_too_many', text: '10001' }]);
    const json = JSON.stringify(Array.from({ length: 10_001 }, (_, index) => `site${index}.example.com`));
    expect(problemsOf(parseTrustedImport(json, NOW))[0]!.messageKey).toBe('trusted_import_too_many');
  });

  it('accepts exactly 10,000 entries', () => {
    const lines = Array.from({ length: 10_000 }, (_, index) => `site${index}.com`).join('\n');
    expect(sitesOf(parseTrustedImport(lines, NOW))).toHaveLength(10_000);
  });

  it('refuses input over 1 MB before reading it, counting UTF-8 bytes', () => {
    expect(problemsOf(parseTrustedImport('a'.repeat(1024 * 1024 + 1), NOW))).toEqual([{ where: '', messageKey: 'trusted_import_too_big', text: '' }]);
    // 400,000 three-byte characters: under a million UTF-16 units but 1.2 MB of UTF-8.
    expect(problemsOf(parseTrustedImport('例'.repeat(400_000), NOW))[0]!.messageKey).toBe('trusted_import_too_big');
  });
});

describe('export round trips', () => {
  const list: TrustedList = {
    version: 1,
    sites: [
      { site: 'example.com', addedAt: 10, note: 'my bank' },
      { site: 'xn--fsqu00a.xn--fiqs8s', addedAt: 20, note: '' },
      { site: '127.0.0.1', addedAt: 30, note: 'router # admin' },
      { site: '::1', addedAt: 40, note: '' },
    ],
  };

  it('exportTrustedJson → parse gives the same sites, dates and notes', () => {
    const json = exportTrustedJson(list);
    expect(JSON.parse(json)).toEqual(list);
    const result = parseTrustedImport(json, NOW);
    expect(result.ok && result.list).toEqual(list);
  });

  it('exportTrustedText → parse gives the same sites (and notes)', () => {
    const text = exportTrustedText(list);
    expect(text.split('\n')[0]).toMatch(/^# /);
    const result = parseTrustedImport(text, NOW);
    expect(sitesOf(result)).toEqual(list.sites.map((entry) => entry.site));
    expect(result.ok && result.list.sites.map((entry) => entry.note)).toEqual(['my bank', '', 'router # admin', '']);
  });
});

describe('helpers', () => {
  it('normalizeTrustedInput gives locale keys', () => {
    expect(normalizeTrustedInput('https://www.example.com/x')).toEqual({ ok: true, site: 'example.com' });
    expect(normalizeTrustedInput('  ')).toEqual({ ok: false, messageKey: 'trusted_error_empty' });
    expect(normalizeTrustedInput('intranet')).toEqual({ ok: false, messageKey: 'trusted_error_incomplete' });
  });

  it('mergeTrustedLists keeps existing entries and notes, fills empty notes, appends new sites', () => {
    const base: TrustedList = { version: 1, sites: [{ site: 'a.com', addedAt: 1, note: 'kept' }, { site: 'b.com', addedAt: 2, note: '' }] };
    const incoming: TrustedList = {
      version: 1,
      sites: [{ site: 'a.com', addedAt: 9, note: 'other' }, { site: 'b.com', addedAt: 9, note: 'filled' }, { site: 'c.com', addedAt: 9, note: '' }],
    };
    expect(mergeTrustedLists(base, incoming)).toEqual({
      list: {
        version: 1,
        sites: [
          { site: 'a.com', addedAt: 1, note: 'kept' },
          { site: 'b.com', addedAt: 2, note: 'filled' },
          { site: 'c.com', addedAt: 9, note: '' },
        ],
      },
      added: 1,
      changed: true,
    });
  });
});
