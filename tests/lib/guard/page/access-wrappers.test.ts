// lib/guard/page/access-wrappers.ts in a fresh happy-dom window with fake browser APIs (the Contact
// Picker exists only on Android): each of contacts, camera, location and clipboard asks first, and
// reaches the browser only when allowed; refused calls fail as a refused permission does; a watch
// cleared while its question is open never starts. Wired through the request guard, the question
// names the page and the kind on the 'permission' route.
import { Window as HappyWindow } from 'happy-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { wrapAccess, type AskAccess } from '@/lib/guard/page/access-wrappers';
import { captureNatives } from '@/lib/guard/page/natives';
import type { RequestQuestion } from '@/lib/guard/page/page-channel';
import { createRequestGuard } from '@/lib/guard/page/request-wrappers';

type PageWindow = Window & typeof globalThis;
type Go = (allowed: boolean) => void;

let win: PageWindow;
let asked: { kind: string; go: Go }[];
const native = {
  select: vi.fn(async () => [{ name: ['Ana'] }]),
  getUserMedia: vi.fn(async () => 'stream'),
  readText: vi.fn(async () => 'copied'),
  read: vi.fn(async () => []),
  getCurrentPosition: vi.fn(),
  watchPosition: vi.fn(() => 77),
  clearWatch: vi.fn(),
};

/** Browser-like classes with the methods on their prototypes, as the wrappers find them. */
function installFakes(target: PageWindow): void {
  const define = (name: string, methods: Record<string, unknown>) => {
    const Fake = function () {} as unknown as { prototype: Record<string, unknown> };
    for (const [key, fn] of Object.entries(methods)) Object.defineProperty(Fake.prototype, key, { value: fn, writable: true, configurable: true, enumerable: true });
    (target as unknown as Record<string, unknown>)[name] = Fake;
  };
  define('ContactsManager', { select: native.select });
  define('MediaDevices', { getUserMedia: native.getUserMedia });
  define('Clipboard', { read: native.read, readText: native.readText });
  define('Geolocation', { getCurrentPosition: native.getCurrentPosition, watchPosition: native.watchPosition, clearWatch: native.clearWatch });
}
const instance = (name: string) => new ((win as unknown as Record<string, new () => Record<string, (...args: unknown[]) => unknown>>)[name]!)();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  for (const fn of Object.values(native)) fn.mockClear();
  win = new HappyWindow({ url: 'https://www.kuaidai.example/apply' }) as unknown as PageWindow;
  installFakes(win);
  asked = [];
  const ask: AskAccess = (kind, go) => void asked.push({ kind, go });
  wrapAccess(win, captureNatives(win), ask);
});

describe('access wrappers', () => {
  it.each([
    ['ContactsManager', 'select', 'contacts'],
    ['MediaDevices', 'getUserMedia', 'camera'],
    ['Clipboard', 'readText', 'clipboard'],
    ['Clipboard', 'read', 'clipboard'],
  ] as const)('%s.%s asks about %s first and reaches the browser only when allowed', async (owner, method, kind) => {
    const target = instance(owner);
    const result = target[method]!({ video: true });
    await settle();
    expect(asked.map((entry) => entry.kind)).toEqual([kind]);
    expect(native[method]).not.toHaveBeenCalled();
    asked[0]!.go(true);
    await expect(result).resolves.toBeDefined();
    expect(native[method]).toHaveBeenCalledWith({ video: true });
    expect(native[method].mock.contexts[0]).toBe(target);
    expect(target[method]!.name).toBe(method);
  });

  it('a refused call rejects with NotAllowedError and never reaches the browser', async () => {
    const result = instance('MediaDevices').getUserMedia!({ audio: true }) as Promise<unknown>;
    asked[0]!.go(false);
    await expect(result).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(native.getUserMedia).not.toHaveBeenCalled();
  });

  it('location: the error callback hears PERMISSION_DENIED when refused; the position call runs when allowed', () => {
    const geo = instance('Geolocation');
    const success = vi.fn();
    const failure = vi.fn();
    geo.getCurrentPosition!(success, failure);
    expect(native.getCurrentPosition).not.toHaveBeenCalled();
    asked[0]!.go(false);
    expect(failure).toHaveBeenCalledWith(expect.objectContaining({ code: 1, PERMISSION_DENIED: 1 }));
    geo.getCurrentPosition!(success, failure);
    asked[1]!.go(true);
    expect(native.getCurrentPosition).toHaveBeenCalledWith(success, failure);
  });

  it('watchPosition answers with an id at once; clearing it before the answer means it never starts, after it clears the real watch', () => {
    const geo = instance('Geolocation');
    const first = geo.watchPosition!(() => undefined) as number;
    geo.clearWatch!(first);
    asked[0]!.go(true);
    expect(native.watchPosition).not.toHaveBeenCalled();
    const second = geo.watchPosition!(() => undefined) as number;
    expect(second).not.toBe(first);
    asked[1]!.go(true);
    expect(native.watchPosition).toHaveBeenCalledOnce();
    geo.clearWatch!(second);
    expect(native.clearWatch).toHaveBeenCalledWith(77);
  });
});

describe('through the request guard', () => {
  it('asks on the permission route with the page address and the kind, even while no typed value is watched', async () => {
    const page = new HappyWindow({ url: 'https://www.kuaidai.example/apply' }) as unknown as PageWindow;
    installFakes(page);
    const questions: RequestQuestion[] = [];
    const guard = createRequestGuard(() => ({ ask: (question) => (questions.push(question), false), ready: () => true }), page);
    guard.install(page);
    const result = new ((page as unknown as Record<string, new () => { select(): Promise<unknown> }>).ContactsManager!)().select();
    expect(questions).toEqual([expect.objectContaining({ route: 'permission', url: 'https://www.kuaidai.example/apply', text: 'contacts' })]);
    expect(native.select).not.toHaveBeenCalled();
    // The isolated world lets it go: the release reaches the held call.
    guard.receive(`R1${questions[0]!.id}`);
    await expect(result).resolves.toEqual([{ name: ['Ana'] }]);
  });
});
