/** The check step: what loads, the places to pick, and every rejected row by row and column with why. */
import { t, type Lang, type MessageKey } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import { h } from '../ui/dom.ts';
import type { CheckSummary } from './session.ts';

export function resultsView(lang: Lang, r: CheckSummary, choices: Record<string, string>, onPick: () => void): HTMLElement {
  const n = (x: number) => formatNumber(x, lang);
  const summary = h('p', { class: 'import-summary', role: 'status' }, t(lang, 'import.result', { rows: n(r.rows), accepted: n(r.accepted), clusters: n(r.clusters), figures: n(r.figures), errors: n(r.errorCount) }));
  const notes = [r.placedAtPrefecture ? t(lang, 'import.result.prefecture', { n: r.placedAtPrefecture }) : null, r.sectorGuessed ? t(lang, 'import.result.sector', { n: r.sectorGuessed }) : null].filter((x): x is string => !!x);
  return h('div', { class: 'import-results' }, summary, ...notes.map((n) => h('p', { class: 'import-note' }, n)), ambiguityList(lang, r, choices, onPick), errorTable(lang, r));
}

function ambiguityList(lang: Lang, r: CheckSummary, choices: Record<string, string>, onPick: () => void): HTMLElement | null {
  if (!r.ambiguous.length) return null;
  const items = r.ambiguous.map((a) => {
    const select = h('select', { 'aria-label': a.text, 'data-place': a.text }, h('option', { value: '' }, t(lang, 'import.ambiguous.pick')), ...a.candidates.map((c) => h('option', { value: c.adcode, selected: choices[a.text] === c.adcode }, `${c.fullName} (${c.adcode})`)));
    select.addEventListener('change', () => {
      if (select.value) choices[a.text] = select.value;
      else delete choices[a.text];
      onPick();
    });
    const rows = a.rows.length > 8 ? `${a.rows.slice(0, 8).join(', ')} …` : a.rows.join(', ');
    return h('li', {}, h('span', { class: 'import-place' }, a.text), ' ', h('span', { class: 'import-rows' }, t(lang, 'import.ambiguous.rows', { rows })), ' ', select);
  });
  return h('div', { class: 'import-ambiguous' }, h('h3', {}, t(lang, 'import.ambiguous')), h('ul', {}, ...items));
}

function errorTable(lang: Lang, r: CheckSummary): HTMLElement | null {
  if (!r.errors.length) return null;
  const rows = r.errors.map((e) =>
    h('tr', { 'data-row': e.row, 'data-reason': e.reason }, h('td', {}, String(e.row)), h('td', {}, e.column ?? '—'), h('td', {}, t(lang, `import.err.${e.reason}` as MessageKey, { detail: e.detail }))),
  );
  const more = r.errorCount - r.errors.length;
  return h(
    'div',
    { class: 'import-errors' },
    h('h3', {}, t(lang, 'import.errors')),
    h('div', { class: 'import-errors-scroll' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(lang, 'import.err.row')), h('th', { scope: 'col' }, t(lang, 'import.err.column')), h('th', { scope: 'col' }, t(lang, 'import.err.reason')))), h('tbody', {}, ...rows))),
    more > 0 ? h('p', { class: 'import-note' }, t(lang, 'import.errors.more', { n: more })) : null,
  );
}
