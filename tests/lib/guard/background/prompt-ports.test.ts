// lib/guard/background/prompt-ports.ts (WXT fake browser): tokens bound to a tab and kept in
// storage.session; a port named prompt:<token> is only accepted from the prompt page, with a known
// token, in the token's tab, and is then given the tab's holds at once and whenever they or the
// prompt's geometry change (locked until the host has looked); the prompt's messages go on tied to the
// token's tab, malformed ones dropped; closed ports and forgotten tabs are told nothing more.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { PROMPT_PORT_PREFIX, PromptPorts, type PromptPortDeps, type PromptState } from '@/lib/guard/background/prompt-ports';
import type { PromptSender } from '@/lib/background/message-router';
import type { PromptMessage } from '@/lib/messages/by-sender';
import type { Hold } from '@/lib/messages/guard-messages';

const ORIGIN = 'chrome-extension://abcdefgh/';
const PROMPT_URL = `${ORIGIN}prompt.html`;
const HOLD_ID = 'hold_0000000000000001';

const hold = (tabId: number, holdId = HOLD_ID): Hold => ({
  holdId,
  tabId,
  frameId: 0,
  route: 'fetch',
  destination: { site: 'kuaidai.cn', display: 'kuaidai.cn', origin: 'https://api.kuaidai.cn' },
  page: { site: 'kuaidai.example', display: 'kuaidai.example', url: 'https://www.kuaidai.example/apply', title: 'apply' },
  isLoanPage: true,
  loanReasons: [],
  items: [{ kind: 'phone', masked: '138****8000', fingerprint: null, complete: true }],
  createdAt: 1,
  byAction: false,
});

interface FakePort {
  port: Browser.runtime.Port;
  posted: unknown[];
  disconnected: () => boolean;
  /** The prompt page sends a message over the port. */
  send(message: unknown): void;
  /** The prompt page goes away. */
  close(): void;
}

function fakePort(name: string, sender?: { url?: string; tab?: { id?: number } }, postThrows = false): FakePort {
  const posted: unknown[] = [];
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  let disconnected = false;
  const port = {
    name,
    sender,
    postMessage: (message: unknown) => {
      if (postThrows) throw new Error('Attempting to use a disconnected port object');
      posted.push(structuredClone(message));
    },
    disconnect: () => void (disconnected = true),
    onMessage: { addListener: (listener: (message: unknown) => void) => void messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => void disconnectListeners.push(listener) },
  } as unknown as Browser.runtime.Port;
  return {
    port,
    posted,
    disconnected: () => disconnected,
    send: (message) => messageListeners.forEach((listener) => listener(message)),
    close: () => disconnectListeners.forEach((listener) => listener()),
  };
}

let holdsByTab: Map<number, Hold[]>;
let received: { message: PromptMessage; from: PromptSender }[];
let holdsAsked: number[];
let onMessage: PromptPortDeps['onMessage'];
let ports: PromptPorts;

beforeEach(() => {
  fakeBrowser.reset();
  holdsByTab = new Map([
    [4, [hold(4)]],
    [5, [hold(5, 'hold_0000000000000005')]],
  ]);
  received = [];
  holdsAsked = [];
  onMessage = async (message, from) => void received.push({ message, from });
  ports = newPorts();
});

const newPorts = (): PromptPorts =>
  new PromptPorts({
    holds: async (tabId) => {
      holdsAsked.push(tabId);
      return holdsByTab.get(tabId) ?? [];
    },
    onMessage: (message, from) => onMessage(message, from),
    promptUrl: () => PROMPT_URL,
  });

/** A prompt page of tab `tabId` (framed with a token for it) connecting. */
async function connectPrompt(tabId: number, options: { token?: string; senderTab?: number | null; url?: string } = {}): Promise<FakePort> {
  const token = options.token ?? (await ports.token(tabId));
  const senderTab = options.senderTab === undefined ? tabId : options.senderTab;
  const fake = fakePort(`${PROMPT_PORT_PREFIX}${token}`, { url: options.url ?? `${PROMPT_URL}#${token}`, ...(senderTab === null ? {} : { tab: { id: senderTab } }) });
  await ports.connect(fake.port);
  return fake;
}

const states = (fake: FakePort): PromptState[] => fake.posted as PromptState[];

