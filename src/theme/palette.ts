/**
 * Colours shared by the map and the charts. Region fills use Paul Tol's "light" scheme (designed to
 * stay distinct under the common colour-vision deficiencies and to carry dark text on top).
 */
import type { ProvinceRegion } from '../data/selectors.ts';

export const REGION_COLORS: Record<ProvinceRegion, string> = {
  east: '#77AADD',
  central: '#EEDD88',
  west: '#EE8866',
  northeast: '#44BB99',
  none: '#DDDDDD',
};

/**
 * The map's own colours, one set per page theme. The region fills keep roughly the chart colours' hues,
 * muted (light and pale, or dark and dull) so the cluster marks are the loudest thing on the map. They were
 * picked in CIELAB for the checks in palette.test.ts: fills apart for deuteranopes and protanopes too,
 * every sector colour far from every fill, outlines and names readable on all of them.
 */
export interface MapPalette {
  sea: string;
  fills: Record<ProvinceRegion, string>;
  border: string;
  nation: string;
  label: string;
  labelHalo: string;
  dash: string;
  /** The outline of a filled mark, of a site dot and of a ring without a figure. */
  markStroke: string;
}

export const MAP_PALETTES: Record<'light' | 'dark', MapPalette> = {
  light: {
    sea: '#EEF3F7',
    fills: { east: '#CED9FF', central: '#FDE9BF', west: '#E3C2B7', northeast: '#BCF6EF', none: '#EEEEEE' },
    border: '#FFFFFF',
    nation: '#4A5560',
    label: '#1F2933',
    labelHalo: 'rgba(255,255,255,0.85)',
    dash: '#4A5560',
    markStroke: '#1F2933',
  },
  dark: {
    sea: '#0B1016',
    fills: { east: '#10394B', central: '#614D2C', west: '#472F27', northeast: '#185A55', none: '#595D62' },
    border: '#12181F',
    nation: '#9AA5B1',
    label: '#E6EDF3',
    labelHalo: 'rgba(11,16,22,0.85)',
    dash: '#9AA5B1',
    markStroke: '#E6EDF3',
  },
};

/** The light map's lines and ground: exported maps are always light (they go on paper and into articles). */
export const BASE = MAP_PALETTES.light;

/** The font stack: the viewer's own CJK fonts first, WenQuanYi as installed on Debian, then generic. */
export const FONT_STACK = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

/**
 * Sector colours for cluster marks: the Okabe–Ito palette (distinct under deuteranopia and protanopia),
 * in the order of data/sectors.csv; a sector beyond the eighth falls back to black.
 */
export const SECTOR_PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#F0E442', '#000000'];
/** Marks without a figure: a light grey that no sector colour comes near, even under deuteranopia. */
export const NEUTRAL_MARK = '#D9DEE3';
export const MARK_STROKE = MAP_PALETTES.light.markStroke;

export function sectorColors(sectorIds: readonly string[]): Map<string, string> {
  return new Map(sectorIds.map((id, i) => [id, SECTOR_PALETTE[i] ?? '#000000']));
}
