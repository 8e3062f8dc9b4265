/** The mapping step: what each column is, and what the numbers are (source, grade, stage, year, metric, sector, mode). */
import type { Atlas } from '../data/schema.ts';
import { GRADES } from '../data/constants.ts';
import { t, type Lang, type MessageKey } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import { FIELDS, type ColumnMap, type Field } from './headers.ts';
import type { TableSummary } from './session.ts';
import type { ImportOptions } from './build.ts';
import { STAGE_CHOICES } from './values.ts';

const tk = (lang: Lang, key: string, params?: Record<string, string | number>) => t(lang, key as MessageKey, params);
const option = (value: string, label: string, selected: boolean) => h('option', { value, selected }, label);

/** The columns table: header, a few example cells, and a select of fields. */
export function columnsTable(lang: Lang, table: Pick<TableSummary, 'header' | 'samples'>, columns: ColumnMap[], onChange: () => void): HTMLElement {
  const rows = table.header.map((header, i) => {
    const examples = table.samples.map((r) => r[i] ?? '').filter(Boolean).join(' · ');
    const select = h('select', { 'aria-label': `${t(lang, 'import.col.field')}: ${header}`, 'data-column': i }, option('', t(lang, 'import.field.none'), columns[i]!.field == null), ...FIELDS.map((f) => option(f, tk(lang, `import.field.${f}`), columns[i]!.field === f)));
    select.addEventListener('change', () => {
      columns[i] = { ...columns[i]!, field: (select.value || null) as Field | null };
      onChange();
    });
    return h('tr', {}, h('th', { scope: 'row' }, header || `#${i + 1}`), h('td', { class: 'import-sample' }, examples), h('td', {}, select));
  });
  return h(
    'table',
    { class: 'import-columns' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(lang, 'import.col.header')), h('th', { scope: 'col' }, t(lang, 'import.col.sample')), h('th', { scope: 'col' }, t(lang, 'import.col.field')))),
    h('tbody', {}, ...rows),
  );
}

/** What the numbers are. Where the table has no column for a setting, the form says so beside it. */
export function settingsForm(lang: Lang, atlas: Pick<Atlas, 'metrics' | 'sectors'>, table: Pick<TableSummary, 'header'>, columns: ColumnMap[], opts: ImportOptions, onChange: () => void): HTMLElement {
  const has = (f: Field) => columns.some((c) => c.field === f);
  const name = (r: { name_zh: string; name_en: string }) => (lang === 'zh' ? r.name_zh : r.name_en);
  const set = <K extends keyof ImportOptions>(k: K, v: ImportOptions[K]) => {
    opts[k] = v;
    onChange();
  };
  const field = (label: string, control: HTMLElement, note: string | null) => h('label', { class: 'import-setting' }, h('span', { class: 'import-setting-label' }, label), control, note ? h('span', { class: 'import-note' }, note) : null);
  const source = h('input', { type: 'text', value: opts.sourceLine, required: true, maxlength: 200, name: 'source' });
  source.addEventListener('change', () => set('sourceLine', source.value));
  const grade = h('select', { name: 'grade' }, ...GRADES.map((g) => option(g, `${t(lang, `grade.${g}` as MessageKey)} — ${t(lang, `grade.${g}.means` as MessageKey)}`, g === opts.grade)));
  grade.addEventListener('change', () => set('grade', grade.value as ImportOptions['grade']));
  const stage = h('select', { name: 'stage' }, ...STAGE_CHOICES.map((s) => option(s, `${t(lang, `stage.${s}` as MessageKey)} (${t(lang, s.startsWith('target') ? 'kind.target' : 'kind.actual')})`, s === opts.defaultStage)));
  stage.addEventListener('change', () => set('defaultStage', stage.value as ImportOptions['defaultStage']));
  const year = h('input', { type: 'number', min: 1949, max: 2100, step: 1, name: 'year', value: opts.defaultYear ?? '' });
  year.addEventListener('change', () => set('defaultYear', /^\d{4}$/.test(year.value) ? Number(year.value) : null));
  const metric = h('select', { name: 'metric' }, ...atlas.metrics.map((m) => option(m.id, `${name(m)} (${m.unit})`, m.id === opts.defaultMetric)));
  metric.addEventListener('change', () => set('defaultMetric', metric.value));
  const sector = h('select', { name: 'sector' }, ...atlas.sectors.map((s) => option(s.id, name(s), s.id === opts.defaultSector)));
  sector.addEventListener('change', () => set('defaultSector', sector.value));
  const unnamed = columns.map((c, i) => ({ c, header: table.header[i] ?? '' })).filter(({ c }) => c.field === 'value' && !c.metric);
  const unitless = columns.map((c, i) => ({ c, header: table.header[i] ?? '' })).filter(({ c }) => c.field === 'value' && !c.unit && !has('unit'));
  const unitOf = (id: string | null) => atlas.metrics.find((m) => m.id === (id ?? opts.defaultMetric))?.unit ?? '';
  const mode = h(
    'fieldset',
    { class: 'import-mode' },
    h('legend', {}, t(lang, 'import.mode')),
    ...(['beside', 'replace'] as const).map((m) => {
      const input = h('input', { type: 'radio', name: 'mode', value: m, checked: opts.mode === m });
      input.addEventListener('change', () => set('mode', m));
      return h('label', {}, input, ' ', t(lang, `import.mode.${m}`));
    }),
  );
  return h(
    'div',
    { class: 'import-settings' },
    field(t(lang, 'import.source'), source, null),
    field(t(lang, 'import.grade'), grade, null),
    field(t(lang, 'import.stage'), stage, t(lang, has('stage') ? 'import.stage.present' : 'import.stage.missing')),
    has('year') || columns.every((c) => c.field !== 'value' || c.year != null) ? null : field(t(lang, 'import.year'), year, t(lang, 'import.year.missing')),
    unnamed.length && !has('metric') ? field(t(lang, 'import.metric'), metric, unnamed.map((u) => t(lang, 'import.metric.missing', { header: u.header })).join(' ')) : null,
    unitless.length ? h('p', { class: 'import-note' }, unitless.map((u) => t(lang, 'import.unit.assumed', { header: u.header, unit: unitOf(u.c.metric) })).join(' ')) : null,
    field(t(lang, 'import.sector'), sector, t(lang, has('sector') ? 'import.sector.present' : 'import.sector.missing')),
    mode,
  );
}
