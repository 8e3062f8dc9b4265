/** Options of embed.html read from the URL beside the view state: which chart, and how it is framed. */
import { CHART_IDS, type ChartId } from '../charts/registry.ts';
import type { Ignored } from './url.ts';

export type EmbedChart = ChartId | 'map';
export interface EmbedOptions {
  chart: EmbedChart;
  /** No header or footer: the chart alone (the host page carries title and source). */
  plain: boolean;
  /** No interaction: for print and for pages that allow no scripts in frames. */
  static: boolean;
  /** Height hint in px for the chart or map (the embed still reports its real height). */
  height: number | null;
  /** The embed's id, echoed in its height messages so the host script finds the right iframe. */
  id: string | null;
}

export const EMBED_KEYS: ReadonlySet<string> = new Set(['chart', 'plain', 'static', 'height', 'id']);
export const DEFAULT_EMBED: EmbedOptions = { chart: 'regions', plain: false, static: false, height: null, id: null };

const flag = (v: string) => v === '' || v === '1' || v === 'true';

export function parseEmbed(search: string): { options: EmbedOptions; ignored: Ignored[] } {
  const options = { ...DEFAULT_EMBED };
  const ignored: Ignored[] = [];
  const params = new URLSearchParams(search);
  const bad = (key: string, value: string, reason: string) => ignored.push({ key, value: value.slice(0, 40), reason });
  const chart = params.get('chart');
  if (chart != null) {
    if (chart === 'map' || (CHART_IDS as readonly string[]).includes(chart)) options.chart = chart as EmbedChart;
    else bad('chart', chart, `expected map | ${CHART_IDS.join(' | ')}`);
  }
  for (const key of ['plain', 'static'] as const) {
    const v = params.get(key);
    if (v == null) continue;
    if (flag(v)) options[key] = true;
    else if (v === '0' || v === 'false') options[key] = false;
    else bad(key, v, 'expected 1 | 0');
  }
  const height = params.get('height');
  if (height != null) {
    const n = Number(height);
    if (/^\d{3,4}$/.test(height) && n >= 160 && n <= 4000) options.height = n;
    else bad('height', height, 'expected a height in px (160–4000)');
  }
  const id = params.get('id');
  if (id != null) {
    if (/^[A-Za-z0-9_-]{1,64}$/.test(id)) options.id = id;
    else bad('id', id, 'expected letters, digits, "-" or "_"');
  }
  return { options, ignored };
}
