// lib/guard/page/page-channel.ts in happy-dom: the handshake in either order; a question answered in
// the same call (cancelled = allowed, anything else = held); releases and the watching state as
// strings; and what a page can't do: learn the secret after the handshake, forge an answer, or break
// the MAIN side by replacing built-ins after it started.
import { beforeEach, describe, expect, it } from 'vitest';
import { openIsolatedChannel, openMainChannel, releaseMessage, watchingMessage, type RequestQuestion } from '@/lib/guard/page/page-channel';
import { randomId } from '@/lib/random-id';

const HELLO_FROM_MAIN = 'loanguard:hello-main';
const HELLO_FROM_ISOLATED = 'loanguard:hello-isolated';
const QUESTION: RequestQuestion = { id: 'r1', route: 'fetch', url: 'https://api.loan.example/x', method: 'POST', text: 'phone=13800138000', flags: '' };

// Each test gets its own document, so channel ends left over from an earlier test can't answer.
let doc: Document;
beforeEach(() => {
  doc = document.implementation.createHTMLDocument('page');
});

function pair(order: 'isolated-first' | 'main-first', decide: (question: RequestQuestion) => boolean = () => true) {
  const questions: RequestQuestion[] = [];
  const toMain: string[] = [];
  const openIsolated = () =>
    openIsolatedChannel(
      doc,
      (question, allow) => {
        questions.push(question);
        if (decide(question)) allow();
      },
      randomId(),
    );
  const openMain = () => openMainChannel(doc, window, (message) => toMain.push(message));
  if (order === 'isolated-first') {
    const isolated = openIsolated();
    return { isolated, main: openMain(), questions, toMain };
  }
  const main = openMain();
  return { main, isolated: openIsolated(), questions, toMain };
}

describe('page channel', () => {
  for (const order of ['isolated-first', 'main-first'] as const) {
    it(`connects (${order}) and answers a question in the same call`, () => {
      const { main, questions } = pair(order);
      expect(main.ready()).toBe(true);
      expect(main.ask(QUESTION)).toBe(true);
      expect(questions).toEqual([QUESTION]);
    });
  }

  it('a question the isolated world does not allow is held (false)', () => {
    const { main } = pair('isolated-first', () => false);
    expect(main.ask(QUESTION)).toBe(false);
  });

  it('fails closed: before the handshake, or with nobody listening, a question is held', () => {
    const main = openMainChannel(doc, window, () => undefined);
    expect(main.ready()).toBe(false);
    expect(main.ask(QUESTION)).toBe(false);
  });

  it('an isolated side that throws holds the request', () => {
    const isolated = openIsolatedChannel(
      doc,
      () => {
        throw new Error('bug');
      },
      randomId(),
    );
    void isolated;
    const main = openMainChannel(doc, window, () => undefined);
    expect(() => main.ask(QUESTION)).not.toThrow();
  });

  it('delivers the watching state and releases to the MAIN side as strings', () => {
    const { isolated, toMain } = pair('main-first');
    isolated.post(watchingMessage(true));
    isolated.post(releaseMessage('r1', true));
    isolated.post(releaseMessage('r2', false));
    isolated.post(watchingMessage(false));
    expect(toMain).toEqual(['W1', 'R1r1', 'R0r2', 'W0']);
  });

  it('never hands the secret to a page script that asks after the handshake', () => {
    pair('isolated-first');
    const heard: unknown[] = [];
    doc.addEventListener(HELLO_FROM_ISOLATED, (event) => heard.push((event as CustomEvent).detail));
    doc.dispatchEvent(new CustomEvent(HELLO_FROM_MAIN));
    expect(heard).toEqual([]);
  });

  it('stops announcing once the document is parsed, even if the MAIN side never came', () => {
    openIsolatedChannel(doc, () => undefined, randomId());
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    const heard: unknown[] = [];
    doc.addEventListener(HELLO_FROM_ISOLATED, (event) => heard.push((event as CustomEvent).detail));
    doc.dispatchEvent(new CustomEvent(HELLO_FROM_MAIN));
    expect(heard).toEqual([]);
  });

  it('refuses a secret that is not 32 hex characters', () => {
    expect(() => openIsolatedChannel(doc, () => undefined, 'short')).toThrow();
  });

  it('a forged question under a wrong name, or an unreadable one, is never allowed', () => {
    let secret = '';
    doc.addEventListener(HELLO_FROM_ISOLATED, (event) => {
      secret = String((event as CustomEvent).detail);
    });
    const questions: RequestQuestion[] = [];
    openIsolatedChannel(doc, (question, allow) => {
      questions.push(question);
      allow();
    }, randomId());
    expect(secret).toMatch(/^[0-9a-f]{32}$/);
    const wrong = secret.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const forged = new CustomEvent(`loanguard:m2i:${wrong}`, { detail: JSON.stringify(QUESTION), cancelable: true });
    expect(doc.dispatchEvent(forged)).toBe(true); // not cancelled: not allowed
    const unreadable = new CustomEvent(`loanguard:m2i:${secret}`, { detail: '{not json', cancelable: true });
    expect(doc.dispatchEvent(unreadable)).toBe(true);
    expect(questions).toEqual([]);
  });

  it('keeps working when the page replaces the built-ins the MAIN side uses, after it started', () => {
    const { isolated, main, questions, toMain } = pair('main-first');
    const proto = EventTarget.prototype;
    const detail = Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail')!;
    const saved = { dispatch: proto.dispatchEvent, add: proto.addEventListener, stringify: JSON.stringify, call: Function.prototype.call };
    const seen: unknown[] = [];
    try {
      proto.dispatchEvent = () => true;
      proto.addEventListener = () => undefined;
      JSON.stringify = () => '"tampered"';
      Object.defineProperty(CustomEvent.prototype, 'detail', {
        configurable: true,
        get() {
          seen.push(this);
          return 'tampered';
        },
      });
      // A page-installed call would see every function the guard calls through it, and its arguments.
      Function.prototype.call = function (this: (...args: unknown[]) => unknown, ...args: unknown[]) {
        seen.push(args);
        return saved.call.apply(this, [args[0], ...args.slice(1)] as never);
      } as typeof Function.prototype.call;
      expect(main.ask(QUESTION)).toBe(true);
      isolated.post(watchingMessage(true));
    } finally {
      proto.dispatchEvent = saved.dispatch;
      proto.addEventListener = saved.add;
      JSON.stringify = saved.stringify;
      Function.prototype.call = saved.call;
      Object.defineProperty(CustomEvent.prototype, 'detail', detail);
    }
    expect(questions.at(-1)).toEqual(QUESTION);
    expect(toMain).toEqual(['W1']);
    // The MAIN side never touched the page's replacements.
    expect(JSON.stringify(seen)).not.toContain('loanguard');
  });
});
