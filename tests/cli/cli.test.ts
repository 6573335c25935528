// The CLI as a user runs it: a real process, real files, real stdin; checks output lines and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Each case starts a real process (tsx compiles the CLI): seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const root = path.resolve(__dirname, '../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/pages', name);

function cli(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: root, input, timeout: 60_000 });
  const stdout = result.stdout.toString('utf8');
  return {
    status: result.status,
    stderr: result.stderr.toString('utf8'),
    lines: stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'loanguard-cli-'));

describe('cli validate', () => {
  it('validates national IDs against every checksum country when no country is given', () => {
    const { status, lines } = cli(['validate', '--kind', 'national-id'], '11010519491231002X\n529.982.247-25\n11010519491231002Y\n');
    expect(status).toBe(0);
    expect(lines[0]).toMatchObject({ input: '11010519491231002X', valid: true, kind: 'national-id', country: 'CN', masked: '1101**********002X' });
    expect(lines[1]).toMatchObject({ valid: true, country: 'BR', normalized: '52998224725' });
    expect(lines[2]).toMatchObject({ valid: false, masked: null });
    expect(typeof lines[2]!.error).toBe('string');
  });

  it('does not accept a no-checksum number without a country, but does with one', () => {
    expect(cli(['validate', '--kind', 'national-id'], '12345678901\n').lines[0]).toMatchObject({ valid: false });
    expect(cli(['validate', '--kind', 'national-id', '--country', 'ng'], '12345678901\n').lines[0]).toMatchObject({ valid: true, country: 'NG' });
  });

  it('normalises the same phone number written three ways', () => {
    const { lines } = cli(['validate', '--kind', 'phone', '--country', 'CN'], '+86 138 0013 8000\n138-0013-8000\n8613800138000\n');
    expect(lines.map((l) => l.normalized)).toEqual(['+8613800138000', '+8613800138000', '+8613800138000']);
    expect(lines[0]!.masked).toBe('138****8000');
  });

  it('validates bank cards and, for Mexico, CLABE numbers', () => {
    const { lines } = cli(['validate', '--kind', 'bank-card', '--country', 'MX'], '4111 1111 1111 1111\n032180000118359719\n4111111111111112\n');
    expect(lines[0]).toMatchObject({ valid: true, masked: '4111********1111' });
    expect(lines[1]).toMatchObject({ valid: true, scheme: 'mx-clabe' });
    expect(lines[2]).toMatchObject({ valid: false });
  });

  it('reports empty, over-long and invalid UTF-8 lines one by one and exits 1', () => {
    const input = Buffer.concat([Buffer.from('\n'), Buffer.from('9'.repeat(1_048_576) + '\n'), Buffer.from([0x31, 0xff, 0x0a]), Buffer.from('13800138000\n')]);
    const { status, lines, stderr } = cli(['validate', '--kind', 'phone', '--country', 'CN'], input);
    expect(status).toBe(1);
    expect(lines.map((l) => l.error)).toEqual(['empty line', 'line too long', 'invalid UTF-8', null]);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    [['validate'], /needs --kind/],
    [['validate', '--kind', 'passport'], /unknown kind "passport"/],
    [['validate', '--kind', 'national-id', '--country', 'ZZ'], /no national ID rules for country "ZZ"/],
    [['validate', '--kind', 'phone', '--country', 'Mexico'], /two-letter country code/],
    [['validate', '--kind', 'phone', '--bogus', 'x'], /unknown option --bogus/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('rejects %j with one line on stderr and exit 2', (args, message) => {
    const { status, stderr, lines } = cli(args, '');
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')[0]).toMatch(/^loanguard: /);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(lines).toEqual([]);
  });
});

describe('cli scan', () => {
  it('prints one line per page, with selectors that find the fields again', async () => {
    const files = ['es-mx-loan-application.html', 'es-mx-hospital-appointment.html'].map(fixture);
    const { status, lines } = cli(['scan', ...files, '--url', 'https://www.example.mx/solicitud']);
    expect(status).toBe(0);
    expect(lines).toHaveLength(2);
    const [loan, hospital] = lines as { file: string; url: string; loan: { isLoanPage: boolean; reasons: string[] }; fields: { selector: string; kind: string }[] }[];
    expect(loan!.loan.isLoanPage).toBe(true);
    expect(loan!.loan.reasons.length).toBeGreaterThan(0);
    expect(hospital!.loan.isLoanPage).toBe(false);
    expect(loan!.url).toBe('https://www.example.mx/solicitud');
    const { Window } = await import('happy-dom');
    const { readFileSync } = await import('node:fs');
    const window = new Window();
    window.document.write(readFileSync(files[0]!, 'utf8'));
    for (const field of loan!.fields) {
      expect(window.document.querySelector(field.selector), field.selector).not.toBeNull();
    }
    expect(loan!.fields.map((f) => f.kind)).toEqual(expect.arrayContaining(['national-id', 'phone']));
    await window.happyDOM.close();
  });

  it('reads a GBK-encoded page by its declared charset', () => {
    const gbk = new Uint8Array([
      ...Buffer.from('<html><head><meta charset="gbk"><title>'),
      0xbd, 0xe8, 0xbf, 0xee, // 借款
      ...Buffer.from('</title></head><body><label for="m">'),
      0xca, 0xd6, 0xbb, 0xfa, 0xba, 0xc5, // 手机号
      ...Buffer.from('</label><input id="m" name="m"></body></html>'),
    ]);
    const file = path.join(tmp, 'gbk.html');
    writeFileSync(file, gbk);
    const { lines } = cli(['scan', file]);
    expect(lines[0]).toMatchObject({ fields: [expect.objectContaining({ selector: '#m', kind: 'phone' })] });
  });

  it('keeps going past a missing or binary file, reporting each, and exits 1', () => {
    const binary = path.join(tmp, 'image.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const { status, lines, stderr } = cli(['scan', path.join(tmp, 'missing.html'), binary, fixture('es-mx-loan-signup.html')]);
    expect(status).toBe(1);
    expect(lines.map((l) => l.error ?? 'ok')).toEqual(['no such file', 'binary file, not an HTML page', 'ok']);
    expect(stderr.trim().split('\n')).toHaveLength(2);
  });

  it('needs at least one file and a valid --url', () => {
    expect(cli(['scan']).status).toBe(2);
    const bad = cli(['scan', fixture('es-mx-loan-signup.html'), '--url', 'not a url']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--url is not a valid URL/);
  });
});
