// `scan FILE... [--url URL]`: the field and loan-page classifiers over saved pages, one JSON line each.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { scanFields } from '../lib/detect/field-scan';
import { classifyLoanDocument } from '../lib/detect/loan-classifier';
import type { Reason } from '../lib/types';
import { CliError, type ParsedArgs } from './args';
import { decodePage, PageLoadError, parsePage } from './load-page';
import { englishReason } from './reasons';
import { writeLines } from './output';

export interface ScanResult {
  file: string;
  url: string;
  loan: { isLoanPage: boolean; score: number; reasons: string[] };
  fields: { selector: string; kind: string; country: string | null; confidence: number; reasons: string[]; parts?: number }[];
}

const round = (n: number): number => Math.round(n * 100) / 100;
const describe = (reasons: readonly Reason[]): string[] => reasons.map(englishReason);

export async function scanFile(file: string, url: string): Promise<ScanResult> {
  const page = parsePage(decodePage(await readFile(file)), url);
  try {
    const fields = scanFields(page.document);
    const loan = classifyLoanDocument(page.document, url, fields.map((f) => f.verdict));
    return {
      file,
      url,
      loan: { isLoanPage: loan.isLoanPage, score: round(loan.score), reasons: describe(loan.reasons) },
      fields: fields.map(({ selector, verdict }) => ({
        selector,
        kind: verdict.kind,
        country: verdict.country ?? null,
        confidence: round(verdict.confidence),
        reasons: describe(verdict.reasons),
        ...(verdict.parts ? { parts: verdict.parts } : {}),
      })),
    };
  } finally {
    await page.close();
  }
}

function fileError(error: unknown): string {
  if (error instanceof PageLoadError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

export async function runScan({ positional, options }: ParsedArgs): Promise<number> {
  if (positional.length === 0) throw new CliError('scan needs at least one FILE');
  const fixedUrl = options.get('url');
  if (fixedUrl !== undefined && !URL.canParse(fixedUrl)) throw new CliError(`--url is not a valid URL: ${fixedUrl}`);
  let failures = 0;
  const lines: string[] = [];
  for (const file of positional) {
    const url = fixedUrl ?? pathToFileURL(path.resolve(file)).href;
    try {
      lines.push(JSON.stringify(await scanFile(file, url)));
    } catch (error) {
      failures++;
      const message = fileError(error);
      process.stderr.write(`loanguard: ${file}: ${message}\n`);
      lines.push(JSON.stringify({ file, url, error: message }));
    }
    if (lines.length >= 100) await writeLines(lines.splice(0));
  }
  await writeLines(lines);
  return failures > 0 ? 1 : 0;
}
