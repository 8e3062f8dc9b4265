/** Explore page (index.html): wiring only. */
import { geoBounds } from 'd3-geo';
import { startPage, settleView, langSwitchHref, themeSelect } from './shell.ts';
import { createStore, type Store } from '../state/store.ts';
import { serializeView, DEFAULT_VIEW, type ViewState } from '../state/url.ts';
import { loadAtlas } from '../data/load.ts';
import { clusterCountByRegion, provinceCountByRegion } from '../data/selectors.ts';
import { clusterMarks, type ClusterMark } from '../data/marks.ts';
import { layerAtlas } from '../data/layers.ts';
import { mapSourceLine } from '../data/userLayerState.ts';
import { labelOf } from '../data/names.ts';
import type { Atlas, RegionId } from '../data/schema.ts';
import { loadBaseGeometry, CHINA_BOUNDS, type BaseGeometry } from '../map/geo.ts';
import { supportsWebGL } from '../map/webgl.ts';
import { pageHref } from '../state/pages.ts';
import { classifyMapError, mapFailureText, type MapFailure } from '../map/start.ts';
import { startFirstPixels, type FirstPixels } from '../map/firstPixels.ts';
import { sizeScale, sizedMarks, type MarkGroup } from '../map/layout.ts';
import { groupTooltip } from '../map/groupText.ts';
import type { MapController, ClusterMapOptions } from '../map/clusterMap.ts';
import type { StartedBaseMap } from '../map/basemap.ts';
import { createSvgController } from '../map/svgController.ts';
import { renderInset } from '../map/inset.ts';
import { legendModel, legendSvg } from '../map/legend.ts';
import { mapHeadline } from '../ui/headline.ts';
import { composeMapSvg } from '../export/mapSvg.ts';
import { t, ensureLang } from '../i18n/index.ts';
import { stageYearLabel } from '../i18n/format.ts';
import { markFigureText, valueWithCoverage } from '../ui/figureText.ts';
import { h, clear, append } from '../ui/dom.ts';
import { withRetry } from '../ui/loader.ts';
import { loadChart, type ChartId } from '../charts/registry.ts';
import { regionLegend } from '../ui/legend.ts';
import { showNotice } from '../ui/notice.ts';
import { createTooltip } from '../ui/tooltip.ts';
import { createControls } from '../ui/controls.ts';
import { createList } from '../ui/list.ts';
import { createPanel } from '../ui/panel.ts';
import { chartExportMenu, mapExportMenu } from '../ui/exportMenu.ts';
import { openShareDialog } from '../ui/share.ts';
import { addSlide, parseSlides, presentHref } from '../present/deckUrl.ts';
import { citation } from '../export/cite.ts';
import { markLegend } from '../ui/markLegend.ts';
import { renderDetail } from '../ui/detail.ts';
import { atlasContext, name, type AtlasContext } from '../ui/context.ts';
import { sectorColors, NEUTRAL_MARK } from '../theme/palette.ts';

const { view, ignored, status } = startPage();
const lang = view.lang;
const $ = (id: string) => document.getElementById(id)!;

document.title = `${t(lang, 'site.title')} · ${t(lang, 'site.tagline')}`;
$('site-title').textContent = t(lang, 'site.title');
$('site-tagline').textContent = t(lang, 'site.tagline');
const langLink = $('lang-switch') as HTMLAnchorElement;
langLink.textContent = t(lang, 'lang.switch');
langLink.title = t(lang, 'lang.switch.label');
langLink.lang = langLink.hreflang = lang === 'zh' ? 'en' : 'zh-CN';
$('share-open').textContent = t(lang, 'share.open');
const sourcesLink = $('sources-link') as HTMLAnchorElement;
sourcesLink.textContent = t(lang, 'nav.sources');
sourcesLink.href = pageHref('sources', lang === 'en' ? 'lang=en' : '');
$('footer-source').textContent = `${t(lang, 'footer.source')} ${t(lang, 'footer.geo')}`;
$('offline-link').textContent = t(lang, 'offline.download');
$('offline-link').title = t(lang, 'offline.download.title');
const notices = $('notices');
const mapEl = $('map');
mapEl.setAttribute('aria-label', t(lang, 'map.label'));
const mapNotice = (lang === 'zh' ? import.meta.env.VITE_MAP_NOTICE_ZH : import.meta.env.VITE_MAP_NOTICE_EN) as string | undefined;

