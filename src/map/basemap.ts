/** The maplibre base map. Resolves once the map has drawn everything (its first `idle`). */
import { Map as MapLibreMap, setWorkerUrl, type ErrorEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { BaseGeometry } from './geo.ts';
import { CHINA_BOUNDS } from './geo.ts';
import { buildStyle, labelField, palettePaint } from './style.ts';
import { pagePalette } from './theme.ts';
import { chinaPadding } from './insetRoom.ts';
import type { Lang } from '../i18n/index.ts';
import { FONT_STACK, type MapPalette } from '../theme/palette.ts';

setWorkerUrl(workerUrl);

export interface BaseMap {
  map: MapLibreMap;
  setLang(lang: Lang): void;
  /** Dim provinces whose region is not in `shown`. */
  setShownRegions(shown: ReadonlySet<string>): void;
  /** Outline the provinces of one region (null: none). */
  setHotRegion(region: string | null): void;
  /** Recolour the base for the page's theme (the map starts in the theme the page has then). */
  setPalette(p: MapPalette): void;
}


/** Takes out what a map that failed to start left in its container, so the SVG map can take over. */
function clearContainer(container: HTMLElement): void {
  for (const el of Array.from(container.querySelectorAll(':scope > .maplibregl-canvas-container, :scope > .maplibregl-control-container, :scope > canvas'))) el.remove();
  for (const c of Array.from(container.classList)) if (c.startsWith('maplibregl-')) container.classList.remove(c);
}

/** A base map being started: the map object at once (to add what runs beside it), and its first idle. */
export interface StartedBaseMap {
  /** null when the map could not even be created (no WebGL context): `loaded` rejects then. */
  map: MapLibreMap | null;
  loaded: Promise<BaseMap>;
}

/**
 * Starts the base map. `loaded` resolves once it has drawn everything (its first idle), and rejects when
 * the map cannot start: no WebGL context, the worker script refused (a server sending it with a
 * non-script type), or a style error before the first idle. The container is then left clean.
 */
export function startBaseMap(container: HTMLElement, geo: BaseGeometry, lang: Lang, ariaLabel: string, interactive = true): StartedBaseMap {
  let map: MapLibreMap;
  try {
    map = newMap(container, geo, lang, interactive);
  } catch (err) {
    clearContainer(container);
    return { map: null, loaded: Promise.reject(err instanceof Error ? err : new Error(String(err))) };
  }
  map.touchZoomRotate.disableRotation();
  map.getCanvas().setAttribute('aria-label', ariaLabel);
  const base = baseControls(map, geo);
  const loaded = new Promise<BaseMap>((resolve, reject) => {
    const fail = (e: ErrorEvent) => {
      map.off('idle', done);
      try {
        map.remove();
      } catch {
        // A map that never started may not release cleanly: its container is cleared below.
      }
      clearContainer(container);
      reject(e.error ?? new Error('map error'));
    };
    const done = () => {
      map.off('error', fail);
      resolve(base);
    };
    map.once('idle', done);
    map.once('error', fail);
  });
  return { map, loaded };
}

function newMap(container: HTMLElement, geo: BaseGeometry, lang: Lang, interactive: boolean): MapLibreMap {
  return new MapLibreMap({
    container,
    interactive,
    style: buildStyle(geo, lang, pagePalette(container.ownerDocument)),
    bounds: CHINA_BOUNDS,
    fitBoundsOptions: { padding: chinaPadding(container, geo) },
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
}

function baseControls(map: MapLibreMap, geo: BaseGeometry): BaseMap {
  const base: BaseMap = {
    map,
    setLang(l) {
      map.setLayoutProperty('province-label', 'text-field', labelField(l));
    },
    setPalette(p) {
      for (const [layer, prop, value] of palettePaint(p)) map.setPaintProperty(layer, prop as 'fill-color', value); // each prop takes a colour or an expression
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
  return base;
}
