// How the content script gets one of its on-demand parts into its own frame: it asks the background,
// which runs the part's file here (lib/guard/background/frame-parts.ts); the part registers itself on
// the isolated world's global, where the caller takes it.
import { ext } from '@/lib/messages/extension-api';
import type { FramePart } from '@/lib/messages/guard-messages';

/** Resolves once `part` has run in this frame; rejects when the background could not put it here. */
export async function loadFramePart(part: FramePart): Promise<void> {
  const reply = (await ext().runtime.sendMessage({ type: 'load-part', part })) as { ok?: unknown } | undefined;
  if (reply?.ok !== true) throw new Error(`the ${part} part could not be loaded`);
}
