/** The WebGL map: maplibre base + deck.gl cluster layers through MapLibreOverlay (overlaid, not interleaved). */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { startBaseMap, type BaseMap, type StartedBaseMap } from './basemap.ts';
import './clusterMap.css';
import { clusterLayers, placedPosition, layoutAtZoom, pickTargets, project } from './layers/clusters.ts';
import { PickIndex } from './pick.ts';
import type { BaseGeometry } from './geo.ts';
import { CHINA_BOUNDS, featureExtent } from './geo.ts';
import type { Placed } from './layout.ts';
import type { Lang } from '../i18n/index.ts';
import type { MapView } from '../state/url.ts';

export interface MapController {
  update(placed: readonly Placed[], selectedId: string | null, shownRegions: ReadonlySet<string>): void;
  highlight(id: string | null): void;
  /** Outline one region's provinces (a region hovered in a chart); null clears. */
  highlightRegion(region: string | null): void;
  fitBounds(b: [[number, number], [number, number]]): void;
  reset(): void;
  jumpTo(at: MapView): void;
  /** Called after the user moves the map. */
  onMoved(fn: (at: MapView) => void): void;
  /** Client (page) coordinates of a cluster's mark, or null when it is not drawn. */
  locate(clusterId: string): [number, number] | null;
  /** Called once if the map's drawing context is lost (WebGL context loss), at once if it already was: the page switches to SVG. */
  onLost(fn: () => void): void;
  /** Resolves once the marks as last updated are on screen (the WebGL map: deck.gl's next frame drawn after the update). */
  drawn(): Promise<void>;
  /** Removes the map and everything it added to its container. */
  destroy(): void;
}

export interface ClusterMapOptions {
  container: HTMLElement;
  geo: BaseGeometry;
  lang: Lang;
  ariaLabel: string;
  sectorColor: (id: string) => string;
  onHover(id: string | null, x: number, y: number): void;
  onSelect(id: string): void;
  /** The region under the pointer on the map (null when it leaves the provinces). */
  onHoverRegion?(region: string | null): void;
  /** false: no pan, zoom or picking (static embeds). */
  interactive?: boolean;
  /** A base map already started in `container` (the explore page starts it before deck.gl's code arrives); else one is started here. */
  base?: StartedBaseMap;
}

