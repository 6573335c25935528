// Buffered stdout for the CLI: many lines per write, and respect for back-pressure so 100,000
// results don't pile up in memory or get cut off when stdout is a pipe.

export function writeLines(lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return Promise.resolve();
  const chunk = `${lines.join('\n')}\n`;
  return new Promise((resolve, reject) => {
    process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}
