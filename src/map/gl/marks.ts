/**
 * The WebGL map's marks: the layout both maps share (layout.ts, laid out again at each zoom by
 * layers/clusters.ts) drawn by deck.gl, a group's count as plain text over the map, and what is under a
 * point (picked on the CPU from a grid of what is drawn, pick.ts).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { clusterLayers, placedPosition, layoutAtZoom, pickTargets, project } from '../layers/clusters.ts';
import { PickIndex, type PickTarget } from '../pick.ts';
import { readableGroups, type MarkGroup, type Placed } from '../layout.ts';
import type { BaseGeometry } from '../geo.ts';
import { featureExtent } from '../geo.ts';
import type { MarksOverlay } from './overlay.ts';

type Extent = [[number, number], [number, number]];

export interface GlMarks {
  placed: readonly Placed[];
  selected: string | null;
  hot: string | null;
  /** The marks' outline colour (the page theme's). */
  markStroke: string;
  /** The zoom the marks were last laid out for (by render). */
  drawnZoom: number;
  /** Each province's extent: marks placed only in a province stay inside it. */
  readonly provinceBounds: ReadonlyMap<string, Extent>;
  /** Lays the marks out at the map's zoom and draws them, with the groups' counts. */
  render(): void;
  /** The mark or group under a point, or null. */
  pickAt(lng: number, lat: number): PickTarget | null;
  /** The group drawn with this key (as pickAt names it), with its map position, or null. */
  groupAt(key: string): (MarkGroup & { position: [number, number] }) | null;
  /** Client (page) coordinates of a cluster's mark or of the group it is in, or null when it is not drawn. */
  locate(clusterId: string): [number, number] | null;
  remove(): void;
}

export function createGlMarks(map: MapLibreMap, overlay: MarksOverlay, geo: BaseGeometry, sectorColor: (id: string) => string, markStroke: string): GlMarks {
  const provinceBounds = new Map(geo.provinces.features.map((f) => [f.properties.adcode, featureExtent(f)] as [string, Extent]));
  const counts = groupCounts(map);
  /** The pick grid of what is drawn; rebuilt on the first pointer move after the marks or the zoom change. */
  let picks: PickIndex | null = null;
  const marks: GlMarks = {
    placed: [],
    selected: null,
    hot: null,
    markStroke,
    drawnZoom: map.getZoom(),
    provinceBounds,
    render() {
      picks = null;
      marks.drawnZoom = map.getZoom();
      overlay.setLayers(clusterLayers({ placed: marks.placed, zoom: marks.drawnZoom, sectorColor, hotId: marks.hot, selectedId: marks.selected, provinceBounds, markStroke: marks.markStroke }));
      counts.draw(readableGroups(layoutAtZoom(marks.placed, map.getZoom(), provinceBounds).groups));
    },
    pickAt(lng, lat) {
      const zoom = map.getZoom();
      if (!picks || picks.zoom !== zoom) picks = new PickIndex(pickTargets(marks.placed, marks.drawnZoom, zoom, provinceBounds), zoom);
      const [x, y] = project(lng, lat, zoom);
      return picks.at(x, y);
    },
    groupAt(key) {
      return layoutAtZoom(marks.placed, marks.drawnZoom, provinceBounds).groups.find((g) => g.key === key) ?? null;
    },
    locate(clusterId) {
      // Where the mark is drawn at this zoom: moved off its point, or inside a group (the group's ring).
      const laid = layoutAtZoom(marks.placed, map.getZoom(), provinceBounds);
      const p = laid.placed.find((q) => q.mark.cluster.id === clusterId);
      const g = p ? null : laid.groups.find((x) => x.ids.includes(clusterId));
      if (!p && !g) return null;
      const pt = map.project(p ? placedPosition(p, map.getZoom()) : g!.position);
      const rect = map.getCanvas().getBoundingClientRect();
      return [rect.left + pt.x, rect.top + pt.y];
    },
    remove: () => counts.remove(),
  };
  return marks;
}

/**
 * A group's count is plain text over the map (deck.gl's text layer would add its font machinery to the
 * download for a few digits): placed at each group's point, moved with the camera.
 */
function groupCounts(map: MapLibreMap): { draw(groups: readonly { position: [number, number]; count: number }[]): void; remove(): void } {
  const counts = document.createElement('div');
  counts.className = 'map-group-counts';
  counts.setAttribute('aria-hidden', 'true');
  map.getContainer().append(counts);
  let groups: readonly { position: [number, number] }[] = [];
  const place = () => {
    const spans = counts.children;
    groups.forEach((g, i) => {
      const { x, y } = map.project(g.position);
      const span = spans[i] as HTMLElement;
      span.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px) translate(-50%, -50%)`;
    });
  };
  map.on('move', place);
  return {
    draw(next) {
      groups = next;
      counts.replaceChildren(...next.map((g) => Object.assign(document.createElement('span'), { textContent: String(g.count) })));
      place();
    },
    remove: () => counts.remove(),
  };
}
