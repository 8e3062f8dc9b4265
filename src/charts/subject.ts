import type { Atlas } from '../data/schema.ts';
import type { ViewState } from '../state/url.ts';

/**
 * The growth chart's subject when the view names none: the selected cluster, else the group with the
 * most figures for the metric across stages (ties: the first by id) — chosen from the data, not fixed.
 */
export function growthSubject(atlas: Atlas, view: Pick<ViewState, 'subject' | 'cluster' | 'metric'>): string {
  if (view.subject) return view.subject;
  if (view.cluster) return view.cluster;
  const counts = new Map<string, number>();
  for (const f of atlas.figures) if (f.subject_type === 'group' && f.metric === view.metric && f.scope === 'total') counts.set(f.subject_id, (counts.get(f.subject_id) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best?.[0] ?? 'CN';
}
