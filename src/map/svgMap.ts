/**
 * The map without WebGL: the same base, marks and layout as the WebGL map, drawn as SVG, redrawn to the
 * container's size. Interactive, it pans and zooms with the WebGL map's camera (a view made here is kept when
 * the WebGL map takes over). Its steps, each in src/map/svg/: the projection (projection.ts) and camera
 * (camera.ts), the base map (basemap.ts), the marks (marks.ts), the province names (labels.ts), the 南海诸岛
 * inset (inset.ts), the pointer (interaction.ts) and pan and zoom (gestures.ts).
 */
import type { GeoProjection } from 'd3-geo';
import type { BaseGeometry } from './geo.ts';
import type { SizeScale } from './layout.ts';
import type { ClusterMark } from '../data/marks.ts';
import type { Lang } from '../i18n/index.ts';
import { FONT_STACK } from '../theme/palette.ts';
import { createLayers, type SvgLayers } from './svg/dom.ts';
import { measure, fitChina, roomsIn, watchSize, type Size } from './svg/projection.ts';
import { drawBasemap, dimProvinces, type ProvincePath } from './svg/basemap.ts';
import { drawInset } from './svg/inset.ts';
import { drawMarks } from './svg/marks.ts';
import { drawLabels } from './svg/labels.ts';
import { applyHighlight, listenPointer, type Highlight } from './svg/interaction.ts';
import { cameraOf, projectionAt, transformed, clampCamera, cameraFitting, rounded, MAX_ZOOM, OUT_OF_FIT, type Camera, type Transform } from './svg/camera.ts';
import { listenGestures } from './svg/gestures.ts';
import { insetRoom } from './insetRoom.ts';
import './svgMap.css';

export interface SvgMapOptions {
  geo: BaseGeometry;
  lang: Lang;
  sectorColor: (sectorId: string) => string;
  onHover(clusterId: string | null, clientX: number, clientY: number): void;
  onSelect(clusterId: string): void;
  ariaLabel: string;
  /** Pan and zoom with the pointer (default false: a picture, as in exports and slides). */
  interactive?: boolean;
}

export interface SvgMapController {
  /** Hands the map to another owner: new colours, handlers and name (the explore page takes its first pixels over). */
  setOptions(next: Pick<SvgMapOptions, 'sectorColor' | 'onHover' | 'onSelect' | 'ariaLabel' | 'interactive'>): void;
  update(marks: ClusterMark[], scale: SizeScale, selectedId: string | null, shownRegions: ReadonlySet<string>): void;
  /** Highlight one cluster's marks from outside (the list); null clears. Does not call onHover. */
  highlight(clusterId: string | null): void;
  /** Shows this camera (null: China fitted to the box). Not reported to onMoved. */
  setCamera(camera: Camera | null): void;
  /** Frames [[w, s], [e, n]]; reported to onMoved like a move made with the pointer. */
  fitBounds(bounds: [[number, number], [number, number]]): void;
  /** Called with the camera (rounded as the WebGL map reports it) after each move the reader makes. */
  onMoved(fn: (camera: Camera) => void): void;
  destroy(): void;
}

interface View {
  marks: ClusterMark[];
  scale: SizeScale;
  selectedId: string | null;
  shown: ReadonlySet<string>;
}

/** What one map holds between drawings. */
interface SvgMapState {
  container: HTMLElement;
  opts: SvgMapOptions;
  layers: SvgLayers;
  size: Size;
  projection: GeoProjection;
  /** The room inside each province at the size drawn (once per size, on the first marks). */
  rooms: Map<string, number> | null;
  provinces: ProvincePath[];
  view: View | null;
  highlight: Highlight;
  /** Groups the reader opened by clicking them. */
  expanded: Set<string>;
  /** What the map shows: null is China fitted to the box. */
  camera: Camera | null;
  /** The px kept free below China for the inset (a phone), as of the last drawing. */
  room: number;
  moved: ((camera: Camera) => void)[];
}

