// What is watched in each tab: every frame reports the values typed into it (content scripts are
// the only source), and the tab's union goes back to all its frames — a value typed in one frame is
// held when another frame sends it — and to the backstop. Values typed on an earlier page of the
// same site stay watched after a navigation (multi-step sign-ups send them again later); a new site
// in the top frame starts afresh. Background memory only: raw values are never written to storage.
import type { WatchRecordMessage } from '@/lib/messages/guard-messages';

/** Frame id under which a tab keeps what its earlier pages (same site) watched. */
const EARLIER_PAGES = -1;

interface TabState {
  site: string;
  frames: Map<number, WatchRecordMessage[]>;
  /**
   * Reports from subframes that name another site for the tab: the top frame is moving there and its
   * own report has not come yet. Watched meanwhile; kept if the top frame arrives on that site.
   */
  next?: { site: string; frames: Map<number, WatchRecordMessage[]> };
}

const setFrame = (frames: Map<number, WatchRecordMessage[]>, frameId: number, records: readonly WatchRecordMessage[], fresh: boolean): void => {
  if (records.length > 0 || !fresh) frames.set(frameId, [...records]);
  else frames.delete(frameId);
};

export class WatchRegistry {
  private readonly tabs = new Map<number, TabState>();

  /**
   * A frame's report. `fresh`: a new document in that frame. `site`: the tab's registrable domain
   * as the browser reports it ('' when unknown). Returns true when the tab's union changed.
   */
  update(tabId: number, frameId: number, records: readonly WatchRecordMessage[], fresh: boolean, site: string): boolean {
    const before = this.signature(tabId);
    let tab = this.tabs.get(tabId);
    if (!tab) this.tabs.set(tabId, (tab = { site, frames: new Map() }));
    // A site learnt late (a subframe reported first, before the tab's address was known) is the same page.
    if (tab.site === '') tab.site = site;
    if (fresh && frameId === 0) {
      if (tab.site !== site) {
        tab.frames = tab.next?.site === site ? tab.next.frames : new Map();
        tab.site = site;
      } else {
        // Same site: what the old page watched stays watched, under the earlier-pages entry.
        const earlier = new Map<string, WatchRecordMessage>();
        for (const list of tab.frames.values()) for (const record of list) earlier.set(record.watched.id, record);
        tab.frames.clear();
        if (earlier.size > 0) tab.frames.set(EARLIER_PAGES, [...earlier.values()].slice(-400));
      }
      tab.next = undefined;
      setFrame(tab.frames, frameId, records, fresh);
    } else if (frameId !== 0 && site !== '' && site !== tab.site) {
      if (tab.next?.site !== site) tab.next = { site, frames: new Map() };
      setFrame(tab.next.frames, frameId, records, fresh);
    } else {
      setFrame(tab.frames, frameId, records, fresh);
    }
    return this.signature(tabId) !== before;
  }

  /** Everything watched in the tab. */
  records(tabId: number): WatchRecordMessage[] {
    const tab = this.tabs.get(tabId);
    if (!tab) return [];
    const seen = new Map<string, WatchRecordMessage>();
    for (const frames of [tab.frames, tab.next?.frames]) for (const list of frames?.values() ?? []) for (const record of list) seen.set(record.watched.id, record);
    return [...seen.values()];
  }

  site(tabId: number): string {
    return this.tabs.get(tabId)?.site ?? '';
  }

  tabIds(): number[] {
    return [...this.tabs.keys()];
  }

  forgetTab(tabId: number): void {
    this.tabs.delete(tabId);
  }

  private signature(tabId: number): string {
    return this.records(tabId)
      .map((record) => `${record.watched.id}=${record.watched.canonical}`)
      .sort()
      .join(',');
  }
}
