// lib/guard/frame/bootstrap.ts in happy-dom with the WXT fake browser and a stand-in frame core (the
// background's answer to "load the core part" waits until the test lets it finish): nothing is loaded on
// a quiet frame; a typable field, trusted typing, a question or a message for the core loads it;
// questions asked before it runs are held, never allowed, and decided by it afterwards (allowed ones
// released); early typing announces watching and is handed over; messages are kept and replayed in
// order (a hold's end dropped), another frame's watched data announces watching; an app download waits
// for the core; stopping undoes everything; a core that never comes keeps everything held.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startBootstrap } from '@/lib/guard/frame/bootstrap';
import type { FrameCore } from '@/lib/guard/frame/frame-core';
import { openMainChannel, type IsolatedChannel, type MainChannel, type RequestQuestion } from '@/lib/guard/page/page-channel';

const question = (id: string): RequestQuestion => ({ id, route: 'fetch', url: 'https://api.kuaidai.example/x', method: 'POST', text: 'phone=13800138000', flags: '' });
const TAB_WATCH = { type: 'tab-watch', records: [{ watched: { id: 'x.f1:0', kind: 'phone', canonical: '13800138000' } }] };
const EARLY_TYPES = ['beforeinput', 'input', 'change', 'paste'];

interface Started {
  doc: Document;
  win: Window;
  channel: IsolatedChannel;
  typed: Element[];
}

let openGate: () => void;
/** The content script's request to the background to run frame-core.js in its frame. */
let requestPart: ReturnType<typeof vi.fn>;
let started: Started[];
/** What the stand-in core was told, in order. */
let log: string[];
let decide: (question: RequestQuestion) => boolean;
let core: FrameCore;
let apk: { onApk?: (url: string, resume: () => void) => void; stopped: boolean };
let doc: Document;
let toMain: string[];
let main: MainChannel;
let stop: (() => void) | undefined;
const scope = globalThis as { loanGuardFrameCore?: unknown; loanGuardTestGate?: Promise<void> };

beforeEach(() => {
  fakeBrowser.reset();
  scope.loanGuardTestGate = new Promise<void>((resolve) => (openGate = resolve));
  // The background has run frame-core.js in the frame once the gate opens.
  requestPart = vi.fn(async () => {
    await scope.loanGuardTestGate;
    return { ok: true };
  });
  fakeBrowser.runtime.sendMessage = requestPart as unknown as typeof fakeBrowser.runtime.sendMessage;
  started = [];
  log = [];
  decide = () => true;
  core = {
    onQuestion: (q, allow) => {
      log.push(`question ${q.id}`);
      if (decide(q)) allow();
    },
    onMessage: (message) => void log.push(`message ${(message as { type: string }).type}`),
    scan: () => void log.push('scan'),
    isHeld: (holdId) => holdId === 'hold_still_waiting_here',
    onApkDownload: (url) => void log.push(`apk ${url}`),
    stop: () => void log.push('stop'),
  };
  scope.loanGuardFrameCore = (d: Document, w: Window, channel: IsolatedChannel, typed: Iterable<Element>): FrameCore => {
    started.push({ doc: d, win: w, channel, typed: [...typed] });
    return core;
  };
  apk = { stopped: false };
  doc = document.implementation.createHTMLDocument('page');
  toMain = [];
  stop = undefined;
});

