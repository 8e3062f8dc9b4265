/** The ranking chart as the registry builds it (loaded on use: see ../registry.ts). */
import type { Atlas } from '../../data/schema.ts';
import type { ViewState } from '../../state/url.ts';
import { layerAtlas } from '../../data/layers.ts';
import type { BuildOptions, ChartBase, ChartParts } from '../build.ts';
import { clusterMarks } from '../../data/marks.ts';
import { derive, render, meta, table, describe } from './index.ts';

export function build(full: Atlas, view: ViewState, o: BuildOptions, base: ChartBase): ChartParts {
  const atlas = layerAtlas(full, view);
  const s = derive(atlas, clusterMarks(atlas, view), { metric: view.metric, stage: view.stage });
  // Beside the map the chart should be seen whole: shorter rows when the bars run past the room.
  const draw = (rowHeight: number | null) => render(s, { ...base, listNoFigure: o.listAll ?? false, rowHeight }, o.doc);
  let svg = draw(null);
  const rows = s.rows.filter((r) => r.status === 'value').length;
  const over = o.room && !o.listAll ? Number(svg.getAttribute('height')) - o.room : 0;
  if (over > 0 && rows) svg = draw(Math.floor(20 - over / rows));
  return { svg, meta: meta(s, o.lang), table: table(s, o.lang, atlas), description: describe(s, o.lang), sources: s.sources };
}
