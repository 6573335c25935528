// Every message the background accepts, grouped by who may send it (lib/background/message-router.ts
// checks the sender's class before parsing against these).
import * as z from 'zod/mini';
import { guardHoldSchema, holdDecisionSchema, promptObscuredSchema } from './guard-messages';
import { frameVerdictSchema, getTabVerdictSchema, listTabVerdictsSchema } from './verdict-messages';
import { WRITE_MESSAGES } from './write-messages';

/** Content scripts in web pages: report what a frame found, and requests they hold. */
export const contentMessageSchema = z.discriminatedUnion('type', [frameVerdictSchema, guardHoldSchema]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** The prompt page, framed in a tab: the user's answer, and "I am hidden or covered". */
export const promptMessageSchema = z.discriminatedUnion('type', [holdDecisionSchema, promptObscuredSchema]);
export type PromptMessage = z.infer<typeof promptMessageSchema>;

/** Our own extension pages (popup, options, report): reads of tab verdicts, and every write. */
export const pageMessageSchema = z.discriminatedUnion('type', [getTabVerdictSchema, listTabVerdictsSchema, ...WRITE_MESSAGES]);
export type PageMessage = z.infer<typeof pageMessageSchema>;
