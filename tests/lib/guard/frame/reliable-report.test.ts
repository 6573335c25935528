// lib/guard/frame/reliable-report.ts: a held request's report is sent again until the background
// confirms it with { ok: true } — after no answer, a refusal, an odd reply or a stopped worker — with
// growing pauses (the default pause is a real timer), and given up with an error after the last one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_TIMEOUT_MS, reportReliably, RETRY_DELAYS_MS } from '@/lib/guard/frame/reliable-report';

/** A `send` that gives these replies in turn (an Error is thrown as a rejection); `{ ok: true }` after them. */
function sender(...replies: unknown[]) {
  return vi.fn(async (): Promise<unknown> => {
    const reply = replies.length > 0 ? replies.shift() : { ok: true };
    if (reply instanceof Error) throw reply;
    return reply;
  });
}

const noWait = () => vi.fn(async (_ms: number): Promise<void> => undefined);

describe('reportReliably', () => {
  it('sends once when the background confirms at once', async () => {
    const send = sender({ ok: true });
    const wait = noWait();
    await expect(reportReliably(send, wait)).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(1);
    expect(wait).not.toHaveBeenCalled();
  });

  it('sends again after anything but { ok: true }, pausing longer each time', async () => {
    const send = sender(undefined, null, { ok: false }, 'ok', { ok: 'true' }, { ok: true });
    const wait = noWait();
    await reportReliably(send, wait);
    expect(send).toHaveBeenCalledTimes(6);
    expect(wait.mock.calls.map(([ms]) => ms)).toEqual(RETRY_DELAYS_MS.slice(0, 5));
  });

  it('sends again when the worker stops before answering (a rejected send)', async () => {
    const send = sender(new Error('Could not establish connection. Receiving end does not exist.'), new Error('message port closed'));
    const wait = noWait();
    await reportReliably(send, wait);
    expect(send).toHaveBeenCalledTimes(3);
    expect(wait).toHaveBeenCalledTimes(2);
  });

  it('a send that throws synchronously is retried too', async () => {
    let calls = 0;
    const send = (): Promise<unknown> => {
      calls += 1;
      if (calls === 1) throw new Error('Extension context invalidated.');
      return Promise.resolve({ ok: true });
    };
    await reportReliably(send, noWait());
    expect(calls).toBe(2);
  });

  it('never sends between being asked to wait and the wait ending', async () => {
    const send = sender({ ok: false });
    let release!: () => void;
    const wait = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const done = reportReliably(send, wait);
    await vi.waitFor(() => expect(wait).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    expect(send).toHaveBeenCalledTimes(1);
    release();
    await done;
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up with an error after the last pause, having sent once per pause plus once', async () => {
    const send = vi.fn(async (): Promise<unknown> => ({ ok: false }));
    const wait = noWait();
    await expect(reportReliably(send, wait)).rejects.toThrow(/did not confirm/);
    expect(send).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
    expect(wait.mock.calls.map(([ms]) => ms)).toEqual(RETRY_DELAYS_MS);
  });

  it('an attempt whose reply never comes (neither answer nor error) counts as failed after its timeout', async () => {
    let calls = 0;
    const send = (): Promise<unknown> => (++calls === 1 ? new Promise(() => undefined) : Promise.resolve({ ok: true }));
    const timeouts: number[] = [];
    let expire!: () => void;
    const timeout = (ms: number): Promise<void> => {
      timeouts.push(ms);
      return timeouts.length === 1 ? new Promise((resolve) => (expire = resolve)) : new Promise(() => undefined);
    };
    const done = reportReliably(send, noWait(), timeout);
    await Promise.resolve();
    expect(calls).toBe(1);
    expire();
    await expect(done).resolves.toBeUndefined();
    expect(calls).toBe(2);
    expect(timeouts[0]).toBe(ATTEMPT_TIMEOUT_MS);
  });

  it('the pauses grow', () => {
    expect(RETRY_DELAYS_MS.length).toBeGreaterThan(1);
    for (let i = 1; i < RETRY_DELAYS_MS.length; i++) expect(RETRY_DELAYS_MS[i]!).toBeGreaterThan(RETRY_DELAYS_MS[i - 1]!);
  });

  describe('with the default (timer) pause', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('waits each pause out on the clock before sending again', async () => {
      const send = sender({ ok: false }, undefined, { ok: true });
      let settled = false;
      const done = reportReliably(send).then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(send).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]! - 1);
      expect(send).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(send).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1]! - 1);
      expect(send).toHaveBeenCalledTimes(2);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await done;
      expect(send).toHaveBeenCalledTimes(3);
      // Confirmed: nothing more is sent however long we wait.
      await vi.advanceTimersByTimeAsync(60_000);
      expect(send).toHaveBeenCalledTimes(3);
    });

    it('gives up once all the pauses have passed, and sends nothing afterwards', async () => {
      const send = vi.fn(async (): Promise<unknown> => undefined);
      let error: unknown;
      const done = reportReliably(send).catch((e: unknown) => void (error = e));
      const total = RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0);
      await vi.advanceTimersByTimeAsync(total - 1);
      expect(error).toBeUndefined();
      expect(send).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length);
      await vi.advanceTimersByTimeAsync(1);
      await done;
      expect(error).toBeInstanceOf(Error);
      expect(send).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(send).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
    });
  });
});