/** The base map drawn at once from the geometry (src/map/firstPixels.ts); the first view's SVG map is that drawing. */
let firstPixels: FirstPixels | null = null;
function drawEarly(geo: BaseGeometry): BaseGeometry {
  if (!firstPixels) {
    firstPixels = startFirstPixels(mapEl, geo, lang, new Set(view.regions));
    void firstPixels.painted.then((at) => (status.firstPixelsAt ??= at));
  }
  return geo;
}

/**
 * The WebGL map comes in two parts. maplibre's code is asked for once the first view's data are in (it
 * never competes with those bytes), and the base map starts once the SVG base map is painted. deck.gl's
 * code (the marks) is asked for once the first view is on screen. The WebGL map draws in a layer hidden
 * until its marks are drawn, then takes the SVG map's place.
 */
type BaseCode = typeof import('../map/basemap.ts');
let baseCode: Promise<BaseCode> | null = null;
/** maplibre's module once it has arrived: the base map then starts at once, before the first view is built. */
let baseModule: BaseCode | null = null;
function loadBaseCode(): Promise<BaseCode> {
  return (baseCode ??= import('../map/basemap.ts').then((m) => (baseModule = m)));
}
let baseStart: Promise<{ started: StartedBaseMap; layer: HTMLElement } | MapFailure> | null = null;
function startBase(geo: BaseGeometry): Promise<{ started: StartedBaseMap; layer: HTMLElement } | MapFailure> {
  if (baseStart) return baseStart;
  const layer = h('div', { class: 'map-webgl is-starting' });
  mapEl.prepend(layer);
  const start = (m: BaseCode) => {
    const started = m.startBaseMap(layer, geo, lang, t(lang, 'map.label'));
    started.loaded.catch(() => undefined); // reported by startWebGL, which awaits it
    return { started, layer };
  };
  const fail = (err: unknown) => {
    layer.remove();
    return classifyMapError(err);
  };
  // At once where maplibre's code is in (its worker then cuts the geometry while the first view is built); else on arrival.
  try {
    baseStart = baseModule ? Promise.resolve(start(baseModule)) : loadBaseCode().then(start).catch(fail);
  } catch (err: unknown) {
    baseStart = Promise.resolve(fail(err));
  }
  return baseStart;
}

async function startWebGL(geo: BaseGeometry, handlers: Pick<ClusterMapOptions, 'sectorColor' | 'onHover' | 'onSelect' | 'onHoverRegion' | 'onHoverGroup'>): Promise<{ controller: MapController; layer: HTMLElement } | MapFailure> {
  const base = await startBase(geo);
  if (!('started' in base)) return base;
  try {
    const { createClusterMap } = await import('../map/clusterMap.ts');
    const { controller } = await createClusterMap({ container: base.layer, geo, lang, ariaLabel: t(lang, 'map.label'), base: base.started, ...handlers });
    return { controller, layer: base.layer };
  } catch (err: unknown) {
    base.layer.remove();
    return classifyMapError(err);
  }
}

