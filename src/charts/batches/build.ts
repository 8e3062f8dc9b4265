/** The batches chart as the registry builds it (loaded on use: see ../registry.ts). */
import type { Atlas } from '../../data/schema.ts';
import type { ViewState } from '../../state/url.ts';
import { layerAtlas } from '../../data/layers.ts';
import { fillRoom, type BuildOptions, type ChartBase, type ChartParts } from '../build.ts';
import { derive, render, meta, table, describe } from './index.ts';

export function build(full: Atlas, view: ViewState, o: BuildOptions, base: ChartBase): ChartParts {
  // Every batch of the lists in view; the view's year marks the steps the map shows.
  const s = derive(layerAtlas(full, { ...view, until: null }), { until: view.until });
  // Beside the map the chart should be seen whole: one-line rows when the full ones run past the room.
  let svg = fillRoom((stretch) => render(s, { ...base, stretch }, o.doc), o);
  if (o.room && !o.fill && Number(svg.getAttribute('height')) > o.room) svg = render(s, { ...base, compact: true }, o.doc);
  return { svg, meta: meta(s, o.lang), table: table(s, o.lang), description: describe(s, o.lang), sources: s.sources };
}
