/** A group ring's words, the same on both maps: its first names (by id), how many more, what a click does. */
import { t, type Lang } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import type { MarkGroup } from './layout.ts';

/** The first `max` names and, when the ring holds more, a line saying how many (a list of 80,000 names helps no one). */
export function groupNames(g: Pick<MarkGroup, 'count' | 'firstMembers'>, lang: Lang, max: number): string[] {
  const names = g.firstMembers(max).map((m) => m.label[lang]);
  if (g.count > names.length) names.push(t(lang, 'map.group.more', { n: formatNumber(g.count - names.length, lang) }));
  return names;
}

/** Names the tooltip of a ring lists: short enough to read beside the pointer. */
export const GROUP_TOOLTIP_NAMES = 5;

/** Each ring's tooltip, worked out once: the pointer asks at every move, and finding a crowd's first names scans it. */
const tooltips = new WeakMap<object, Partial<Record<Lang, string[]>>>();

/** The tooltip of a ring under the pointer: how many clusters, the first names, and that a click zooms in. */
export function groupTooltip(g: Pick<MarkGroup, 'count' | 'firstMembers'>, lang: Lang): string[] {
  let byLang = tooltips.get(g);
  if (!byLang) tooltips.set(g, (byLang = {}));
  return (byLang[lang] ??= [t(lang, 'map.group.count', { n: formatNumber(g.count, lang) }), ...groupNames(g, lang, GROUP_TOOLTIP_NAMES), t(lang, 'map.group.zoom')]);
}