withRetry($('load-status'), lang, () => Promise.all([loadAtlas(), loadBaseGeometry().then(drawEarly), view.tab === 'list' ? null : loadChart(view.tab as ChartId, lang)])).then(async ([atlas, geo]) => {
  // maplibre's code is asked for now that the first view's data are in (it never competes with them).
  if (supportsWebGL()) loadBaseCode().catch(() => undefined);
  // The base map is on screen before the rest of the first view is built (which holds the main thread).
  await firstPixels?.painted;
  if (supportsWebGL()) void startBase(geo);
  const ctx = atlasContext(atlas);
  const mappable = new Set(atlas.metrics.filter((m) => m.mappable).map((m) => m.id));
  const settled = settleView(atlas, view, ignored, notices);
  const store = createStore(settled, window);
  store.set({}); // write the reconciled view back to the URL
  const pageUrl = () => new URL(serializeView(store.get()) || './', location.href).href;
  const onExportError = (m: string) => showNotice(notices, m, t(lang, 'notice.dismiss'));
  const sectorColor = ((m) => (id: string) => m.get(id) ?? NEUTRAL_MARK)(sectorColors(atlas.sectors.map((s) => s.id)));
  const syncLangLink = () => (langLink.href = langSwitchHref(location, lang));
  syncLangLink();

  // Side panel: controls, mark legend, regions legend; then the list under the map.
  const side = $('side');
  const tooltip = createTooltip(mapEl);
  let map: MapController | null = null;
  // Region extents on the first zoom (spherical bounds of every province: not on the way to the first view).
  let regionBounds: ReturnType<typeof boundsByRegion> | null = null;
  const boundsOf = (r: RegionId) => (regionBounds ??= boundsByRegion(geo))[r];
  const controls = createControls({
    ctx,
    lang,
    store,
    sectorColor,
    onZoomRegion: (r) => map?.fitBounds(boundsOf(r)),
    onReset: () => {
      store.set({ ...DEFAULT_VIEW, lang });
      map?.reset();
    },
  });
  const legendHost = h('div', { class: 'mark-legend-host' });
  const mapCite = () => citation(lang, pageUrl(), []);
  const mapExport = mapExportMenu({
    mapEl,
    atlas,
    lang,
    citation: mapCite(),
    onError: onExportError,
    text: () => ({ title: t(lang, 'embed.map.title'), subtitle: legendHost.querySelector('.legend-size-title')?.textContent ?? '', legend: atlas.sectors.map((s) => `● ${name(s, lang)}`), source: mapSourceLine(atlas, store.get().layers, t(lang, 'footer.source'), (line) => t(lang, 'import.source.line', { line })), notice: mapNotice ?? null, get key() { return legendSvg(mapKey(store.get()), Math.round(mapEl.clientWidth), document); } }),
    // The vector map: the SVG map's drawing of the same marks at the map's size, with the whole key.
    svg: () => {
      const v = store.get();
      const width = Math.round(mapEl.clientWidth), height = Math.round(mapEl.clientHeight);
      const foot = [t(lang, 'footer.source'), mapCite(), ...(mapNotice ? [mapNotice] : [])];
      return composeMapSvg({ doc: document, geo, lang, ariaLabel: t(lang, 'map.label'), sectorColor, marks, scale, selectedId: v.cluster, shownRegions: new Set(v.regions), width, height, title: t(lang, 'embed.map.title'), subtitle: legendHost.querySelector('.legend-size-title')?.textContent ?? '', key: legendSvg(mapKey(v), width, document), foot });
    },
  });
  /** The map's whole key for the view, as exported with the map. */
  const mapKey = (v: ViewState) => {
    const metric = ctx.metrics.get(v.metric);
    return legendModel({ lang, sectors: atlas.sectors, sectorColor, marks, scale, unit: metric?.unit ?? '', metricName: metric ? name(metric, lang) : v.metric, stageName: t(lang, `stage.${v.stage}`), latest: v.stage === 'latest' });
  };
  const regionLegendHost = h('div', { class: 'region-legend-host' });
  side.append(controls.el, legendHost, mapExport, regionLegendHost);
  $('theme-host').append(themeSelect(lang, store.get().theme, (theme) => store.set({ theme })));
  filtersDrawer(side);
  $('share-open').hidden = false;
  // Bring your own clusters: the import dialog loads on demand (src/import/), the main bundle does not carry it.
  $('share-open').before(h('a', { href: '#import', role: 'button', class: 'sources-link import-open', onclick: (e: Event) => (e.preventDefault(), void Promise.all([import('../import/dialog.ts'), ensureLang(lang, ['import'])]).then(([m]) => m.openImportDialog({ lang, atlas }))) }, t(lang, 'import.open')));
  side.insertBefore(slidesRow(store, atlas, ctx), controls.el.nextSibling);
  $('share-open').addEventListener('click', () => openShareDialog({ lang, view: store.get(), base: new URL(location.href), title: t(lang, 'site.title') }));
  const countsLine = h('p', { class: 'counts' });
  side.append(countsLine);

  const select = (id: string | null) => store.set({ cluster: id });
  const hover = (id: string | null, x = 0, y = 0) => {
    status.hot = id;
    map?.highlight(id);
    list.highlight(id);
    panel?.highlight(id);
    const mark = id ? (markById ??= new Map(marks.map((m) => [m.cluster.id, m]))).get(id) : undefined;
    if (mark && (x || y)) tooltip.show(tooltipLines(ctx, mark, store.get()), x, y);
    else tooltip.hide();
  };
  /** A group's ring under the pointer (WebGL map): how many, the first names, that a click zooms in. */
  const hoverGroup = (g: MarkGroup, x: number, y: number) => {
    if (status.hot) hover(null);
    tooltip.show(groupTooltip(g, lang), x, y);
  };
  /** A region hovered in a chart or on the map: outlined on the map, marked in the charts. */
  const hoverRegion = (region: string | null) => {
    status.hotRegion = region;
    map?.highlightRegion(region);
    panel.highlightRegion(region);
  };
  const list = createList({ ctx, lang, onSelect: (id) => select(id), onHover: (id) => hover(id) });
  const panel = createPanel({
    ctx,
    atlas,
    lang,
    store,
    list: list.el,
    onHover: (id) => hover(id),
    onHoverRegion: (r) => hoverRegion(r),
    exportMenu: (built) => chartExportMenu({ built, atlas, lang, citation: citation(lang, pageUrl(), built.sources), notice: mapNotice ?? null, onError: onExportError }),
  });
  $('list-host').append(panel.el);
  const detailHost = $('detail');

  if (mapNotice) mapEl.append(h('p', { class: 'map-notice' }, mapNotice));

  let marks: ClusterMark[] = [];
  /** The marks by cluster id: a hover looks one up on every pointer move; built at the first hover after a filter (100,000 entries cost 40 ms). */
  let markById: Map<string, ClusterMark> | null = null;
  // One size scale for every view: the same circle means the same amount whatever the filter.
  const scale = sizeScale(atlas.figures.filter((f) => f.subject_type === 'cluster' && f.scope === 'total' && mappable.has(f.metric)).map((f) => f.value ?? 0));
  const drawMarks = (v: ViewState) => map?.update(sizedMarks(marks, scale), v.cluster, new Set(v.regions));
  const refresh = (v: ViewState, prev: ViewState | null) => {
    marks = clusterMarks(atlas, v);
    markById = null;
    const shown = layerAtlas(atlas, v);
    regionLegendHost.replaceChildren(regionLegend(lang, provinceCountByRegion(atlas), clusterCountByRegion(shown)));
    countsLine.textContent = t(lang, 'page.counts', { sources: atlas.sources.length, clusters: shown.clusters.length, figures: shown.figures.length });
    const headline = mapHeadline(shown, lang);
    mapEl.querySelector(':scope > .map-headline')?.remove();
    if (headline) mapEl.append(headline);
    const metric = ctx.metrics.get(v.metric);
    clear(legendHost);
    legendHost.append(markLegend({ lang, marks, scale, unit: metric?.unit ?? '', metricName: metric ? name(metric, lang) : v.metric, stageName: t(lang, `stage.${v.stage}`), latest: v.stage === 'latest' }));
    drawMarks(v);
    list.update(marks, v.cluster);
    panel.update(v);
    controls.sync();
    syncLangLink();
    if (!prev || prev.cluster !== v.cluster || prev.metric !== v.metric || prev.low !== v.low) showDetail(v);
  };
  const showDetail = (v: ViewState) => {
    clear(detailHost);
    detailHost.hidden = !v.cluster;
    if (!v.cluster) return;
    const permalink = location.pathname + serializeView({ ...v, at: null });
    const panel = renderDetail({ ctx, lang, clusterId: v.cluster, metric: v.metric, permalink, low: v.low, sectorColor, onClose: () => select(null) });
    detailHost.append(panel);
    panel.focus({ preventScroll: true });
  };
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    if (document.body.classList.contains('filters-open')) document.getElementById('filters-toggle')?.click();
    else if (store.get().cluster) select(null);
  });

  // The first view: the SVG map with every mark, the list, the panel, the legends.
  const svgOptions = { geo, lang, sectorColor, ariaLabel: t(lang, 'map.label'), onHover: hover, onSelect: (id: string) => select(id), interactive: true };
  /** The SVG map at the view's camera; its moves go to the view (and so to the WebGL map when it takes over). */
  const svgMapAt = (from?: FirstPixels) => {
    const m = createSvgController(mapEl, svgOptions, scale, from);
    const at = store.get().at;
    if (at) m.jumpTo(at);
    m.onMoved((next) => store.set({ at: next }));
    return m;
  };
  map = svgMapAt(firstPixels ?? undefined);
  status.renderer = 'svg';
  status.locate = (id) => map?.locate(id) ?? null;
  refresh(store.get(), null);
  store.subscribe((v, prev) => refresh(v, prev));
  status.firstViewAt = performance.now();
  const say = (failure: MapFailure) => {
    status.mapFailure = failure.reason;
    showNotice(notices, mapFailureText(lang, failure), t(lang, 'notice.dismiss'), 'info');
  };
  // Then the WebGL map (pan, zoom, smooth marks) takes its place once it is idle; where it cannot start,
  // the SVG map stays and the notice names why.
  const started = supportsWebGL() ? await startWebGL(geo, { sectorColor, onHover: hover, onSelect: (id) => select(id), onHoverRegion: hoverRegion, onHoverGroup: hoverGroup }) : ({ reason: 'nowebgl' } as MapFailure);
  if ('controller' in started) {
    const svgMap = map;
    // Filters and hovers from now on go to the WebGL map, which shows them once it takes over.
    map = started.controller;
    await takeOver(started, svgMap, store, geo, () => {
      drawMarks(store.get());
      started.controller.highlight(status.hot ?? null);
    });
    status.renderer = 'webgl';
    map.onLost(() => {
      map?.destroy();
      started.layer.remove();
      mapEl.querySelector(':scope > .scs-inset')?.remove();
      map = svgMapAt();
      status.renderer = 'svg';
      say({ reason: 'contextlost' });
      refresh(store.get(), store.get());
    });
    // Idle once the first frame with the WebGL map is committed, as the bench's bare page is measured.
    await nextFrameCommitted();
    status.mapIdleAt = performance.now();
  } else {
    say(started);
    status.mapIdleAt = performance.now();
  }
  status.ready = true;
});
/**
 * The WebGL map takes the SVG map's place: its marks drawn (`draw`) at the view's camera, the SVG map kept
 * until the GPU has finished that frame (never a frame of the base map alone, and no frame whose commit
 * waits on the GPU: gl/gpuDone.ts), then a move made on the SVG map meanwhile, and the inset.
 */
