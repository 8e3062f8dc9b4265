/** The offline map style, made in code: no tile server, no glyph server, no sprite, no URL at all. */
import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { BaseGeometry } from './geo.ts';
import { MAP_PALETTES, type MapPalette } from '../theme/palette.ts';
import type { Lang } from '../i18n/index.ts';

export function regionFillExpression(p: MapPalette = MAP_PALETTES.light): ExpressionSpecification {
  return [
    'match',
    ['get', 'region'],
    'east', p.fills.east,
    'central', p.fills.central,
    'west', p.fills.west,
    'northeast', p.fills.northeast,
    p.fills.none,
  ];
}

/** Every colour of the style that follows the page's theme: [layer, paint property, value]. */
export function palettePaint(p: MapPalette): [string, string, string | ExpressionSpecification][] {
  return [
    ['sea', 'background-color', p.sea],
    ['province-fill', 'fill-color', regionFillExpression(p)],
    ['province-border', 'line-color', p.border],
    ['province-hot', 'line-color', p.nation],
    ['nation-outline', 'line-color', p.nation],
    ['scs-dash', 'line-color', p.dash],
    ['scs-island', 'circle-color', p.dash],
    ['province-label', 'text-color', p.label],
    ['province-label', 'text-halo-color', p.labelHalo],
  ];
}

export function labelField(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'en' ? 'name_en' : 'short_zh'];
}

export function buildStyle(geo: BaseGeometry, lang: Lang, p: MapPalette = MAP_PALETTES.light): StyleSpecification {
  return {
    version: 8,
    name: 'cluster-atlas-offline',
    sources: {
      provinces: { type: 'geojson', data: geo.provinces, promoteId: 'adcode' },
      borders: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: geo.borders } },
      nation: { type: 'geojson', data: geo.nation },
      labels: { type: 'geojson', data: geo.labels },
      scs: { type: 'geojson', data: geo.scs },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': p.sea } },
      {
        id: 'province-fill',
        type: 'fill',
        source: 'provinces',
        paint: {
          // The border and coast lines drawn over every edge are the antialiasing: without it the fill needs no
          // second (outline) program, one shader compile less before the first frame on software WebGL.
          'fill-antialias': false,
          'fill-color': regionFillExpression(p),
          'fill-opacity': ['case', ['boolean', ['feature-state', 'dim'], false], 0.2, 1],
        },
      },
      { id: 'province-border', type: 'line', source: 'borders', paint: { 'line-color': p.border, 'line-width': 1 } },
      {
        // The provinces of the region hovered in a chart or on the map.
        id: 'province-hot',
        type: 'line',
        source: 'provinces',
        paint: { 'line-color': p.nation, 'line-width': 1.6, 'line-opacity': ['case', ['boolean', ['feature-state', 'hot'], false], 1, 0] },
      },
      { id: 'nation-outline', type: 'line', source: 'nation', paint: { 'line-color': p.nation, 'line-width': 1.2 } },
      {
        id: 'scs-dash',
        type: 'line',
        source: 'scs',
        filter: ['==', ['get', 'kind'], 'dash'],
        paint: { 'line-color': p.dash, 'line-width': 1.6 },
      },
      {
        id: 'scs-island',
        type: 'circle',
        source: 'scs',
        filter: ['==', ['get', 'kind'], 'island'],
        paint: { 'circle-radius': 2, 'circle-color': p.dash },
      },
      {
        id: 'province-label',
        type: 'symbol',
        source: 'labels',
        layout: {
          'text-field': labelField(lang),
          'text-font': ['sans-serif'],
          'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 5, 14],
          'text-max-width': 6,
          'text-padding': 1,
        },
        paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.2 },
      },
    ],
  };
}
