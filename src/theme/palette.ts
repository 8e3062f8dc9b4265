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

export const BASE = {
  sea: '#EEF3F7',
  border: '#FFFFFF',
  nation: '#4A5560',
  label: '#1F2933',
  labelHalo: 'rgba(255,255,255,0.85)',
  dash: '#4A5560',
};

/** The font stack: the viewer's own CJK fonts first, WenQuanYi as installed on Debian, then generic. */
export const FONT_STACK = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

/**
 * Sector colours for cluster marks: the Okabe–Ito palette (distinct under deuteranopia and protanopia),
 * in the order of data/sectors.csv; a sector beyond the eighth falls back to black.
 */
export const SECTOR_PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#F0E442', '#000000'];
/** Marks without a figure: a light grey that no sector colour comes near, even under deuteranopia. */
export const NEUTRAL_MARK = '#D9DEE3';
export const MARK_STROKE = '#1F2933';

export function sectorColors(sectorIds: readonly string[]): Map<string, string> {
  return new Map(sectorIds.map((id, i) => [id, SECTOR_PALETTE[i] ?? '#000000']));
}
