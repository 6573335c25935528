// Reading one held request's description from storage.session: shared by the background and the
// prompt page (which reads it directly, one message hop sooner). Kept apart from hold-store so the
// prompt doesn't load the public-suffix list.
import { browser } from 'wxt/browser';
import { holdSchema, type Hold } from '@/lib/messages/guard-messages';

export const holdKey = (holdId: string): string => `hold:${holdId}`;

export async function readHold(holdId: string): Promise<Hold | null> {
  const stored = (await browser.storage.session.get(holdKey(holdId)))[holdKey(holdId)];
  const parsed = holdSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