export async function createClusterMap(o: ClusterMapOptions): Promise<{ controller: MapController; base: BaseMap }> {
  // deck.gl starts with the map, not after it: its own start (a WebGL device, its shaders) took about a second
  // on software WebGL, and the marks are not on screen before it is done.
  // No layer is pickable: the map picks on the CPU (pick.ts), so a pointer move never reads pixels back.
  let frames = 0;
  const waiting: { after: number; resolve: () => void }[] = [];
  const overlay = new MapLibreOverlay({
    interleaved: false,
    layers: [],
    onAfterRender: () => {
      frames++;
      for (const w of waiting.splice(0)) (w.after < frames ? w.resolve() : waiting.push(w));
    },
  });
  /** The deck.gl frame count when the layers were last set: a frame after it shows them. */
  let setAt = 0;
  const started = o.base ?? startBaseMap(o.container, o.geo, o.lang, o.ariaLabel, o.interactive ?? true);
  try {
    started.map?.addControl(overlay);
  } catch (err) {
    // A map that already failed (and was removed): its own error says why.
    await started.loaded;
    throw err;
  }
  const base = await started.loaded;
  const { map } = base;
  let placed: readonly Placed[] = [];
  let selected: string | null = null;
  let hot: string | null = null;
  let shownKey: string | null = null;
  let zoomKey = Math.round(map.getZoom() * 20) / 20;
  const provinceBounds = new Map(o.geo.provinces.features.map((f) => [f.properties.adcode, featureExtent(f)] as [string, [[number, number], [number, number]]]));
  // A group's count is plain text over the map (deck.gl's text layer would add its font machinery to
  // the download for a few digits): placed at each group's point, moved with the camera.
  const counts = document.createElement('div');
  counts.className = 'map-group-counts';
  counts.setAttribute('aria-hidden', 'true');
  map.getContainer().append(counts);
  let groups: { position: [number, number]; ids: readonly string[] }[] = [];
  const placeCounts = () => {
    const spans = counts.children;
    groups.forEach((g, i) => {
      const { x, y } = map.project(g.position);
      const span = spans[i] as HTMLElement;
      span.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px) translate(-50%, -50%)`;
    });
  };
  const drawCounts = () => {
    groups = layoutAtZoom(placed, map.getZoom(), provinceBounds).groups;
    counts.replaceChildren(...groups.map((g) => Object.assign(document.createElement('span'), { textContent: String(g.ids.length) })));
    placeCounts();
  };
  map.on('move', placeCounts);
  /** The pick grid of what is drawn; rebuilt on the first pointer move after the marks or the zoom change. */
  let picks: PickIndex | null = null;
  /** The zoom the marks were last laid out for. */
  let drawnZoom = map.getZoom();
  const render = () => {
    picks = null;
    drawLayers();
    drawCounts();
  };
  const pickAt = (lng: number, lat: number) => {
    const zoom = map.getZoom();
    if (!picks || picks.zoom !== zoom) picks = new PickIndex(pickTargets(placed, drawnZoom, zoom, provinceBounds), zoom);
    const [x, y] = project(lng, lat, zoom);
    return picks.at(x, y);
  };
  if (o.interactive ?? true) {
    let hovered = false;
    map.on('mousemove', (e) => {
      const t = pickAt(e.lngLat.lng, e.lngLat.lat);
      map.getCanvas().style.cursor = t ? 'pointer' : '';
      const id = t && t.kind !== 'group' ? t.id : null;
      // Every move over a mark (the tooltip follows the pointer); one call when it leaves.
      if (id || hovered) o.onHover(id, e.point.x, e.point.y);
      hovered = id != null;
    });
    map.getCanvas().addEventListener('mouseleave', () => {
      map.getCanvas().style.cursor = '';
      o.onHover(null, 0, 0);
    });
    map.on('click', (e) => {
      const t = pickAt(e.lngLat.lng, e.lngLat.lat);
      if (!t) return;
      // A group of marks zooms in on it, where it splits.
      if (t.kind === 'group') {
        const g = layoutAtZoom(placed, drawnZoom, provinceBounds).groups.find((x) => x.key === t.id);
        if (g) map.easeTo({ center: g.position, zoom: map.getZoom() + 1.5, duration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 500 });
      } else o.onSelect(t.id);
    });
  }
  const drawLayers = () => {
    setAt = frames;
    overlay.setProps({
      layers: clusterLayers({
        placed,
        zoom: (drawnZoom = map.getZoom()),
        sectorColor: o.sectorColor,
        hotId: hot,
        selectedId: selected,
        provinceBounds,
      }),
    });
  };
  map.on('zoom', () => {
    const k = Math.round(map.getZoom() * 20) / 20;
    if (k !== zoomKey) {
      zoomKey = k;
      render();
    }
  });
  let hotRegion: string | null = null;
  map.on('mousemove', 'province-fill', (e) => {
    const region = (e.features?.[0]?.properties?.['region'] as string | undefined) ?? null;
    if (region !== hotRegion) o.onHoverRegion?.((hotRegion = region === 'none' ? null : region));
  });
  map.on('mouseleave', 'province-fill', () => {
    hotRegion = null;
    o.onHoverRegion?.(null);
  });
  const moved: ((at: MapView) => void)[] = [];
  const lost: (() => void)[] = [];
  let isLost = false;
  map.on('webglcontextlost', () => {
    isLost = true;
    // Nothing more will be drawn: whoever waits for the marks goes on (and learns of the loss from onLost).
    for (const w of waiting.splice(0)) w.resolve();
    for (const fn of lost.splice(0)) fn();
  });
  /** True while the map returns to its initial view: that view is the default, not a camera to record. */
  let resetting = false;
  map.on('moveend', () => {
    if (resetting) {
      resetting = false;
      return;
    }
    const c = map.getCenter();
    const at = { lon: Number(c.lng.toFixed(3)), lat: Number(c.lat.toFixed(3)), zoom: Number(map.getZoom().toFixed(2)) };
    for (const fn of moved) fn(at);
  });
  const controller: MapController = {
    update(p, sel, regions) {
      placed = p;
      selected = sel;
      // A feature-state change redraws the whole base map (most of a frame on software WebGL): only when
      // the regions shown change, not on every filter.
      const key = [...regions].sort().join(',');
      if (key !== shownKey) base.setShownRegions(regions);
      shownKey = key;
      render();
    },
    highlight(id) {
      if (id === hot) return;
      hot = id;
      render();
    },
    highlightRegion(region) {
      base.setHotRegion(region);
    },
    fitBounds(b) {
      map.fitBounds(b, { padding: 24, duration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 600 });
    },
    reset() {
      resetting = true;
      map.fitBounds(CHINA_BOUNDS, { padding: 12, duration: 0 });
    },
    jumpTo(at) {
      map.jumpTo({ center: [at.lon, at.lat], zoom: at.zoom });
    },
    onMoved(fn) {
      moved.push(fn);
    },
    onLost(fn) {
      // A handler added after the loss (the page was still waiting for the first marks) is called at once.
      if (isLost) fn();
      else lost.push(fn);
    },
    drawn() {
      return new Promise((resolve) => (setAt < frames ? resolve() : waiting.push({ after: setAt, resolve })));
    },
    destroy() {
      for (const w of waiting.splice(0)) w.resolve();
      counts.remove();
      try {
        overlay.finalize();
        map.remove();
      } catch {
        // A map whose context is gone may fail to release it: nothing more to free.
      }
    },
    locate(clusterId) {
      // Where the mark is drawn at this zoom: moved off its point, or inside a group (the group's ring).
      const laid = layoutAtZoom(placed, map.getZoom(), provinceBounds);
      const p = laid.placed.find((q) => q.mark.cluster.id === clusterId);
      const g = p ? null : laid.groups.find((x) => x.ids.includes(clusterId));
      if (!p && !g) return null;
      const pt = map.project(p ? placedPosition(p, map.getZoom()) : g!.position);
      const rect = map.getCanvas().getBoundingClientRect();
      return [rect.left + pt.x, rect.top + pt.y];
    },
  };
  return { controller, base };
}
