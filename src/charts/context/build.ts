/** The context chart as the registry builds it (loaded on use: see ../registry.ts). */
import type { Atlas } from '../../data/schema.ts';
import type { ViewState } from '../../state/url.ts';
import { layerAtlas } from '../../data/layers.ts';
import { fitPlots, type BuildOptions, type ChartBase, type ChartParts } from '../build.ts';
import { derive, render, meta, table, describe, resolveOptions } from './index.ts';

export function build(full: Atlas, view: ViewState, o: BuildOptions, base: ChartBase): ChartParts {
  const atlas = layerAtlas(full, view);
  const s = derive(atlas);
  return { svg: fitPlots((plotHeight) => render(s, { ...base, plotHeight }, o.doc), resolveOptions(base).plotHeight, 2, o.room ?? null, o.fill), meta: meta(s, o.lang), table: table(s, o.lang), description: describe(s, o.lang), sources: s.sources };
}