export function createSvgMap(container: HTMLElement, options: SvgMapOptions): SvgMapController {
  const opts = { ...options };
  const layers = createLayers(container.ownerDocument, { class: 'svg-map', role: 'img', 'aria-label': opts.ariaLabel, 'font-family': FONT_STACK });
  container.append(layers.svg);
  const s: SvgMapState = { container, opts, layers, size: { width: 0, height: 0 }, projection: fitChina(measure(container)), rooms: null, provinces: [], view: null, highlight: { hot: null, external: null }, expanded: new Set(), camera: null, room: 0, moved: [] };
  const stopPointer = listenPointer(layers.svg, s.highlight, opts, () => highlight(s));
  const stopWatching = watchSize(container, () => s.size, () => render(s));
  let stopGestures = opts.interactive ? startGestures(s) : null;
  render(s);
  return {
    setOptions(next) {
      Object.assign(opts, next);
      layers.svg.setAttribute('aria-label', opts.ariaLabel);
      if (opts.interactive && !stopGestures) stopGestures = startGestures(s);
    },
    update(marks, scale, selectedId, shownRegions) {
      s.view = { marks, scale, selectedId, shown: shownRegions };
      if (s.highlight.hot && !marks.some((m) => m.cluster.id === s.highlight.hot)) s.highlight.hot = null;
      dimProvinces(s.provinces, s.view.shown);
      drawAbove(s);
    },
    highlight(clusterId) {
      s.highlight.external = clusterId;
      highlight(s);
    },
    setCamera(camera) {
      s.camera = camera && clampCamera(camera, cameraOf(fitted(s), s.size));
      render(s);
    },
    fitBounds(bounds) {
      moveTo(s, cameraFitting(bounds, s.size, 24));
    },
    onMoved(fn) {
      s.moved.push(fn);
    },
    destroy() {
      stopGestures?.();
      stopWatching();
      stopPointer();
      layers.svg.remove();
    },
  };
}

/** The whole map at the container's size: projection, base map, inset, then the marks and names. */
function render(s: SvgMapState): void {
  s.size = measure(s.container);
  s.room = insetRoom(s.container, s.opts.geo);
  const { width, height } = s.size;
  s.layers.svg.setAttribute('width', String(width));
  s.layers.svg.setAttribute('height', String(height));
  s.layers.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  s.projection = s.camera ? projectionAt(s.camera, s.size) : fitted(s);
  s.rooms = null;
  for (const g of movingLayers(s)) g.removeAttribute('transform');
  s.provinces = drawBasemap(s.layers, s.opts.geo, s.projection, s.size);
  drawInset(s.layers.inset, s.container, s.opts.geo, s.opts.lang, s.size);
  dimProvinces(s.provinces, s.view?.shown);
  drawAbove(s);
}

/** What lies over the base: the marks, then the province names around them, then the highlight. */
function drawAbove(s: SvgMapState): void {
  s.layers.sites.replaceChildren();
  s.layers.marks.replaceChildren();
  const { opts, projection } = s;
  const covered = s.view
    ? drawMarks(s.layers.sites, s.layers.marks, {
        ...s.view,
        projection,
        roomOf: (adcode) => (s.rooms ??= roomsIn(opts.geo, projection)).get(adcode) ?? null,
        expanded: s.expanded,
        lang: opts.lang,
        sectorColor: opts.sectorColor,
        onOpenGroup: (key) => {
          s.expanded.add(key);
          drawAbove(s);
        },
      })
    : { groups: [], circles: [] };
  drawLabels(s.layers.labels, opts.geo, opts.lang, projection, s.size, covered.groups, covered.circles);
  if (s.view) highlight(s);
}

function highlight(s: SvgMapState): void {
  applyHighlight(s.layers.svg, s.highlight, s.view?.selectedId ?? null);
}

/** China fitted to the box: the initial framing, and the reference for the camera's limits. */
function fitted(s: SvgMapState): GeoProjection {
  return fitChina(s.size, s.room);
}

/** The layers a gesture moves (not the inset, which stays in its corner). */
function movingLayers(s: SvgMapState): SVGGElement[] {
  const { provinces, lines, labels, sites, marks } = s.layers;
  return [provinces, lines, labels, sites, marks];
}

/** The map drawn at `camera` (kept within bounds), and the move reported. */
function moveTo(s: SvgMapState, camera: Camera): void {
  s.camera = clampCamera(camera, cameraOf(fitted(s), s.size));
  render(s);
  const at = rounded(s.camera);
  for (const fn of s.moved) fn(at);
}

/** Pan and zoom: the drawing moved as it is during a gesture, drawn again at its end. Returns the stop. */
function startGestures(s: SvgMapState): () => void {
  s.layers.svg.classList.add('is-interactive');
  return listenGestures(s.layers.svg, {
    preview(t: Transform) {
      for (const g of movingLayers(s)) g.setAttribute('transform', `translate(${t.x} ${t.y}) scale(${t.k})`);
    },
    commit(t: Transform) {
      moveTo(s, cameraOf(transformed(s.projection, t), s.size));
    },
    limits() {
      const now = cameraOf(s.projection, s.size).zoom;
      const fit = cameraOf(fitted(s), s.size).zoom;
      return [2 ** (fit - OUT_OF_FIT - now), 2 ** (MAX_ZOOM - now)];
    },
  });
}
