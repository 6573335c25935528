// The guard's background half, assembled: what each tab watches (WatchRegistry), its held requests
// and answers (guard/background/holds), the prompt pages' ports, and the browser-level backstop.
// entrypoints/background.ts wires it to the browser's events; message groups call into it.
import { browser, type Browser } from 'wxt/browser';
import { createBackstop, type BackstopEvent } from '@/lib/guard/background/backstop';
import { fingerprintItems } from '@/lib/log/fingerprint-input';
import { shareEventsFor, tabHolds, type RecordEvents } from '@/lib/guard/background/hold-store';
import { answerHold, closeTabHolds, raiseHoldPrompt, type HoldDeps } from '@/lib/guard/background/holds';
import { PromptPorts, PROMPT_PORT_PREFIX } from '@/lib/guard/background/prompt-ports';
import { WatchRegistry } from '@/lib/guard/background/watch-registry';
import type { WatchRecordMessage } from '@/lib/messages/guard-messages';
import type { ToContentMessage } from '@/lib/messages/to-content';
import { loadSettings } from '@/lib/settings/settings';
import { siteOf } from '@/lib/trust/site-identity';
import { loadTrustedList, trustedSiteNames } from '@/lib/trust/trusted-list';
import { isFieldKind, SHARE_ROUTES, type ShareRoute } from '@/lib/types';
import type { ContentSender } from './message-router';
import { readTabVerdict } from './tab-verdict-store';

/** Backstop notices and records for one tab and site are merged over this long (an image per keystroke is one). */
const BACKSTOP_COALESCE_MS = 10_000;
/** How long a backstop record waits for the frame's report of what was just typed. */
const BACKSTOP_RECORD_DELAY_MS = 400;

export interface GuardService {
  holds: HoldDeps;
  registry: WatchRegistry;
  ports: PromptPorts;
  /** A port opened to the background: the prompt page's are taken; others are closed. */
  connect(port: Browser.runtime.Port): void;
  /** A frame's watch report: shared with the tab's frames and the backstop. */
  watchUpdate(from: ContentSender, records: WatchRecordMessage[], fresh: boolean): Promise<void>;
  /** The trusted list or the settings changed: the backstop's exclusions and guarded kinds follow. */
  refreshAll(): Promise<void>;
  forgetTab(tabId: number): Promise<void>;
}

/** The backstop's resource types, as routes in the log. */
function routeOfType(type: string): ShareRoute {
  const map: Record<string, ShareRoute> = {
    main_frame: 'navigation',
    sub_frame: 'frame',
    image: 'image',
    script: 'script',
    stylesheet: 'stylesheet',
    media: 'media',
    font: 'other',
    websocket: 'websocket',
    xmlhttprequest: 'fetch',
    ping: 'beacon',
  };
  const route = map[type] ?? 'other';
  return (SHARE_ROUTES as readonly string[]).includes(route) ? route : 'other';
}

