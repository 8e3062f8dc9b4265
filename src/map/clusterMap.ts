/**
 * The WebGL map: maplibre's base map (basemap.ts) with the cluster marks drawn over it by deck.gl. Its
 * steps, in src/map/gl/: the marks' layer (overlay.ts), the marks and their groups' counts (marks.ts), and
 * the pointer and camera (interaction.ts).
 */
import { startBaseMap, type BaseMap, type StartedBaseMap } from './basemap.ts';
import './clusterMap.css';
import { createMarksOverlay, type MarksOverlay } from './gl/overlay.ts';
import { contextsOf, gpuFinished } from './gl/gpuDone.ts';
import { createGlMarks, type GlMarks } from './gl/marks.ts';
import { listenMarks, listenRegions, relayoutOnZoom, reportMoves, motion } from './gl/interaction.ts';
import { pagePalette, watchMapTheme } from './theme.ts';
import { chinaPadding } from './insetRoom.ts';
import type { BaseGeometry } from './geo.ts';
import { CHINA_BOUNDS } from './geo.ts';
import type { MarkGroup, Placed } from './layout.ts';
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
  /**
   * Resolves once the marks as last updated are drawn (deck.gl's next frame after the update) and the GPU
   * has finished them (gl/gpuDone.ts): a layer shown then is put on screen without the page waiting on the GPU.
   */
  painted(): Promise<void>;
  /** Removes the map and everything it added to its container. */
  destroy(): void;
}

export interface ClusterMapOptions {
  container: HTMLElement;
  geo: BaseGeometry;
  lang: Lang;
  ariaLabel: string;
  sectorColor: (id: string) => string;
  /** The mark under the pointer (null when it leaves one), at the pointer's client coordinates. */
  onHover(id: string | null, clientX: number, clientY: number): void;
  onSelect(id: string): void;
  /** The region under the pointer on the map (null when it leaves the provinces). */
  onHoverRegion?(region: string | null): void;
  /** The pointer over a group's ring (gl/interaction.ts). */
  onHoverGroup?(group: MarkGroup, clientX: number, clientY: number): void;
  /** false: no pan, zoom or picking (static embeds). */
  interactive?: boolean;
  /** A base map already started in `container` (the explore page starts it before deck.gl's code arrives); else one is started here. */
  base?: StartedBaseMap;
}

export async function createClusterMap(o: ClusterMapOptions): Promise<{ controller: MapController; base: BaseMap }> {
  // deck.gl starts with the map, not after it: its own start (a WebGL device, its shaders) took about a second
  // on software WebGL, and the marks are not on screen before it is done.
  const overlay = createMarksOverlay();
  const started = o.base ?? startBaseMap(o.container, o.geo, o.lang, o.ariaLabel, o.interactive ?? true);
  try {
    started.map?.addControl(overlay.control);
  } catch (err) {
    // A map that already failed (and was removed): its own error says why.
    await started.loaded;
    throw err;
  }
  const base = await started.loaded;
  const doc = o.container.ownerDocument;
  const marks = createGlMarks(base.map, overlay, o.geo, o.sectorColor, pagePalette(doc).markStroke);
  if (o.interactive ?? true) listenMarks(base.map, marks, o);
  relayoutOnZoom(base.map, marks);
  listenRegions(base.map, o.onHoverRegion);
  // The page's theme switched: the base map and the marks' outlines recoloured in place.
  const stopTheme = watchMapTheme(doc, (p) => {
    base.setPalette(p);
    marks.markStroke = p.markStroke;
    marks.render();
  });
  return { controller: controllerOf(base, overlay, marks, stopTheme, () => chinaPadding(o.container, o.geo)), base };
}

/** The map behind the MapController interface: the page's calls, the context's loss, the camera's moves. */
function controllerOf(base: BaseMap, overlay: MarksOverlay, marks: GlMarks, stopTheme: () => void, fitPadding: () => ReturnType<typeof chinaPadding>): MapController {
  const { map } = base;
  let shownKey: string | null = null;
  const moved: ((at: MapView) => void)[] = [];
  const lost: (() => void)[] = [];
  let isLost = false;
  map.on('webglcontextlost', () => {
    isLost = true;
    // Nothing more will be drawn: whoever waits for the marks goes on (and learns of the loss from onLost).
    overlay.release();
    for (const fn of lost.splice(0)) fn();
  });
  /** True while the map returns to its initial view: that view is the default, not a camera to record. */
  let resetting = false;
  reportMoves(map, moved, () => {
    const skip = resetting;
    resetting = false;
    return skip;
  });
  return {
    update(p, sel, regions) {
      marks.placed = p;
      marks.selected = sel;
      // A feature-state change redraws the whole base map (most of a frame on software WebGL): only when
      // the regions shown change, not on every filter.
      const key = [...regions].sort().join(',');
      if (key !== shownKey) base.setShownRegions(regions);
      shownKey = key;
      marks.render();
    },
    highlight(id) {
      if (id === marks.hot) return;
      marks.hot = id;
      marks.render();
    },
    highlightRegion: (region) => base.setHotRegion(region),
    fitBounds: (b) => map.fitBounds(b, { padding: 24, duration: motion(600) }),
    reset() {
      resetting = true;
      map.fitBounds(CHINA_BOUNDS, { padding: fitPadding(), duration: 0 });
    },
    jumpTo: (at) => map.jumpTo({ center: [at.lon, at.lat], zoom: at.zoom }),
    onMoved(fn) {
      moved.push(fn);
    },
    onLost(fn) {
      // A handler added after the loss (the page was still waiting for the first marks) is called at once.
      if (isLost) fn();
      else lost.push(fn);
    },
    painted: () => overlay.drawn().then(() => gpuFinished(contextsOf(map.getContainer().querySelectorAll('canvas')))).then(() => undefined),
    destroy() {
      stopTheme();
      overlay.release();
      marks.remove();
      try {
        overlay.control.finalize();
        map.remove();
      } catch {
        // A map whose context is gone may fail to release it: nothing more to free.
      }
    },
    locate: (id) => marks.locate(id),
  };
}
