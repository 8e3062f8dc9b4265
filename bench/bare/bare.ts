/**
 * The bench's reference: the same province geometry drawn by maplibre alone (one fill layer, one line
 * layer, no labels, no app code). The explore page's time to first idle is reported against this.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

setWorkerUrl(workerUrl);
declare global {
  interface Window {
    __bareIdle?: number;
    /** The first frame drawn with the provinces (the source loaded). */
    __bareFirst?: number;
  }
}

const topo = (await (await fetch('./data/provinces.topo.json')).json()) as Topology;
const provinces = feature(topo, topo.objects['provinces'] as GeometryCollection);
const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    sources: { p: { type: 'geojson', data: provinces } },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#EEF3F7' } },
      { id: 'fill', type: 'fill', source: 'p', paint: { 'fill-color': '#77AADD' } },
      { id: 'line', type: 'line', source: 'p', paint: { 'line-color': '#ffffff' } },
    ],
  },
  bounds: [
    [73.4, 18.1],
    [135.1, 53.6],
  ],
  attributionControl: false,
});
// Idle once the frame is on screen: maplibre's 'idle' comes in the animation frame that drew it, and the
// task after it runs once that frame's commit (which reads the canvas back on software WebGL) is done.
// The explore page's map idle is taken at the same point (src/pages/explore.ts, afterNextFrame).
map.once('idle', () => setTimeout(() => (window.__bareIdle = performance.now()), 0));
map.on('render', () => {
  if (window.__bareFirst === undefined && map.isSourceLoaded('p')) window.__bareFirst = performance.now();
});