afterEach(() => {
  stop?.();
  openGate();
  delete scope.loanGuardFrameCore;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** Starts the bootstrap on `doc` (optionally with some HTML) and opens the page's side of the channel. */
function boot(html = '<p>Welcome</p>'): void {
  doc.body.innerHTML = html;
  stop = startBootstrap(doc, window, (_win, onApk) => {
    apk.onApk = onApk;
    return () => void (apk.stopped = true);
  });
  main = openMainChannel(doc, window, (message) => toMain.push(message));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const loadRequested = (): boolean => requestPart.mock.calls.length > 0;
/** Lets frame-core.js finish loading and waits for the core to start. */
async function coreLoads(): Promise<void> {
  openGate();
  await vi.waitFor(() => expect(started).toHaveLength(1));
  await settle();
}

/** A trusted (user-made) event of `type` on an element of the window's document. */
function userEvent(target: Element, type: string): void {
  const event = new Event(type, { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}
function field(): HTMLInputElement {
  const input = document.createElement('input');
  document.body.appendChild(input);
  return input;
}
const tell = (message: unknown) => fakeBrowser.runtime.onMessage.trigger(message, {});

describe('startBootstrap', () => {
  it('loads nothing on a frame without typable fields, typing, questions or messages', async () => {
    boot('<p>News</p><input type="checkbox"><input type="hidden" name="csrf">');
    await settle();
    expect(loadRequested()).toBe(false);
    expect(toMain).toEqual([]);
  });

  it('has the background put the core into a frame with a typable field, and has it scan', async () => {
    boot('<form><input name="phone"></form>');
    expect(requestPart).toHaveBeenCalledWith({ type: 'load-part', part: 'core' });
    expect(started).toEqual([]);
    await coreLoads();
    expect(started[0]).toMatchObject({ doc, win: window, typed: [] });
    expect(log).toEqual(['scan']);
  });

  it('loads the core only once, whatever asks for it', async () => {
    boot('<input name="phone">');
    expect(main.ask(question('r1'))).toBe(false);
    await tell({ type: 'show-prompt', holdId: 'hold_0000000000000001' });
    userEvent(field(), 'input');
    await coreLoads();
    expect(requestPart).toHaveBeenCalledTimes(1);
    expect(started).toHaveLength(1);
  });

  describe('questions from the page side', () => {
    it('one asked before the core runs is held, never allowed, and makes the core load', () => {
      boot();
      expect(main.ready()).toBe(true);
      expect(main.ask(question('r1'))).toBe(false);
      expect(loadRequested()).toBe(true);
    });

    it('held ones are decided by the core once it runs, in order; allowed ones are released', async () => {
      boot();
      decide = (q) => q.id !== 'r2';
      expect(main.ask(question('r1'))).toBe(false);
      expect(main.ask(question('r2'))).toBe(false);
      expect(main.ask(question('r3'))).toBe(false);
      expect(toMain).toEqual([]);
      await coreLoads();
      expect(log).toEqual(['question r1', 'question r2', 'question r3']);
      expect(toMain).toEqual(['R1r1', 'R1r3']);
    });

    it('once the core runs, it answers in the same call: allowed goes at once, held stays held', async () => {
      boot();
      main.ask(question('r0'));
      await coreLoads();
      toMain.length = 0;
      expect(main.ask(question('r1'))).toBe(true);
      decide = () => false;
      expect(main.ask(question('r2'))).toBe(false);
      expect(log.slice(-2)).toEqual(['question r1', 'question r2']);
      // Nothing to release: r1 already went, r2 waits for the user.
      expect(toMain).toEqual([]);
    });

    it('a frame-core.js that defines no core: questions stay held', async () => {
      delete scope.loanGuardFrameCore;
      boot();
      expect(main.ask(question('r1'))).toBe(false);
      openGate();
      await settle();
      expect(main.ask(question('r2'))).toBe(false);
      await settle();
      expect(toMain).toEqual([]);
    });

    it('a frame-core.js the background could not run: questions stay held', async () => {
      requestPart.mockImplementation(async () => ({ ok: false }));
      boot();
      // The download path handles the failure (it must let the download go); the question after it is held.
      const resume = vi.fn();
      apk.onApk?.('https://kuaidai.example/app.apk', resume);
      await vi.waitFor(() => expect(resume).toHaveBeenCalledTimes(1));
      expect(main.ask(question('r1'))).toBe(false);
      await settle();
      expect(started).toEqual([]);
      expect(toMain).toEqual([]);
    });
  });

  describe('typing before the core runs', () => {
    it('the user typing announces watching (once) and loads the core, which is told where', async () => {
      boot();
      const phone = field();
      const code = field();
      userEvent(phone, 'beforeinput');
      userEvent(phone, 'input');
      userEvent(code, 'paste');
      expect(toMain).toEqual(['W1']);
      expect(loadRequested()).toBe(true);
      await coreLoads();
      expect(started[0]?.typed).toEqual([phone, code]);
    });

    for (const type of EARLY_TYPES) {
      it(`a trusted ${type} event counts as typing`, () => {
        boot();
        userEvent(field(), type);
        expect(toMain).toEqual(['W1']);
        expect(loadRequested()).toBe(true);
      });
    }

    it('events a page script makes (untrusted) do nothing', async () => {
      boot();
      const input = field();
      for (const type of EARLY_TYPES) input.dispatchEvent(new Event(type, { bubbles: true }));
      await settle();
      expect(toMain).toEqual([]);
      expect(loadRequested()).toBe(false);
    });

    it('stops listening for early typing once the core runs', async () => {
      const added = vi.spyOn(window, 'addEventListener');
      const removed = vi.spyOn(window, 'removeEventListener');
      boot();
      const listeners = added.mock.calls.filter(([type, , capture]) => EARLY_TYPES.includes(type) && capture === true);
      expect(listeners.map(([type]) => type).sort()).toEqual([...EARLY_TYPES].sort());
      userEvent(field(), 'input');
      await coreLoads();
      for (const [type, listener] of listeners) expect(removed).toHaveBeenCalledWith(type, listener, true);
    });
  });

  describe('messages from the background', () => {
    it("another frame's watched data: watching is announced, the core is not loaded for it", async () => {
      boot();
      expect(await tell(TAB_WATCH)).toEqual([undefined]);
      expect(toMain).toEqual(['W1']);
      await settle();
      expect(loadRequested()).toBe(false);
    });

    it('an empty tab watch announces nothing', async () => {
      boot();
      await tell({ type: 'tab-watch', records: [] });
      await settle();
      expect(toMain).toEqual([]);
      expect(loadRequested()).toBe(false);
    });

    it("a hold's end is dropped: a frame whose core never ran held nothing", async () => {
      boot();
      await tell({ type: 'hold-ended', holdId: 'hold_0000000000000001', decision: 'cancelled' });
      await settle();
      expect(loadRequested()).toBe(false);
      main.ask(question('r1'));
      await coreLoads();
      expect(log).toEqual(['question r1']);
    });

    it('any other message loads the core, and every kept message reaches it in order, before held questions', async () => {
      boot();
      await tell(TAB_WATCH);
      expect(loadRequested()).toBe(false);
      main.ask(question('r1'));
      await tell({ type: 'show-prompt', holdId: 'hold_0000000000000001' });
      await tell({ type: 'hold-ended', holdId: 'hold_0000000000000001', decision: 'cancelled' });
      await coreLoads();
      expect(log).toEqual(['message tab-watch', 'message show-prompt', 'question r1']);
    });

    it('once the core runs, every message goes straight to it (a hold\'s end too)', async () => {
      boot();
      await tell({ type: 'show-prompt', holdId: 'hold_0000000000000001' });
      await coreLoads();
      log.length = 0;
      await tell({ type: 'hold-ended', holdId: 'hold_0000000000000001', decision: 'sent-once' });
      await tell({ type: 'tab-watch', records: [] });
      expect(log).toEqual(['message hold-ended', 'message tab-watch']);
    });

    it('never claims to answer (the listener returns nothing)', async () => {
      boot();
      expect(await tell({ type: 'show-prompt', holdId: 'hold_0000000000000001' })).toEqual([undefined]);
      await coreLoads();
      expect(await tell({ type: 'raise-prompt' })).toEqual([undefined]);
    });
  });

  describe('a restarted background asking about a hold', () => {
    it('is answered at once: held only where the core still waits on it; a frame whose core never ran held nothing', async () => {
      const listen = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
      boot('<input name="phone">');
      const listener = listen.mock.calls[0]![0] as unknown as (message: unknown, sender: unknown, respond: (reply: unknown) => void) => void;
      const ask = (holdId: string) => {
        const respond = vi.fn();
        listener({ type: 'hold-known', holdId }, {}, respond);
        return respond.mock.calls;
      };
      expect(ask('hold_still_waiting_here')).toEqual([[{ held: false }]]);
      await coreLoads();
      expect(ask('hold_still_waiting_here')).toEqual([[{ held: true }]]);
      expect(ask('hold_gone_with_the_old_page')).toEqual([[{ held: false }]]);
      expect(log.filter((entry) => entry.startsWith('message'))).toEqual([]);
    });
  });

  describe('an Android app download', () => {
    it('waits for the core and is handed to it', async () => {
      boot();
      const resume = vi.fn();
      apk.onApk?.('https://kuaidai.example/app.apk', resume);
      expect(loadRequested()).toBe(true);
      await coreLoads();
      expect(log).toEqual(['apk https://kuaidai.example/app.apk']);
      expect(resume).not.toHaveBeenCalled();
    });

    it('goes on when frame-core.js defines no core', async () => {
      delete scope.loanGuardFrameCore;
      boot();
      const resume = vi.fn();
      apk.onApk?.('https://kuaidai.example/app.apk', resume);
      expect(resume).not.toHaveBeenCalled();
      openGate();
      await vi.waitFor(() => expect(resume).toHaveBeenCalledTimes(1));
    });
  });

  describe('stop', () => {
    it('undoes everything: listeners, frame and download watches, and the core', async () => {
      const listen = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
      boot('<input name="phone">');
      await coreLoads();
      const listener = listen.mock.calls[0]![0];
      expect(fakeBrowser.runtime.onMessage.hasListener(listener)).toBe(true);
      stop?.();
      stop = undefined;
      expect(log.at(-1)).toBe('stop');
      expect(apk.stopped).toBe(true);
      expect(fakeBrowser.runtime.onMessage.hasListener(listener)).toBe(false);
      // The frame watch is gone: new fields are not scanned any more.
      const scans = log.filter((entry) => entry === 'scan').length;
      doc.body.appendChild(doc.createElement('input'));
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(log.filter((entry) => entry === 'scan')).toHaveLength(scans);
    });

    it('before the core ran: nothing listens any more, and nothing is stopped that never started', async () => {
      const listen = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
      boot();
      stop?.();
      stop = undefined;
      expect(listen).toHaveBeenCalledTimes(1);
      expect(fakeBrowser.runtime.onMessage.hasListener(listen.mock.calls[0]![0])).toBe(false);
      expect(apk.stopped).toBe(true);
      userEvent(field(), 'input');
      await settle();
      expect(toMain).toEqual([]);
      expect(loadRequested()).toBe(false);
      expect(log).toEqual([]);
    });

    it('stopped while frame-core.js is still loading: the core never starts', async () => {
      boot('<input name="phone">');
      await vi.waitFor(() => expect(loadRequested()).toBe(true));
      stop?.();
      stop = undefined;
      openGate();
      await settle();
      await settle();
      expect(started).toEqual([]);
      expect(log).toEqual([]);
    });

    it('a core that failed to load is tried again at the next sign the guard is needed', async () => {
      // No background to answer (the extension is updating).
      requestPart.mockImplementationOnce(() => Promise.reject(new Error('Could not establish connection')));
      boot('<input name="phone">');
      await vi.waitFor(() => expect(requestPart).toHaveBeenCalledTimes(1));
      await settle();
      expect(started).toEqual([]);
      userEvent(field(), 'input');
      await coreLoads();
      expect(requestPart).toHaveBeenCalledTimes(2);
    });
  });
});