export function createGuardService(record: RecordEvents, now: () => number): GuardService {
  const registry = new WatchRegistry();
  const tell = (tabId: number, frameId: number | undefined, message: ToContentMessage): Promise<void> =>
    Promise.resolve()
      .then(() => browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }))
      .then(
        () => undefined,
        () => undefined, // the page is gone; nothing is waiting any more
      );
  const trustedSites = async (): Promise<string[]> => trustedSiteNames((await loadTrustedList()).value);

  /** The values the settings guard in this tab (a kind watched only on loan pages counts there only). */
  const guarded = async (tabId: number): Promise<WatchRecordMessage[]> => {
    const { watch } = (await loadSettings()).value;
    const isLoan = (await readTabVerdict(tabId))?.loan?.isLoanPage === true;
    return registry.records(tabId).filter(({ item }) => isFieldKind(item.kind) && (watch[item.kind] === 'all-sites' || (watch[item.kind] === 'loan-pages' && isLoan)));
  };
  const guardedCache = new Map<number, WatchRecordMessage[]>();

  const lastNotice = new Map<string, number>();
  const onBackstopEvent = (event: BackstopEvent): void => {
    const key = `${event.tabId} ${event.site} ${event.blocked}`;
    const at = now();
    const recent = (lastNotice.get(key) ?? 0) > at - BACKSTOP_COALESCE_MS;
    lastNotice.set(key, at);
    void (async () => {
      // A page that sends as the user types is a keystroke ahead of the frame's last report: let it
      // arrive, so the field's item is the value as typed (only whole values enter the log).
      await new Promise((resolve) => setTimeout(resolve, BACKSTOP_RECORD_DELAY_MS));
      const records = registry.records(event.tabId).filter((r) => event.fieldKeys.includes(r.fieldKey));
      const items = await fingerprintItems(records.map((r) => r.item));
      const page = siteOf((await readTabVerdict(event.tabId))?.url ?? '') ?? undefined;
      const hold = {
        holdId: `backstop_${event.blocked ? 'b' : 'l'}_${event.tabId}_${Math.floor(at / BACKSTOP_COALESCE_MS)}_${event.site}`.replace(/[^\w-]/g, '_').slice(0, 64),
        tabId: event.tabId,
        frameId: 0,
        route: routeOfType(event.type),
        destination: { site: event.site, display: siteOf(event.url)?.display ?? event.site, origin: '' },
        page: { site: page?.site ?? '', display: page?.display ?? '', url: '', title: '' },
        isLoanPage: (await readTabVerdict(event.tabId))?.loan?.isLoanPage === true,
        loanReasons: [],
        items,
        createdAt: at,
        byAction: false,
      };
      await record(shareEventsFor(hold, event.blocked ? 'blocked' : 'left-unasked', at));
    })().catch(() => undefined);
    if (!recent) void tell(event.tabId, 0, { type: 'backstop-notice', site: siteOf(event.url)?.display ?? event.site, blocked: event.blocked });
  };

  const backstop = createBackstop(
    {
      watch: (tabId) => {
        const values = guardedCache.get(tabId);
        return values ? { values: values.map((r) => ({ ...r.watched, fieldKey: r.fieldKey })), pageSite: registry.site(tabId) } : undefined;
      },
      watchedTabs: () => [...guardedCache.keys()],
      trustedSites,
      onEvent: onBackstopEvent,
      now,
    },
    import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chromium',
  );

  const refreshTab = async (tabId: number): Promise<void> => {
    guardedCache.set(tabId, await guarded(tabId));
    await backstop.update(tabId);
  };

  const ports = new PromptPorts({
    holds: tabHolds,
    // The static extension origin: getURL() of a web-accessible page gives its per-session dynamic URL,
    // but a frame reports the static one as its sender.
    promptUrl: () => `${browser.runtime.getURL('/')}prompt.html`,
    onMessage: async (message, from) => {
      switch (message.type) {
        case 'hold-decision':
          return answerHold(message.holdId, message.decision, from, holds);
        case 'prompt-obscured':
          return raiseHoldPrompt(message.holdId, from, holds);
        case 'prompt-size':
          return tell(from.tabId, 0, { type: 'prompt-size', width: message.width, height: message.height });
      }
    },
  });

  const holds: HoldDeps = {
    record,
    now,
    tell,
    promptChanged: (tabId, added) => ports.changed(tabId, added),
    allowed: (tabId, site) => backstop.allow(tabId, site),
    stillHeld: (tabId, frameId, holdId) =>
      Promise.resolve()
        .then(() => browser.tabs.sendMessage(tabId, { type: 'hold-known', holdId }, { frameId }))
        .then(
          (reply) => (reply as { held?: unknown } | undefined)?.held === true,
          () => false, // no such frame any more
        ),
  };

  return {
    holds,
    registry,
    ports,
    connect(port) {
      if (port.name.startsWith(PROMPT_PORT_PREFIX)) void ports.connect(port);
      else port.disconnect();
    },
    async watchUpdate({ tabId, frameId, url, tabUrl }, records, fresh) {
      // The tab's site as the browser reports it: a subframe of a new page may report before its top frame.
      const site = siteOf(frameId === 0 ? url : (tabUrl ?? ''))?.site ?? (frameId === 0 ? '' : registry.site(tabId));
      if (!registry.update(tabId, frameId, records, fresh, site)) return;
      await tell(tabId, undefined, { type: 'tab-watch', records: registry.records(tabId) });
      await refreshTab(tabId);
    },
    async refreshAll() {
      for (const tabId of registry.tabIds()) await refreshTab(tabId);
    },
    async forgetTab(tabId) {
      registry.forgetTab(tabId);
      guardedCache.delete(tabId);
      ports.forgetTab(tabId);
      await closeTabHolds(tabId, holds);
      await backstop.forgetTab(tabId);
    },
  };
}
