/** The ranking chart as the registry builds it (loaded on use: see ../registry.ts). */
import type { Atlas } from '../../data/schema.ts';
import type { ViewState } from '../../state/url.ts';
import { layerAtlas } from '../../data/layers.ts';
import { fillRoom, type BuildOptions, type ChartBase, type ChartParts } from '../build.ts';
import { clusterMarks } from '../../data/marks.ts';
import { derive, render, meta, table, describe, type RankingSeries } from './index.ts';

export function build(full: Atlas, view: ViewState, o: BuildOptions, base: ChartBase): ChartParts {
  const atlas = layerAtlas(full, view);
  const s = derive(atlas, clusterMarks(atlas, view), { metric: view.metric, stage: view.stage });
  // Beside the map the chart should be seen whole: shorter rows, then only the largest bars (the table has all).
  if (o.fill) return { ...fillRanking(s, o, base), meta: meta(s, o.lang), table: table(s, o.lang, atlas), description: describe(s, o.lang), sources: s.sources };
  const draw = (rowHeight: number | null, maxBars: number | null = null) => render(s, { ...base, listNoFigure: o.listAll ?? false, rowHeight, maxBars }, o.doc);
  let svg = draw(null);
  const height = (x: SVGSVGElement) => Number(x.getAttribute('height'));
  const fits = () => !o.room || o.listAll || height(svg) <= o.room;
  for (let rowHeight = 19; !fits() && rowHeight >= 16; rowHeight--) svg = draw(rowHeight);
  const valued = s.rows.filter((r) => r.status === 'value').length;
  for (let bars = valued - 1; !fits() && bars >= 5; bars--) svg = draw(16, bars);
  return { svg, meta: meta(s, o.lang), table: table(s, o.lang, atlas), description: describe(s, o.lang), sources: s.sources };
}

/** A slide's ranking: every bar, its rows grown to the room; where they cannot all fit, the largest that do and a line counting the rest. */
function fillRanking(s: RankingSeries, o: BuildOptions, base: ChartBase): { svg: SVGSVGElement; omitted: number } {
  const draw = (maxBars: number | null) => fillRoom((stretch) => render(s, { ...base, listNoFigure: o.listAll ?? false, maxBars, stretch }, o.doc), o);
  let svg = draw(null);
  const fits = () => !o.room || Number(svg.getAttribute('height')) <= o.room;
  const valued = s.rows.filter((r) => r.status === 'value').length;
  let bars = valued;
  while (!fits() && bars > 3) svg = draw(--bars);
  return { svg, omitted: valued - bars };
}
