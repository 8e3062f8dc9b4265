/** The regions legend: swatch, region name, province and cluster counts from the data. */
import { h } from './dom.ts';
import { t, type Lang } from '../i18n/index.ts';
import { REGION_COLORS } from '../theme/palette.ts';
import type { ProvinceRegion } from '../data/selectors.ts';

export const REGION_ORDER: ProvinceRegion[] = ['east', 'central', 'west', 'northeast', 'none'];

export function regionLegend(lang: Lang, provinces: Record<ProvinceRegion, number>, clusters: Record<ProvinceRegion, number>): HTMLElement {
  const rows = REGION_ORDER.map((r) =>
    h(
      'tr',
      { 'data-region': r },
      h('th', { scope: 'row' }, swatch(REGION_COLORS[r]), t(lang, `region.${r}`)),
      h('td', {}, String(provinces[r])),
      h('td', {}, String(clusters[r])),
    ),
  );
  return h(
    'section',
    { class: 'legend', 'aria-labelledby': 'legend-title' },
    h('h2', { id: 'legend-title' }, t(lang, 'legend.regions')),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(lang, 'table.region')), h('th', { scope: 'col' }, t(lang, 'table.provinces')), h('th', { scope: 'col' }, t(lang, 'table.clusters')))),
      h('tbody', {}, ...rows),
    ),
    h('p', { class: 'legend-note' }, t(lang, 'legend.regions.note')),
  );
}

export function swatch(color: string): HTMLElement {
  const s = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.background = color;
  return s;
}
