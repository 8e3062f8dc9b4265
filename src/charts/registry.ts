/**
 * One entry point for every chart, used alike by the explore page, embeds, exports and slides:
 * the view state in, an SVG plus its title, subtitle, source line, notes and table out.
 */
import type { Atlas, SourceRow } from '../data/schema.ts';
import { clusterMarks } from '../data/marks.ts';
import { layerAtlas } from '../data/layers.ts';
import type { ViewState } from '../state/url.ts';
import type { Lang } from '../i18n/index.ts';
import type { ChartMeta, ChartTable } from './shared/meta.ts';
import * as regions from './regions/index.ts';
import * as growth from './growth/index.ts';
import * as ranking from './ranking/index.ts';
import * as sectors from './sectors/index.ts';
import * as context from './context/index.ts';
import * as batches from './batches/index.ts';
import * as outcomes from './outcomes/index.ts';

export const CHART_IDS = ['regions', 'batches', 'ranking', 'growth', 'outcomes', 'sectors', 'context'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface BuiltChart {
  id: ChartId;
  svg: SVGSVGElement;
  meta: ChartMeta;
  table: ChartTable;
  /** The accessible one-paragraph description (also inside the SVG as <desc>). */
  description: string;
  /** The documents behind the plotted numbers, for citations. */
  sources: SourceRow[];
}

export interface BuildOptions {
  width: number;
  lang: Lang;
  doc: Document;
  /** A cluster or region id to mark. */
  highlight?: string | null;
  idPrefix?: string;
  /** The height the chart has on screen, where known: a chart whose plots can shrink fits into it. */
  room?: number | null;
  /** Charts that summarise the clusters without a figure in one line list them one per row instead. */
  listAll?: boolean;
}

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

export function buildChart(id: ChartId, full: Atlas, view: ViewState, o: BuildOptions): BuiltChart {
  // Every chart reads the view's layers only (programmes, batches up to a year, grades).
  const atlas = layerAtlas(full, view);
  const base = { width: o.width, lang: o.lang, highlight: o.highlight ?? null, idPrefix: o.idPrefix ?? `ca-${id}` };
  switch (id) {
    case 'regions': {
      const s = regions.derive(atlas, { metric: view.metric, stage: view.stage });
      return { id, svg: regions.render(s, base, o.doc), meta: regions.meta(s, o.lang), table: regions.table(s, o.lang), description: regions.describe(s, o.lang), sources: s.sources };
    }
    case 'batches': {
      // Every batch of the lists in view; the view's year marks the steps the map shows.
      const s = batches.derive(layerAtlas(full, { ...view, until: null }), { until: view.until });
      return { id, svg: batches.render(s, base, o.doc), meta: batches.meta(s, o.lang), table: batches.table(s, o.lang), description: batches.describe(s, o.lang), sources: s.sources };
    }
    case 'ranking': {
      const s = ranking.derive(atlas, clusterMarks(atlas, view), { metric: view.metric, stage: view.stage });
      return { id, svg: ranking.render(s, { ...base, listNoFigure: o.listAll ?? false }, o.doc), meta: ranking.meta(s, o.lang), table: ranking.table(s, o.lang), description: ranking.describe(s, o.lang), sources: s.sources };
    }
    case 'growth': {
      // A subject the view names is found in every layer (it was asked for by name); the default one comes from the layers in view.
      const scope = view.subject || view.cluster ? layerAtlas(full, { layers: full.programmes.map((p) => p.id), low: view.low }) : atlas;
      const s = growth.derive(scope, { subject: growthSubject(atlas, view), metric: view.metric });
      return { id, svg: fitPlots((plotHeight) => growth.render(s, { ...base, plotHeight }, o.doc), growth.resolveOptions(base).plotHeight, 1, o.room ?? null), meta: growth.meta(s, o.lang), table: growth.table(s, o.lang), description: growth.describe(s, o.lang), sources: s.sources };
    }
    case 'outcomes': {
      const s = outcomes.derive(atlas);
      return { id, svg: outcomes.render(s, base, o.doc), meta: outcomes.meta(s, o.lang), table: outcomes.table(s, o.lang), description: outcomes.describe(s, o.lang), sources: s.sources };
    }
    case 'sectors': {
      const s = sectors.derive(atlas, { regions: view.regions });
      return { id, svg: sectors.render(s, base, o.doc), meta: sectors.meta(s, o.lang), table: sectors.table(s, o.lang), description: sectors.describe(s, o.lang), sources: s.sources };
    }
    case 'context': {
      const s = context.derive(atlas);
      return { id, svg: fitPlots((plotHeight) => context.render(s, { ...base, plotHeight }, o.doc), context.resolveOptions(base).plotHeight, 2, o.room ?? null), meta: context.meta(s, o.lang), table: context.table(s, o.lang), description: context.describe(s, o.lang), sources: s.sources };
    }
  }
}

/** A chart of `plots` stacked plots at its default plot height, or with them shrunk (to no less than 100 px) to fit `room`. */
function fitPlots(draw: (plotHeight: number) => SVGSVGElement, plot: number, plots: number, room: number | null): SVGSVGElement {
  const svg = draw(plot);
  const natural = Number(svg.getAttribute('height'));
  if (!room || natural <= room) return svg;
  return draw(Math.max(100, plot - Math.ceil((natural - room) / plots)));
}
