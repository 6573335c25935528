// One versioned object in storage.local (the settings, the trusted list): read through its zod
// schema, never trusted as stored. A value that can't be read falls back to a safe default and says
// so (`recovered`); the background sets the damaged copy aside under `quarantine:<key>` at once, so
// nothing is lost and the next reader sees a clean value.
import { browser } from 'wxt/browser';
import type * as z from 'zod/mini';

export interface Loaded<T> {
  value: T;
  /** True when something was stored but could not be read, and the fallback is used instead. */
  recovered: boolean;
}

/** What the quarantine key holds: when the value was set aside, and the value as it was. */
export interface SetAside {
  at: number;
  raw: unknown;
}

export interface StoredObject<T> {
  readonly key: string;
  readonly quarantineKey: string;
  readonly fallback: T;
  parse(stored: unknown): Loaded<T>;
  load(): Promise<Loaded<T>>;
  /**
   * Background only (the one writer): reads, and when the stored value is damaged, keeps a copy
   * under the quarantine key and replaces it with the fallback in the same write.
   */
  repair(now: number): Promise<Loaded<T>>;
  /** Validates before writing, so nothing invalid reaches storage. Throws on a full quota. */
  save(value: T): Promise<void>;
}

export function storedObject<T>(key: string, schema: z.ZodMiniType<T>, fallback: T): StoredObject<T> {
  const quarantineKey = `quarantine:${key}`;
  const parse = (stored: unknown): Loaded<T> => {
    if (stored === undefined) return { value: fallback, recovered: false };
    const parsed = schema.safeParse(stored);
    return parsed.success ? { value: parsed.data, recovered: false } : { value: fallback, recovered: true };
  };
  const read = async (): Promise<unknown> => (await browser.storage.local.get(key))[key];
  return {
    key,
    quarantineKey,
    fallback,
    parse,
    load: async () => parse(await read()),
    async repair(now) {
      const raw = await read();
      const loaded = parse(raw);
      if (loaded.recovered) await browser.storage.local.set({ [quarantineKey]: { at: now, raw } satisfies SetAside, [key]: fallback });
      return loaded;
    },
    async save(value) {
      await browser.storage.local.set({ [key]: schema.parse(value) });
    },
  };
}

/**
 * The stores whose value was just replaced by something unreadable (another extension page's bad
 * write, a hand edit, a failed sync): the background repairs them at once rather than at next write.
 */
export const damagedByChange = (stores: readonly StoredObject<unknown>[], changes: Record<string, { newValue?: unknown }>): StoredObject<unknown>[] =>
  stores.filter((store) => store.key in changes && store.parse(changes[store.key]?.newValue).recovered);