async function takeOver(started: { controller: MapController; layer: HTMLElement }, svgMap: MapController, store: Store, geo: BaseGeometry, draw: () => void): Promise<void> {
  const map = started.controller;
  const at = store.get().at;
  draw();
  if (at) map.jumpTo(at);
  await map.painted();
  svgMap.destroy();
  const late = store.get().at;
  if (late && late !== at) map.jumpTo(late);
  map.onMoved((next) => store.set({ at: next }));
  started.layer.classList.remove('is-starting');
  mapEl.append(renderInset(document, geo, lang));
}

/** The filters as a drawer on narrow screens: the button opens it (focus inside), × or Esc closes it. */
function filtersDrawer(side: HTMLElement): void {
  const filtersToggle = $('filters-toggle');
  filtersToggle.textContent = t(lang, 'filters.open');
  const setFilters = (open: boolean) => {
    document.body.classList.toggle('filters-open', open);
    filtersToggle.setAttribute('aria-expanded', String(open));
    if (open) side.querySelector<HTMLElement>('input, select, button')?.focus();
  };
  filtersToggle.addEventListener('click', () => setFilters(!document.body.classList.contains('filters-open')));
  side.prepend(h('button', { type: 'button', class: 'side-close', 'aria-label': t(lang, 'filters.close'), onclick: () => (setFilters(false), filtersToggle.focus()) }, '×'));
}

