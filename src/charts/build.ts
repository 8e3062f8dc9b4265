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
  /** What a chart laid out for a room (BuildOptions.fill) left out of its drawing, to show beside it. */
  aside?: string[];
  /** Entries the drawing leaves out for want of room (a line under it counts them; the table has all). */
  omitted?: number;
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
  /** The smallest type, in the chart's px (see shared/options.ts); a slide's is 12. */
  minFont?: number | null;
  /** Lay the chart out for `room` (a slide): as tight as its type allows, then grown to fill it (see BaseOptions.fit). */
  fill?: boolean;
}

/** The options every chart's render takes. */
export interface ChartBase {
  width: number;
  lang: Lang;
  highlight: string | null;
  idPrefix: string;
  minFont: number;
  /** BuildOptions.fill: laid out for a room. */
  fit: boolean;
}

/** The shortest plot a chart is shrunk to: on the site, and on a slide (whose room is short and wide). */
export const MIN_PLOT = { site: 100, fill: 60 } as const;

/**
 * A chart of `plots` stacked plots at its default plot height, or with them shrunk (to no less than
 * MIN_PLOT) to fit `room`; with `fill`, grown to fill it as well (the rest of the chart keeps its size).
 */
export function fitPlots(draw: (plotHeight: number) => SVGSVGElement, plot: number, plots: number, room: number | null, fill = false): SVGSVGElement {
  const svg = draw(plot);
  const natural = Number(svg.getAttribute('height'));
  if (!room || natural === room || (natural < room && !fill)) return svg;
  return draw(Math.max(fill ? MIN_PLOT.fill : MIN_PLOT.site, plot - Math.ceil((natural - room) / plots)));
}

/**
 * A chart laid out for a room (BuildOptions.fill): drawn as tight as it goes, then again with what is
 * left of the room spread over its rows (`stretch`, which each chart caps). Otherwise drawn once.
 */
export function fillRoom(draw: (stretch: number) => SVGSVGElement, o: BuildOptions): SVGSVGElement {
  const svg = draw(0);
  if (!o.fill || !o.room) return svg;
  const height = (x: SVGSVGElement) => Number(x.getAttribute('height'));
  const natural = height(svg);
  const left = o.room - natural;
  if (left < 1) return svg;
  // A chart may grow by more than it was given (rows rounded, columns rebalanced): then once more with less.
  const grown = draw(left);
  if (height(grown) <= o.room + 0.5) return grown;
  const less = draw((left * left) / (height(grown) - natural));
  return height(less) <= o.room + 0.5 ? less : svg;
}
