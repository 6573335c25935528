// Birth-date rules shared by every ID format that embeds a date (CN, MX, ID, VN): a real calendar
// day, not in the future, not before 1900. Dependency-free: the in-page checks use it too.

export type DateProblem = 'date' | 'future' | 'old';

/**
 * What is wrong with a birth date, or null. Compared as plain calendar days (UTC), so the time zone
 * never flips a result; `now` is injectable for tests.
 */
export function birthDateProblem(year: number, month: number, day: number, now: Date = new Date()): DateProblem | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return 'date';
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return 'date';
  if (year < 1900) return 'old';
  if (d.getTime() > Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) return 'future';
  return null;
}

/** Two-digit year of a birth date: the latest century that does not put it in the future. */
export function expandBirthYear(yy: number, now: Date = new Date()): number {
  const current = now.getFullYear();
  const y = Math.floor(current / 100) * 100 + yy;
  return y > current ? y - 100 : y;
}
