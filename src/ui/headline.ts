/**
 * The line over the map that tells the first view's story: how many clusters the layers in view hold, by
 * region, and the largest region's share, each figure with the lists it is counted from (linked to their
 * entries on the sources page). Counts are rows found here, said as such; text from data is never HTML.
 */
import { h } from './dom.ts';
import { t, tCount, pick, type Lang } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import { clusterCountByRegion } from '../data/selectors.ts';
import type { Atlas } from '../data/schema.ts';
import { batchHref } from './sourceLink.ts';

const REGIONS = ['east', 'central', 'west', 'northeast'] as const;

/** `shown` is the atlas narrowed to the view's layers (layerAtlas): the national picture of those lists. */
export function mapHeadline(shown: Atlas, lang: Lang): HTMLElement | null {
  const counts = clusterCountByRegion(shown);
  const n = REGIONS.reduce((s, r) => s + counts[r], 0);
  if (!n) return null;
  const top = [...REGIONS].sort((a, b) => counts[b] - counts[a])[0]!;
  const programmes = shown.programmes.filter((p) => shown.batches.some((b) => b.programme === p.id));
  const links = programmes.flatMap((p, i) => {
    const first = shown.batches.find((b) => b.programme === p.id)!;
    return [i ? t(lang, 'chart.list.sep') : '', h('a', { href: batchHref(first.id, lang), 'data-programme': p.id }, pick(p, 'short', lang))];
  });
  return h(
    'p',
    { class: 'map-headline', 'data-clusters': String(n) },
    h(
      'strong',
      {},
      tCount(lang, 'headline.counts', n, { n: formatNumber(n, lang), ...Object.fromEntries(REGIONS.map((r) => [r, formatNumber(counts[r], lang)])) }),
    ),
    ' ',
    t(lang, 'headline.top', { region: t(lang, `region.${top}`), share: formatNumber(Math.round((100 * counts[top]) / n), lang) }),
    ' ',
    h('span', { class: 'map-headline-source' }, t(lang, 'headline.source'), ...links),
  );
}
