// Unit tests for lib/guard/page/page-channel.ts in happy-dom: handshake in either order, synchronous delivery, secrecy against page listeners.
import { beforeEach, describe, expect, it } from 'vitest';
import { openIsolatedChannel, openMainChannel } from '@/lib/guard/page/page-channel';

const HELLO_FROM_MAIN = 'loanguard:hello-main';
const HELLO_FROM_ISOLATED = 'loanguard:hello-isolated';

// Each test gets its own document, so channel ends left over from an earlier test can't answer.
let doc: Document;
beforeEach(() => {
  doc = document.implementation.createHTMLDocument('page');
});
/** A page script listening on the document. */
function listen(type: string, handler: (event: Event) => void): void {
  doc.addEventListener(type, handler);
}

function pair(order: 'isolated-first' | 'main-first') {
  const toIsolated: unknown[] = [];
  const toMain: unknown[] = [];
  const openIsolated = () => openIsolatedChannel(doc, window, (message) => toIsolated.push(message));
  const openMain = () => openMainChannel(doc, window, (message) => toMain.push(message));
  if (order === 'isolated-first') {
    const isolated = openIsolated();
    const main = openMain();
    return { isolated, main, toIsolated, toMain };
  }
  const main = openMain();
  const isolated = openIsolated();
  return { isolated, main, toIsolated, toMain };
}

describe('page channel', () => {
  for (const order of ['isolated-first', 'main-first'] as const) {
    describe(order, () => {
      it('connects, and the MAIN side says hello', () => {
        const { main, toIsolated } = pair(order);
        expect(main.ready()).toBe(true);
        expect(toIsolated).toEqual([{ type: 'hello' }]);
      });

      it('delivers both ways synchronously: the handler has run when post() returns', () => {
        const { isolated, main, toIsolated, toMain } = pair(order);
        main.post({ type: 'check', requestId: 'r1', n: [1, 2] });
        expect(toIsolated.at(-1)).toEqual({ type: 'check', requestId: 'r1', n: [1, 2] });
        isolated.post({ type: 'verdict', requestId: 'r1', action: 'hold' });
        expect(toMain).toEqual([{ type: 'verdict', requestId: 'r1', action: 'hold' }]);
      });

      it('lets an answer be given from inside the question handler (as the guard does)', () => {
        const answers: unknown[] = [];
        const isolated = openIsolatedChannel(doc, window, (message) => {
          if ((message as { type?: string }).type === 'check') isolated.post({ type: 'verdict' });
        });
        const main = openMainChannel(doc, window, (message) => answers.push(message));
        main.post({ type: 'check' });
        expect(answers).toEqual([{ type: 'verdict' }]);
      });
    });
  }

  it('queues what the MAIN side posts before the isolated side exists, and delivers it in order', () => {
    const toIsolated: unknown[] = [];
    const main = openMainChannel(doc, window, () => undefined);
    main.post({ n: 1 });
    main.post({ n: 2 });
    expect(main.ready()).toBe(false);
    openIsolatedChannel(doc, window, (message) => toIsolated.push(message));
    expect(main.ready()).toBe(true);
    expect(toIsolated).toEqual([{ type: 'hello' }, { n: 1 }, { n: 2 }]);
  });

  it('keeps the two directions apart: neither side hears its own messages', () => {
    const { isolated, main, toIsolated, toMain } = pair('isolated-first');
    isolated.post({ from: 'isolated' });
    main.post({ from: 'main' });
    expect(toIsolated).toEqual([{ type: 'hello' }, { from: 'main' }]);
    expect(toMain).toEqual([{ from: 'isolated' }]);
  });

  it('never hands the secret to a page script that asks after the handshake', () => {
    pair('isolated-first');
    const heard: unknown[] = [];
    listen(HELLO_FROM_ISOLATED, (event) => heard.push((event as CustomEvent).detail));
    doc.dispatchEvent(new CustomEvent(HELLO_FROM_MAIN));
    doc.dispatchEvent(new CustomEvent(HELLO_FROM_MAIN, { detail: 'again' }));
    expect(heard).toEqual([]);
  });

  it('uses a fresh 128-bit secret for every channel', () => {
    const secrets: string[] = [];
    listen(HELLO_FROM_ISOLATED, (event) => secrets.push(String((event as CustomEvent).detail)));
    openIsolatedChannel(doc, window, () => undefined);
    openIsolatedChannel(doc, window, () => undefined);
    expect(secrets).toHaveLength(2);
    expect(secrets[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(secrets[0]).not.toBe(secrets[1]);
  });

  it('does not deliver messages sent under a wrong event name, nor non-string or non-JSON details', () => {
    let secret = '';
    listen(HELLO_FROM_ISOLATED, (event) => {
      secret = String((event as CustomEvent).detail);
    });
    const toIsolated: unknown[] = [];
    openIsolatedChannel(doc, window, (message) => toIsolated.push(message));
    expect(secret).toMatch(/^[0-9a-f]{32}$/);
    const wrong = secret.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    for (const name of ['loanguard:m2i:', `loanguard:m2i:${wrong}`, `loanguard:i2m:${secret}`, `loanguard:m2i:${secret.toUpperCase()}`]) {
      doc.dispatchEvent(new CustomEvent(name, { detail: JSON.stringify({ type: 'check', forged: true }) }));
    }
    expect(toIsolated).toEqual([]);
    const right = `loanguard:m2i:${secret}`;
    doc.dispatchEvent(new CustomEvent(right, { detail: '{not json' }));
    doc.dispatchEvent(new CustomEvent(right, { detail: { type: 'check' } }));
    doc.dispatchEvent(new CustomEvent(right));
    expect(toIsolated).toEqual([]);
    // Control: the right name with a JSON string is delivered (here by a page that learnt the secret before the handshake).
    doc.dispatchEvent(new CustomEvent(right, { detail: JSON.stringify({ type: 'hello' }) }));
    expect(toIsolated).toEqual([{ type: 'hello' }]);
  });

  it('the MAIN side ignores a malformed secret and still connects to the real one', () => {
    const toMain: unknown[] = [];
    const main = openMainChannel(doc, window, (message) => toMain.push(message));
    doc.dispatchEvent(new CustomEvent(HELLO_FROM_ISOLATED, { detail: 'not-a-secret' }));
    doc.dispatchEvent(new CustomEvent(HELLO_FROM_ISOLATED, { detail: 42 }));
    expect(main.ready()).toBe(false);
    const isolated = openIsolatedChannel(doc, window, () => undefined);
    expect(main.ready()).toBe(true);
    isolated.post({ ok: true });
    expect(toMain).toEqual([{ ok: true }]);
  });

  it('keeps working when the page replaces EventTarget methods and JSON after start', () => {
    const { isolated, main, toIsolated, toMain } = pair('main-first');
    const proto = EventTarget.prototype;
    const saved = { add: proto.addEventListener, dispatch: proto.dispatchEvent, stringify: JSON.stringify, parse: JSON.parse };
    try {
      proto.dispatchEvent = () => false;
      proto.addEventListener = () => undefined;
      JSON.stringify = () => '"tampered"';
      JSON.parse = () => 'tampered';
      main.post({ n: 1 });
      isolated.post({ n: 2 });
    } finally {
      proto.addEventListener = saved.add;
      proto.dispatchEvent = saved.dispatch;
      JSON.stringify = saved.stringify;
      JSON.parse = saved.parse;
    }
    expect(toIsolated.at(-1)).toEqual({ n: 1 });
    expect(toMain).toEqual([{ n: 2 }]);
  });
});