describe('token', () => {
  it('is 32 hex characters, kept in storage.session for its tab, and new every time', async () => {
    const first = await ports.token(4);
    const second = await ports.token(4);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
    const stored = await fakeBrowser.storage.session.get(null);
    expect(stored).toEqual({ [`prompt-token:${first}`]: 4, [`prompt-token:${second}`]: 4 });
  });

  it('survives a worker restart: another PromptPorts accepts a token stored by the first', async () => {
    const token = await ports.token(4);
    const restarted = new PromptPorts({ holds: async () => [hold(4)], onMessage: async () => undefined, promptUrl: () => PROMPT_URL });
    const fake = fakePort(`prompt:${token}`, { url: `${PROMPT_URL}#${token}`, tab: { id: 4 } });
    await restarted.connect(fake.port);
    expect(fake.disconnected()).toBe(false);
    expect(states(fake)).toHaveLength(1);
  });
});

describe('connect', () => {
  it("accepts the prompt page with its tab's token and tells it the tab's holds at once, locked until the host looked", async () => {
    const fake = await connectPrompt(4);
    expect(fake.disconnected()).toBe(false);
    expect(states(fake)).toEqual([{ type: 'state', holds: [hold(4)], geometry: { safe: false, reason: 'hidden' } }]);
  });

  it('takes an answer the prompt sent while its token was still being checked (a restarting worker)', async () => {
    const token = await ports.token(4);
    const fake = fakePort(`${PROMPT_PORT_PREFIX}${token}`, { url: `${PROMPT_URL}#${token}`, tab: { id: 4 } });
    const connecting = ports.connect(fake.port);
    fake.send({ type: 'hold-decision', holdId: 'hold_0000000000000004', decision: 'sent-once' });
    await connecting;
    expect(received).toEqual([{ message: { type: 'hold-decision', holdId: 'hold_0000000000000004', decision: 'sent-once' }, from: { tabId: 4 } }]);
  });

  it('drops what a refused port sent while it was being checked', async () => {
    const fake = fakePort(`${PROMPT_PORT_PREFIX}${'0'.repeat(32)}`, { url: `${PROMPT_URL}#${'0'.repeat(32)}`, tab: { id: 4 } });
    const connecting = ports.connect(fake.port);
    fake.send({ type: 'hold-decision', holdId: 'hold_0000000000000004', decision: 'sent-once' });
    await connecting;
    fake.send({ type: 'hold-decision', holdId: 'hold_0000000000000004', decision: 'sent-once' });
    expect(fake.disconnected()).toBe(true);
    expect(received).toEqual([]);
  });

  it('accepts a prompt page whose tab the browser does not name (Firefox frames)', async () => {
    const fake = await connectPrompt(4, { senderTab: null });
    expect(fake.disconnected()).toBe(false);
    expect(states(fake)[0]?.holds).toEqual([hold(4)]);
  });

  it('refuses a sender that is not the prompt page: a web page, another extension page, another extension', async () => {
    const token = await ports.token(4);
    for (const url of [
      `https://evil.example/prompt.html#${token}`,
      `https://abcdefgh/prompt.html#${token}`,
      `${ORIGIN}popup.html#${token}`,
      `chrome-extension://otherextension/prompt.html#${token}`,
      '',
    ]) {
      const fake = await connectPrompt(4, { token, url });
      expect(fake.disconnected(), url).toBe(true);
      expect(fake.posted, url).toEqual([]);
    }
    expect(holdsAsked).toEqual([]);
  });

  it('refuses a port without a sender', async () => {
    const token = await ports.token(4);
    const fake = fakePort(`prompt:${token}`);
    await ports.connect(fake.port);
    expect(fake.disconnected()).toBe(true);
    expect(fake.posted).toEqual([]);
  });

  it('refuses a token it never gave, and a malformed one', async () => {
    await ports.token(4);
    for (const token of ['0123456789abcdef0123456789abcdef', 'nope', '', 'ABCDEF0123456789ABCDEF0123456789', '0123456789abcdef0123456789abcdef0']) {
      const fake = await connectPrompt(4, { token });
      expect(fake.disconnected(), token).toBe(true);
      expect(fake.posted, token).toEqual([]);
    }
    expect(holdsAsked).toEqual([]);
  });

  it('refuses a token whose stored tab is not a number', async () => {
    const token = '0123456789abcdef0123456789abcdef';
    await fakeBrowser.storage.session.set({ [`prompt-token:${token}`]: '4' });
    const fake = await connectPrompt(4, { token });
    expect(fake.disconnected()).toBe(true);
  });

  it("refuses the prompt page of another tab using this tab's token", async () => {
    const token = await ports.token(4);
    const fake = await connectPrompt(4, { token, senderTab: 5 });
    expect(fake.disconnected()).toBe(true);
    expect(fake.posted).toEqual([]);
    // And it is not told tab 4's changes later either.
    await ports.changed(4);
    expect(fake.posted).toEqual([]);
  });

  it('serves the tab the token names, not one the page picks', async () => {
    const token = await ports.token(5);
    const fake = await connectPrompt(5, { token, senderTab: null });
    expect(states(fake)[0]?.holds).toEqual([hold(5, 'hold_0000000000000005')]);
  });
});

