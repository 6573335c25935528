// The background's single writer of the trusted list: every change (pages' trusted-update, the prompt's
// "Trust", sync merges) runs through one lock, is validated, and is then copied to sync if the user asked.
import { trustedOpSchema, type TrustedOp, type WriteReply } from '@/lib/messages/write-messages';
import { loadSettings } from '@/lib/settings/settings';
import { cleanNote, IMPORT_MAX_ENTRIES, mergeTrustedLists, normalizeTrustedInput } from './trusted-import';
import { pushTrustedToSync, withTrustedWriteLock } from './trusted-sync';
import { loadTrustedList, saveTrustedList, trustedStore, type TrustedList, type TrustedSite } from './trusted-list';

interface Outcome {
  reply: WriteReply;
  /** The list to store, when the operation changed it. */
  next?: TrustedList;
}

const refuse = (error: string): Outcome => ({ reply: { ok: false, error } });
const done = (count: number, next?: TrustedList): Outcome => ({ reply: { ok: true, count }, next });

/** An entry as stored, or as typed (normalised) when it is not found as stored. */
function findIndex(list: TrustedList, site: string): number {
  const exact = list.sites.findIndex((entry) => entry.site === site);
  if (exact >= 0) return exact;
  const normalized = normalizeTrustedInput(site);
  return normalized.ok ? list.sites.findIndex((entry) => entry.site === normalized.site) : -1;
}

const replaceAt = (list: TrustedList, index: number, entry: TrustedSite): TrustedList => ({
  version: 1,
  sites: list.sites.map((existing, at) => (at === index ? entry : existing)),
});

/** Re-checks every imported site here: the page's parse is not trusted. */
function normalizeImport(list: TrustedList): TrustedList | null {
  const bySite = new Map<string, TrustedSite>();
  for (const entry of list.sites) {
    const normalized = normalizeTrustedInput(entry.site);
    if (!normalized.ok) return null;
    const note = cleanNote(entry.note);
    const existing = bySite.get(normalized.site);
    if (!existing) bySite.set(normalized.site, { site: normalized.site, addedAt: entry.addedAt, note });
    else if (existing.note === '') existing.note = note;
  }
  return { version: 1, sites: [...bySite.values()] };
}

function plan(op: TrustedOp, list: TrustedList, now: number): Outcome {
  switch (op.op) {
    case 'add': {
      const normalized = normalizeTrustedInput(op.site);
      if (!normalized.ok) return refuse(normalized.messageKey);
      const note = cleanNote(op.note);
      const index = list.sites.findIndex((entry) => entry.site === normalized.site);
      if (index >= 0) {
        const existing = list.sites[index]!;
        return note && note !== existing.note ? done(0, replaceAt(list, index, { ...existing, note })) : done(0);
      }
      if (list.sites.length >= IMPORT_MAX_ENTRIES) return refuse('trusted_error_too_many');
      return done(1, { version: 1, sites: [...list.sites, { site: normalized.site, addedAt: now, note }] });
    }
    case 'remove': {
      const index = findIndex(list, op.site);
      if (index < 0) return done(0);
      return done(1, { version: 1, sites: list.sites.filter((_, at) => at !== index) });
    }
    case 'note': {
      const index = findIndex(list, op.site);
      if (index < 0) return refuse('trusted_error_not_found');
      const existing = list.sites[index]!;
      const note = cleanNote(op.note);
      return note === existing.note ? done(0) : done(1, replaceAt(list, index, { ...existing, note }));
    }
    case 'import': {
      const incoming = normalizeImport(op.list);
      if (!incoming) return refuse('trusted_error_invalid');
      if (op.mode === 'replace') return done(incoming.sites.length, incoming);
      const merged = mergeTrustedLists(list, incoming);
      if (merged.list.sites.length > IMPORT_MAX_ENTRIES) return refuse('trusted_error_too_many');
      return done(merged.added, merged.changed ? merged.list : undefined);
    }
  }
}

const isQuotaError = (error: unknown): boolean => /quota/i.test(error instanceof Error ? `${error.name} ${error.message}` : String(error));

// One pending push serves every change made before it starts (20 quick adds → one sync write).
let pendingPush: Promise<void> | null = null;
let pendingPushAt = 0;

function requestSyncPush(now: number): Promise<void> {
  pendingPushAt = Math.max(pendingPushAt, now);
  if (pendingPush) return pendingPush;
  const push = withTrustedWriteLock(async () => {
    pendingPush = null;
    const at = pendingPushAt;
    pendingPushAt = 0;
    if (!(await loadSettings()).value.syncTrusted) return;
    const { value: list } = await loadTrustedList();
    await pushTrustedToSync(list, at); // records its own outcome; never throws
  });
  pendingPush = push.catch(() => undefined);
  return pendingPush;
}

/**
 * Applies one change to the trusted list. Calls run one at a time (none loses another's change);
 * a refused change stores nothing. Replies with a count (sites added, removed or notes changed; for
 * replace, the new size). A sync failure does not fail the change: it shows in `trustedSyncStatus`.
 */
export async function applyTrustedOp(op: TrustedOp, now: number): Promise<WriteReply> {
  const parsed = trustedOpSchema.safeParse(op);
  if (!parsed.success) return { ok: false, error: 'trusted_error_invalid' };
  let outcome: Outcome;
  try {
    outcome = await withTrustedWriteLock(async () => {
      // The one writer sets a damaged list aside before changing it (see stored-object.ts).
      const { value: list } = await trustedStore.repair(now);
      const result = plan(parsed.data, list, now);
      if (result.next) await saveTrustedList(result.next);
      return result;
    });
  } catch (error) {
    return { ok: false, error: isQuotaError(error) ? 'trusted_error_quota' : 'trusted_error_write' };
  }
  if (outcome.next) await requestSyncPush(now);
  return outcome.reply;
}

/** The prompt's "Trust this site": the same lock and rules as the options page's add. */
export function trustSiteFromPrompt(site: string, now: number): Promise<WriteReply> {
  return applyTrustedOp({ op: 'add', site: site.slice(0, 2048), note: '' }, now);
}

/** Undo right after the prompt's "Trust this site": the same lock and rules as the options page's remove. */
export function untrustSite(site: string, now: number): Promise<WriteReply> {
  return applyTrustedOp({ op: 'remove', site: site.slice(0, 300) }, now);
}
