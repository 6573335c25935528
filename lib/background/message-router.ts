// Who may send what to the background. Every sender is put in one class once — a content script in a
// web page, our prompt page framed in a tab, or one of our own extension pages (popup, options,
// report) — and a message is only parsed against the schemas of its sender's class, so a content
// script can never ask what only an extension page may (read the tab list, delete the log, trust a
// site), and only the prompt can answer a hold.
import type { Browser } from 'wxt/browser';
import type * as z from 'zod/mini';

export type SenderClass = 'content' | 'prompt' | 'page';

/** A content script's sender: always in a tab and a frame. */
export interface ContentSender {
  tabId: number;
  frameId: number;
  /** The frame's URL, as the browser reports it (not as the page says). */
  url: string;
  /** The tab's (top frame's) URL as the browser reports it, when it does. */
  tabUrl?: string;
  /** The sending document (Chromium): what is put into "this frame" reaches this document, not one that replaced it. */
  documentId?: string;
}
/** The prompt page, framed in a tab. */
export interface PromptSender {
  tabId: number;
}
export type PageSender = Record<string, never>;

interface SenderOf {
  content: ContentSender;
  prompt: PromptSender;
  page: PageSender;
}

export interface MessageGroup {
  from: SenderClass;
  /** Parses and handles one message; undefined when the message is not one of this group's. */
  receive(raw: unknown, sender: ContentSender | PromptSender | PageSender): Promise<unknown> | undefined;
}

/** A group of messages one class of sender may send, each parsed with `schema` before `handle` sees it. */
export function messageGroup<C extends SenderClass, S extends z.ZodMiniType>(
  from: C,
  schema: S,
  handle: (message: z.infer<S>, sender: SenderOf[C]) => Promise<unknown>,
): MessageGroup {
  return {
    from,
    receive(raw, sender) {
      const parsed = schema.safeParse(raw);
      return parsed.success ? handle(parsed.data as z.infer<S>, sender as SenderOf[C]) : undefined;
    },
  };
}

/** The class of a sender and what its handlers may rely on, or null for anything else. */
export function classifySender(
  sender: Browser.runtime.MessageSender,
  extensionOrigin: string,
): { from: 'content'; sender: ContentSender } | { from: 'prompt'; sender: PromptSender } | { from: 'page'; sender: PageSender } | null {
  const url = sender.url ?? '';
  const tabId = sender.tab?.id;
  if (url.startsWith(extensionOrigin)) {
    if (url.startsWith(`${extensionOrigin}prompt.html`)) return tabId === undefined ? null : { from: 'prompt', sender: { tabId } };
    return { from: 'page', sender: {} };
  }
  if (tabId === undefined || tabId < 0) return null;
  const documentId = (sender as { documentId?: unknown }).documentId;
  return {
    from: 'content',
    sender: { tabId, frameId: sender.frameId ?? 0, url, tabUrl: sender.tab?.url, ...(typeof documentId === 'string' ? { documentId } : {}) },
  };
}

/** A runtime.onMessage listener that routes each message to the groups of its sender's class. */
export function routeMessages(groups: readonly MessageGroup[], extensionOrigin: () => string) {
  return (raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    const known = classifySender(sender, extensionOrigin());
    if (!known) return undefined;
    for (const group of groups) {
      if (group.from !== known.from) continue;
      const reply = group.receive(raw, known.sender);
      if (reply) return reply;
    }
    return undefined;
  };
}
