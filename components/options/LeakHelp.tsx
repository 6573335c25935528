// Options-page section "Help after a leak": for a site that received personal data, what it got,
// a checklist of what to do (ticks kept in memory only), the official offices to report to and a
// complaint letter pre-filled from the log, and a tool that marks a copy of an ID before it is sent.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { kindLabel, t } from '@/lib/locale/i18n';
import {
  OTHER_COUNTRY,
  REPORTING_COUNTRIES,
  channelKindKey,
  channelsFor,
  checklistFor,
  guessCountry,
  type ChecklistStep,
} from '@/lib/help/leak-help';
import type { SummaryPair } from '@/lib/log/log-summary';
import type { ShareEvent } from '@/lib/log/share-event';
import { domainToUnicode } from '@/lib/trust/site-identity';
import type { DataKind } from '@/lib/types';
import { ComplaintLetter } from './ComplaintLetter';
import { IdMarkTool } from './IdMarkTool';
import './leak-help.css';

export interface LeakHelpProps {
  pairs: SummaryPair[];
  initialSite?: string;
  onOpenReport(site: string): void;
  /** The log's events for a site, for the complaint letter (no letter without it). */
  loadEvents?(site: string): Promise<readonly ShareEvent[]>;
}

/** The browser's language with its region (es-MX), which says more about the country than our catalog does. */
function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}


/** Sites whose pairs show data that actually left (sent > 0), sorted by their displayed name. */
function receivingSites(pairs: readonly SummaryPair[]): string[] {
  const sites = new Set(pairs.filter((pair) => pair.sent > 0 && pair.site !== '').map((pair) => pair.site));
  return [...sites].sort((a, b) => domainToUnicode(a).localeCompare(domainToUnicode(b)));
}

export function LeakHelp({ pairs, initialSite, onOpenReport, loadEvents }: LeakHelpProps) {
  const language = browserLanguage();
  const sites = receivingSites(pairs);
  const [chosenSite, setChosenSite] = useState<string | undefined>(initialSite);
  const site = chosenSite !== undefined && sites.includes(chosenSite) ? chosenSite : sites[0];
  const received = site === undefined ? [] : pairs.filter((pair) => pair.site === site && pair.sent > 0).sort((a, b) => b.last - a.last);
  const kinds = [...new Set(received.map((pair) => pair.kind))];

  // The country follows the site until the user picks one.
  const [chosenCountry, setChosenCountry] = useState<string | null>(null);
  const country = chosenCountry ?? (guessCountry(language, site) || OTHER_COUNTRY);

  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const display = site === undefined ? '' : domainToUnicode(site);

  return (
    <section class="leak-help" aria-labelledby="leak-heading">
      <h2 id="leak-heading">{t('leak_heading')}</h2>
      {site === undefined ? (
        <p class="section-intro">{t('leak_no_sites')}</p>
      ) : (
        <>
          <p class="section-intro">{t('leak_intro')}</p>
          <div class="field">
            <label for="leak-site">{t('leak_site_label')}</label>
            <select id="leak-site" value={site} onChange={(event) => setChosenSite((event.target as HTMLSelectElement).value)}>
              {sites.map((option) => (
                <option key={option} value={option}>
                  {domainToUnicode(option)}
                </option>
              ))}
            </select>
          </div>
          <h3 id="leak-received-heading">{t('leak_received_heading', [display])}</h3>
          <ul class="plain leak-received" aria-labelledby="leak-received-heading">
            {received.map((pair) => {
              const first = dates.format(pair.first);
              const last = dates.format(pair.last);
              return (
                <li key={pair.itemKey} data-kind={pair.kind}>
                  <span class="kind">{kindLabel(pair.kind)}</span> <span class="leak-masked">{pair.masked}</span>
                  <div class="muted">
                    {first === last ? t('leak_item_date', [first]) : t('leak_item_dates', [first, last])}
                    {' · '}
                    {t('leak_item_times', [String(pair.sent)])}
                  </div>
                </li>
              );
            })}
          </ul>
          <p class="actions">
            <button type="button" class="leak-report-button button-primary" onClick={() => onOpenReport(site)}>
              {t('leak_open_report')}
            </button>
          </p>
        </>
      )}
      <Checklist steps={checklistFor(kinds)} scope={site ?? ''} />
      <h3 id="leak-where-heading">{t('leak_where_heading')}</h3>
      <div class="field">
        <label for="leak-country">{t('leak_country_label')}</label>
        <select id="leak-country" value={country} onChange={(event) => setChosenCountry((event.target as HTMLSelectElement).value)}>
          <CountryOptions language={language} />
        </select>
      </div>
      <ChannelList country={country} />
      <p class="muted">{t('leak_where_note')}</p>
      {site !== undefined && loadEvents && <ComplaintLetter site={site} country={country} loadEvents={loadEvents} />}
      <IdMarkTool />
    </section>
  );
}

