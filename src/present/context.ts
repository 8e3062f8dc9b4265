/** What every part of the present page needs, built once after the data is in. */
import type { Atlas, SourceRow } from '../data/schema.ts';
import type { BaseGeometry } from '../map/geo.ts';
import { sizeScale, type SizeScale } from '../map/layout.ts';
import { clusterMarks, type ClusterMark } from '../data/marks.ts';
import type { ViewState } from '../state/url.ts';
import type { Lang } from '../i18n/index.ts';
import { sectorColors, NEUTRAL_MARK } from '../theme/palette.ts';

export interface PresentContext {
  atlas: Atlas;
  geo: BaseGeometry;
  lang: Lang;
  sectorColor: (id: string) => string;
  /** One size scale for every slide: the same circle means the same amount on every map. */
  scale: SizeScale;
}

export function presentContext(atlas: Atlas, geo: BaseGeometry, lang: Lang): PresentContext {
  const mappable = new Set(atlas.metrics.filter((m) => m.mappable).map((m) => m.id));
  const colours = sectorColors(atlas.sectors.map((s) => s.id));
  return {
    atlas,
    geo,
    lang,
    sectorColor: (id) => colours.get(id) ?? NEUTRAL_MARK,
    scale: sizeScale(atlas.figures.filter((f) => f.subject_type === 'cluster' && f.scope === 'total' && mappable.has(f.metric)).map((f) => f.value ?? 0)),
  };
}

export function marksFor(pc: PresentContext, view: ViewState): ClusterMark[] {
  return clusterMarks(pc.atlas, view);
}

/** The documents behind the clusters on a map, in the data's order. */
export function mapSources(pc: PresentContext, marks: readonly ClusterMark[]): SourceRow[] {
  const ids = new Set(marks.map((m) => m.cluster.source_id));
  return pc.atlas.sources.filter((s) => ids.has(s.id));
}
