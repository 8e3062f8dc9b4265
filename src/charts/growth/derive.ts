/**
 * Planned growth of one subject (cluster, group, province, region or the nation) for one metric:
 * its figures placed by stage (baseline → target-1 → target-2 → target-3), never at a guessed year.
 * Where a subject states a total at a stage and its members have point values there, the sum of those
 * values is kept beside it: neither is "fixed".
 */
import type { Atlas, FigureRow, MetricRow, SourceRow, Stage } from '../../data/schema.ts';
import { PLAN_STAGES as STAGES } from '../../data/constants.ts';
import { labelOf } from '../../data/names.ts';
import { isRegion, lowSources, metricOf, regionOf, shapeOf, sourcesFor, sumClusters, type ExclusionReason, type Shape } from '../shared/figures.ts';

export interface GrowthView {
  /** A cluster id, a group id, a 6-digit province adcode, a region id, or CN. */
  subject: string;
  metric: string;
}

export type SubjectType = FigureRow['subject_type'];
export interface Subject {
  type: SubjectType;
  id: string;
  /** Names from the data; null for regions and the nation (named by the i18n catalogue). */
  name_zh: string | null;
  name_en: string | null;
}

export interface GrowthPoint {
  figureId: string;
  stage: Stage;
  shape: Shape;
  kind: FigureRow['kind'];
  comparator: FigureRow['comparator'];
  value: number | null;
  valueMax: number | null;
  unit: string;
  year: number | null;
  yearStatus: FigureRow['year_status'];
  yearSourceId: string | null;
  note_zh: string | null;
  note_en: string | null;
}

export type StageYear = { status: 'stated' | 'confirmed' | 'derived'; year: number; sourceId: string | null } | { status: 'illegible' | 'none' | 'mixed' | 'empty'; year: null; sourceId: null };

export interface MemberSum {
  stage: Stage;
  sum: number;
  summed: number;
  members: number;
  excluded: { clusterId: string; reason: ExclusionReason }[];
  withoutFigure: number;
  /** The subject's own figures at this stage, which the sum stands beside. */
  statedIds: string[];
}

export interface GrowthSeries {
  chart: 'growth';
  subject: Subject;
  metric: MetricRow;
  stages: { stage: Stage; year: StageYear }[];
  /** The subject's own figures (scope total), in stage order. */
  points: GrowthPoint[];
  /** Sums of members' point values where the subject states a figure at the same stage. */
  memberSums: MemberSum[];
  /** Figures that hold for each member (scope each): listed, never plotted as the subject's value. */
  each: GrowthPoint[];
  sources: SourceRow[];
}

export function derive(atlas: Atlas, view: GrowthView): GrowthSeries {
  const metric = metricOf(atlas, view.metric);
  const { subject, members } = resolveSubject(atlas, view.subject);
  // Outcomes (what was reached later) are the planned-vs-achieved chart's; this one places the plan.
  // A national list's own totals (about its 45 or 80 clusters) are the totals chart's, over the years.
  const national = new Set(atlas.batches.filter((b) => atlas.programmes.find((p) => p.id === b.programme)?.level === 'national').map((b) => b.id));
  const own = atlas.figures.filter((f) => f.subject_type === subject.type && f.subject_id === subject.id && f.metric === metric.id && f.stage !== 'outcome' && !(f.subject_type !== 'cluster' && national.has(f.batch)));
  const order = (f: FigureRow) => (STAGES as readonly Stage[]).indexOf(f.stage);
  const points = own.filter((f) => f.scope === 'total').sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id)).map(toPoint);
  const each = own.filter((f) => f.scope === 'each').sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id)).map(toPoint);
  const sourceIds = new Set(own.map((f) => f.source_id));
  for (const f of own) if (f.year_source_id) sourceIds.add(f.year_source_id);

  const memberSums: MemberSum[] = [];
  const figureById = new Map(atlas.figures.map((f) => [f.id, f]));
  for (const stage of STAGES) {
    const stated = points.filter((p) => p.stage === stage);
    if (!stated.length || !members.length) continue;
    // Actuals are added only when the subject's stated figures and the members' are of one year.
    const years = new Set(stated.map((p) => p.year));
    const actual = stage === 'baseline';
    if (actual && (years.size !== 1 || [...years][0] == null)) continue;
    const pool = actual ? atlas.figures.filter((f) => f.subject_type !== 'cluster' || f.year === [...years][0]) : atlas.figures;
    const s = sumClusters(pool, members, metric, stage, lowSources(atlas));
    if (s.sum == null) continue;
    for (const id of s.figureIds) sourceIds.add(figureById.get(id)!.source_id);
    memberSums.push({
      stage,
      sum: s.sum,
      summed: s.summedIds.length,
      members: members.length,
      excluded: s.excluded.map(({ clusterId, reason }) => ({ clusterId, reason })),
      withoutFigure: s.withoutFigure.length,
      statedIds: stated.map((p) => p.figureId),
    });
  }
  const stages = STAGES.map((stage) => ({ stage, year: stageYear(points.filter((p) => p.stage === stage)) }));
  return { chart: 'growth', subject, metric, stages, points, memberSums, each, sources: sourcesFor(atlas, sourceIds) };
}

