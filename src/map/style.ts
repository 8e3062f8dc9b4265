/** The offline map style, made in code: no tile server, no glyph server, no sprite, no URL at all. */
import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { BaseGeometry } from './geo.ts';
import { REGION_COLORS, BASE } from '../theme/palette.ts';
import type { Lang } from '../i18n/index.ts';

export function regionFillExpression(): ExpressionSpecification {
  return [
    'match',
    ['get', 'region'],
    'east', REGION_COLORS.east,
    'central', REGION_COLORS.central,
    'west', REGION_COLORS.west,
    'northeast', REGION_COLORS.northeast,
    REGION_COLORS.none,
  ];
}

export function labelField(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'en' ? 'name_en' : 'short_zh'];
}

export function buildStyle(geo: BaseGeometry, lang: Lang): StyleSpecification {
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
      { id: 'sea', type: 'background', paint: { 'background-color': BASE.sea } },
      {
        id: 'province-fill',
        type: 'fill',
        source: 'provinces',
        paint: {
          // The border and coast lines drawn over every edge are the antialiasing: without it the fill needs no
          // second (outline) program, one shader compile less before the first frame on software WebGL.
          'fill-antialias': false,
          'fill-color': regionFillExpression(),
          'fill-opacity': ['case', ['boolean', ['feature-state', 'dim'], false], 0.2, 0.9],
        },
      },
      { id: 'province-border', type: 'line', source: 'borders', paint: { 'line-color': BASE.border, 'line-width': 1 } },
      {
        // The provinces of the region hovered in a chart or on the map.
        id: 'province-hot',
        type: 'line',
        source: 'provinces',
        paint: { 'line-color': BASE.nation, 'line-width': 1.6, 'line-opacity': ['case', ['boolean', ['feature-state', 'hot'], false], 1, 0] },
      },
      { id: 'nation-outline', type: 'line', source: 'nation', paint: { 'line-color': BASE.nation, 'line-width': 1.2 } },
      {
        id: 'scs-dash',
        type: 'line',
        source: 'scs',
        filter: ['==', ['get', 'kind'], 'dash'],
        paint: { 'line-color': BASE.dash, 'line-width': 1.6 },
      },
      {
        id: 'scs-island',
        type: 'circle',
        source: 'scs',
        filter: ['==', ['get', 'kind'], 'island'],
        paint: { 'circle-radius': 2, 'circle-color': BASE.dash },
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
        paint: { 'text-color': BASE.label, 'text-halo-color': BASE.labelHalo, 'text-halo-width': 1.2 },
      },
    ],
  };
}
