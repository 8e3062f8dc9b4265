/** Title, accessible description, notes and the table of the planned-growth chart. */
import type { Lang } from '../../i18n/index.ts';
import { formatAmount, formatFigureValue } from '../../i18n/format.ts';
import { tx, txn } from '../text.ts';
import { displayValue, reasonsText, sourceLine, withUnit } from '../shared/format.ts';
import { countReasons } from '../shared/figures.ts';
import type { ChartMeta, ChartTable } from '../shared/meta.ts';
import type { GrowthSeries, GrowthPoint, StageYear, Subject } from './derive.ts';

const sep = (lang: Lang) => tx(lang, 'chart.list.sep');
const mname = (s: GrowthSeries, lang: Lang) => (lang === 'zh' ? s.metric.name_zh : s.metric.name_en);

export function subjectName(s: Subject, lang: Lang): string {
  if (s.type === 'region') return tx(lang, `region.${s.id}` as 'region.east');
  if (s.type === 'nation') return tx(lang, 'chart.nation');
  return (lang === 'zh' ? s.name_zh : s.name_en) ?? s.id;
}

/** The year line under a stage: the year when legible, otherwise a marker saying why there is none. */
export function yearText(y: StageYear, lang: Lang): string {
  switch (y.status) {
    case 'stated':
      return tx(lang, 'year.stated', { year: y.year });
    case 'confirmed':
      return tx(lang, 'chart.growth.year.confirmed', { year: y.year });
    case 'derived':
      return tx(lang, 'year.derived', { year: y.year });
    case 'illegible':
      return tx(lang, 'chart.growth.year.illegible');
    case 'none':
      return tx(lang, 'chart.growth.year.none');
    case 'mixed':
      return tx(lang, 'chart.growth.year.mixed');
    case 'empty':
      return '';
  }
}

const valueOf = (p: GrowthPoint, lang: Lang) => formatFigureValue({ value: p.value, value_max: p.valueMax, comparator: p.comparator, unit: p.unit }, lang);

export function title(_s: GrowthSeries, lang: Lang): string {
  return tx(lang, 'chart.growth.title');
}

export function describe(s: GrowthSeries, lang: Lang): string {
  const parts = s.stages
    .filter((st) => s.points.some((p) => p.stage === st.stage))
    .map((st) => {
      const pts = s.points.filter((p) => p.stage === st.stage).map((p) => `${valueOf(p, lang)} (${tx(lang, `kind.${p.kind}`)})`);
      const sum = s.memberSums.find((m) => m.stage === st.stage);
      const sumText = sum ? `${tx(lang, 'chart.list.sep')}${tx(lang, 'chart.growth.sumOf', { summed: sum.summed, members: sum.members })} ${formatAmount(sum.sum, s.metric.unit, lang)}` : '';
      const year = yearText(st.year, lang);
      return `${tx(lang, `stage.${st.stage}`)}${year ? ` [${year}]` : ''}${tx(lang, 'chart.colon')}${pts.join(tx(lang, 'chart.list.or'))}${sumText}`;
    });
  if (!parts.length) return tx(lang, 'chart.growth.desc.none', { subject: subjectName(s.subject, lang), metric: mname(s, lang) });
  return tx(lang, 'chart.growth.desc', { subject: subjectName(s.subject, lang), metric: mname(s, lang), stages: parts.join(sep(lang)) });
}

export function meta(s: GrowthSeries, lang: Lang): ChartMeta {
  const notes = [tx(lang, 'chart.growth.note.byStage')];
  for (const st of s.stages) {
    if (st.year.status !== 'confirmed') continue;
    const src = s.sources.find((x) => x.id === st.year.sourceId);
    notes.push(tx(lang, 'chart.growth.note.confirmed', { year: st.year.year, stage: tx(lang, `stage.${st.stage}`), source: src ? (lang === 'zh' ? src.title_zh : src.title_en) : (st.year.sourceId ?? '') }));
  }
  for (const m of s.memberSums) {
    const stated = s.points.filter((p) => m.statedIds.includes(p.figureId)).map((p) => valueOf(p, lang)).join(tx(lang, 'chart.list.or'));
    notes.push(tx(lang, 'chart.growth.note.sum', { stage: tx(lang, `stage.${m.stage}`), stated, sum: formatAmount(m.sum, s.metric.unit, lang), summed: m.summed, members: m.members }));
    const reasons = countReasons(m.excluded);
    if (m.excluded.length || m.withoutFigure) notes.push(tx(lang, 'chart.growth.note.sumLeftOut', { stage: tx(lang, `stage.${m.stage}`), reasons: [reasonsText(reasons, lang), m.withoutFigure ? txn(lang, 'chart.reason.noFigure', m.withoutFigure) : ''].filter(Boolean).join(sep(lang)) }));
  }
  for (const e of s.each) notes.push(tx(lang, 'chart.growth.note.each', { value: valueOf(e, lang), stage: tx(lang, `stage.${e.stage}`) }));
  const seen = new Set<string>();
  for (const p of s.points) {
    const n = lang === 'zh' ? p.note_zh : p.note_en;
    if (n && !seen.has(n)) {
      seen.add(n);
      notes.push(`${tx(lang, `stage.${p.stage}`)}${tx(lang, 'chart.colon')}${n}`);
    }
  }
  return {
    title: title(s, lang),
    subtitle: tx(lang, 'chart.growth.subtitle', { subject: subjectName(s.subject, lang), metric: mname(s, lang) }),
    source: sourceLine(s.sources, lang),
    notes,
  };
}

export function table(s: GrowthSeries, lang: Lang): ChartTable {
  const unit = s.metric.unit;
  const rows: (string | number)[][] = [];
  for (const st of s.stages) {
    for (const p of s.points.filter((x) => x.stage === st.stage)) {
      rows.push([tx(lang, `stage.${st.stage}`), yearText(st.year, lang), subjectName(s.subject, lang), tx(lang, `kind.${p.kind}`), valueOf(p, lang), p.value == null ? '' : displayValue(p.value, unit, lang), p.valueMax == null ? '' : displayValue(p.valueMax, unit, lang)]);
    }
    const m = s.memberSums.find((x) => x.stage === st.stage);
    if (m) rows.push([tx(lang, `stage.${st.stage}`), yearText(st.year, lang), tx(lang, 'chart.growth.sumOf', { summed: m.summed, members: m.members }), tx(lang, `kind.${st.stage === 'baseline' ? 'actual' : 'target'}`), formatAmount(m.sum, unit, lang), displayValue(m.sum, unit, lang), '']);
  }
  return {
    columns: [tx(lang, 'chart.col.stage'), tx(lang, 'chart.col.year'), tx(lang, 'chart.col.series'), tx(lang, 'chart.col.kind'), tx(lang, 'chart.col.value'), withUnit(tx(lang, 'chart.col.number'), unit, lang), withUnit(tx(lang, 'chart.col.upper'), unit, lang)],
    rows,
  };
}