/** "Add this view to my slides": the deck lives in the URL (slides=), opens in present.html. */
function slidesRow(store: Store, atlas: Atlas, ctx: AtlasContext): HTMLElement {
  const row = h('div', { class: 'slides-row' });
  const render = () => {
    const deck = store.get().slides;
    const parsed = deck ? parseSlides(deck) : null;
    const n = parsed?.kind === 'valid' ? parsed.slides.length : 0;
    clear(row);
    append(row, [
      h('button', {
        type: 'button',
        class: 'slides-add',
        onclick: () => {
          const v = store.get();
          const headline = v.cluster ? labelOf(atlas, ctx.clusters.get(v.cluster)!, lang) : t(lang, `tab.${v.tab}`);
          const viewQuery = serializeView({ ...v, slides: null, lang: DEFAULT_VIEW.lang, theme: DEFAULT_VIEW.theme });
          store.set({ slides: addSlide(v.slides, viewQuery, headline) });
          render();
          showNotice(notices, t(lang, 'slides.added', { n: n + 1 }), t(lang, 'notice.dismiss'), 'info');
        },
      }, t(lang, 'slides.add')),
      n ? h('a', { class: 'slides-present', href: presentHref(deck!, lang === 'zh' ? {} : { lang }) }, t(lang, 'slides.present', { n })) : null,
    ]);
  };
  render();
  return row;
}

