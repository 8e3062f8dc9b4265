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
  if (best) return best[0];
  // No group states the metric (the national lists): the cluster whose own goal for it is public, with
  // the most figures of it beside the goal.
  const targets = new Set(atlas.figures.filter((f) => f.subject_type === 'cluster' && f.metric === view.metric && f.kind === 'target' && f.scope === 'total').map((f) => f.subject_id));
  const perCluster = new Map<string, number>();
  for (const f of atlas.figures) if (f.subject_type === 'cluster' && targets.has(f.subject_id) && f.metric === view.metric && f.scope === 'total') perCluster.set(f.subject_id, (perCluster.get(f.subject_id) ?? 0) + 1);
  return [...perCluster].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'CN';
}
