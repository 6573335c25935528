// Log export files: RFC 4180 CSV with BOM, CRLF and a formula-injection guard; JSON that reads back
// through shareEventSchema unchanged; dated file names.
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_ROWS_PER_PART, eventsToCsvParts, eventsToJson, exportFileName, quarantineToJson, type CsvColumn } from '@/lib/log/log-export';
import { shareEventSchema, type ShareEvent } from '@/lib/log/share-event';

const FP = 'ab'.repeat(32);
/** The whole CSV file's text, as a Blob of the parts holds it. */
const eventsToCsv = (...args: Parameters<typeof eventsToCsvParts>): string => eventsToCsvParts(...args).join('');
const event = (overrides: Partial<ShareEvent> = {}): ShareEvent => ({
  version: 2,
  id: 'hold_0123456789abcdef-0',
  at: Date.UTC(2026, 10, 22, 8, 30, 15, 250),
  decision: 'sent-once',
  route: 'form',
  pageUrl: 'https://shop.example/signup',
  pageTitle: 'Sign up',
  pageSite: 'shop.example',
  destinationSites: ['kuaidai-loans.example'],
  isLoanPage: true,
  kind: 'phone',
  masked: '138****8000',
  country: 'CN',
  fingerprint: FP,
  ...overrides,
});

const HEADERS = Object.fromEntries(CSV_COLUMNS.map((column) => [column, column.toUpperCase()])) as Record<CsvColumn, string>;

