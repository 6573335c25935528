// Per-tab verdict bookkeeping for the background: merges the reports of a tab's frames into one
// TabVerdict. Pure, so the merge rules (top frame resets on navigation, each frame replaces only
// its own fields) are unit-tested without a browser.
import type { FieldReport, FrameVerdictMessage, TabVerdict } from '@/lib/messages/verdict-messages';

export interface SiteLabel {
  site: string;
  display: string;
}

/** storage.session key of one tab's verdict. */
export const tabVerdictKey = (tabId: number): string => `tab:${tabId}`;

/** Frames report their URL; the top frame's URL without its fragment decides whether the page changed. */
const pageOf = (url: string): string => url.split('#')[0] ?? url;

export function mergeFrameVerdict(
  previous: TabVerdict | undefined,
  message: FrameVerdictMessage,
  tabId: number,
  siteLabel: SiteLabel,
  now: number,
): TabVerdict {
  const tagged = message.fields.map((field: FieldReport) => ({ ...field, frameUrl: message.url }));
  if (message.isTop) {
    const samePage = previous !== undefined && pageOf(previous.url) === pageOf(message.url);
    // Keep what sub-frames reported on the same page; drop everything when the top frame navigated.
    const fromSubframes = samePage ? previous.fields.filter((f) => f.frameUrl !== previous.url) : [];
    return {
      tabId,
      url: message.url,
      title: message.title,
      site: siteLabel.site,
      siteDisplay: siteLabel.display,
      loan: message.loan,
      fields: [...tagged, ...fromSubframes],
      updatedAt: now,
    };
  }
  // A sub-frame spoke before the top frame did (or after): keep the top frame's view, replace this frame's fields.
  const base: TabVerdict = previous ?? {
    tabId,
    url: '',
    title: '',
    site: '',
    siteDisplay: '',
    loan: null,
    fields: [],
    updatedAt: now,
  };
  return {
    ...base,
    fields: [...base.fields.filter((f) => f.frameUrl !== message.url), ...tagged],
    updatedAt: now,
  };
}
