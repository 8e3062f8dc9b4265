/** The regions chart as the registry builds it (loaded on use: see ../registry.ts). */
import type { Atlas } from '../../data/schema.ts';
import type { ViewState } from '../../state/url.ts';
import { layerAtlas } from '../../data/layers.ts';
import { fillRoom, type BuildOptions, type ChartBase, type ChartParts } from '../build.ts';
import { derive, render, meta, table, describe, officialAside } from './index.ts';
import { planStageOf } from '../shared/figures.ts';

export function build(full: Atlas, view: ViewState, o: BuildOptions, base: ChartBase): ChartParts {
  const atlas = layerAtlas(full, view);
  const s = derive(atlas, { metric: view.metric, stage: planStageOf(view.stage), sum: view.stage !== 'latest' });
  return { svg: fillRoom((stretch) => render(s, { ...base, stretch }, o.doc), o), aside: o.fill ? officialAside(s, o.lang) : undefined, meta: meta(s, o.lang), table: table(s, o.lang), description: describe(s, o.lang), sources: s.sources };
}
