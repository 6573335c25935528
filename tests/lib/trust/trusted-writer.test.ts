// Unit tests for lib/trust/trusted-writer.ts (fakeBrowser storage): each operation, refusals that store
// nothing, concurrent changes, the prompt's Trust, and sync that never fails a local change.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, saveSettings } from '@/lib/settings/settings';
import { applyTrustedOp, trustSiteFromPrompt } from '@/lib/trust/trusted-writer';
import { loadSyncStatus, readTrustedFromSync } from '@/lib/trust/trusted-sync';
import { loadTrustedList, saveTrustedList, TRUSTED_KEY, type TrustedList } from '@/lib/trust/trusted-list';
import type { TrustedOp } from '@/lib/messages/write-messages';

const NOW = 1_700_000_000_000;
const stored = async () => (await fakeBrowser.storage.local.get(TRUSTED_KEY))[TRUSTED_KEY];
const list = async () => (await loadTrustedList()).value;
const sites = async () => (await list()).sites.map((entry) => entry.site);
const seed = (entries: Array<[string, string?]>) =>
  saveTrustedList({ version: 1, sites: entries.map(([site, note = ''], index) => ({ site, addedAt: index + 1, note })) });

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('add', () => {
  it('normalises what was typed and stores it with the time and note', async () => {
    expect(await applyTrustedOp({ op: 'add', site: 'https://www.Example.com/login', note: '  my bank \n' }, NOW)).toEqual({ ok: true, count: 1 });
    expect(await list()).toEqual({ version: 1, sites: [{ site: 'example.com', addedAt: NOW, note: 'my bank' }] });
  });

  it('is ok for a site already present, updating the note only when one is given', async () => {
    await seed([['example.com', 'old']]);
    expect(await applyTrustedOp({ op: 'add', site: 'm.example.com', note: '' }, NOW)).toEqual({ ok: true, count: 0 });
    expect((await list()).sites).toEqual([{ site: 'example.com', addedAt: 1, note: 'old' }]);
    expect(await applyTrustedOp({ op: 'add', site: 'example.com', note: 'new' }, NOW)).toEqual({ ok: true, count: 0 });
    expect((await list()).sites).toEqual([{ site: 'example.com', addedAt: 1, note: 'new' }]);
  });

  it('refuses invalid input with a specific key and leaves storage untouched', async () => {
    await seed([['example.com']]);
    const before = await stored();
    const cases: Array<[string, string]> = [
      ['not a domain', 'trusted_error_spaces'],
      ['', 'trusted_error_empty'],
      ['co.uk', 'trusted_error_public_suffix'],
      ['ftp://example.org', 'trusted_error_scheme'],
      ['example.org@evil.io', 'trusted_error_userinfo'],
      ['bad_-.example.org', 'trusted_error_invalid'],
    ];
    for (const [site, error] of cases) {
      expect(await applyTrustedOp({ op: 'add', site, note: '' }, NOW), site).toEqual({ ok: false, error });
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a message that does not match the schema', async () => {
    const bad = { op: 'add', site: 'example.com', note: 'x'.repeat(201) } as TrustedOp;
    expect(await applyTrustedOp(bad, NOW)).toEqual({ ok: false, error: 'trusted_error_invalid' });
    expect(await applyTrustedOp({ op: 'explode' } as unknown as TrustedOp, NOW)).toEqual({ ok: false, error: 'trusted_error_invalid' });
    expect(await stored()).toBeUndefined();
  });

  it('keeps all of 20 concurrent adds', async () => {
    const names = Array.from({ length: 20 }, (_, index) => `site${index}.com`);
    const replies = await Promise.all(names.map((site, index) => applyTrustedOp({ op: 'add', site, note: '' }, NOW + index)));
    expect(replies.every((reply) => reply.ok)).toBe(true);
    expect((await sites()).sort()).toEqual([...names].sort());
  });

  it('reports a storage failure and keeps the old list', async () => {
    await seed([['example.com']]);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await applyTrustedOp({ op: 'add', site: 'other.com', note: '' }, NOW)).toEqual({ ok: false, error: 'trusted_error_quota' });
    expect(await sites()).toEqual(['example.com']);
    // The lock is released: the next change goes through.
    expect(await applyTrustedOp({ op: 'add', site: 'other.com', note: '' }, NOW)).toEqual({ ok: true, count: 1 });
  });
});

describe('remove and note', () => {
  beforeEach(() => seed([['example.com', 'bank'], ['xn--fsqu00a.xn--fiqs8s'], ['other.org']]));

  it('removes a site as stored or as typed; a missing site is not an error', async () => {
    expect(await applyTrustedOp({ op: 'remove', site: 'example.com' }, NOW)).toEqual({ ok: true, count: 1 });
    expect(await applyTrustedOp({ op: 'remove', site: '例子.中国' }, NOW)).toEqual({ ok: true, count: 1 });
    expect(await applyTrustedOp({ op: 'remove', site: 'missing.net' }, NOW)).toEqual({ ok: true, count: 0 });
    expect(await sites()).toEqual(['other.org']);
  });

  it('sets a trimmed note; an unknown site is refused', async () => {
    expect(await applyTrustedOp({ op: 'note', site: 'other.org', note: '  salary account  ' }, NOW)).toEqual({ ok: true, count: 1 });
    expect((await list()).sites[2]).toEqual({ site: 'other.org', addedAt: 3, note: 'salary account' });
    expect(await applyTrustedOp({ op: 'note', site: 'example.com', note: '' }, NOW)).toEqual({ ok: true, count: 1 });
    expect((await list()).sites[0]!.note).toBe('');
    const before = await stored();
    expect(await applyTrustedOp({ op: 'note', site: 'missing.net', note: 'x' }, NOW)).toEqual({ ok: false, error: 'trusted_error_not_found' });
    expect(await stored()).toEqual(before);
  });
});