/** Ticks are per site and live only as long as the page: nothing about them is stored. */
function Checklist({ steps, scope }: { steps: ChecklistStep[]; scope: string }) {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const keyOf = (step: ChecklistStep) => `${scope}\u0000${step.id}`;
  const doneCount = steps.filter((step) => done.has(keyOf(step))).length;
  const toggle = (step: ChecklistStep) =>
    setDone((previous) => {
      const next = new Set(previous);
      if (!next.delete(keyOf(step))) next.add(keyOf(step));
      return next;
    });
  return (
    <>
      <h3 id="leak-checklist-heading">{t('leak_checklist_heading')}</h3>
      <p class="muted" role="status" aria-live="polite">
        {t('leak_checklist_progress', [String(doneCount), String(steps.length)])}
      </p>
      <ol class="leak-checklist" aria-labelledby="leak-checklist-heading">
        {steps.map((step) => {
          const inputId = `leak-step-${step.id}`;
          const checked = done.has(keyOf(step));
          return (
            <li key={step.id} data-step={step.id} class={checked ? 'leak-step-done' : undefined}>
              <input id={inputId} type="checkbox" checked={checked} aria-describedby={`${inputId}-body`} onChange={() => toggle(step)} />
              <label for={inputId} class="leak-step-title">
                {t(step.titleKey)}
              </label>
              <p id={`${inputId}-body`} class="leak-step-body">
                {t(step.bodyKey)}
              </p>
            </li>
          );
        })}
      </ol>
      <p class="muted">{t('leak_checklist_memory_note')}</p>
    </>
  );
}

function CountryOptions({ language }: { language: string }) {
  let regionNames: Intl.DisplayNames | null = null;
  try {
    regionNames = new Intl.DisplayNames([language], { type: 'region' });
  } catch {
    // An unusual UI language tag: show the codes instead.
  }
  return (
    <>
      {REPORTING_COUNTRIES.map((code) => (
        <option key={code} value={code}>
          {regionNames?.of(code) ?? code}
        </option>
      ))}
      <option value={OTHER_COUNTRY}>{t('leak_country_other')}</option>
    </>
  );
}

function ChannelList({ country }: { country: string }) {
  return (
    <ul class="plain leak-channels" aria-labelledby="leak-where-heading">
      {channelsFor(country).map((channel) => (
        <li key={channel.id} data-channel={channel.id}>
          <div>
            {channel.name !== undefined ? (
              <span class="leak-channel-name" lang={channel.nameLang}>
                {channel.name}
              </span>
            ) : (
              <span class="leak-channel-name">{t(channel.nameKey ?? '')}</span>
            )}
            {channel.nameEn !== undefined && (
              <span class="muted" lang="en">
                {' '}
                ({channel.nameEn})
              </span>
            )}
          </div>
          <div>
            {channel.kinds.map((kind) => (
              <span key={kind} class="tag leak-channel-kind" data-kind={kind}>
                {t(channelKindKey(kind))}
              </span>
            ))}
          </div>
          <p>{t(channel.descriptionKey)}</p>
          {(channel.website !== undefined || channel.phone !== undefined) && (
            <p class="leak-channel-contact">
              {channel.website !== undefined && <span class="leak-website">{t('leak_channel_website', [channel.website])}</span>}
              {channel.website !== undefined && channel.phone !== undefined && ' · '}
              {channel.phone !== undefined && <span class="leak-phone">{t('leak_channel_phone', [channel.phone])}</span>}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
