/** The outcomes chart as the registry builds it (loaded on use: see ../registry.ts). */
import type { Atlas } from '../../data/schema.ts';
import type { ViewState } from '../../state/url.ts';
import { layerAtlas } from '../../data/layers.ts';
import { fillRoom, type BuildOptions, type ChartBase, type ChartParts } from '../build.ts';
import { derive, render, meta, table, describe, entryCount, type OutcomesSeries } from './index.ts';

export function build(full: Atlas, view: ViewState, o: BuildOptions, base: ChartBase): ChartParts {
  const atlas = layerAtlas(full, view);
  const s = derive(atlas);
  return { ...(o.fill || o.room ? fitOutcomes(s, o, base) : { svg: render(s, base, o.doc) }), meta: meta(s, o.lang), table: table(s, o.lang), description: describe(s, o.lang), sources: s.sources };
}

/**
 * Entries for a room: all of them where they fit (on a slide spread over the room); else the first that fit
 * and a line counting the rest, which the table lists. A slide's room (fill), or on the site the height
 * left beside the map when the whole chart ran past the panel (room alone).
 */
function fitOutcomes(s: OutcomesSeries, o: BuildOptions, base: ChartBase): { svg: SVGSVGElement; omitted: number } {
  const draw = (maxItems: number | null) => (o.fill ? fillRoom((stretch) => render(s, { ...base, maxItems, stretch }, o.doc), o) : render(s, { ...base, maxItems }, o.doc));
  let svg = draw(null);
  const fits = () => !o.room || Number(svg.getAttribute('height')) <= o.room;
  const total = entryCount(s);
  let n = total;
  while (!fits() && n > 1) svg = draw(--n);
  return { svg, omitted: total - n };
}