/** A minimal RFC 4180 reader, so assertions see the cells a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const cellsOf = (csv: string) => parseCsv(csv.slice(1));
const column = (name: CsvColumn) => CSV_COLUMNS.indexOf(name);

describe('the CSV file (eventsToCsvParts, joined)', () => {
  it('starts with a UTF-8 BOM, ends lines with CRLF and has a header row in the documented order', () => {
    const csv = eventsToCsv([event(), event({ id: 'hold_0123456789abcdef-1' })], HEADERS);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const body = csv.slice(1);
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.split('\r\n')).toHaveLength(4); // header, two rows, trailing empty
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(cellsOf(csv)[0]).toEqual([
      'TIME', 'TIMEMS', 'DECISION', 'KIND', 'MASKED', 'DESTINATIONSITES', 'PAGESITE', 'PAGEURL', 'PAGETITLE', 'LOANPAGE', 'ROUTE', 'FINGERPRINT', 'ID',
    ]);
  });

  it('writes ISO 8601 time and epoch ms, joined sites, yes/no, the first 16 fingerprint hex digits and the id', () => {
    const [, row] = cellsOf(eventsToCsv([event({ destinationSites: ['a.example', 'b.example'] })], HEADERS));
    expect(row).toEqual([
      '2026-11-22T08:30:15.250Z',
      String(Date.UTC(2026, 10, 22, 8, 30, 15, 250)),
      'sent-once',
      'phone',
      '138****8000',
      'a.example b.example',
      'shop.example',
      'https://shop.example/signup',
      'Sign up',
      'yes',
      'form',
      'abababababababab',
      'hold_0123456789abcdef-0',
    ]);
    const [, old] = cellsOf(eventsToCsv([event({ fingerprint: null, isLoanPage: false })], HEADERS));
    expect(old![column('fingerprint')]).toBe('');
    expect(old![column('loanPage')]).toBe('no');
  });

  it('quotes fields with commas, quotes and line breaks, doubling inner quotes', () => {
    const title = 'Loans, "fast"\r\nand\neasy';
    const csv = eventsToCsv([event({ pageTitle: title })], HEADERS);
    expect(csv).toContain('"Loans, ""fast""\r\nand\neasy"');
    expect(cellsOf(csv)[1]![column('pageTitle')]).toBe(title);
    expect(cellsOf(csv)).toHaveLength(2);
  });

  it('keeps Chinese text intact and unquoted', () => {
    const csv = eventsToCsv([event({ pageTitle: '快贷 - 极速借款，当天到账' })], HEADERS);
    // The full-width comma is not a separator: no quoting needed.
    expect(csv).toContain(',快贷 - 极速借款，当天到账,');
    expect(cellsOf(csv)[1]![column('pageTitle')]).toBe('快贷 - 极速借款，当天到账');
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const title = `${start}HYPERLINK("http://evil.example","x")`;
      const cell = cellsOf(eventsToCsv([event({ pageTitle: title })], HEADERS))[1]![column('pageTitle')];
      expect(cell).toBe(`'${title}`);
    }
    const csv = eventsToCsv([event({ pageTitle: '=1+1', pageSite: '@evil' })], HEADERS);
    const [, row] = cellsOf(csv);
    expect(row![column('pageSite')]).toBe("'@evil");
    // Masked values, ordinary titles and the epoch column are left alone.
    expect(row![column('masked')]).toBe('138****8000');
    expect(cellsOf(eventsToCsv([event({ pageTitle: 'Sign-up = easy' })], HEADERS))[1]![column('pageTitle')]).toBe('Sign-up = easy');
    expect(cellsOf(eventsToCsv([event({ at: -1000 })], HEADERS))[1]![column('timeMs')]).toBe('-1000');
  });

  it('also defuses the headers and uses translated values when given', () => {
    const headers = { ...HEADERS, pageTitle: '=title' };
    const csv = eventsToCsv([event({ decision: 'cancelled', isLoanPage: false })], headers, {
      decision: (decision) => (decision === 'cancelled' ? '已拦截' : '已发送'),
      kind: () => '手机号',
      yes: '是',
      no: '否',
    });
    const [head, row] = cellsOf(csv);
    expect(head![column('pageTitle')]).toBe("'=title");
    expect(row![column('decision')]).toBe('已拦截');
    expect(row![column('kind')]).toBe('手机号');
    expect(row![column('loanPage')]).toBe('否');
  });

  it('writes only the header for an empty list', () => {
    expect(cellsOf(eventsToCsv([], HEADERS))).toHaveLength(1);
  });
});

describe('eventsToCsvParts', () => {
  it('gives the text in parts: the BOM and header, then whole rows, each part ending a line', async () => {
    const events = Array.from({ length: CSV_ROWS_PER_PART * 2 + 7 }, (_, i) => event({ id: `hold_${String(i).padStart(8, '0')}-0`, at: 1_700_000_000_000 + i }));
    const parts = eventsToCsvParts(events, HEADERS);
    expect(parts).toHaveLength(1 + 3);
    expect(parts[0]!.startsWith('\uFEFF')).toBe(true);
    expect(parts.map((part) => part.split('\r\n').length - 1)).toEqual([1, CSV_ROWS_PER_PART, CSV_ROWS_PER_PART, 7]);
    for (const part of parts) expect(part.endsWith('\r\n')).toBe(true);
    // What the options page saves: a Blob of the parts holds exactly the text.
    expect(new Uint8Array(await new Blob(parts).arrayBuffer())).toEqual(new TextEncoder().encode(parts.join('')));
  });

  it('is the header alone for an empty list', () => {
    expect(eventsToCsvParts([], HEADERS)).toEqual([eventsToCsv([], HEADERS)]);
  });
});

describe('eventsToJson', () => {
  it('round-trips: every exported event parses back through shareEventSchema to the same event', () => {
    const events = [
      event(),
      event({ id: 'hold_1111111111111111-0', decision: 'cancelled', pageTitle: '快贷 "借款"\n', fingerprint: null }),
      event({ id: 'hold_2222222222222222-3', kind: 'national-id', masked: '1101**********1234', destinationSites: ['a.example', 'xn--fiq228c.example'] }),
    ];
    const { country: _country, ...withoutCountry } = event({ id: 'hold_3333333333333333-0' });
    events.push(withoutCountry);
    const text = eventsToJson(events, { exportedAt: 1_800_000_000_000, filter: { site: 'a.example', kinds: ['phone'] } });
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ format: 'loanguard-log', version: 2, exportedAt: 1_800_000_000_000, filter: { site: 'a.example', kinds: ['phone'] } });
    expect(parsed.events.map((raw: unknown) => shareEventSchema.parse(raw))).toEqual(events);
    expect(text).toContain('\n  "events": ['); // pretty-printed
  });

  it('writes filter null when there is none', () => {
    expect(JSON.parse(eventsToJson([], { exportedAt: 5 }))).toEqual({ format: 'loanguard-log', version: 2, exportedAt: 5, filter: null, events: [] });
  });

  it('keeps unreadable entries verbatim in their own format', () => {
    const parsed = JSON.parse(quarantineToJson([{ at: 1, reason: 'schema', raw: { odd: [1, 2] } }], 9));
    expect(parsed).toEqual({ format: 'loanguard-log-unreadable', version: 1, exportedAt: 9, entries: [{ at: 1, reason: 'schema', raw: { odd: [1, 2] } }] });
  });
});

describe('exportFileName', () => {
  it('names the file by local date and kind', () => {
    const now = new Date(2026, 10, 22, 12, 0).getTime();
    expect(exportFileName('csv', now)).toBe('loanguard-log-2026-11-22.csv');
    expect(exportFileName('json', now)).toBe('loanguard-log-2026-11-22.json');
    expect(exportFileName('html', new Date(2027, 0, 5, 23, 59).getTime())).toBe('loanguard-log-2027-01-05.html');
    expect(exportFileName('json', now, 'loanguard-log-unreadable')).toBe('loanguard-log-unreadable-2026-11-22.json');
  });
});
