/**
 * The WebGL map's interaction: the pointer over marks (hover, select, a group's ring zooms in on it), over
 * provinces (the region under it), the marks laid out again as the zoom changes, and the camera reported
 * after each move.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GlMarks } from './marks.ts';
import type { MarkGroup } from '../layout.ts';
import type { MapView } from '../../state/url.ts';

export interface GlPointerHandlers {
  /** The mark under the pointer (null when it leaves one), at the pointer's client coordinates. */
  onHover(id: string | null, clientX: number, clientY: number): void;
  onSelect(id: string): void;
  /** The pointer over a group's ring (a mark's onHover(null) is not sent: the page clears its own mark). */
  onHoverGroup?(group: MarkGroup, clientX: number, clientY: number): void;
}

export const motion = (ms: number) => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : ms);

/** Hover and click on the marks: every move over a mark reports it (the tooltip follows the pointer). */
export function listenMarks(map: MapLibreMap, marks: GlMarks, o: GlPointerHandlers): void {
  let hovered = false;
  map.on('mousemove', (e) => {
    const t = marks.pickAt(e.lngLat.lng, e.lngLat.lat);
    map.getCanvas().style.cursor = t ? 'pointer' : '';
    const id = t && t.kind !== 'group' ? t.id : null;
    const group = t?.kind === 'group' && o.onHoverGroup ? marks.groupAt(t.id) : null;
    // Every move over a mark or a ring (the tooltip follows the pointer); one call when it leaves.
    const { clientX, clientY } = e.originalEvent;
    if (group) o.onHoverGroup?.(group, clientX, clientY);
    else if (id || hovered) o.onHover(id, clientX, clientY);
    hovered = id != null || group != null;
  });
  map.getCanvas().addEventListener('mouseleave', () => {
    map.getCanvas().style.cursor = '';
    o.onHover(null, 0, 0);
  });
  map.on('click', (e) => {
    const t = marks.pickAt(e.lngLat.lng, e.lngLat.lat);
    if (!t) return;
    // A group of marks zooms in on it, where it splits.
    if (t.kind === 'group') {
      const g = marks.groupAt(t.id);
      if (g) map.easeTo({ center: g.position, zoom: map.getZoom() + 1.5, duration: motion(500) });
    } else o.onSelect(t.id);
  });
}

/** The marks laid out again each time the zoom changes by a twentieth of a level. */
export function relayoutOnZoom(map: MapLibreMap, marks: GlMarks): void {
  let zoomKey = Math.round(map.getZoom() * 20) / 20;
  map.on('zoom', () => {
    const k = Math.round(map.getZoom() * 20) / 20;
    if (k !== zoomKey) {
      zoomKey = k;
      marks.render();
    }
  });
}

/** The region under the pointer (null when it leaves the provinces). */
export function listenRegions(map: MapLibreMap, onHoverRegion: ((region: string | null) => void) | undefined): void {
  let hotRegion: string | null = null;
  map.on('mousemove', 'province-fill', (e) => {
    const region = (e.features?.[0]?.properties?.['region'] as string | undefined) ?? null;
    if (region !== hotRegion) onHoverRegion?.((hotRegion = region === 'none' ? null : region));
  });
  map.on('mouseleave', 'province-fill', () => {
    hotRegion = null;
    onHoverRegion?.(null);
  });
}

/**
 * The camera after each move, to `moved`'s handlers; `skip()` true for a move not to report (the return
 * to the initial view, which is the default and not a camera to record).
 */
export function reportMoves(map: MapLibreMap, moved: readonly ((at: MapView) => void)[], skip: () => boolean): void {
  map.on('moveend', () => {
    if (skip()) return;
    const c = map.getCenter();
    const at = { lon: Number(c.lng.toFixed(3)), lat: Number(c.lat.toFixed(3)), zoom: Number(map.getZoom().toFixed(2)) };
    for (const fn of moved) fn(at);
  });
}