describe('import', () => {
  const incoming: TrustedList = {
    version: 1,
    sites: [
      { site: 'example.com', addedAt: 50, note: 'imported note' },
      { site: 'other.org', addedAt: 51, note: 'fills the empty one' },
      { site: 'new.net', addedAt: 52, note: '' },
    ],
  };
  beforeEach(() => seed([['example.com', 'bank'], ['other.org']]));

  it('merge: union, existing notes kept, empty notes filled, counts the new sites', async () => {
    expect(await applyTrustedOp({ op: 'import', list: incoming, mode: 'merge' }, NOW)).toEqual({ ok: true, count: 1 });
    expect((await list()).sites).toEqual([
      { site: 'example.com', addedAt: 1, note: 'bank' },
      { site: 'other.org', addedAt: 2, note: 'fills the empty one' },
      { site: 'new.net', addedAt: 52, note: '' },
    ]);
  });

  it('replace: the imported list becomes the list', async () => {
    expect(await applyTrustedOp({ op: 'import', list: incoming, mode: 'replace' }, NOW)).toEqual({ ok: true, count: 3 });
    expect(await list()).toEqual(incoming);
  });

  it('re-checks imported sites: one invalid entry refuses all', async () => {
    const before = await stored();
    const bad: TrustedList = { version: 1, sites: [...incoming.sites, { site: 'no such thing', addedAt: 1, note: '' }] };
    for (const mode of ['merge', 'replace'] as const) {
      expect(await applyTrustedOp({ op: 'import', list: bad, mode }, NOW)).toEqual({ ok: false, error: 'trusted_error_invalid' });
    }
    expect(await stored()).toEqual(before);
  });

  it('normalises imported sites and merges their repeats', async () => {
    const messy: TrustedList = { version: 1, sites: [{ site: 'WWW.NEW.NET', addedAt: 1, note: '' }, { site: 'new.net', addedAt: 2, note: 'n' }] };
    expect(await applyTrustedOp({ op: 'import', list: messy, mode: 'replace' }, NOW)).toEqual({ ok: true, count: 1 });
    expect((await list()).sites).toEqual([{ site: 'new.net', addedAt: 1, note: 'n' }]);
  });
});

describe('trustSiteFromPrompt', () => {
  it('adds through the same lock as the other changes', async () => {
    const results = await Promise.all([
      trustSiteFromPrompt('example.co.id', NOW),
      applyTrustedOp({ op: 'add', site: 'other.com', note: '' }, NOW),
      trustSiteFromPrompt('example.co.id', NOW),
    ]);
    expect(results).toEqual([{ ok: true, count: 1 }, { ok: true, count: 1 }, { ok: true, count: 0 }]);
    expect(await sites()).toEqual(['example.co.id', 'other.com']);
  });
});

describe('sync after a change', () => {
  it('does nothing with storage.sync while sync is off', async () => {
    await applyTrustedOp({ op: 'add', site: 'example.com', note: '' }, NOW);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('copies the list to sync when on, one push for a burst of changes', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, syncTrusted: true });
    const setSpy = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await Promise.all(Array.from({ length: 10 }, (_, index) => applyTrustedOp({ op: 'add', site: `s${index}.com`, note: '' }, NOW + index)));
    expect((await readTrustedFromSync())?.sites.map((entry) => entry.site).sort()).toEqual((await sites()).sort());
    expect(setSpy.mock.calls.length).toBeLessThanOrEqual(4);
    expect(await loadSyncStatus()).toMatchObject({ ok: true });
  });

  it('a failing sync does not fail the local change, and is recorded', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, syncTrusted: true });
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    expect(await applyTrustedOp({ op: 'add', site: 'example.com', note: '' }, NOW)).toEqual({ ok: true, count: 1 });
    expect(await sites()).toEqual(['example.com']);
    expect(await loadSyncStatus()).toEqual({ at: NOW, ok: false, error: 'trusted_sync_quota' });
  });

  it('a list too large for sync is still saved locally', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, syncTrusted: true });
    const big: TrustedList = {
      version: 1,
      sites: Array.from({ length: 3000 }, (_, index) => ({ site: `site${index}.com`, addedAt: 1, note: 'n'.repeat(100) })),
    };
    expect(await applyTrustedOp({ op: 'import', list: big, mode: 'replace' }, NOW)).toEqual({ ok: true, count: 3000 });
    expect(await sites()).toHaveLength(3000);
    expect(await loadSyncStatus()).toEqual({ at: NOW, ok: false, error: 'trusted_sync_too_large' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});
