/**
 * One entry point for every chart, used alike by the explore page, embeds, exports and slides: the view
 * state in, an SVG plus its title, subtitle, source line, notes and table out.
 *
 * Each chart's code is its own chunk, loaded on use: a page awaits loadChart(id) (or loadCharts) once,
 * then buildChart(id, …) draws it synchronously as often as the view changes. A chart embed downloads
 * one chart, the explore page the open tab's.
 */
import type { Atlas } from '../data/schema.ts';
import type { ViewState } from '../state/url.ts';
import type { BuildOptions, BuiltChart, ChartBase, ChartId, ChartParts } from './build.ts';
import { ensureLang, type Lang } from '../i18n/index.ts';

export { CHART_IDS, type ChartId, type BuiltChart, type BuildOptions, type ChartParts } from './build.ts';
export { growthSubject } from './subject.ts';

type Builder = (full: Atlas, view: ViewState, o: BuildOptions, base: ChartBase) => ChartParts;

/** The figures-over-time charts' messages (and the per-value citations the ranking shares) come with their code: the i18n part `trends`. */
const TRENDS: ReadonlySet<ChartId> = new Set(['output', 'change', 'totals', 'ranking']);
const messagesFor = (id: ChartId, lang: Lang): Promise<void> => (TRENDS.has(id) ? ensureLang(lang, ['trends']) : Promise.resolve());

const loaders: Record<ChartId, () => Promise<{ build: Builder }>> = {
  output: () => import('./output/build.ts'),
  change: () => import('./change/build.ts'),
  totals: () => import('./totals/build.ts'),
  regions: () => import('./regions/build.ts'),
  batches: () => import('./batches/build.ts'),
  ranking: () => import('./ranking/build.ts'),
  growth: () => import('./growth/build.ts'),
  outcomes: () => import('./outcomes/build.ts'),
  sectors: () => import('./sectors/build.ts'),
  context: () => import('./context/build.ts'),
};

const builders = new Map<ChartId, Builder>();
const pending = new Map<ChartId, Promise<void>>();

/** Whether buildChart(id) can run now. */
export function chartLoaded(id: ChartId): boolean {
  return builders.has(id);
}

/** Loads one chart's code and the messages it needs in `lang` (once; a failed load may be tried again). */
export function loadChart(id: ChartId, lang: Lang): Promise<void> {
  if (builders.has(id)) return messagesFor(id, lang);
  let p = pending.get(id);
  if (!p) {
    p = Promise.all([loaders[id](), messagesFor(id, lang)]).then(([m]) => m).then(
      (m) => {
        builders.set(id, m.build);
        pending.delete(id);
      },
      (err: unknown) => {
        pending.delete(id);
        throw err;
      },
    );
    pending.set(id, p);
  }
  return p;
}

export function loadCharts(ids: Iterable<ChartId>, lang: Lang): Promise<void> {
  return Promise.all([...new Set(ids)].map((id) => loadChart(id, lang))).then(() => undefined);
}

/** Draws a chart whose code is loaded (see loadChart); every chart reads the view's layers only. */
export function buildChart(id: ChartId, full: Atlas, view: ViewState, o: BuildOptions): BuiltChart {
  const build = builders.get(id);
  if (!build) throw new Error(`the ${id} chart is not loaded (await loadChart)`);
  const base: ChartBase = { width: o.width, lang: o.lang, highlight: o.highlight ?? null, idPrefix: o.idPrefix ?? `ca-${id}`, minFont: o.minFont ?? 0, fit: o.fill ?? false };
  return { id, ...build(full, view, o, base) };
}
