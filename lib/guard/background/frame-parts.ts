// The content script's on-demand parts — the guard (frame-core.js), loaded once a frame has an input,
// and what it shows on the page (frame-ui.js), loaded once something is shown — are put into the frame
// that asks by the background with scripting.executeScript, into the content script's own isolated
// world. Not imported by the frame from an extension URL: then no file of ours has to be reachable
// from web pages, and no code in a page loads code from a URL it built (what store reviewers flag).
import type { FramePart } from '@/lib/messages/guard-messages';
import type { ContentSender } from '@/lib/background/message-router';

export const FRAME_PART_FILES: Record<FramePart, string> = { core: '/frame-core.js', ui: '/frame-ui.js' };

/** The part of `browser.scripting` used here. */
interface Scripting {
  executeScript(injection: {
    target: { tabId: number; frameIds: number[] } | { tabId: number; documentIds: string[] };
    files: string[];
    injectImmediately?: boolean;
  }): Promise<unknown>;
}

/**
 * Runs `part` in the sender's frame; `{ ok: false }` when the browser refuses (the frame is gone or
 * navigated away, the extension is updating): the frame keeps what it holds and asks again later.
 */
export async function injectFramePart(scripting: Scripting, from: ContentSender, part: FramePart): Promise<{ ok: boolean }> {
  // The sending document where the browser names it, so a frame that has navigated meanwhile
  // doesn't get a part its new document didn't ask for.
  const target = from.documentId ? { tabId: from.tabId, documentIds: [from.documentId] } : { tabId: from.tabId, frameIds: [from.frameId] };
  try {
    await scripting.executeScript({ target, files: [FRAME_PART_FILES[part]], injectImmediately: true });
    return { ok: true };
  } catch {
    return { ok: false };
  }
}
