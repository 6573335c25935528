// The user's trusted-platform list: registrable domains the guard never asks about. One versioned,
// zod-validated object in storage.local; an unreadable list is kept aside, never silently dropped.
import * as z from 'zod/mini';
import { storedObject } from '@/lib/settings/stored-object';
import { TRUSTED_KEY, TRUSTED_MAX } from './trust-match';

export { TRUSTED_KEY } from './trust-match';

export const trustedSiteSchema = z.object({
  /** Registrable domain (ASCII/punycode), IP address or `localhost`, as made by normalizeTrustedEntry. */
  site: z.string().check(z.minLength(1), z.maxLength(253)),
  addedAt: z.number(),
  note: z._default(z.string().check(z.maxLength(200)), ''),
});
export type TrustedSite = z.infer<typeof trustedSiteSchema>;

export const trustedListSchema = z.object({
  version: z.literal(1),
  sites: z.array(trustedSiteSchema).check(z.maxLength(TRUSTED_MAX)),
});
export type TrustedList = z.infer<typeof trustedListSchema>;

export const EMPTY_TRUSTED_LIST: TrustedList = { version: 1, sites: [] };

/** The list as stored; see lib/settings/stored-object.ts for how damage is handled. */
export const trustedStore = storedObject<TrustedList>(TRUSTED_KEY, trustedListSchema, EMPTY_TRUSTED_LIST);
export const parseTrustedList = trustedStore.parse;
export const loadTrustedList = trustedStore.load;
export const saveTrustedList = trustedStore.save;

/** The sites alone, for matching. */
export const trustedSiteNames = (list: TrustedList): string[] => list.sites.map((entry) => entry.site);

/** Adds `site` (already normalised) unless present; returns the new list. */
export function withTrustedSite(list: TrustedList, site: string, now: number, note = ''): TrustedList {
  if (list.sites.some((entry) => entry.site === site)) return list;
  return { ...list, sites: [...list.sites, { site, addedAt: now, note }] };
}
