/**
 * The map's whole key, one model for every place the map travels: the page, the map embed, the map's
 * PNG and SVG exports and the slides. Sector colours as drawn, the size key at real values, what grey and
 * hollow marks mean, and the region colours. `legendSvg` draws it self-contained (every style an
 * attribute), so a rasterised or downloaded copy looks the same.
 */
import type { ClusterMark } from '../data/marks.ts';
import type { SectorRow } from '../data/schema.ts';
import { t, pick, type Lang } from '../i18n/index.ts';
import { formatAmount } from '../i18n/format.ts';
import { REGION_COLORS, NEUTRAL_MARK, MARK_STROKE, FONT_STACK } from '../theme/palette.ts';
import { el, text, flowLegend, SVG_NS, INK, MUTED } from '../charts/shared/svg.ts';
import { measure, wrap } from '../charts/shared/layout.ts';
import type { SizeScale } from './layout.ts';
import { maxOf } from '../data/extent.ts';

export interface LegendModel {
  sizeTitle: string;
  /** Size key circles, small to large, at real values. */
  sizes: { value: number; label: string; r: number }[];
  /** Sectors of the marks drawn in colour (those with a figure), in the data's order. */
  sectors: { id: string; label: string; color: string }[];
  /** Marks drawn grey (no figure for the metric and stage) and hollow (only the province known), when any is shown. */
  marks: { kind: 'nofigure' | 'hollow'; label: string }[];
  regions: { id: string; label: string; color: string }[];
}

export interface LegendInput {
  lang: Lang;
  sectors: readonly SectorRow[];
  sectorColor(id: string): string;
  marks: readonly ClusterMark[];
  scale: SizeScale;
  unit: string;
  metricName: string;
  stageName: string;
  /** Marks sized by each cluster's latest actual figure (the view's stage `latest`). */
  latest?: boolean;
}

export function legendModel(o: LegendInput): LegendModel {
  const { lang } = o;
  const coloured = new Set(o.marks.filter((m) => m.value != null).map((m) => m.cluster.sector));
  const without = o.marks.filter((m) => m.value == null).length;
  const hollow = o.marks.some((m) => m.anchor.precision === 'province');
  const other = o.marks.filter((m) => m.other).length;
  const greyLabel = other ? t(lang, 'legend.key.other', { metric: o.metricName, n: without, k: other }) : t(lang, 'legend.key.nofigure', { n: without });
  return {
    sizeTitle: `${o.latest ? t(lang, 'legend.size.latest', { metric: o.metricName }) : t(lang, 'legend.size', { metric: o.metricName, stage: o.stageName })} · ${t(lang, 'legend.coverage', { metric: o.metricName, n: o.marks.length - without, total: o.marks.length })}`,
    sizes: [...o.scale.legend].sort((a, b) => a - b).map((v) => ({ value: v, label: formatAmount(v, o.unit, lang), r: o.scale.radius(v) })),
    sectors: o.sectors.filter((s) => coloured.has(s.id)).map((s) => ({ id: s.id, label: pick(s, 'name', lang), color: o.sectorColor(s.id) })),
    marks: [...(without ? [{ kind: 'nofigure' as const, label: greyLabel }] : []), ...(hollow ? [{ kind: 'hollow' as const, label: t(lang, 'legend.key.hollow') }] : [])],
    regions: (['east', 'central', 'west', 'northeast'] as const).map((r) => ({ id: r, label: t(lang, `region.${r}`), color: REGION_COLORS[r] })),
  };
}

const FS = 12;
/** A mark with a figure is filled at alpha 190 of 255 on the map (layers/clusters.ts): the key paints its sector colour the same. */
const MARK_OPACITY = (190 / 255).toFixed(3);

/** The key as one SVG, `width` px wide, as tall as it needs. */
export function legendSvg(model: LegendModel, width: number, doc: Document): SVGSVGElement {
  const pad = 12;
  const svg = el(doc, 'svg', { xmlns: SVG_NS, class: 'map-key', width, 'font-family': FONT_STACK, 'font-size': FS, fill: INK });
  el(doc, 'rect', { class: 'map-key-bg', x: 0, y: 0, width, height: 10, fill: '#FFFFFF' }, svg);
  let y = pad;
  const heading = (s: string) => {
    for (const l of wrap(s, width - 2 * pad, FS, 2)) {
      text(doc, l, { x: pad, y: y + FS, 'font-weight': 600 }, svg);
      y += FS + 4;
    }
  };
  if (model.sizes.length) {
    heading(model.sizeTitle);
    const g = el(doc, 'g', { class: 'map-key-sizes' }, svg);
    const rMax = maxOf(model.sizes.map((s) => s.r));
    let x = pad;
    for (const s of model.sizes) {
      const cell = Math.max(2 * s.r + 8, measure(s.label, 11) + 12);
      el(doc, 'circle', { cx: x + cell / 2, cy: y + 2 + 2 * rMax - s.r, r: s.r, fill: 'none', stroke: MARK_STROKE }, g);
      text(doc, s.label, { x: x + cell / 2, y: y + 2 * rMax + 18, 'text-anchor': 'middle', 'font-size': 11, fill: MUTED }, g);
      x += cell;
    }
    y += 2 * rMax + 26;
  }
  const row = (cls: string, items: { label: string; draw: (p: Element, x: number, y: number) => void; key?: string }[]) => {
    if (!items.length) return;
    const g = el(doc, 'g', { class: cls }, svg) as SVGGElement;
    y = flowLegend(doc, g, items, pad, width, y, measure) + 14;
  };
  row(
    'map-key-sectors',
    model.sectors.map((s) => ({ key: `sector-${s.id}`, label: s.label, draw: (p, x, yy) => el(doc, 'circle', { cx: x + 6, cy: yy, r: 6, fill: s.color, 'fill-opacity': MARK_OPACITY, stroke: MARK_STROKE, 'stroke-width': 1 }, p) })),
  );
  row(
    'map-key-marks',
    model.marks.map((m) => ({
      key: m.kind,
      label: m.label,
      draw: (p, x, yy) => (m.kind === 'nofigure' ? el(doc, 'circle', { cx: x + 6, cy: yy, r: 4, fill: NEUTRAL_MARK, stroke: MARK_STROKE, 'stroke-width': 1 }, p) : el(doc, 'circle', { cx: x + 6, cy: yy, r: 5.5, fill: 'none', stroke: MARK_STROKE, 'stroke-width': 2 }, p)),
    })),
  );
  row(
    'map-key-regions',
    model.regions.map((r) => ({ key: `region-${r.id}`, label: r.label, draw: (p, x, yy) => el(doc, 'rect', { x, y: yy - 6, width: 12, height: 12, fill: r.color, 'fill-opacity': 0.9 }, p) })),
  );
  const height = Math.ceil(y + pad / 2);
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.querySelector('.map-key-bg')!.setAttribute('height', String(height));
  return svg;
}
