// lib/guard/background/watch-registry.ts: what each tab watches. The union of its frames' reports
// (one record per watched id), whether a report changed it, values of earlier pages of the same site
// kept after a navigation (capped), a new site in the top frame starting afresh, subframe documents
// coming and going, tabs kept apart and forgotten, and nothing written to storage.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { WatchRegistry } from '@/lib/guard/background/watch-registry';
import type { WatchRecordMessage } from '@/lib/messages/guard-messages';
import type { FieldKind } from '@/lib/types';

function rec(id: string, canonical: string, kind: FieldKind = 'phone', fieldKey = id.split(':')[0]!): WatchRecordMessage {
  return { watched: { id, kind, canonical }, fieldKey, item: { kind, masked: `${canonical.slice(0, 3)}****`, fingerprintValue: canonical, fieldKey } };
}

const PHONE = rec('a.f1:0', '13800138000');
const ID = rec('a.f2:0', '11010519491231002X', 'national-id');
const CARD = rec('b.f1:0', '6212345678901232', 'bank-card');
const OTP = rec('c.f1:0', '482913', 'otp');
const ids = (records: readonly WatchRecordMessage[]): string[] => records.map((r) => r.watched.id).sort();

let registry: WatchRegistry;
beforeEach(() => {
  fakeBrowser.reset();
  registry = new WatchRegistry();
});

