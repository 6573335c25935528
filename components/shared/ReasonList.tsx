// The "why" behind a verdict: each classifier reason in the user's language.
import type { Reason } from '@/lib/types';
import { describeReason } from '@/lib/locale/i18n';

export function ReasonList({ reasons, label }: { reasons: readonly Reason[]; label: string }) {
  if (reasons.length === 0) return null;
  return (
    <ul class="reasons" aria-label={label}>
      {reasons.map((reason) => (
        <li key={`${reason.code}:${reason.detail}`}>{describeReason(reason)}</li>
      ))}
    </ul>
  );
}
