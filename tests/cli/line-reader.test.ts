import { describe, expect, it } from 'vitest';
import { readLines, type Line } from '@/cli/line-reader';

async function collect(chunks: (string | Uint8Array)[], max = 16): Promise<Line[]> {
  async function* stream() {
    for (const c of chunks) yield typeof c === 'string' ? new TextEncoder().encode(c) : c;
  }
  const out: Line[] = [];
  for await (const line of readLines(stream(), max)) out.push(line);
  return out;
}

describe('readLines', () => {
  it('splits lines across chunk boundaries and strips CR', async () => {
    expect(await collect(['13800', '138000\r\n55 1234', ' 5678\n'])).toEqual([
      { ok: true, text: '13800138000' },
      { ok: true, text: '55 1234 5678' },
    ]);
  });
  it('yields a last line without a newline, and no phantom empty line after a final newline', async () => {
    expect(await collect(['a\nb'])).toEqual([{ ok: true, text: 'a' }, { ok: true, text: 'b' }]);
    expect(await collect(['a\n'])).toEqual([{ ok: true, text: 'a' }]);
  });
  it('keeps empty lines in the middle so line numbers stay aligned', async () => {
    expect(await collect(['a\n\nb\n'])).toEqual([{ ok: true, text: 'a' }, { ok: true, text: '' }, { ok: true, text: 'b' }]);
  });
  it('reports an over-long line without keeping it, then goes on', async () => {
    expect(await collect(['x'.repeat(10), 'x'.repeat(10), '\nok\n'])).toEqual([{ ok: false, error: 'line too long' }, { ok: true, text: 'ok' }]);
  });
  it('reports invalid UTF-8 per line', async () => {
    expect(await collect([new Uint8Array([0x31, 0xff, 0x32, 0x0a]), 'ok\n'])).toEqual([{ ok: false, error: 'invalid UTF-8' }, { ok: true, text: 'ok' }]);
  });
  it('decodes a multi-byte character split across chunks', async () => {
    const bytes = new TextEncoder().encode('身份证\n');
    expect(await collect([bytes.subarray(0, 4), bytes.subarray(4)])).toEqual([{ ok: true, text: '身份证' }]);
  });
});
