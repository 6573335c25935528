// Reading one held request's description from storage.session: shared by the background and the
// prompt page. Kept apart from hold-store so the prompt doesn't load the public-suffix list.
import { browser } from 'wxt/browser';
import { holdSchema, type Hold } from '@/lib/messages/guard-messages';

export const holdKey = (holdId: string): string => `hold:${holdId}`;

export class DamagedHoldError extends Error {}

/** The hold, or null when there is none (answered, expired); throws when what is stored is unreadable. */
export async function readHold(holdId: string): Promise<Hold | null> {
  const stored = (await browser.storage.session.get(holdKey(holdId)))[holdKey(holdId)];
  if (stored === undefined) return null;
  const parsed = holdSchema.safeParse(stored);
  if (!parsed.success) throw new DamagedHoldError(`hold ${holdId} is unreadable`);
  return parsed.data;
}
