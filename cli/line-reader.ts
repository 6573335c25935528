// Reads a byte stream as lines without ever holding an over-long line in memory: a line past the
// limit is reported as `tooLong` (its text dropped), and each line is checked as strict UTF-8.

export type Line = { ok: true; text: string } | { ok: false; error: 'line too long' | 'invalid UTF-8' };

export async function* readLines(stream: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Uint8Array[] = [];
  let length = 0;
  let tooLong = false;

  const finish = (): Line => {
    const line: Line = tooLong ? { ok: false, error: 'line too long' } : decode(Buffer.concat(parts, length));
    parts = [];
    length = 0;
    tooLong = false;
    return line;
  };
  const decode = (bytes: Uint8Array): Line => {
    try {
      return { ok: true, text: decoder.decode(bytes).replace(/\r$/, '') };
    } catch {
      return { ok: false, error: 'invalid UTF-8' };
    }
  };
  const keep = (bytes: Uint8Array): void => {
    if (tooLong) return;
    if (length + bytes.length > maxBytes) {
      tooLong = true;
      parts = [];
      length = 0;
      return;
    }
    parts.push(bytes);
    length += bytes.length;
  };

  let pendingLine = false;
  for await (const chunk of stream) {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      keep(chunk.subarray(start, newline));
      yield finish();
      start = newline + 1;
    }
    keep(chunk.subarray(start));
    pendingLine = length > 0 || tooLong;
  }
  if (pendingLine) yield finish();
}
