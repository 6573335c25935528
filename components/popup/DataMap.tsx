// "Which sites have my data" in one look: each data item on the left, linked to every site that
// received it (solid line) or was stopped from getting it (dashed line) on the right. The drawing is
// for eyes only; screen readers get the same answer as a table.
import type { ItemGroup } from '@/lib/log/log-views';
import { dataMap } from '@/lib/log/log-views';
import { kindLabel, t } from '@/lib/locale/i18n';
import { itemLabel, shownMasked, siteDisplayOf } from '@/components/shared/labels';

/** Items drawn; the list below the map has the rest. */
export const MAP_ITEMS = 6;
/** Site rows drawn, the last one "N more sites" when there are more. */
export const MAP_SITES = 7;

/** Height of one row of the map, in viewBox units of the line layer. */
const UNIT = 100;

function linkPath(from: number, to: number): string {
  const y1 = (from + 0.5) * UNIT;
  const y2 = (to + 0.5) * UNIT;
  return `M0 ${y1} C50 ${y1} 50 ${y2} 100 ${y2}`;
}

/** Sites that received an item and sites it was stopped for, as text for the table. */
function siteNames(group: ItemGroup, sent: boolean): string {
  const names = group.sites.filter((pair) => pair.sent > 0 === sent).map((pair) => siteDisplayOf(pair.site));
  return names.length > 0 ? names.join(', ') : t('popup_mapNone');
}

export function DataMap({ groups }: { groups: readonly ItemGroup[] }) {
  const map = dataMap(groups, MAP_ITEMS, MAP_SITES);
  if (map.items.length === 0) return null;
  const drawn = groups.filter((group) => map.items.some((item) => item.itemKey === group.itemKey));
  const row = (y: number) => ({ top: `calc(${y} * var(--map-row))` });
  const receivedSites = new Set(map.links.filter((link) => link.sent && link.site !== null).map((link) => link.site));
  return (
    <figure class="data-map" aria-labelledby="data-map-caption">
      <figcaption id="data-map-caption" class="data-map-caption">
        {t('popup_mapCaption')}
      </figcaption>
      <div class="data-map-drawing" aria-hidden="true" style={{ height: `calc(${map.rows} * var(--map-row))` }}>
        <ul class="data-map-items">
          {map.items.map((item) => (
            <li key={item.itemKey} class="map-node map-item" style={row(item.y)} data-item={item.itemKey} title={itemLabel(item.kind, item.masked)}>
              <span class="map-kind">{kindLabel(item.kind)}</span>
              {shownMasked(item.kind, item.masked) && <span class="map-masked masked">{item.masked}</span>}
            </li>
          ))}
        </ul>
        <svg class="data-map-links" viewBox={`0 0 100 ${map.rows * UNIT}`} preserveAspectRatio="none" focusable="false">
          {map.links.map((link) => (
            <path
              key={`${link.itemKey} ${link.site ?? ''}`}
              class={link.sent ? 'map-link map-link-sent' : 'map-link map-link-stopped'}
              d={linkPath(link.from, link.to)}
              data-item={link.itemKey}
              data-site={link.site ?? 'more'}
              data-sent={String(link.sent)}
            />
          ))}
        </svg>
        <ul class="data-map-sites">
          {map.sites.map((site) => (
            <li
              key={site.site}
              class={`map-node map-site ${receivedSites.has(site.site) ? 'map-site-received' : 'map-site-stopped'}`}
              style={row(site.y)}
              data-site={site.site}
              title={site.display}
            >
              <span class="map-site-name">{site.display}</span>
            </li>
          ))}
          {map.more && (
            <li class="map-node map-site map-more" style={row(map.more.y)} data-site="more">
              <span class="map-site-name">{t('popup_mapMoreSites', [String(map.more.count)])}</span>
            </li>
          )}
        </ul>
      </div>
      <p class="data-map-legend" aria-hidden="true">
        <span class="legend-sent">{t('popup_mapLegendSent')}</span>
        <span class="legend-stopped">{t('popup_mapLegendStopped')}</span>
      </p>
      {/* Hidden in a block: a table grows to its content whatever width it is given. */}
      <div class="visually-hidden">
        <table data-map-table>
          <caption>{t('popup_mapCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('popup_mapColItem')}</th>
              <th scope="col">{t('popup_mapColSent')}</th>
              <th scope="col">{t('popup_mapColStopped')}</th>
            </tr>
          </thead>
          <tbody>
            {drawn.map((group) => (
              <tr key={group.itemKey} data-item={group.itemKey}>
                <th scope="row">{itemLabel(group.kind, group.masked)}</th>
                <td>{siteNames(group, true)}</td>
                <td>{siteNames(group, false)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {map.hiddenItems > 0 && <p class="data-map-more muted">{t('popup_mapMoreItems', [String(map.hiddenItems)])}</p>}
    </figure>
  );
}
