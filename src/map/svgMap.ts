/**
 * The map without WebGL: the same base, marks and layout as the WebGL map, drawn as SVG with d3-geo.
 * Static (no pan or zoom), redrawn to the container's size. Marks are not focusable: the page's cluster
 * list is the keyboard alternative.
 */
import { geoMercator, geoArea, type GeoProjection } from 'd3-geo';
import type { BaseGeometry } from './geo.ts';
import { CHINA_BOUNDS, featureExtent } from './geo.ts';
import { spreadForMap, provinceRooms, type SizeScale, type Placed, type MarkGroup } from './layout.ts';
import { renderInset } from './inset.ts';
import { mercatorPath, type PathObject } from './fastPath.ts';
import type { ClusterMark } from '../data/marks.ts';
import type { Lang } from '../i18n/index.ts';
import { REGION_COLORS, BASE, NEUTRAL_MARK, MARK_STROKE, FONT_STACK } from '../theme/palette.ts';
import './svgMap.css';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FILL_OPACITY = 0.9;
const DIM_OPACITY = 0.25;
const SITE_RADIUS = 2.5;
const HOLLOW_STROKE = 2.5;
/** Size used when the container has no layout (hidden, or a test DOM). */
const FALLBACK_SIZE = { width: 800, height: 600 };

export interface SvgMapOptions {
  geo: BaseGeometry;
  lang: Lang;
  sectorColor: (sectorId: string) => string;
  onHover(clusterId: string | null, clientX: number, clientY: number): void;
  onSelect(clusterId: string): void;
  ariaLabel: string;
}

export interface SvgMapController {
  /** Hands the map to another owner: new colours, handlers and name (the explore page takes its first pixels over). */
  setOptions(next: Pick<SvgMapOptions, 'sectorColor' | 'onHover' | 'onSelect' | 'ariaLabel'>): void;
  update(marks: ClusterMark[], scale: SizeScale, selectedId: string | null, shownRegions: ReadonlySet<string>): void;
  /** Highlight one cluster's marks from outside (the list); null clears. Does not call onHover. */
  highlight(clusterId: string | null): void;
  destroy(): void;
}

interface View {
  marks: ClusterMark[];
  scale: SizeScale;
  selectedId: string | null;
  shown: ReadonlySet<string>;
}