describe('state pushed', () => {
  it("every prompt page of the tab is told when its holds change; other tabs' pages are not", async () => {
    const a = await connectPrompt(4);
    const b = await connectPrompt(4);
    const other = await connectPrompt(5);
    holdsByTab.set(4, [hold(4), hold(4, 'hold_0000000000000002')]);
    await ports.changed(4);
    for (const fake of [a, b]) {
      expect(states(fake)).toHaveLength(2);
      expect(states(fake)[1]?.holds.map((h) => h.holdId)).toEqual([HOLD_ID, 'hold_0000000000000002']);
    }
    expect(states(other)).toHaveLength(1);
  });

  it('a new hold joins the holds last given, without reading them again; a change without one reads them', async () => {
    const page = await connectPrompt(4);
    expect(holdsAsked).toEqual([4]);
    const added = { ...hold(4, 'hold_0000000000000002'), createdAt: 2 };
    await ports.changed(4, added);
    expect(holdsAsked).toEqual([4]);
    expect(states(page).at(-1)?.holds.map((h) => h.holdId)).toEqual([HOLD_ID, added.holdId]);
    // The first hold was answered: the next change reads the holds afresh.
    holdsByTab.set(4, [added]);
    await ports.changed(4);
    expect(holdsAsked).toEqual([4, 4]);
    expect(states(page).at(-1)?.holds.map((h) => h.holdId)).toEqual([added.holdId]);
  });

  it('holds given are forgotten when the tab has no prompt page left to tell (they could go stale)', async () => {
    const page = await connectPrompt(4);
    page.close();
    await ports.changed(4); // e.g. a hold answered while no prompt page was there
    holdsByTab.set(4, []);
    const again = await connectPrompt(4);
    await ports.changed(4, { ...hold(4, 'hold_0000000000000003'), createdAt: 3 });
    expect(states(again).at(-1)?.holds.map((h) => h.holdId)).toEqual(['hold_0000000000000003']);
  });

  it('a read overtaken by a later one never tells the pages its older state afterwards', async () => {
    // Each read of the holds waits for its own release, so they can finish in any order.
    const releases: (() => void)[] = [];
    ports = new PromptPorts({
      holds: async (tabId) => {
        const state = holdsByTab.get(tabId) ?? [];
        await new Promise<void>((resolve) => releases.push(resolve));
        return state;
      },
      onMessage: async () => undefined,
      promptUrl: () => PROMPT_URL,
    });
    const connecting = connectPrompt(4);
    await vi.waitFor(() => expect(releases).toHaveLength(1));
    releases[0]!();
    const page = await connecting;
    const refresh = ports.changed(4); // reads [first hold] (e.g. after a geometry report)
    const added = { ...hold(4, 'hold_0000000000000002'), createdAt: 2 };
    holdsByTab.set(4, [hold(4), added]);
    const newHold = ports.changed(4, added); // the refresh dropped the holds given: this one reads too
    await vi.waitFor(() => expect(releases).toHaveLength(3));
    releases[2]!(); // the later read finishes first…
    await newHold;
    releases[1]!(); // …and the older one after it
    await refresh;
    expect(states(page).map((state) => state.holds.map((h) => h.holdId))).toEqual([[HOLD_ID], [HOLD_ID, added.holdId]]);
  });

  it('a change in a tab without a prompt page tells no one and asks for nothing', async () => {
    await ports.changed(9);
    expect(holdsAsked).toEqual([]);
  });

  it("the host's geometry report reaches the tab's prompt pages, and is given to pages that connect later", async () => {
    const early = await connectPrompt(4);
    await ports.geometry(4, { safe: true });
    expect(states(early).at(-1)?.geometry).toEqual({ safe: true });
    await ports.geometry(4, { safe: false, reason: 'covered' });
    expect(states(early).at(-1)?.geometry).toEqual({ safe: false, reason: 'covered' });
    const late = await connectPrompt(4);
    expect(states(late)).toEqual([{ type: 'state', holds: [hold(4)], geometry: { safe: false, reason: 'covered' } }]);
    // Another tab's geometry is its own.
    const other = await connectPrompt(5);
    expect(states(other)[0]?.geometry).toEqual({ safe: false, reason: 'hidden' });
  });

  it('a geometry reported before any prompt page connected is kept for it', async () => {
    await ports.geometry(4, { safe: true });
    const fake = await connectPrompt(4);
    expect(states(fake)[0]?.geometry).toEqual({ safe: true });
  });

  it('a geometry reported before the worker restarted is still given, from storage.session, and a damaged one is not', async () => {
    await ports.geometry(4, { safe: true });
    ports = newPorts(); // the worker restarted: its memory is gone, storage.session is not
    expect(states(await connectPrompt(4))[0]?.geometry).toEqual({ safe: true });
    await fakeBrowser.storage.session.set({ 'prompt-geometry:5': { safe: true, reason: 'made-up' } });
    expect(states(await connectPrompt(5))[0]?.geometry).toEqual({ safe: false, reason: 'hidden' });
    ports.forgetTab(4);
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get('prompt-geometry:4')).toEqual({}));
  });

  it('a closed prompt page is told nothing more', async () => {
    const closing = await connectPrompt(4);
    const staying = await connectPrompt(4);
    closing.close();
    await ports.changed(4);
    expect(states(closing)).toHaveLength(1);
    expect(states(staying)).toHaveLength(2);
  });

  it('a port that fails to take a message does not keep the others from theirs', async () => {
    const token = await ports.token(4);
    const broken = fakePort(`prompt:${token}`, { url: `${PROMPT_URL}#${token}`, tab: { id: 4 } }, true);
    await expect(ports.connect(broken.port)).resolves.toBeUndefined();
    const fine = await connectPrompt(4);
    await expect(ports.changed(4)).resolves.toBeUndefined();
    expect(states(fine)).toHaveLength(2);
  });

  it('a forgotten tab: its pages are told nothing more and its geometry is back to locked', async () => {
    const fake = await connectPrompt(4);
    await ports.geometry(4, { safe: true });
    ports.forgetTab(4);
    const before = fake.posted.length;
    await ports.changed(4);
    expect(fake.posted).toHaveLength(before);
    const again = await connectPrompt(4);
    expect(states(again)[0]?.geometry).toEqual({ safe: false, reason: 'hidden' });
  });
});

