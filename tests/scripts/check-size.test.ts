// The build's size check (scripts/check-size.ts, run by `npm test` after the build) passes a build
// within budget and names what is over when one is not.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KB, measureBuild } from '@/scripts/check-size';

/** A fake build: random bytes do not compress, so gzipped size ≈ raw size. */
function fakeBuild(sizes: Record<string, number>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'loanguard-size-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ content_scripts: [{ js: ['frame-boot.js'] }, { js: ['page-guard.js'] }] }));
  for (const [file, bytes] of Object.entries(sizes)) {
    writeFileSync(path.join(dir, file), randomBytes(bytes));
  }
  return dir;
}

describe('the build size check', () => {
  const budgets = { everyFrame: 9 * KB, withInputs: 30 * KB, shown: 6 * KB };

  it('adds the always-on scripts, then frame-core.js for a frame with inputs', () => {
    const report = measureBuild(fakeBuild({ 'frame-boot.js': 2 * KB, 'page-guard.js': 4 * KB, 'frame-core.js': 10 * KB, 'frame-ui.js': 3 * KB }), budgets);
    expect(report.over).toEqual([]);
    expect(report.withInputs - report.everyFrame).toBe(report.files.find((f) => f.file === 'frame-core.js')!.gzip);
    expect(report.files.map((f) => f.when)).toEqual(['every frame', 'every frame', 'frames with inputs', 'when shown']);
  });

  it('fails when the scripts of a frame with inputs are over budget, and says by how much', () => {
    const report = measureBuild(fakeBuild({ 'frame-boot.js': 2 * KB, 'page-guard.js': 4 * KB, 'frame-core.js': 26 * KB, 'frame-ui.js': 3 * KB }), budgets);
    expect(report.over).toHaveLength(1);
    expect(report.over[0]).toMatch(/^a frame with inputs: 3\d\.\d KB > 30\.0 KB$/);
  });

  it('fails when the always-on scripts alone are over budget', () => {
    const report = measureBuild(fakeBuild({ 'frame-boot.js': 5 * KB, 'page-guard.js': 5 * KB, 'frame-core.js': 1 * KB, 'frame-ui.js': 1 * KB }), budgets);
    expect(report.over.some((line) => line.startsWith('every frame:'))).toBe(true);
  });
});
