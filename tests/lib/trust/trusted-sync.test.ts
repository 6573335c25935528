// Unit tests for lib/trust/trusted-sync.ts (fakeBrowser storage.sync): chunking under the per-item quota,
// refusing oversized lists, quota errors, reading back, merging on enable and remote changes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, saveSettings } from '@/lib/settings/settings';
import {
  encodeForSync,
  loadSyncStatus,
  mergeOnEnable,
  onSyncChanged,
  pushTrustedToSync,
  readTrustedFromSync,
  SYNC_HEADER_KEY,
  syncChunkKey,
  syncDeviceId,
  syncItemBytes,
  SYNC_LOCAL_KEY,
} from '@/lib/trust/trusted-sync';
import { loadTrustedList, saveTrustedList, type TrustedList } from '@/lib/trust/trusted-list';

const listOf = (count: number, note = (index: number) => (index % 3 === 0 ? `note ${index} 借款平台` : '')): TrustedList => ({
  version: 1,
  sites: Array.from({ length: count }, (_, index) => ({ site: `site-${index}.com`, addedAt: 1_000 + index, note: note(index) })),
});
const syncContents = async (): Promise<Record<string, unknown>> => fakeBrowser.storage.sync.get(null);
const localSites = async () => (await loadTrustedList()).value.sites.map((entry) => entry.site);

/** What another browser's push leaves in storage.sync, and the onChanged record it causes. */
async function remoteWrite(list: TrustedList, updatedAt: number, device = 'other-device') {
  const encoded = encodeForSync(list, updatedAt, device);
  if (!encoded.ok) throw new Error('too large');
  await fakeBrowser.storage.sync.set(encoded.items);
  await fakeBrowser.storage.sync.set({ [SYNC_HEADER_KEY]: encoded.header });
  return { [SYNC_HEADER_KEY]: { newValue: encoded.header } };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('pushTrustedToSync', () => {
  it('splits a large list into chunks each well under the per-item quota, header last, and reads it back', async () => {
    const list = listOf(1200);
    const setSpy = vi.spyOn(fakeBrowser.storage.sync, 'set');
    expect(await pushTrustedToSync(list, 5_000)).toEqual({ ok: true });
    const stored = await syncContents();
    const header = stored[SYNC_HEADER_KEY] as { chunks: number; updatedAt: number; count: number; device: string };
    expect(header).toMatchObject({ version: 1, updatedAt: 5_000, count: 1200, device: await syncDeviceId() });
    expect(header.chunks).toBeGreaterThan(3);
    expect(Object.keys(stored)).toHaveLength(header.chunks + 1);
    let total = 0;
    for (const [key, value] of Object.entries(stored)) {
      const bytes = syncItemBytes(key, value);
      expect(bytes, key).toBeLessThan(7200);
      total += bytes;
    }
    expect(total).toBeLessThan(102_400); // storage.sync.QUOTA_BYTES
    // Chunks first, then the header on its own.
    expect(setSpy).toHaveBeenCalledTimes(2);
    expect(Object.keys(setSpy.mock.calls[1]![0] as object)).toEqual([SYNC_HEADER_KEY]);
    expect(await readTrustedFromSync()).toEqual(list);
    expect(await loadSyncStatus()).toEqual({ at: 5_000, ok: true });
  });

  it('removes chunks left over from a longer list', async () => {
    await pushTrustedToSync(listOf(1200), 1);
    const small = listOf(3);
    await pushTrustedToSync(small, 2);
    expect(Object.keys(await syncContents()).sort()).toEqual([SYNC_HEADER_KEY, syncChunkKey(0)]);
    expect(await readTrustedFromSync()).toEqual(small);
  });

  it('refuses a list over the budget without writing any of it', async () => {
    const small = listOf(2);
    await pushTrustedToSync(small, 1);
    const before = await syncContents();
    const huge = listOf(3000, () => 'n'.repeat(150));
    expect(await pushTrustedToSync(huge, 2)).toEqual({ ok: false, error: 'trusted_sync_too_large' });
    expect(await syncContents()).toEqual(before);
    expect(await loadSyncStatus()).toEqual({ at: 2, ok: false, error: 'trusted_sync_too_large' });
  });

  it('refuses an oversized first push and leaves storage.sync empty', async () => {
    expect(await pushTrustedToSync(listOf(5000, () => 'x'.repeat(100)), 1)).toEqual({ ok: false, error: 'trusted_sync_too_large' });
    expect(await syncContents()).toEqual({});
  });

  it('maps a browser quota error to trusted_sync_quota and records it', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    expect(await pushTrustedToSync(listOf(3), 9)).toEqual({ ok: false, error: 'trusted_sync_quota' });
    expect(await loadSyncStatus()).toEqual({ at: 9, ok: false, error: 'trusted_sync_quota' });
  });

  it('maps any other failure to trusted_sync_failed', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('sync is disabled'));
    expect(await pushTrustedToSync(listOf(3), 9)).toEqual({ ok: false, error: 'trusted_sync_failed' });
  });
});

