// Pages' read of the log summary: the stored summary, or when it is damaged one rebuilt from the
// events (slower, so pages say so), with unreadable entries handed to the background to set aside.
import { quarantineLogEntries } from '@/lib/messages/write-requests';
import { readEvents, readSummary } from './log-store';
import type { SummaryPair } from './log-summary';
import { buildSummary } from './log-summary-build';

export async function loadSummaryPairs(db: IDBDatabase): Promise<{ pairs: readonly SummaryPair[]; rebuilt: boolean; unreadable: number }> {
  const summary = await readSummary(db);
  if (summary) return { pairs: summary.pairs, rebuilt: false, unreadable: 0 };
  const { events, unreadable } = await readEvents(db);
  // Set unreadable entries aside (the background is the only writer); the popup goes on without them.
  if (unreadable.length > 0) void quarantineLogEntries(unreadable);
  return { pairs: buildSummary(events).pairs, rebuilt: true, unreadable: unreadable.length };
}

