// The background's side of the tab's prompt page. The top frame asks for a token bound to its tab;
// the prompt page, framed with that token, connects a port and is given the tab's open holds at once
// and whenever they change — no reload, no storage access in the framed page (Firefox gives a framed
// extension page neither tabs nor storage.session). Its answers come back over the same port, tied
// to the token's tab. A web page can't connect a port, and can't frame the prompt with a token it
// was never given.
import { browser, type Browser } from 'wxt/browser';
import type { Hold } from '@/lib/messages/guard-messages';
import { promptMessageSchema, type PromptMessage } from '@/lib/messages/by-sender';
import { randomId } from '@/lib/random-id';
import type { PromptSender } from '@/lib/background/message-router';
import { readGeometry, type Geometry } from '@/lib/prompt/host/prompt-geometry';

const TOKEN = /^[0-9a-f]{32}$/;
const tokenKey = (token: string): string => `prompt-token:${token}`;
/** The host's last word on how the page shows the prompt, kept across worker restarts (it reports changes only). */
const geometryKey = (tabId: number): string => `prompt-geometry:${tabId}`;
export const PROMPT_PORT_PREFIX = 'prompt:';

/** What the prompt page is told: the tab's open holds (oldest first) and whether it may unlock. */
export interface PromptState {
  type: 'state';
  holds: Hold[];
  geometry: Geometry;
}

export interface PromptPortDeps {
  holds(tabId: number): Promise<Hold[]>;
  onMessage(message: PromptMessage, from: PromptSender): Promise<unknown>;
  promptUrl(): string;
}

export class PromptPorts {
  private readonly ports = new Map<number, Set<Browser.runtime.Port>>();
  private readonly geometries = new Map<number, Geometry>();
  /**
   * The holds last given to each tab's prompt pages. A new hold is added to these rather than read
   * back from storage (a read of every session key: about 25 ms of the 70 between the click and the
   * question). Dropped whenever the tab has no prompt page to tell, and while a fresh read is under
   * way, so they are never stale.
   */
  private readonly given = new Map<number, Hold[]>();
  /** Each tab's latest push to all its prompt pages: an earlier push still reading is superseded and tells nobody. */
  private readonly latestPush = new Map<number, number>();

  constructor(private readonly deps: PromptPortDeps) {}

  /** A token for the tab's prompt frame (the top frame asks; kept in storage.session across worker restarts). */
  async token(tabId: number): Promise<string> {
    const token = randomId();
    await browser.storage.session.set({ [tokenKey(token)]: tabId });
    return token;
  }

  /** A port opened by a prompt page: checked, registered, and given the tab's state. */
  async connect(port: Browser.runtime.Port): Promise<void> {
    // Listening at once: what the prompt sends while its token is being checked (an answer given
    // just as a stopped worker restarts) would otherwise be dropped by the browser, not queued.
    const early: unknown[] = [];
    let handle = (raw: unknown): void => void early.push(raw);
    port.onMessage.addListener((raw: unknown) => handle(raw));
    const token = port.name.slice(PROMPT_PORT_PREFIX.length);
    const fromPrompt = (port.sender?.url ?? '').startsWith(this.deps.promptUrl());
    const tabId = TOKEN.test(token) ? (await browser.storage.session.get(tokenKey(token)))[tokenKey(token)] : undefined;
    // Where the browser says which tab the frame is in (Chromium), it must be the token's tab.
    const senderTab = port.sender?.tab?.id;
    if (!fromPrompt || typeof tabId !== 'number' || (senderTab !== undefined && senderTab !== tabId)) {
      handle = () => undefined;
      port.disconnect();
      return;
    }
    let set = this.ports.get(tabId);
    if (!set) this.ports.set(tabId, (set = new Set()));
    set.add(port);
    port.onDisconnect.addListener(() => set.delete(port));
    handle = (raw) => {
      const parsed = promptMessageSchema.safeParse(raw);
      if (parsed.success) void this.deps.onMessage(parsed.data, { tabId }).catch(() => undefined);
    };
    for (const raw of early.splice(0)) handle(raw);
    await this.push(tabId, port);
  }

  /** The tab's holds changed (`added`: a hold whose storage write may not be done yet): every prompt page of the tab is told. */
  async changed(tabId: number, added?: Hold): Promise<void> {
    const ports = this.ports.get(tabId);
    if (ports && ports.size > 0) await this.push(tabId, 'all', added);
    else this.given.delete(tabId);
  }

  /** The top frame reports how the page shows the prompt. */
  async geometry(tabId: number, geometry: Geometry): Promise<void> {
    this.geometries.set(tabId, geometry);
    await browser.storage.session.set({ [geometryKey(tabId)]: geometry });
    await this.changed(tabId);
  }

  forgetTab(tabId: number): void {
    this.latestPush.delete(tabId);
    this.ports.delete(tabId);
    this.geometries.delete(tabId);
    this.given.delete(tabId);
    void browser.storage.session.remove(geometryKey(tabId)).catch(() => undefined);
  }

  /** The last geometry the tab's host reported, as stored (read when a restarted worker has none in memory). */
  private async storedGeometry(tabId: number): Promise<Geometry | undefined> {
    const stored: unknown = (await browser.storage.session.get(geometryKey(tabId)))[geometryKey(tabId)];
    const geometry = readGeometry(stored);
    if (geometry) this.geometries.set(tabId, geometry);
    return geometry;
  }

  /**
   * Tells the tab's prompt pages (`to`: all, or one that just connected) its open holds: `added`
   * joins those last given, else all are read afresh.
   */
  private async push(tabId: number, to: 'all' | Browser.runtime.Port, added?: Hold): Promise<void> {
    const push = (this.latestPush.get(tabId) ?? 0) + (to === 'all' ? 1 : 0);
    this.latestPush.set(tabId, push);
    if (!added) this.given.delete(tabId);
    const known = added ? this.given.get(tabId) : undefined;
    const stored = known ?? (await this.deps.holds(tabId));
    const holds = added ? [...stored.filter((hold) => hold.holdId !== added.holdId), added].sort((a, b) => a.createdAt - b.createdAt) : stored;
    const state: PromptState = {
      type: 'state',
      holds,
      // Until the host has looked, the prompt counts as not safely shown: its send buttons stay locked.
      // From memory without an await when known, so a new hold reaches the page before the work
      // queued beside it (the storage write, the message to the top frame).
      geometry: (this.geometries.get(tabId) ?? (await this.storedGeometry(tabId))) ?? { safe: false, reason: 'hidden' },
    };
    // A later push to all read no less than this one and tells every page of the tab (a page that
    // just connected too): an older state arriving after it would take a new hold off the screen.
    if (this.latestPush.get(tabId) !== push) return;
    this.given.set(tabId, holds);
    for (const port of to === 'all' ? [...(this.ports.get(tabId) ?? [])] : [to]) {
      try {
        port.postMessage(state);
      } catch {
        // Disconnected meanwhile.
      }
    }
  }
}
