/** The output-by-region chart as the registry builds it (loaded on use: see ../registry.ts). */
import type { Atlas } from '../../data/schema.ts';
import type { ViewState } from '../../state/url.ts';
import { layerAtlas } from '../../data/layers.ts';
import { fillRoom, type BuildOptions, type ChartBase, type ChartParts } from '../build.ts';
import { moneyMetric } from '../shared/money.ts';
import { derive, render, meta, table, describe, shareAside } from './index.ts';

export function build(full: Atlas, view: ViewState, o: BuildOptions, base: ChartBase): ChartParts {
  const atlas = layerAtlas(full, view);
  const s = derive(atlas, { metric: moneyMetric(atlas, view.metric), year: view.year });
  return { svg: fillRoom((stretch) => render(s, { ...base, stretch }, o.doc), o), aside: o.fill ? shareAside(s, o.lang) : undefined, meta: meta(s, o.lang), table: table(s, o.lang, atlas), description: describe(s, o.lang), sources: s.sources };
}
