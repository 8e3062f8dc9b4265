/**
 * What every chart's builder shares: the ids, the options in, the parts out. Kept free of any chart's
 * code so a page loads only the charts it shows (see registry.ts).
 */
import type { SourceRow } from '../data/schema.ts';
import type { Lang } from '../i18n/index.ts';
import type { ChartMeta, ChartTable } from './shared/meta.ts';

export const CHART_IDS = ['output', 'change', 'totals', 'regions', 'batches', 'ranking', 'growth', 'outcomes', 'sectors', 'context'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** A chart's SVG with everything that travels with it. */
export interface ChartParts {
  svg: SVGSVGElement;
  meta: ChartMeta;
  table: ChartTable;
  /** The accessible one-paragraph description (also inside the SVG as <desc>). */
  description: string;
  /** The documents behind the plotted numbers, for citations. */
  sources: SourceRow[];
}

export interface BuiltChart extends ChartParts {
  id: ChartId;
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

/** The options every chart's render takes. */
export interface ChartBase {
  width: number;
  lang: Lang;
  highlight: string | null;
  idPrefix: string;
}

/** A chart of `plots` stacked plots at its default plot height, or with them shrunk (to no less than 100 px) to fit `room`. */
export function fitPlots(draw: (plotHeight: number) => SVGSVGElement, plot: number, plots: number, room: number | null): SVGSVGElement {
  const svg = draw(plot);
  const natural = Number(svg.getAttribute('height'));
  if (!room || natural <= room) return svg;
  return draw(Math.max(100, plot - Math.ceil((natural - room) / plots)));
}
