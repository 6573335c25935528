// The user's trusted-platform list: registrable domains the guard never asks about. One versioned,
// zod-validated object in storage.local; an unreadable list is kept aside, never silently dropped.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

export const TRUSTED_KEY = 'trustedSites';
export const TRUSTED_QUARANTINE_KEY = 'quarantine:trustedSites';

export const trustedSiteSchema = z.object({
  /** Registrable domain (ASCII/punycode), IP address or `localhost`, as made by normalizeTrustedEntry. */
  site: z.string().check(z.minLength(1), z.maxLength(253)),
  addedAt: z.number(),
  note: z._default(z.string().check(z.maxLength(200)), ''),
});
export type TrustedSite = z.infer<typeof trustedSiteSchema>;

export const trustedListSchema = z.object({
  version: z.literal(1),
  sites: z.array(trustedSiteSchema).check(z.maxLength(10_000)),
});
export type TrustedList = z.infer<typeof trustedListSchema>;

export const EMPTY_TRUSTED_LIST: TrustedList = { version: 1, sites: [] };

export interface LoadedTrustedList {
  list: TrustedList;
  recovered: boolean;
}

export function parseTrustedList(stored: unknown): LoadedTrustedList {
  if (stored === undefined) return { list: EMPTY_TRUSTED_LIST, recovered: false };
  const parsed = trustedListSchema.safeParse(stored);
  return parsed.success ? { list: parsed.data, recovered: false } : { list: EMPTY_TRUSTED_LIST, recovered: true };
}

export async function loadTrustedList(): Promise<LoadedTrustedList> {
  const stored = (await browser.storage.local.get(TRUSTED_KEY))[TRUSTED_KEY];
  const loaded = parseTrustedList(stored);
  if (loaded.recovered) await browser.storage.local.set({ [TRUSTED_QUARANTINE_KEY]: { at: Date.now(), raw: stored } });
  return loaded;
}

/** The sites alone, for matching. */
export const trustedSiteNames = (list: TrustedList): string[] => list.sites.map((entry) => entry.site);

/** Adds `site` (already normalised) unless present; returns the new list. */
export function withTrustedSite(list: TrustedList, site: string, now: number, note = ''): TrustedList {
  if (list.sites.some((entry) => entry.site === site)) return list;
  return { ...list, sites: [...list.sites, { site, addedAt: now, note }] };
}

export async function saveTrustedList(list: TrustedList): Promise<void> {
  await browser.storage.local.set({ [TRUSTED_KEY]: trustedListSchema.parse(list) });
}
