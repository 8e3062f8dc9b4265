/** The regions chart as the registry builds it (loaded on use: see ../registry.ts). */
import type { Atlas } from '../../data/schema.ts';
import type { ViewState } from '../../state/url.ts';
import { layerAtlas } from '../../data/layers.ts';
import type { BuildOptions, ChartBase, ChartParts } from '../build.ts';
import { derive, render, meta, table, describe } from './index.ts';
import { planStageOf } from '../shared/figures.ts';

export function build(full: Atlas, view: ViewState, o: BuildOptions, base: ChartBase): ChartParts {
  const atlas = layerAtlas(full, view);
  const s = derive(atlas, { metric: view.metric, stage: planStageOf(view.stage), sum: view.stage !== 'latest' });
  return { svg: render(s, base, o.doc), meta: meta(s, o.lang), table: table(s, o.lang), description: describe(s, o.lang), sources: s.sources };
}
