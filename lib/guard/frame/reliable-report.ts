// Reporting a held request to the background so that it is never silently lost: the background
// service worker may be asleep (the browser starts it to deliver the message, 0.1–2 s) or be stopped
// half-way (the reply never comes). The same message is sent again until the background confirms
// it — its handling is idempotent (the hold id names the record) — with a growing pause. An attempt
// that gets no reply at all within ATTEMPT_TIMEOUT_MS counts as failed (a reply that never comes
// must not stall the retries).

/** Pauses between attempts; after the last one the report is given up (the hold stays held). */
export const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000];
export const ATTEMPT_TIMEOUT_MS = 3_000;

/** A pause of `ms` (the default wait wherever the frame waits on the background). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const confirmed = (reply: unknown): boolean => typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true;

/** Resolves once the background answered `{ ok: true }`; rejects after the last retry. */
export async function reportReliably(send: () => Promise<unknown>, wait: (ms: number) => Promise<void> = sleep, timeout: (ms: number) => Promise<void> = sleep): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (confirmed(await Promise.race([send(), timeout(ATTEMPT_TIMEOUT_MS).then(() => undefined)]))) return;
    } catch {
      // The worker stopped before answering, or the extension is reloading: try again.
    }
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) throw new Error('the background did not confirm the report');
    await wait(delay);
  }
}