describe('WatchRegistry', () => {
  it('knows nothing about a tab that never reported', () => {
    expect(registry.records(9)).toEqual([]);
    expect(registry.site(9)).toBe('');
    expect(registry.tabIds()).toEqual([]);
  });

  it("a frame's first report is the tab's union and a change; the top frame's site is the tab's", () => {
    expect(registry.update(5, 0, [PHONE], true, 'kuaidai.example')).toBe(true);
    expect(registry.records(5)).toEqual([PHONE]);
    expect(registry.site(5)).toBe('kuaidai.example');
    expect(registry.tabIds()).toEqual([5]);
  });

  it('the same report again changes nothing', () => {
    registry.update(5, 0, [PHONE, ID], true, 'kuaidai.example');
    expect(registry.update(5, 0, [PHONE, ID], false, 'kuaidai.example')).toBe(false);
    expect(registry.update(5, 0, [ID, PHONE], false, 'kuaidai.example')).toBe(false);
  });

  it('a changed value (same id, new canonical) is a change', () => {
    registry.update(5, 0, [PHONE], true, 'kuaidai.example');
    const edited = rec('a.f1:0', '13900139000');
    expect(registry.update(5, 0, [edited], false, 'kuaidai.example')).toBe(true);
    expect(registry.records(5)).toEqual([edited]);
  });

  it("the tab's union covers every frame: a value typed in one frame is watched for all", () => {
    registry.update(5, 0, [PHONE], true, 'kuaidai.example');
    expect(registry.update(5, 3, [CARD], true, 'kuaidai.example')).toBe(true);
    expect(registry.update(5, 4, [OTP], true, 'kuaidai.example')).toBe(true);
    expect(ids(registry.records(5))).toEqual(ids([PHONE, CARD, OTP]));
  });

  it('a watched id reported by two frames is one record', () => {
    registry.update(5, 0, [PHONE], true, 'kuaidai.example');
    expect(registry.update(5, 3, [PHONE], true, 'kuaidai.example')).toBe(false);
    expect(registry.records(5)).toHaveLength(1);
  });

  it("a frame's report replaces what it reported before", () => {
    registry.update(5, 0, [PHONE, ID], true, 'kuaidai.example');
    registry.update(5, 3, [CARD], true, 'kuaidai.example');
    expect(registry.update(5, 0, [ID], false, 'kuaidai.example')).toBe(true);
    expect(ids(registry.records(5))).toEqual(ids([ID, CARD]));
    expect(registry.update(5, 0, [], false, 'kuaidai.example')).toBe(true);
    expect(registry.records(5)).toEqual([CARD]);
  });

  it('keeps its own copy of a report', () => {
    const list = [PHONE];
    registry.update(5, 0, list, true, 'kuaidai.example');
    list.push(ID);
    expect(registry.records(5)).toEqual([PHONE]);
  });

  it('a new document in a subframe replaces that frame only; an empty one drops it', () => {
    registry.update(5, 0, [PHONE], true, 'kuaidai.example');
    registry.update(5, 3, [CARD], true, 'kuaidai.example');
    expect(registry.update(5, 3, [OTP], true, 'kuaidai.example')).toBe(true);
    expect(ids(registry.records(5))).toEqual(ids([PHONE, OTP]));
    expect(registry.update(5, 3, [], true, 'kuaidai.example')).toBe(true);
    expect(registry.records(5)).toEqual([PHONE]);
  });

  it("a subframe's new document never resets the tab or changes its site", () => {
    registry.update(5, 0, [PHONE], true, 'kuaidai.example');
    registry.update(5, 3, [CARD], true, 'ads.example');
    expect(registry.site(5)).toBe('kuaidai.example');
    expect(ids(registry.records(5))).toEqual(ids([PHONE, CARD]));
  });

  it('a report that is not a new document never resets the tab, whatever site it names', () => {
    registry.update(5, 0, [PHONE], true, 'kuaidai.example');
    expect(registry.update(5, 0, [PHONE, ID], false, 'other.example')).toBe(true);
    expect(registry.site(5)).toBe('kuaidai.example');
    expect(ids(registry.records(5))).toEqual(ids([PHONE, ID]));
  });

  describe('navigation in the top frame', () => {
    it('same site: what earlier pages watched stays watched (multi-step sign-up)', () => {
      registry.update(5, 0, [PHONE], true, 'kuaidai.example');
      registry.update(5, 3, [CARD], true, 'kuaidai.example');
      // Page 2 has nothing typed yet: no change, everything still watched.
      expect(registry.update(5, 0, [], true, 'kuaidai.example')).toBe(false);
      expect(ids(registry.records(5))).toEqual(ids([PHONE, CARD]));
      // Page 2's own value joins them; page 3 still has all three.
      expect(registry.update(5, 0, [ID], false, 'kuaidai.example')).toBe(true);
      expect(registry.update(5, 0, [], true, 'kuaidai.example')).toBe(false);
      expect(ids(registry.records(5))).toEqual(ids([PHONE, CARD, ID]));
      expect(registry.site(5)).toBe('kuaidai.example');
    });

    it("same site: the new page's own report adds to the earlier values, it does not replace them", () => {
      registry.update(5, 0, [PHONE], true, 'kuaidai.example');
      expect(registry.update(5, 0, [ID], true, 'kuaidai.example')).toBe(true);
      expect(ids(registry.records(5))).toEqual(ids([PHONE, ID]));
      // Clearing the new page's field leaves the earlier page's value watched.
      registry.update(5, 0, [], false, 'kuaidai.example');
      expect(registry.records(5)).toEqual([PHONE]);
    });

    it('a new site starts afresh: earlier values, subframes and the site are replaced', () => {
      registry.update(5, 0, [PHONE], true, 'kuaidai.example');
      registry.update(5, 0, [], true, 'kuaidai.example');
      registry.update(5, 3, [CARD], true, 'kuaidai.example');
      expect(registry.update(5, 0, [], true, 'news.example')).toBe(true);
      expect(registry.records(5)).toEqual([]);
      expect(registry.site(5)).toBe('news.example');
      // Coming back to the first site does not bring the old values back.
      expect(registry.update(5, 0, [], true, 'kuaidai.example')).toBe(false);
      expect(registry.records(5)).toEqual([]);
    });

    it("the top frame's first report does not wipe what a subframe reported while the tab's site was unknown", () => {
      registry.update(5, 3, [CARD], true, '');
      registry.update(5, 0, [], true, 'kuaidai.example');
      expect(ids(registry.records(5))).toEqual([CARD.watched.id]);
      expect(registry.site(5)).toBe('kuaidai.example');
    });

    it('a subframe that reports before its new top page (the site as the browser reports it) is kept', () => {
      registry.update(5, 0, [PHONE], true, 'old.example');
      registry.update(5, 3, [CARD], true, 'kuaidai.example');
      registry.update(5, 0, [], true, 'kuaidai.example');
      expect(ids(registry.records(5))).toEqual([CARD.watched.id]);
    });

    it('a new site with values of its own keeps only those', () => {
      registry.update(5, 0, [PHONE], true, 'kuaidai.example');
      expect(registry.update(5, 0, [OTP], true, 'news.example')).toBe(true);
      expect(registry.records(5)).toEqual([OTP]);
    });

    it('keeps at most the 400 latest values of earlier pages', () => {
      const many = (prefix: string): WatchRecordMessage[] =>
        Array.from({ length: 200 }, (_, i) => rec(`${prefix}.f${i}:0`, `1380013${String(i).padStart(4, '0')}`));
      const [first, second, third] = [many('a'), many('b'), many('c')];
      registry.update(5, 0, first, true, 'kuaidai.example');
      registry.update(5, 3, second, true, 'kuaidai.example');
      registry.update(5, 4, third, true, 'kuaidai.example');
      expect(registry.records(5)).toHaveLength(600);
      registry.update(5, 0, [], true, 'kuaidai.example');
      const kept = ids(registry.records(5));
      expect(kept).toHaveLength(400);
      // The cut is of the oldest: the top frame's (first reported) go, the later frames' stay.
      expect(kept).toEqual(ids([...second, ...third]));
    });
  });

  it('keeps tabs apart', () => {
    registry.update(5, 0, [PHONE], true, 'kuaidai.example');
    registry.update(6, 0, [CARD], true, 'shop.example');
    expect(registry.records(5)).toEqual([PHONE]);
    expect(registry.records(6)).toEqual([CARD]);
    expect(registry.update(6, 0, [], true, 'news.example')).toBe(true);
    expect(registry.records(5)).toEqual([PHONE]);
    expect(registry.tabIds().sort()).toEqual([5, 6]);
  });

  it('forgets a closed tab entirely', () => {
    registry.update(5, 0, [PHONE], true, 'kuaidai.example');
    registry.update(6, 0, [CARD], true, 'shop.example');
    registry.forgetTab(5);
    expect(registry.records(5)).toEqual([]);
    expect(registry.site(5)).toBe('');
    expect(registry.tabIds()).toEqual([6]);
    // A later report for that tab id starts a new entry.
    expect(registry.update(5, 0, [ID], true, 'other.example')).toBe(true);
    expect(registry.records(5)).toEqual([ID]);
    expect(registry.site(5)).toBe('other.example');
  });

  it('never writes the raw values to storage', async () => {
    registry.update(5, 0, [PHONE, ID], true, 'kuaidai.example');
    registry.update(5, 0, [], true, 'kuaidai.example');
    registry.update(5, 3, [CARD], true, 'kuaidai.example');
    const stored = JSON.stringify([await fakeBrowser.storage.session.get(null), await fakeBrowser.storage.local.get(null)]);
    for (const value of [PHONE, ID, CARD]) expect(stored).not.toContain(value.watched.canonical);
  });
});
