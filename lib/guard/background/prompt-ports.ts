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
    await this.push(tabId, [port]);
  }

  /** The tab's holds changed (`added`: a hold whose storage write may not be done yet): every prompt page of the tab is told. */
  async changed(tabId: number, added?: Hold): Promise<void> {
    const ports = this.ports.get(tabId);
    if (ports && ports.size > 0) await this.push(tabId, [...ports], added);
  }

  /** The top frame reports how the page shows the prompt. */
  async geometry(tabId: number, geometry: Geometry): Promise<void> {
    this.geometries.set(tabId, geometry);
    await browser.storage.session.set({ [geometryKey(tabId)]: geometry });
    await this.changed(tabId);
  }

  forgetTab(tabId: number): void {
    this.ports.delete(tabId);
    this.geometries.delete(tabId);
    void browser.storage.session.remove(geometryKey(tabId)).catch(() => undefined);
  }

  /** The last geometry the tab's host reported, in memory or (after a worker restart) stored. */
  private async lastGeometry(tabId: number): Promise<Geometry | undefined> {
    const known = this.geometries.get(tabId);
    if (known) return known;
    const stored: unknown = (await browser.storage.session.get(geometryKey(tabId)))[geometryKey(tabId)];
    const geometry = readGeometry(stored);
    if (geometry) this.geometries.set(tabId, geometry);
    return geometry;
  }

  private async push(tabId: number, ports: Browser.runtime.Port[], added?: Hold): Promise<void> {
    const stored = await this.deps.holds(tabId);
    const holds = added ? [...stored.filter((hold) => hold.holdId !== added.holdId), added].sort((a, b) => a.createdAt - b.createdAt) : stored;
    const state: PromptState = {
      type: 'state',
      holds,
      // Until the host has looked, the prompt counts as not safely shown: its send buttons stay locked.
      geometry: (await this.lastGeometry(tabId)) ?? { safe: false, reason: 'hidden' },
    };
    for (const port of ports) {
      try {
        port.postMessage(state);
      } catch {
        // Disconnected meanwhile.
      }
    }
  }
}
