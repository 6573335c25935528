// Wording shared by the trusted-list parts: a write's error key as text, an import problem as text.
import { t } from '@/lib/locale/i18n';
import type { ImportProblem } from '@/lib/trust/trusted-import';

/** Reply errors are locale keys; ones from outside this feature (e.g. the message failing) get ours. */
export const trustedErrorKey = (key: string): string => (key.startsWith('trusted_') ? key : 'trusted_error_write');
export const trustedErrorText = (key: string): string => t(trustedErrorKey(key));

/** Problems whose `text` is a number that belongs inside the message. */
const COUNT_KEYS = new Set(['trusted_import_too_many', 'trusted_import_more_problems']);

export function importProblemText(problem: ImportProblem): string {
  if (COUNT_KEYS.has(problem.messageKey)) return t(problem.messageKey, [problem.text]);
  const message = t(problem.messageKey);
  const line = /^line (\d+)$/.exec(problem.where)?.[1];
  const where = line ? t('trusted_import_where_line', [line]) : problem.where;
  if (where && problem.text) return t('trusted_import_problem_at', [where, problem.text, message]);
  if (where) return t('trusted_import_problem_where', [where, message]);
  if (problem.text) return t('trusted_import_problem_text', [problem.text, message]);
  return message;
}
