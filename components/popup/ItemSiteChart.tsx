// A compact inline-SVG timeline of where each data item went: one row per item, a thin line from its
// first to its last share and a dot per receiving site at its last share. Reads faster than the list.
import type { ItemGroup, TimelineRow } from '@/lib/log/log-views';
import { timelinePoints } from '@/lib/log/log-views';
import { kindLabel, t } from '@/lib/locale/i18n';

const WIDTH = 340;
/** Left of the plot: the masked labels take the first ~100 units. */
const PLOT_LEFT = 108;
const PLOT_RIGHT = 332;
const ROW_HEIGHT = 20;
const TOP = 4;
const AXIS_HEIGHT = 18;
const MAX_LABEL = 15;

export const itemLabel = (kind: string, masked: string): string => `${kindLabel(kind)} ${masked}`;

/** One row in words: "Phone number 138****8000 went to 3 sites between 1/2/26 and 3/4/26". */
export function describeRow(row: TimelineRow, formatDate: (at: number) => string): string {
  const item = itemLabel(row.kind, row.masked);
  const from = formatDate(row.first);
  const to = formatDate(row.last);
  const sameDay = from === to;
  if (row.receivedSites === 0) return sameDay ? t('popup_chartRowStoppedOn', [item, from]) : t('popup_chartRowStopped', [item, from, to]);
  if (row.receivedSites === 1) return sameDay ? t('popup_chartRowOneOn', [item, from]) : t('popup_chartRowOne', [item, from, to]);
  const count = String(row.receivedSites);
  return sameDay ? t('popup_chartRowOn', [item, count, from]) : t('popup_chartRow', [item, count, from, to]);
}

const shorten = (text: string): string => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

export function ItemSiteChart({ groups, now, formatDate, maxRows = 8 }: { groups: readonly ItemGroup[]; now: number; formatDate: (at: number) => string; maxRows?: number }) {
  const timeline = timelinePoints(groups, now, maxRows);
  if (timeline.rows.length === 0) return null;
  const height = TOP + timeline.rows.length * ROW_HEIGHT + AXIS_HEIGHT;
  const plotX = (fraction: number): number => PLOT_LEFT + fraction * (PLOT_RIGHT - PLOT_LEFT);
  const summaries = timeline.rows.map((row) => describeRow(row, formatDate));
  const axisY = TOP + timeline.rows.length * ROW_HEIGHT + 2;
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-label={`${t('popup_chartTitle')}: ${summaries.join('; ')}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        focusable="false"
      >
        {timeline.rows.map((row, index) => {
          const y = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
          return (
            <g key={row.itemKey} class="chart-row" data-item={row.itemKey}>
              <title>{summaries[index]}</title>
              <text class="chart-label" x={0} y={y + 3.5}>
                {shorten(row.masked)}
              </text>
              <line class="chart-guide" x1={PLOT_LEFT} x2={PLOT_RIGHT} y1={y} y2={y} />
              <line class="chart-span" x1={plotX(row.x1)} x2={Math.max(plotX(row.x2), plotX(row.x1) + 1)} y1={y} y2={y} />
              {row.points.map((point) => (
                <circle
                  key={point.site}
                  class={point.received ? 'chart-dot' : 'chart-dot chart-dot-stopped'}
                  cx={plotX(point.x)}
                  cy={y}
                  r={3.5}
                  data-site={point.site}
                >
                  <title>
                    {point.received
                      ? t('popup_chartPointSent', [point.display, formatDate(point.at)])
                      : t('popup_chartPointStopped', [point.display, formatDate(point.at)])}
                  </title>
                </circle>
              ))}
            </g>
          );
        })}
        <line class="chart-axis" x1={PLOT_LEFT} x2={PLOT_RIGHT} y1={axisY} y2={axisY} />
        <text class="chart-tick" x={PLOT_LEFT} y={axisY + 12} text-anchor="start">
          {formatDate(timeline.start)}
        </text>
        <text class="chart-tick" x={PLOT_RIGHT} y={axisY + 12} text-anchor="end">
          {t('popup_today')}
        </text>
      </svg>
    </figure>
  );
}
