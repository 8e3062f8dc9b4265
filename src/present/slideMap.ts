/**
 * The map on screen. With WebGL: one maplibre + deck.gl map for the whole deck, moved into the current
 * slide and fitted to the regions it is about (no pan or zoom: the clicker's keys belong to the deck).
 * Without WebGL, or once its context is lost: a static SVG map per slide.
 */
import type { MapController } from '../map/clusterMap.ts';
import type { BaseMap } from '../map/basemap.ts';
import { supportsWebGL } from '../map/webgl.ts';
import { sizedMarks } from '../map/layout.ts';
import { renderInset } from '../map/inset.ts';
import { t } from '../i18n/index.ts';
import type { PageStatus } from '../pages/shell.ts';
import type { PresentContext } from './context.ts';
import type { ResolvedSlide } from './deck.ts';
import type { SlideFrame } from './slide.ts';
import { regionBounds, isNational } from './bounds.ts';
import { svgSnapshot } from './svgSnapshot.ts';

export interface SlideMap {
  show(frame: SlideFrame, slide: ResolvedSlide, zoom: number): void;
}

export async function createSlideMap(pc: PresentContext, status: PageStatus, onFallback: () => void): Promise<SlideMap> {
  const svgShow = (frame: SlideFrame, slide: ResolvedSlide, zoom: number) => {
    if (!frame.mapSlot) return;
    const r = frame.mapSlot.getBoundingClientRect();
    frame.mapSlot.replaceChildren(svgSnapshot({ doc: document, geo: pc.geo, lang: pc.lang, ariaLabel: t(pc.lang, 'map.label'), sectorColor: pc.sectorColor, marks: frame.marks, scale: pc.scale, view: slide.view, width: r.width || 900, height: r.height || 560, zoom }));
  };
  const useSvg = (): SlideMap => {
    status.renderer = 'svg';
    status.mapIdleAt ??= performance.now();
    return { show: svgShow };
  };
  // A meeting file (<html data-maps="svg">) draws SVG maps only: it is made for PCs without WebGL.
  if (!supportsWebGL() || document.documentElement.dataset['maps'] === 'svg') return useSvg();

  const el = document.createElement('div');
  el.className = 'present-map-gl';
  // The map needs a size while it starts: off-screen until the first map slide takes it.
  el.style.cssText = 'position:absolute;left:-30000px;top:0;width:960px;height:600px';
  document.body.append(el);
  let controller: MapController;
  let base: BaseMap;
  try {
    const { createClusterMap } = await import('../map/clusterMap.ts');
    ({ controller, base } = await createClusterMap({ container: el, geo: pc.geo, lang: pc.lang, ariaLabel: t(pc.lang, 'map.label'), sectorColor: pc.sectorColor, onHover: () => undefined, onSelect: () => undefined, interactive: false }));
  } catch (err) {
    status.error = err instanceof Error ? err.message : String(err);
    el.remove();
    return useSvg();
  }
  // Province names large enough for the back of the room.
  base.map.setLayoutProperty('province-label', 'text-size', ['interpolate', ['linear'], ['zoom'], 2, 13, 5, 20]);
  status.renderer = 'webgl';
  status.mapIdleAt = performance.now();
  const inset = renderInset(document, pc.geo, pc.lang);
  inset.classList.add('present-inset');
  let lost = false;
  let current: { frame: SlideFrame; slide: ResolvedSlide; zoom: number } | null = null;
  controller.onLost(() => {
    lost = true;
    controller.destroy();
    el.remove();
    useSvg();
    onFallback();
    if (current && current.frame.el.isConnected) svgShow(current.frame, current.slide, current.zoom);
  });
  return {
    show(frame, slide, zoom) {
      if (lost) return svgShow(frame, slide, zoom);
      if (!frame.mapSlot) return;
      current = { frame, slide, zoom };
      el.style.cssText = '';
      frame.mapSlot.replaceChildren(el);
      if (isNational(slide.view.regions)) frame.mapSlot.append(inset);
      base.map.resize();
      controller.update(sizedMarks(frame.marks, pc.scale), slide.view.cluster, new Set(slide.view.regions));
      if (slide.view.at) controller.jumpTo(slide.view.at);
      else base.map.fitBounds(regionBounds(pc.geo, slide.view.regions), { padding: 28, duration: 0 });
    },
  };
}