export function createSvgMap(container: HTMLElement, options: SvgMapOptions): SvgMapController {
  const opts = { ...options };
  const doc = container.ownerDocument;
  const el = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] => {
    const e = doc.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  };
  const round = (n: number) => Math.round(n * 10) / 10;

  const svg = el('svg', { class: 'svg-map', role: 'img', 'aria-label': opts.ariaLabel, 'font-family': FONT_STACK });
  const gProvinces = el('g', { class: 'svg-map-provinces' });
  const gBase = el('g', { class: 'svg-map-lines', fill: 'none' });
  const gLabels = el('g', { class: 'svg-map-labels' });
  const gInset = el('g', { class: 'svg-map-inset' });
  const gSites = el('g', { class: 'svg-map-sites' });
  const gMarks = el('g', { class: 'svg-map-marks' });
  svg.append(gProvinces, gBase, gLabels, gInset, gSites, gMarks);
  container.append(svg);

  let size = { width: 0, height: 0 };
  let projection: GeoProjection = geoMercator();
  let view: View | null = null;
  let hot: string | null = null;
  let external: string | null = null;
  /** Groups the reader opened by clicking them. */
  const expanded = new Set<string>();
  const provincePaths: { path: SVGPathElement; region: string }[] = [];
  // Provinces by size, largest first: their labels win a collision.
  const labelOrder = labelsBySize(opts.geo);

  function measure(): { width: number; height: number } {
    const r = container.getBoundingClientRect();
    const width = Math.round(r.width) || container.clientWidth;
    const height = Math.round(r.height) || container.clientHeight;
    return width > 0 && height > 0 ? { width, height } : FALLBACK_SIZE;
  }

  /**
   * The room inside each province at the size drawn (once per size, on the first marks): from its extent in
   * degrees, the same the WebGL map uses; Mercator keeps the corners the corners.
   */
  let rooms: Map<string, number> | null = null;
  function roomsAtSize(): Map<string, number> {
    rooms ??= provinceRooms(opts.geo.provinces.features, (f: BaseGeometry['provinces']['features'][number]) => {
      const [[w, s], [e, n]] = featureExtent(f);
      return [projection([w, n])!, projection([e, s])!];
    });
    return rooms;
  }

  function drawBase(): void {
    rooms = null;
    const { width, height } = size;
    const pad = Math.max(8, Math.min(width, height) * 0.02);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const bounds = { type: 'MultiPoint' as const, coordinates: CHINA_BOUNDS };
    // No adaptive resampling: the geometry's edges are short, and maplibre draws them straight in the
    // same projection (resampling cost most of this drawing's time, and bent nothing visible).
    projection = geoMercator().precision(0).fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      bounds,
    );
    // Like the WebGL map, the main map goes on below Hainan as far as its box: the inset repeats the
    // South China Sea at a scale that shows all of it.
    const path = drawnPaths(mercatorPath(projection), `${width}x${height}`);

    gProvinces.replaceChildren();
    provincePaths.length = 0;
    for (const f of opts.geo.provinces.features) {
      const d = path(f);
      if (!d) continue;
      const p = el('path', { class: 'province', d, fill: REGION_COLORS[f.properties.region], 'fill-opacity': FILL_OPACITY, 'data-adcode': f.properties.adcode, 'data-region': f.properties.region });
      gProvinces.append(p);
      provincePaths.push({ path: p, region: f.properties.region });
    }
    gBase.replaceChildren();
    const borders = path(opts.geo.borders);
    if (borders) gBase.append(el('path', { class: 'borders', d: borders, stroke: BASE.border, 'stroke-width': 1 }));
    const nation = path(opts.geo.nation);
    if (nation) gBase.append(el('path', { class: 'nation', d: nation, stroke: BASE.nation, 'stroke-width': 1.2, 'stroke-linejoin': 'round' }));
    for (const f of opts.geo.scs.features) {
      if (f.properties.kind !== 'dash') continue;
      const d = path(f);
      if (d) gBase.append(el('path', { class: 'scs-dash', d, stroke: BASE.dash, 'stroke-width': 1.6, 'stroke-linecap': 'round' }));
    }

    // The inset: where the page's CSS puts the WebGL map's (.map > .scs-inset: lower left or right by
    // screen width), so the SVG and WebGL maps match; elsewhere lower right. Never narrower than its
    // viewBox (140 px), so its names stay at 10 px or more.
    gInset.replaceChildren();
    const inset = renderInset(doc, opts.geo, opts.lang);
    const [, , vw, vh] = (inset.getAttribute('viewBox') ?? '0 0 140 180').split(' ').map(Number) as [number, number, number, number];
    const css = cssInsetBox(container);
    const iw = css ? Math.max(140, Math.round(css.width)) : Math.round(Math.min(150, Math.max(140, width * 0.13)));
    const ih = Math.round((iw * vh) / vw);
    const margin = width < 520 ? 6 : 10;
    const at = css ? { x: Math.round(css.left), y: Math.round(css.bottom - ih) } : { x: width - iw - margin, y: height - ih - margin };
    for (const [k, v] of Object.entries({ ...at, width: iw, height: ih })) inset.setAttribute(k, String(v));
    gInset.append(inset);
  }

  /** Province names, larger provinces first; a name that would overlap one already placed is left out. */
  function drawLabels(groups: { x: number; y: number; r: number }[], circles: { x: number; y: number; r: number }[]): void {
    gLabels.replaceChildren();
    const fontSize = size.width < 520 ? 10 : 12;
    const placed: Box[] = [];
    for (const f of labelOrder) {
      const p = projection(f.geometry.coordinates as [number, number]);
      if (!p) continue;
      let [x, y] = p;
      const text = opts.lang === 'en' ? f.properties.name_en : f.properties.short_zh;
      // A packed group of marks at a province's label point (its clusters placed only in the province)
      // pushes that province's name above the group.
      const own = groups.find((g) => Math.hypot(g.x - x, g.y - y) <= fontSize / 2);
      if (own) y = own.y - own.r - fontSize * 0.7;
      const w = textWidth(text, fontSize);
      const boxAt = (cy: number) => ({ x0: x - w / 2 - 1, y0: cy - fontSize / 2 - 1, x1: x + w / 2 + 1, y1: cy + fontSize / 2 + 1 });
      // A name that marks would cover more than a sliver of moves a line up or down, or is left out.
      const covered = (b: Box) => circles.some((c) => c.r - Math.hypot(c.x - clamp(c.x, b.x0, b.x1), c.y - clamp(c.y, b.y0, b.y1)) > 1.5);
      const free = (b: Box) => b.x0 >= 0 && b.x1 <= size.width && b.y0 >= 0 && b.y1 <= size.height && !placed.some((o) => o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1);
      const offsets = own ? [0] : [0, -1.1 * fontSize, 1.1 * fontSize];
      const at = offsets.map((dy) => y + dy).find((cy) => free(boxAt(cy)) && (own || !covered(boxAt(cy))));
      if (at === undefined) continue;
      y = at;
      const box = boxAt(y);
      placed.push(box);
      const t = el('text', { class: 'province-label', x: round(x), y: round(y), 'font-size': fontSize, 'text-anchor': 'middle', 'dominant-baseline': 'central', fill: BASE.label, stroke: BASE.labelHalo, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke', 'data-adcode': f.properties.adcode });
      t.textContent = text;
      gLabels.append(t);
    }
  }

  function drawMarks(): void {
    gSites.replaceChildren();
    gMarks.replaceChildren();
    if (!view) {
      drawLabels([], []);
      return;
    }
    const { marks, scale, selectedId } = view;
    const spread = spreadForMap(marks, (m) => scale.radius(m.value), (lon, lat) => projection([lon, lat]), { roomOf: (a) => roomsAtSize().get(a) ?? null, expanded });
    const placed = spread.placed;
    // The selected cluster is drawn last, on top.
    placed.sort((a, b) => Number(a.mark.cluster.id === selectedId) - Number(b.mark.cluster.id === selectedId));
    const groups = new Map<string, { x: number; y: number; r: number; n: number }>();
    const circles: { x: number; y: number; r: number }[] = [];
    for (const pl of placed) {
      const c = anchorPoint(pl);
      if (!c) continue;
      const { mark } = pl;
      const id = mark.cluster.id;
      const colour = mark.value == null ? NEUTRAL_MARK : opts.sectorColor(mark.cluster.sector);
      const name = mark.label[opts.lang];
      for (const s of mark.others) {
        const p = projection([s.lon, s.lat]);
        if (!p) continue;
        const dot = el('circle', { class: 'site', cx: round(p[0]), cy: round(p[1]), r: SITE_RADIUS, fill: colour, stroke: MARK_STROKE, 'stroke-width': 0.5, 'data-cluster': id });
        dot.append(titleOf(name));
        gSites.append(dot);
        circles.push({ x: p[0], y: p[1], r: SITE_RADIUS });
      }
      const hollow = mark.anchor.precision === 'province';
      // A hollow ring is drawn inside its radius, so packed rings keep their gap.
      const attrs: Record<string, string | number> = hollow
        ? { class: 'mark is-hollow', r: round(Math.max(1, pl.r - HOLLOW_STROKE / 2)), fill: 'none', stroke: mark.value == null ? MARK_STROKE : colour, 'stroke-width': mark.value == null ? 1.2 : HOLLOW_STROKE }
        : { class: 'mark', r: round(pl.r), fill: colour, stroke: MARK_STROKE, 'stroke-width': 1 };
      const circle = el('circle', { ...attrs, cx: round(c[0] + pl.dx), cy: round(c[1] + pl.dy), 'data-cluster': id, 'data-precision': mark.anchor.precision });
      circle.append(titleOf(name));
      gMarks.append(circle);
      circles.push({ x: c[0] + pl.dx, y: c[1] + pl.dy, r: pl.r });
      // A mark moved off its point keeps a leader line back to it.
      if (Math.hypot(pl.dx, pl.dy) > pl.r) gSites.append(el('line', { class: 'leader', x1: round(c[0]), y1: round(c[1]), x2: round(c[0] + pl.dx), y2: round(c[1] + pl.dy), stroke: MARK_STROKE, 'stroke-width': 0.75, 'stroke-opacity': 0.6, 'data-cluster': id }));
      if (pl.dx !== 0 || pl.dy !== 0) {
        const key = `${round(c[0])},${round(c[1])}`;
        const g = groups.get(key) ?? { x: c[0], y: c[1], r: 0, n: 0 };
        g.r = Math.max(g.r, Math.hypot(pl.dx, pl.dy) + pl.r);
        g.n++;
        groups.set(key, g);
      }
    }
    const byId = new Map(marks.map((m) => [m.cluster.id, m]));
    for (const g of spread.groups) {
      drawGroup(g, byId);
      groups.set(g.key, { x: g.x, y: g.y, r: g.r, n: g.ids.length });
      circles.push(g);
    }
    drawLabels([...groups.values()], circles);
    applyClasses();
  }

  /** A group of marks too many for their room: a ring with their count; a click opens it. */
  function drawGroup(g: MarkGroup, byId: ReadonlyMap<string, ClusterMark>): void {
    const node = el('g', { class: 'mark-group', 'data-group': g.key, 'data-count': g.ids.length });
    node.append(el('circle', { cx: round(g.x), cy: round(g.y), r: round(g.r), fill: g.provinceOnly ? '#FFFFFF' : NEUTRAL_MARK, 'fill-opacity': 0.85, stroke: MARK_STROKE, 'stroke-width': 1.5 }));
    const count = el('text', { x: round(g.x), y: round(g.y), 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 11, 'font-weight': 600, fill: MARK_STROKE });
    count.textContent = String(g.ids.length);
    node.append(count, titleOf(g.ids.map((id) => byId.get(id)?.label[opts.lang] ?? id).join('\n')));
    node.addEventListener('click', () => {
      expanded.add(g.key);
      drawMarks();
    });
    gMarks.append(node);
  }

  function anchorPoint(pl: Placed): [number, number] | null {
    return projection([pl.mark.anchor.lon, pl.mark.anchor.lat]);
  }

  function titleOf(name: string): SVGTitleElement {
    const t = el('title');
    t.textContent = name;
    return t;
  }

  function applyClasses(): void {
    const selected = view?.selectedId ?? null;
    const lit = hot ?? external;
    for (const node of svg.querySelectorAll<SVGElement>('[data-cluster]')) {
      const id = node.getAttribute('data-cluster');
      node.classList.toggle('is-hot', id === lit);
      node.classList.toggle('is-selected', id === selected);
    }
    svg.classList.toggle('has-hot', lit != null);
  }

  function applyDim(): void {
    const shown = view?.shown;
    for (const { path, region } of provincePaths) {
      const dim = shown ? !shown.has(region) : false;
      path.classList.toggle('is-dim', dim);
      path.setAttribute('fill-opacity', String(dim ? DIM_OPACITY : FILL_OPACITY));
    }
  }

  function render(): void {
    size = measure();
    drawBase();
    applyDim();
    drawMarks();
  }

  const clusterOf = (e: Event): string | null => {
    const target = e.target as Element | null;
    return target?.closest?.('[data-cluster]')?.getAttribute('data-cluster') ?? null;
  };
  const onOver = (e: MouseEvent) => {
    const id = clusterOf(e);
    if (id === hot) return;
    hot = id;
    applyClasses();
    opts.onHover(id, e.clientX, e.clientY);
  };
  const onMove = (e: MouseEvent) => {
    if (hot) opts.onHover(hot, e.clientX, e.clientY);
  };
  const onLeave = (e: MouseEvent) => {
    if (hot == null) return;
    hot = null;
    applyClasses();
    opts.onHover(null, e.clientX, e.clientY);
  };
  const onClick = (e: MouseEvent) => {
    const id = clusterOf(e);
    if (id) opts.onSelect(id);
  };
  svg.addEventListener('mouseover', onOver);
  svg.addEventListener('mousemove', onMove);
  svg.addEventListener('mouseleave', onLeave);
  svg.addEventListener('click', onClick);

  let observer: ResizeObserver | null = null;
  let frame = 0;
  const win = doc.defaultView;
  if (win && typeof win.ResizeObserver === 'function') {
    observer = new win.ResizeObserver(() => {
      const next = measure();
      if (next.width === size.width && next.height === size.height) return;
      win.cancelAnimationFrame(frame);
      frame = win.requestAnimationFrame(render);
    });
    observer.observe(container);
  }
  render();

  return {
    setOptions(next) {
      Object.assign(opts, next);
      svg.setAttribute('aria-label', opts.ariaLabel);
    },
    update(marks, scale, selectedId, shownRegions) {
      view = { marks, scale, selectedId, shown: shownRegions };
      if (hot && !marks.some((m) => m.cluster.id === hot)) hot = null;
      applyDim();
      drawMarks();
    },
    highlight(clusterId) {
      external = clusterId;
      applyClasses();
    },
    destroy() {
      observer?.disconnect();
      if (win) win.cancelAnimationFrame(frame);
      svg.removeEventListener('mouseover', onOver);
      svg.removeEventListener('mousemove', onMove);
      svg.removeEventListener('mouseleave', onLeave);
      svg.removeEventListener('click', onClick);
      svg.remove();
    },
  };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** Approximate width of a label: CJK characters are square, Latin ones about 0.58 em. */
function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.58;
  return w * fontSize;
}

/**
 * Where the page's CSS places the WebGL map's inset in this map's box (left edge, bottom edge, width;
 * px from the box's top left), read from a hidden probe; null where no such rule applies.
 */
function cssInsetBox(container: HTMLElement): { left: number; bottom: number; width: number } | null {
  const host = container.closest<HTMLElement>('.map, .embed-map');
  if (!host) return null;
  const probe = container.ownerDocument.createElement('div');
  probe.className = 'scs-inset';
  probe.style.visibility = 'hidden';
  host.append(probe);
  try {
    const cs = getComputedStyle(probe);
    if (cs.position !== 'absolute') return null;
    const c = container.getBoundingClientRect();
    const p = probe.getBoundingClientRect();
    return { left: p.left - c.left, bottom: p.bottom - c.top, width: p.width };
  } finally {
    probe.remove();
  }
}

/**
 * Province labels, the largest province first: by the rank the data build stored (label_rank), else by
 * spherical area; once per geometry, for every map drawn from it.
 */
const labelOrders = new WeakMap<BaseGeometry, BaseGeometry['labels']['features']>();
function labelsBySize(geo: BaseGeometry): BaseGeometry['labels']['features'] {
  let order = labelOrders.get(geo);
  if (!order) {
    const ranked = geo.labels.features.every((f) => typeof f.properties.label_rank === 'number');
    const area = ranked ? null : new Map(geo.provinces.features.map((p) => [p.properties.adcode, geoArea(p)]));
    order = geo.labels.features
      .map((f) => ({ f, key: area ? -(area.get(f.properties.adcode) ?? 0) : f.properties.label_rank! }))
      .sort((a, b) => a.key - b.key || a.f.properties.adcode.localeCompare(b.f.properties.adcode))
      .map((x) => x.f);
    labelOrders.set(geo, order);
  }
  return order;
}

/**
 * Path data of the base geometry by map size: the explore page draws the same base map twice at one size
 * (its first pixels, then the first view's SVG map), and projecting it is most of a drawing's time.
 * Each geometry keeps its last two sizes.
 */
const pathsBySize = new WeakMap<object, Map<string, string | null>>();
function drawnPaths(path: (o: PathObject) => string | null, size: string): (o: PathObject) => string | null {
  return (o) => {
    let bySize = pathsBySize.get(o);
    if (!bySize) pathsBySize.set(o, (bySize = new Map()));
    if (bySize.has(size)) return bySize.get(size)!;
    const d = path(o);
    bySize.set(size, d);
    if (bySize.size > 2) bySize.delete(bySize.keys().next().value!);
    return d;
  };
}
