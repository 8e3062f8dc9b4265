/** The map inside embed.html (loaded only for chart=map, so chart embeds never fetch maplibre or deck.gl). */
import type { Atlas } from '../data/schema.ts';
import type { ViewState } from '../state/url.ts';
import type { EmbedOptions } from '../state/embed.ts';
import { clusterMarks } from '../data/marks.ts';
import { loadBaseGeometry } from '../map/geo.ts';
import { supportsWebGL } from '../map/webgl.ts';
import { classifyMapError, mapFailureText, type MapFailure } from '../map/start.ts';
import { sizeScale, sizedMarks } from '../map/layout.ts';
import { renderInset } from '../map/inset.ts';
import { legendModel, legendSvg } from '../map/legend.ts';
import type { MapController } from '../map/clusterMap.ts';
import { sectorColors, NEUTRAL_MARK } from '../theme/palette.ts';
import { t, pick, type Lang } from '../i18n/index.ts';
import { formatFigureValue, stageYearLabel } from '../i18n/format.ts';
import { createTooltip } from '../ui/tooltip.ts';
import { groupTooltip } from '../map/groupText.ts';
import { h } from '../ui/dom.ts';

export interface MapEmbed {
  el: HTMLElement;
  /** Legend lines for the exported image. */
  legend: string[];
  /** The map's whole key (sectors as drawn, sizes, grey and hollow marks, regions), shown under the map and exported with it. */
  key: SVGSVGElement;
  /** Why the SVG map stands in for the WebGL one, said to the reader; null when WebGL drew it. */
  failure: string | null;
  renderer: 'webgl' | 'svg';
}

export async function renderMapEmbed(atlas: Atlas, view: ViewState, options: EmbedOptions, lang: Lang, host: HTMLElement): Promise<MapEmbed> {
  const el = h('div', { class: 'map embed-map', role: 'region', 'aria-label': t(lang, 'map.label') });
  el.style.height = `${options.height ?? 480}px`;
  host.append(el);
  const geo = await loadBaseGeometry();
  const colors = sectorColors(atlas.sectors.map((s) => s.id));
  const sectorColor = (id: string) => colors.get(id) ?? NEUTRAL_MARK;
  const marks = clusterMarks(atlas, view);
  const scale = sizeScale(atlas.figures.filter((f) => f.subject_type === 'cluster' && f.scope === 'total' && atlas.metrics.some((m) => m.id === f.metric && m.mappable)).map((f) => f.value ?? 0));
  const tooltip = options.static ? null : createTooltip(el);
  const sources = new Map(atlas.sources.map((s) => [s.id, s]));
  const onHover = (id: string | null, x: number, y: number) => {
    const m = id ? marks.find((k) => k.cluster.id === id) : undefined;
    if (!m || !tooltip) return tooltip?.hide();
    const fig = m.figure ? `${stageYearLabel(m.figure, lang, sources)}: ${formatFigureValue(m.figure, lang)}` : t(lang, 'list.nofigure');
    tooltip.show([pick(m.cluster, 'name', lang), pick(m.anchor, 'place', lang), fig], x, y);
  };
  let map: MapController | null = null;
  let failure: MapFailure | null = null;
  if (supportsWebGL()) {
    // Hidden until the GPU has finished its first frame (map.painted): shown at once, the frame's commit would
    // wait on software WebGL compiling deck.gl's pipelines, and the page would not answer meanwhile.
    el.style.visibility = 'hidden';
    try {
      const { createClusterMap } = await import('../map/clusterMap.ts');
      map = (await createClusterMap({ container: el, geo, lang, ariaLabel: t(lang, 'map.label'), sectorColor, onHover, onSelect: () => undefined, onHoverGroup: (g, x, y) => tooltip?.show(groupTooltip(g, lang), x, y), interactive: !options.static })).controller;
      el.append(renderInset(document, geo, lang));
    } catch (err) {
      failure = classifyMapError(err);
    }
  } else failure = { reason: 'nowebgl' };
  if (!map) {
    const { createSvgController } = await import('../map/svgController.ts');
    map = createSvgController(el, { geo, lang, sectorColor, ariaLabel: t(lang, 'map.label'), onHover, onSelect: () => undefined, interactive: !options.static }, scale);
  }
  map.update(sizedMarks(marks, scale), view.cluster, new Set(view.regions));
  if (view.at) map.jumpTo(view.at);
  // Ready (and exportable) only with the marks drawn and finished by the GPU.
  await map.painted();
  el.style.visibility = '';
  const legend = atlas.sectors.filter((s) => marks.some((m) => m.cluster.sector === s.id)).map((s) => `● ${pick(s, 'name', lang)}`);
  const metric = atlas.metrics.find((x) => x.id === view.metric);
  const key = legendSvg(legendModel({ lang, sectors: atlas.sectors, sectorColor, marks, scale, unit: metric?.unit ?? '', metricName: metric ? pick(metric, 'name', lang) : view.metric, stageName: t(lang, `stage.${view.stage}`), latest: view.stage === 'latest' }), Math.max(280, Math.round(host.clientWidth || el.clientWidth || 600)), document);
  el.after(key);
  return { el, legend, key, failure: failure && mapFailureText(lang, failure), renderer: failure ? 'svg' : 'webgl' };
}
