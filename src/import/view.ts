/** The view to open on an imported layer: its most common stage and money metric, the list tab. */
import type { UserLayerPayload } from '../data/userLayer.ts';

export interface ViewHints {
  stage: string | null;
  metric: string | null;
}

const top = (xs: Iterable<string>): string | null => {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: string | null = null;
  for (const [x, n] of counts) if (best == null || n > counts.get(best)!) best = x;
  return best;
};

/** Worked out where the layer is (the import worker): the page is sent these two words, not the layer. */
export function viewHints(p: Pick<UserLayerPayload, 'figures'>): ViewHints {
  return {
    stage: top(p.figures.map((f) => f.stage)),
    metric: top(p.figures.filter((f) => ['output', 'sales', 'value-added'].includes(f.metric)).map((f) => f.metric)),
  };
}

/** Default layers (the user layer is one), the layer's stage and metric, the list open. */
export function viewFor(v: ViewHints, here: URL): string {
  const url = new URL(here.href);
  for (const k of ['layer', 'cluster', 'until', 'subject', 'sector', 'region', 'at']) url.searchParams.delete(k);
  if (v.stage && v.stage !== 'target-1') url.searchParams.set('stage', v.stage);
  else url.searchParams.delete('stage');
  if (v.metric && v.metric !== 'output') url.searchParams.set('metric', v.metric);
  else url.searchParams.delete('metric');
  url.searchParams.set('tab', 'list');
  return url.pathname + url.search;
}