describe('messages from the prompt page', () => {
  it("are passed on parsed, tied to the token's tab", async () => {
    const fake = await connectPrompt(4, { senderTab: null });
    fake.send({ type: 'hold-decision', holdId: HOLD_ID, decision: 'cancelled' });
    fake.send({ type: 'prompt-size', width: 400, height: 320 });
    fake.send({ type: 'prompt-obscured', holdId: HOLD_ID });
    await vi.waitFor(() => expect(received).toHaveLength(3));
    expect(received).toEqual([
      { message: { type: 'hold-decision', holdId: HOLD_ID, decision: 'cancelled' }, from: { tabId: 4 } },
      { message: { type: 'prompt-size', width: 400, height: 320 }, from: { tabId: 4 } },
      { message: { type: 'prompt-obscured', holdId: HOLD_ID }, from: { tabId: 4 } },
    ]);
  });

  it('a tab id inside the message changes nothing', async () => {
    const fake = await connectPrompt(4);
    fake.send({ type: 'hold-decision', holdId: HOLD_ID, decision: 'sent-once', tabId: 5 });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]?.from).toEqual({ tabId: 4 });
  });

  it('malformed messages and messages the prompt may not send are dropped', async () => {
    const fake = await connectPrompt(4);
    for (const message of [
      null,
      'hold-decision',
      { type: 'hold-decision', holdId: HOLD_ID, decision: 'maybe' },
      { type: 'hold-decision', holdId: 'x', decision: 'cancelled' },
      { type: 'prompt-size', width: -1, height: 10 },
      { type: 'trusted-update', change: { op: 'add', site: 'kuaidai.cn' } },
      { type: 'guard-hold' },
    ])
      fake.send(message);
    fake.send({ type: 'prompt-obscured', holdId: HOLD_ID });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received.map((r) => r.message.type)).toEqual(['prompt-obscured']);
  });

  it('a refused port passes nothing on', async () => {
    const token = await ports.token(4);
    const fake = fakePort(`prompt:${token}`, { url: `https://evil.example/#${token}`, tab: { id: 4 } });
    await ports.connect(fake.port);
    fake.send({ type: 'hold-decision', holdId: HOLD_ID, decision: 'sent-once' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received).toEqual([]);
  });

  it('a failing handler does not break the port', async () => {
    const fake = await connectPrompt(4);
    let calls = 0;
    onMessage = async () => {
      calls += 1;
      throw new Error('storage unavailable');
    };
    fake.send({ type: 'prompt-obscured', holdId: HOLD_ID });
    fake.send({ type: 'prompt-obscured', holdId: HOLD_ID });
    await vi.waitFor(() => expect(calls).toBe(2));
    await ports.changed(4);
    expect(states(fake)).toHaveLength(2);
  });
});
