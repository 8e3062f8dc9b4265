/** Filter controls: regions, sectors, metric, stage, zoom-to-region, reset. Each change goes to the store. */
import { h } from './dom.ts';
import { swatch } from './legend.ts';
import { t, type Lang } from '../i18n/index.ts';
import { REGION_IDS, VIEW_STAGES, type RegionId, type ViewStage } from '../data/constants.ts';
import type { Store } from '../state/store.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/url.ts';
import { REGION_COLORS } from '../theme/palette.ts';
import type { AtlasContext } from './context.ts';
import { name } from './context.ts';
import { availability } from '../data/marks.ts';
import type { FigureRow } from '../data/schema.ts';
import { layerAtlas } from '../data/layers.ts';
import { createLayerControls } from './layerControls.ts';

export interface ControlsOptions {
  ctx: AtlasContext;
  lang: Lang;
  store: Store;
  sectorColor: (id: string) => string;
  onZoomRegion(region: RegionId): void;
  onReset(): void;
}

/**
 * The metric and stage menus. What the layers shown have decides what is offered: a metric or stage
 * without a figure in them is offered disabled, with why.
 */
function metricAndStage(ctx: AtlasContext, lang: Lang, store: Store) {
  let avail = availability(layerAtlas(ctx.atlas, store.get()));
  const mappable = ctx.atlas.metrics.filter((m) => m.mappable);
  const metricSelect = h('select', { id: 'metric-select', name: 'metric' });
  const metricHint = h('p', { class: 'hint' }, t(lang, 'controls.metric.why'));
  const fillMetrics = () => {
    metricSelect.replaceChildren(
      ...mappable.map((m) => {
        const has = avail.has(m.id);
        return h('option', { value: m.id, disabled: !has }, name(m, lang) + (has ? '' : t(lang, 'controls.metric.unavailable')));
      }),
    );
    metricHint.hidden = mappable.every((m) => avail.has(m.id));
  };
  metricSelect.addEventListener('change', () => {
    const metric = metricSelect.value;
    const stages = avail.get(metric);
    const stage = stages?.has(store.get().stage) ? store.get().stage : (VIEW_STAGES.find((s) => stages?.has(s)) ?? DEFAULT_VIEW.stage);
    store.set({ metric, stage });
  });
  const stageSelect = h('select', { id: 'stage-select', name: 'stage' });
  stageSelect.addEventListener('change', () => store.set({ stage: stageSelect.value as ViewStage }));

  const fillStages = () => {
    const metric = store.get().metric;
    const stages = avail.get(metric);
    stageSelect.replaceChildren(
      ...VIEW_STAGES.map((s) => {
        const illegible = illegibleYears(ctx.atlas.figures, metric).has(s);
        const suffix = !stages?.has(s) ? t(lang, 'controls.stage.unavailable') : illegible ? t(lang, 'controls.stage.illegible') : '';
        return h('option', { value: s, disabled: !stages?.has(s) }, t(lang, `stage.${s}`) + suffix);
      }),
    );
  };

  const sync = (v: ViewState) => {
    avail = availability(layerAtlas(ctx.atlas, v));
    fillMetrics();
    metricSelect.value = v.metric;
    fillStages();
    stageSelect.value = v.stage;
  };
  return { metricSelect, metricHint, stageSelect, sync };
}

export function createControls(o: ControlsOptions): { el: HTMLElement; sync(): void } {
  const { ctx, lang, store } = o;
  const regionBoxes = REGION_IDS.map((r) => {
    const input = h('input', { type: 'checkbox', name: 'region', value: r });
    input.addEventListener('change', () => {
      const chosen = regionBoxes.filter((b) => b.checked).map((b) => b.value as RegionId);
      if (!chosen.length) input.checked = true; // at least one region stays shown
      else store.set({ regions: chosen });
    });
    return input;
  });
  const sectorIds = ctx.atlas.sectors.map((s) => s.id);
  const sectorBoxes = ctx.atlas.sectors.map((s) => {
    const input = h('input', { type: 'checkbox', name: 'sector', value: s.id });
    input.addEventListener('change', () => {
      let chosen = sectorBoxes.filter((b) => b.checked).map((b) => b.value);
      if (!chosen.length) {
        input.checked = true;
        return;
      }
      if (chosen.length === sectorIds.length) chosen = [];
      store.set({ sectors: chosen.sort() });
    });
    return input;
  });

  const measure = metricAndStage(ctx, lang, store);

  const layers = createLayerControls({ atlas: ctx.atlas, lang, store });
  const zoomButtons = REGION_IDS.map((r) => h('button', { type: 'button', class: 'zoom-region', 'data-region': r, onclick: () => o.onZoomRegion(r) }, t(lang, `region.${r}`)));
  const el = h(
    'section',
    { class: 'controls', 'aria-labelledby': 'controls-title' },
    h('h2', { id: 'controls-title' }, t(lang, 'controls.title')),
    layers.el,
    h(
      'fieldset',
      { class: 'region-filter' },
      h('legend', {}, t(lang, 'controls.regions')),
      ...REGION_IDS.map((r, i) => h('label', { class: 'check' }, regionBoxes[i]!, swatch(REGION_COLORS[r]), t(lang, `region.${r}`))),
    ),
    h(
      'fieldset',
      { class: 'sector-filter' },
      h('legend', {}, t(lang, 'controls.sectors')),
      ...ctx.atlas.sectors.map((s, i) => h('label', { class: 'check' }, sectorBoxes[i]!, swatch(o.sectorColor(s.id)), name(s, lang))),
    ),
    h('label', { class: 'field', for: 'metric-select' }, t(lang, 'controls.metric')),
    measure.metricSelect,
    measure.metricHint,
    h('label', { class: 'field', for: 'stage-select' }, t(lang, 'controls.stage')),
    measure.stageSelect,
    h('div', { class: 'zoom-row', role: 'group', 'aria-label': t(lang, 'controls.zoom') }, ...zoomButtons),
    h('button', { type: 'button', class: 'reset', onclick: o.onReset }, t(lang, 'controls.reset')),
  );

  const sync = () => {
    const v = store.get();
    layers.sync();
    regionBoxes.forEach((b) => (b.checked = v.regions.includes(b.value as RegionId)));
    sectorBoxes.forEach((b) => (b.checked = !v.sectors.length || v.sectors.includes(b.value)));
    measure.sync(v);
  };
  sync();
  return { el, sync };
}

const illegibleOf = new WeakMap<readonly FigureRow[], Map<string, Set<ViewStage>>>();

/**
 * The stages (and `latest`, for actual figures) at which every cluster figure of a metric has an illegible
 * year: the stage menu says so. One pass over the figures per metric, kept (the menus are filled again on
 * every view change).
 */
function illegibleYears(figures: readonly FigureRow[], metric: string): Set<ViewStage> {
  let byMetric = illegibleOf.get(figures);
  if (!byMetric) illegibleOf.set(figures, (byMetric = new Map()));
  const known = byMetric.get(metric);
  if (known) return known;
  const seen = new Map<ViewStage, boolean>();
  const note = (s: ViewStage, f: FigureRow) => seen.set(s, (seen.get(s) ?? true) && f.year_status === 'illegible');
  for (const f of figures) {
    if (f.subject_type !== 'cluster' || f.metric !== metric || f.value == null) continue;
    if (VIEW_STAGES.includes(f.stage as ViewStage)) note(f.stage as ViewStage, f);
    if (f.kind === 'actual') note('latest', f);
  }
  const out = new Set([...seen].filter(([, all]) => all).map(([s]) => s));
  byMetric.set(metric, out);
  return out;
}