describe('readTrustedFromSync', () => {
  it('is null when nothing is synced', async () => {
    expect(await readTrustedFromSync()).toBeNull();
  });

  it('is null for a corrupt header, a half-arrived update or an invalid site', async () => {
    await fakeBrowser.storage.sync.set({ [SYNC_HEADER_KEY]: { version: 1, chunks: 'many' } });
    expect(await readTrustedFromSync()).toBeNull();

    await remoteWrite(listOf(5), 10);
    const header = (await syncContents())[SYNC_HEADER_KEY] as Record<string, unknown>;
    await fakeBrowser.storage.sync.set({ [SYNC_HEADER_KEY]: { ...header, write: 'another-write' } });
    expect(await readTrustedFromSync()).toBeNull();

    await fakeBrowser.storage.sync.set({ [SYNC_HEADER_KEY]: header, [syncChunkKey(0)]: { w: header.write, s: [['not a site', 1]] } });
    expect(await readTrustedFromSync()).toBeNull();
  });
});

describe('onSyncChanged', () => {
  beforeEach(async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, syncTrusted: true });
    await saveTrustedList(listOf(2));
  });

  it('replaces the local list with a newer one from another device', async () => {
    const remote = listOf(7);
    remote.sites.push({ site: 'xn--fsqu00a.xn--fiqs8s', addedAt: 3, note: '例子' });
    const changes = await remoteWrite(remote, Date.now() + 1_000);
    expect(await onSyncChanged(changes, 77)).toBe(true);
    expect((await loadTrustedList()).value).toEqual(remote);
    expect(await loadSyncStatus()).toEqual({ at: 77, ok: true });
  });

  it('ignores this browser’s own push', async () => {
    await pushTrustedToSync(listOf(9), 50);
    await saveTrustedList(listOf(1));
    expect(await onSyncChanged({ [SYNC_HEADER_KEY]: { newValue: {} } })).toBe(false);
    expect(await localSites()).toEqual(['site-0.com']);
  });

  it('ignores an update no newer than the last one seen', async () => {
    await pushTrustedToSync(listOf(2), 500);
    const changes = await remoteWrite(listOf(9), 400);
    expect(await onSyncChanged(changes)).toBe(false);
    expect(await localSites()).toHaveLength(2);
  });

  it('ignores everything while sync is off here', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, syncTrusted: false });
    const changes = await remoteWrite(listOf(9), 1_000);
    expect(await onSyncChanged(changes)).toBe(false);
    expect(await localSites()).toHaveLength(2);
  });

  it('ignores changes to other sync keys and half-arrived updates', async () => {
    expect(await onSyncChanged({ somethingElse: { newValue: 1 } })).toBe(false);
    const changes = await remoteWrite(listOf(9), 1_000);
    await fakeBrowser.storage.sync.remove(syncChunkKey(0));
    expect(await onSyncChanged(changes)).toBe(false);
    expect(await localSites()).toHaveLength(2);
  });

  it('does not replace the local list when the synced copy was deleted', async () => {
    await remoteWrite(listOf(9), 1_000);
    await fakeBrowser.storage.sync.clear();
    expect(await onSyncChanged({ [SYNC_HEADER_KEY]: { oldValue: {} } })).toBe(false);
    expect(await localSites()).toHaveLength(2);
  });
});

describe('mergeOnEnable', () => {
  it('writes the union of local and synced lists to both', async () => {
    await saveTrustedList({ version: 1, sites: [{ site: 'local.com', addedAt: 1, note: '' }, { site: 'both.com', addedAt: 2, note: '' }] });
    await remoteWrite({ version: 1, sites: [{ site: 'both.com', addedAt: 5, note: 'from phone' }, { site: 'remote.com', addedAt: 6, note: '' }] }, 10);
    expect(await mergeOnEnable(20)).toEqual({ ok: true });
    const expected: TrustedList = {
      version: 1,
      sites: [
        { site: 'local.com', addedAt: 1, note: '' },
        { site: 'both.com', addedAt: 2, note: 'from phone' },
        { site: 'remote.com', addedAt: 6, note: '' },
      ],
    };
    expect((await loadTrustedList()).value).toEqual(expected);
    expect(await readTrustedFromSync()).toEqual(expected);
    expect(((await syncContents())[SYNC_HEADER_KEY] as { device: string }).device).toBe(await syncDeviceId());
  });

  it('pushes the local list when nothing is synced yet', async () => {
    await saveTrustedList(listOf(4));
    expect(await mergeOnEnable(20)).toEqual({ ok: true });
    expect(await readTrustedFromSync()).toEqual(listOf(4));
    expect((await fakeBrowser.storage.local.get(SYNC_LOCAL_KEY))[SYNC_LOCAL_KEY]).toMatchObject({ seenAt: 20 });
  });
});