/** Resolves once the next frame is committed (in the task after its animation frame); at once in a hidden page, which draws no frames. */
function nextFrameCommitted(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
// Whether WebGL works (a canvas context, remembered) is first asked once the data requests are sent: the
// probe took 205 ms in a profiled first view on software WebGL (10–20 ms on a blank page), which the
// download now covers instead of waiting on it.
setTimeout(() => supportsWebGL(), 0);

function tooltipLines(ctx: AtlasContext, m: ClusterMark, v: ViewState): string[] {
  const metric = ctx.metrics.get(v.metric);
  const metricName = metric ? name(metric, lang) : v.metric;
  const place = `${m.anchor[lang === 'zh' ? 'place_zh' : 'place_en']} · ${t(lang, `precision.${m.anchor.precision}`)}`;
  const fig = m.figure
    ? `${metricName} · ${stageYearLabel(m.figure, lang, ctx.sources)}: ${valueWithCoverage(m.figure, lang)} (${t(lang, `kind.${m.figure.kind}`)})`
    : m.other
      ? t(lang, 'tooltip.other', { metric: metricName, other: markFigureText(m, lang, ctx.metrics) })
      : t(lang, 'tooltip.nofigure', { metric: metricName, stage: t(lang, `stage.${v.stage}`) });
  return [m.label[lang], place, fig];
}

function boundsByRegion(geo: BaseGeometry): Record<RegionId, [[number, number], [number, number]]> {
  const out = {} as Record<RegionId, [[number, number], [number, number]]>;
  for (const r of ['east', 'central', 'west', 'northeast'] as RegionId[]) {
    const fc = { type: 'FeatureCollection' as const, features: geo.provinces.features.filter((f) => f.properties.region === r) };
    const [[w, s], [e, n]] = fc.features.length ? geoBounds(fc) : CHINA_BOUNDS;
    out[r] = [
      [w, Math.max(s, 18)],
      [e, n],
    ];
  }
  return out;
}
