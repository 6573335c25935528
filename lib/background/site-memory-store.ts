// The site memory in storage.local: which registrable domains showed a loan sign-up, and the user's
// own "loan site / not a loan site" marks (lib/detect/site-memory.ts holds the rules). Versioned and
// zod-validated like the settings and the trusted list; the background is the only writer, through
// one queue, and a damaged copy is set aside under `quarantine:siteMemory`.
import * as z from 'zod/mini';
import { storedObject } from '@/lib/settings/stored-object';
import { applySiteMemoryOp, EMPTY_SITE_MEMORY, entryOf, recordLoanPage, SITE_MEMORY_MAX, type SiteMemory, type SiteMemoryEntry, type SiteMemoryOp } from '@/lib/detect/site-memory';

export const SITE_MEMORY_KEY = 'siteMemory';

const site = z.string().check(z.minLength(1), z.maxLength(253));
export const siteMemoryEntrySchema = z.object({
  site,
  detected: z.optional(z.object({ page: z.string().check(z.maxLength(500)), at: z.number() })),
  user: z.optional(z.object({ loan: z.boolean(), at: z.number() })),
});

export const siteMemorySchema = z.object({
  version: z.literal(1),
  sites: z.array(siteMemoryEntrySchema).check(z.maxLength(SITE_MEMORY_MAX)),
});

/** A change an extension page may ask for (lib/messages/write-messages.ts carries it). */
export const siteMemoryOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('mark'), site, loan: z.boolean() }),
  z.object({ op: z.literal('unmark'), site }),
  z.object({ op: z.literal('forget'), site }),
  z.object({ op: z.literal('restore'), entry: siteMemoryEntrySchema }),
]);

export const siteMemoryStore = storedObject<SiteMemory>(SITE_MEMORY_KEY, siteMemorySchema, EMPTY_SITE_MEMORY);
export const loadSiteMemory = siteMemoryStore.load;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `change` on the stored memory after every earlier change; writes only when it changed. */
function update(change: (memory: SiteMemory) => SiteMemory): Promise<SiteMemory> {
  const task = async (): Promise<SiteMemory> => {
    const { value } = await siteMemoryStore.load();
    const next = change(value);
    if (next !== value) await siteMemoryStore.save(next);
    return next;
  };
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** A page of `site` was classified as a loan page: remember the site (first page only). */
export const rememberLoanPage = (siteName: string, url: string, now: number): Promise<SiteMemory> =>
  update((memory) => recordLoanPage(memory, siteName, url, now));

/** The user's change from the popup or the options page. */
export const changeSiteMemory = (change: SiteMemoryOp, now: number): Promise<SiteMemory> =>
  update((memory) => applySiteMemoryOp(memory, change, now));

/** The entry for `site`, read as stored (a damaged memory reads as empty). */
export async function siteMemoryEntry(siteName: string): Promise<SiteMemoryEntry | undefined> {
  return entryOf((await siteMemoryStore.load()).value, siteName);
}
