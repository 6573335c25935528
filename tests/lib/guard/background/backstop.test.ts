// lib/guard/background/backstop.ts, Chromium flavour, against a fake declarativeNetRequest that
// refuses duplicate rule ids as the browser does: a worker stopped after adding rules but before
// saving its state (rules the stored state does not know) must not make every later update fail.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createBackstop, type BackstopDeps } from '@/lib/guard/background/backstop';

interface Rule {
  id: number;
  priority: number;
}

/** Session rules as the browser keeps them: ids unique, unknown removals ignored. */
function fakeDnr() {
  const rules = new Map<number, Rule>();
  return {
    rules,
    async updateSessionRules({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void> {
      const after = new Map(rules);
      for (const id of removeRuleIds) after.delete(id);
      for (const rule of addRules) {
        if (after.has(rule.id)) throw new Error(`Rule with id ${rule.id} does not have a unique ID.`);
        after.set(rule.id, rule);
      }
      rules.clear();
      for (const [id, rule] of after) rules.set(id, rule);
    },
    async getSessionRules(): Promise<Rule[]> {
      return [...rules.values()];
    },
    async isRegexSupported(): Promise<{ isSupported: boolean }> {
      return { isSupported: true };
    },
  };
}

const deps = (now = 1_000): BackstopDeps => ({
  watch: () => ({ values: [{ id: 'v1', canonical: '11010519491231002X', kind: 'national-id', fieldKey: 'f1' }], pageSite: 'kuaidai.cn' }) as never,
  watchedTabs: () => [5],
  trustedSites: async () => [],
  onEvent: () => undefined,
  now: () => now,
});

let dnr: ReturnType<typeof fakeDnr>;
beforeEach(() => {
  fakeBrowser.reset();
  dnr = fakeDnr();
  (fakeBrowser as unknown as { declarativeNetRequest: unknown }).declarativeNetRequest = dnr;
});

describe('backstop rule ids across worker lives', () => {
  it('a pass after a restart that left unknown rules behind is added, and the unknown rules are removed', async () => {
    // The previous life added rules 1–3 and a pass 4, then was stopped before it saved its state.
    await dnr.updateSessionRules({ addRules: [1, 2, 3, 4].map((id) => ({ id, priority: 1 })) });
    const backstop = createBackstop(deps(), 'chromium');
    await backstop.allow(5, 'kuaidai.cn');
    await backstop.update(5);
    const ids = [...dnr.rules.keys()];
    expect(ids.every((id) => id > 4)).toBe(true);
    expect(ids.length).toBeGreaterThan(1); // the pass and the tab's block rules
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rules the stored state knows stay, and new ids continue past them', async () => {
    const first = createBackstop(deps(), 'chromium');
    await first.update(5);
    const blockIds = [...dnr.rules.keys()];
    // A new worker life: the stored state knows these rules; a pass must not take one of their ids.
    const second = createBackstop(deps(), 'chromium');
    await second.allow(5, 'kuaidai.cn');
    expect([...dnr.rules.keys()].slice(0, blockIds.length)).toEqual(blockIds);
    expect(dnr.rules.size).toBe(blockIds.length + 1);
  });
});
