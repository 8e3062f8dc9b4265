/** The growth chart as the registry builds it (loaded on use: see ../registry.ts). */
import type { Atlas } from '../../data/schema.ts';
import type { ViewState } from '../../state/url.ts';
import { layerAtlas } from '../../data/layers.ts';
import { fitPlots, type BuildOptions, type ChartBase, type ChartParts } from '../build.ts';
import { growthSubject } from '../subject.ts';
import { derive, render, meta, table, describe, resolveOptions } from './index.ts';

export function build(full: Atlas, view: ViewState, o: BuildOptions, base: ChartBase): ChartParts {
  const atlas = layerAtlas(full, view);
  // A subject the view names is found in every layer (it was asked for by name); the default one comes from the layers in view.
  const scope = view.subject || view.cluster ? layerAtlas(full, { layers: full.programmes.map((p) => p.id), low: view.low }) : atlas;
  const s = derive(scope, { subject: growthSubject(atlas, view), metric: view.metric });
  return { svg: fitPlots((plotHeight) => render(s, { ...base, plotHeight }, o.doc), resolveOptions(base).plotHeight, 1, o.room ?? null, o.fill), meta: meta(s, o.lang), table: table(s, o.lang), description: describe(s, o.lang), sources: s.sources };
}
