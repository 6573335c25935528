// Messages from extension pages (popup, options, report) to the background, which is the only
// writer of the log and of the trusted list. Pages read the log themselves (IndexedDB, read-only).
import * as z from 'zod/mini';
import { trustedListSchema } from '@/lib/trust/trusted-list';
import { siteMemoryOpSchema } from '@/lib/background/site-memory-store';

const text = (max: number) => z.string().check(z.maxLength(max));

/** What to delete from the log. */
export const deleteScopeSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('entry'), id: text(80) }),
  z.object({ by: z.literal('site'), site: text(300) }),
  z.object({ by: z.literal('item'), itemKey: text(200) }),
  z.object({ by: z.literal('all') }),
]);
export type DeleteScope = z.infer<typeof deleteScopeSchema>;

export const logDeleteSchema = z.object({ type: z.literal('log-delete'), scope: deleteScopeSchema });
/** A page found stored entries it could not read: the background moves them to quarantine. */
export const logQuarantineSchema = z.object({ type: z.literal('log-quarantine'), ids: z.array(text(200)).check(z.maxLength(1000)) });
/** The user read the quarantine notice and chose to discard what is kept there. */
export const logQuarantineClearSchema = z.object({ type: z.literal('log-quarantine-clear') });

/** Changes to the trusted-platform list. `site` is what the user typed; the background normalises it. */
export const trustedOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), site: text(2048), note: z._default(text(200), '') }),
  z.object({ op: z.literal('remove'), site: text(300) }),
  z.object({ op: z.literal('note'), site: text(300), note: text(200) }),
  z.object({ op: z.literal('import'), list: trustedListSchema, mode: z.enum(['merge', 'replace']) }),
]);
export type TrustedOp = z.infer<typeof trustedOpSchema>;
export const trustedUpdateSchema = z.object({ type: z.literal('trusted-update'), change: trustedOpSchema });

/** The user's word on a site: a loan site or not (the popup), or undoing / removing it (options). */
export const siteMemoryUpdateSchema = z.object({ type: z.literal('site-memory-update'), change: siteMemoryOpSchema });

/** The popup's "Save evidence of this page": the background captures that tab and stores the evidence. */
export const evidenceSaveSchema = z.object({ type: z.literal('evidence-save'), tabId: z.number().check(z.int(), z.positive()) });
/** The report's "Delete" on one saved piece of evidence. */
export const evidenceDeleteSchema = z.object({ type: z.literal('evidence-delete'), id: text(80) });

export const WRITE_MESSAGES = [
  logDeleteSchema,
  logQuarantineSchema,
  logQuarantineClearSchema,
  trustedUpdateSchema,
  siteMemoryUpdateSchema,
  evidenceSaveSchema,
  evidenceDeleteSchema,
] as const;

/** Every write answers ok, or not ok with a message key (`_locales`) saying why. */
export const writeReplySchema = z.union([
  z.object({ ok: z.literal(true), count: z.optional(z.number()) }),
  z.object({ ok: z.literal(false), error: text(200) }),
]);
export type WriteReply = z.infer<typeof writeReplySchema>;

/** What saving evidence answers: the stored record's id, time, page site and image hash, or a message key saying why not. */
export const evidenceSaveReplySchema = z.union([
  z.object({ ok: z.literal(true), id: text(80), at: z.number(), site: text(300), sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)) }),
  z.object({ ok: z.literal(false), error: text(200) }),
]);
export type EvidenceSaveReply = z.infer<typeof evidenceSaveReplySchema>;
