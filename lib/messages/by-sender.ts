// Every message the background accepts, grouped by who may send it (lib/background/message-router.ts
// checks the sender's class before parsing against these).
import * as z from 'zod/mini';
import {
  guardHoldSchema,
  holdDecisionSchema,
  holdsAbandonedSchema,
  holdStatusSchema,
  holdUpdateSchema,
  idPhotoSchema,
  loadPartSchema,
  promptGeometrySchema,
  promptObscuredSchema,
  promptOpenSchema,
  promptSizeSchema,
  undoTrustSchema,
  watchUpdateSchema,
} from './guard-messages';
import { frameVerdictSchema, getTabVerdictSchema, idUploadCheckSchema, listTabVerdictsSchema } from './verdict-messages';
import { WRITE_MESSAGES } from './write-messages';

/** Content scripts in web pages: their own on-demand parts, what a frame found and watches (a picked file's field too), the requests it holds, the prompt's host. */
export const contentMessageSchema = z.discriminatedUnion('type', [
  loadPartSchema,
  frameVerdictSchema,
  idUploadCheckSchema,
  idPhotoSchema,
  guardHoldSchema,
  holdUpdateSchema,
  watchUpdateSchema,
  holdsAbandonedSchema,
  holdStatusSchema,
  promptOpenSchema,
  promptGeometrySchema,
  undoTrustSchema,
]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** The prompt page, framed in a tab, over its port: the user's answer, "I am covered", "I need this much room". */
export const promptMessageSchema = z.discriminatedUnion('type', [holdDecisionSchema, promptObscuredSchema, promptSizeSchema]);
export type PromptMessage = z.infer<typeof promptMessageSchema>;

/** Our own extension pages (popup, options, report): reads of tab verdicts, and every write. */
export const pageMessageSchema = z.discriminatedUnion('type', [getTabVerdictSchema, listTabVerdictsSchema, ...WRITE_MESSAGES]);
export type PageMessage = z.infer<typeof pageMessageSchema>;