function toPoint(f: FigureRow): GrowthPoint {
  return {
    figureId: f.id,
    stage: f.stage,
    shape: shapeOf(f),
    kind: f.kind,
    comparator: f.comparator,
    value: f.value,
    valueMax: f.value_max,
    unit: f.unit,
    year: f.year,
    yearStatus: f.year_status,
    yearSourceId: f.year_source_id,
    note_zh: f.note_zh,
    note_en: f.note_en,
  };
}

/** The year a stage is shown at: only a legible (stated or confirmed) year shared by all its figures. */
export function stageYear(points: readonly Pick<GrowthPoint, 'year' | 'yearStatus' | 'yearSourceId'>[]): StageYear {
  if (!points.length) return { status: 'empty', year: null, sourceId: null };
  const statuses = new Set(points.map((p) => p.yearStatus));
  const years = new Set(points.map((p) => p.year));
  if ([...statuses].every((s) => s === 'stated' || s === 'confirmed' || s === 'derived') && years.size === 1) {
    const year = points[0]!.year!;
    const confirmed = points.find((p) => p.yearStatus === 'confirmed');
    if (confirmed) return { status: 'confirmed', year, sourceId: confirmed.yearSourceId };
    return { status: statuses.has('derived') ? 'derived' : 'stated', year, sourceId: null };
  }
  if (statuses.size === 1 && (statuses.has('illegible') || statuses.has('none'))) return { status: [...statuses][0] as 'illegible' | 'none', year: null, sourceId: null };
  return { status: 'mixed', year: null, sourceId: null };
}

/** The subject and the clusters that are its parts (top-level clusters for places; listed members for groups). */
export function resolveSubject(atlas: Atlas, id: string): { subject: Subject; members: string[] } {
  const topLevel = atlas.clusters.filter((c) => c.parent_id == null);
  if (isRegion(id)) {
    const region = regionOf(atlas);
    return { subject: { type: 'region', id, name_zh: null, name_en: null }, members: topLevel.filter((c) => region.get(c.province_adcode) === id).map((c) => c.id) };
  }
  if (id === 'CN') return { subject: { type: 'nation', id, name_zh: null, name_en: null }, members: topLevel.map((c) => c.id) };
  if (/^\d{6}$/.test(id)) {
    const p = atlas.regions.find((r) => r.adcode === id);
    if (!p) throw new Error(`growth: unknown province adcode "${id}"`);
    return { subject: { type: 'province', id, name_zh: p.name_zh, name_en: p.name_en }, members: topLevel.filter((c) => c.province_adcode === id).map((c) => c.id) };
  }
  const g = atlas.groups.find((x) => x.id === id);
  if (g) return { subject: { type: 'group', id, name_zh: g.name_zh, name_en: g.name_en }, members: [...g.members] };
  const c = atlas.clusters.find((x) => x.id === id);
  if (c) return { subject: { type: 'cluster', id, name_zh: labelOf(atlas, c, 'zh'), name_en: labelOf(atlas, c, 'en') }, members: [] };
  throw new Error(`growth: unknown subject "${id}" (a cluster id, group id, province adcode, region id or CN)`);
}
