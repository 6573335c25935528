// Where decision events go until the private log takes them over: a bounded, zod-validated list in
// storage.local, written only by the background (one writer, serialised), newest last.
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { shareEventSchema, type ShareEvent } from './guard-messages';

export const SHARE_EVENTS_KEY = 'shareEvents';
const MAX_EVENTS = 5_000;

let queue: Promise<unknown> = Promise.resolve();

export function appendShareEvents(events: readonly ShareEvent[]): Promise<void> {
  const task = queue.then(async () => {
    const stored = (await browser.storage.local.get(SHARE_EVENTS_KEY))[SHARE_EVENTS_KEY];
    const existing = z.array(z.unknown()).safeParse(stored);
    const valid = events.map((event) => shareEventSchema.parse(event));
    const next = [...(existing.success ? existing.data : []), ...valid].slice(-MAX_EVENTS);
    await browser.storage.local.set({ [SHARE_EVENTS_KEY]: next });
  });
  queue = task.catch(() => undefined);
  return task;
}

export async function readShareEvents(): Promise<ShareEvent[]> {
  const stored = (await browser.storage.local.get(SHARE_EVENTS_KEY))[SHARE_EVENTS_KEY];
  const list = z.array(z.unknown()).safeParse(stored);
  if (!list.success) return [];
  return list.data.flatMap((entry) => {
    const parsed = shareEventSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
