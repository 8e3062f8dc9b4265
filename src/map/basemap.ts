/** The maplibre base map. Resolves once the map has drawn everything (its first `idle`). */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { BaseGeometry } from './geo.ts';
import { CHINA_BOUNDS } from './geo.ts';
import { buildStyle, labelField } from './style.ts';
import type { Lang } from '../i18n/index.ts';
import { FONT_STACK } from '../theme/palette.ts';

setWorkerUrl(workerUrl);

export interface BaseMap {
  map: MapLibreMap;
  setLang(lang: Lang): void;
  /** Dim provinces whose region is not in `shown`. */
  setShownRegions(shown: ReadonlySet<string>): void;
  /** Outline the provinces of one region (null: none). */
  setHotRegion(region: string | null): void;
}


export function createBaseMap(container: HTMLElement, geo: BaseGeometry, lang: Lang, ariaLabel: string, interactive = true): Promise<BaseMap> {
  const map = new MapLibreMap({
    container,
    interactive,
    style: buildStyle(geo, lang),
    bounds: CHINA_BOUNDS,
    fitBoundsOptions: { padding: 12 },
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    renderWorldCopies: false,
    maxBounds: [
      [40, -10],
      [170, 70],
    ],
    localIdeographFontFamily: FONT_STACK,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.touchZoomRotate.disableRotation();
  map.getCanvas().setAttribute('aria-label', ariaLabel);
  const base: BaseMap = {
    map,
    setLang(l) {
      map.setLayoutProperty('province-label', 'text-field', labelField(l));
    },
    setHotRegion(region) {
      for (const f of geo.provinces.features) map.setFeatureState({ source: 'provinces', id: f.properties.adcode }, { hot: region != null && f.properties.region === region });
    },
    setShownRegions(shown) {
      for (const f of geo.provinces.features) {
        map.setFeatureState({ source: 'provinces', id: f.properties.adcode }, { dim: !shown.has(f.properties.region) });
      }
    },
  };
  return new Promise((resolve, reject) => {
    map.once('idle', () => resolve(base));
    map.once('error', (e) => reject(e.error ?? new Error('map error')));
  });
}
