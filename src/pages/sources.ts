/**
 * Sources and method (sources.html): every list with its completeness, every source with its grade,
 * where it was read and what it contributes, and the atlas's rules. Wiring and layout only; the numbers
 * come from the data (src/data/layers.ts completeness()). Addresses in the data are shown as links only,
 * never fetched.
 */
import { startPage, settleView, langSwitchHref } from './shell.ts';
import { loadAtlas } from '../data/load.ts';
import { completeness, type Completeness } from '../data/layers.ts';
import type { Atlas, SourceRow, Grade } from '../data/schema.ts';
import { REGION_IDS, GRADES } from '../data/constants.ts';
import { t, pick } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import { h, type Child } from '../ui/dom.ts';
import { withRetry } from '../ui/loader.ts';
import { txn } from '../charts/text.ts';
import { name } from '../ui/context.ts';
import { sourceHref } from '../ui/sourceLink.ts';
import { citation } from '../export/cite.ts';
import { pageHref } from '../state/pages.ts';
import '../styles/sources.css';

const { view, ignored, status } = startPage();
const lang = view.lang;
const $ = (id: string) => document.getElementById(id)!;
const sep = t(lang, 'chart.list.sep');
document.title = `${t(lang, 'sources.title')} · ${t(lang, 'site.title')}`;
$('site-title').textContent = t(lang, 'site.title');
$('site-tagline').textContent = t(lang, 'site.tagline');
const back = $('back-link') as HTMLAnchorElement;
back.textContent = t(lang, 'sources.back');
back.href = pageHref('explore', lang === 'en' ? 'lang=en' : '');
const langLink = $('lang-switch') as HTMLAnchorElement;
langLink.textContent = t(lang, 'lang.switch');
langLink.lang = langLink.hreflang = lang === 'zh' ? 'en' : 'zh-CN';
langLink.href = langSwitchHref(location, lang);

/** A link only for an http(s) address as written (text otherwise); the page never fetches it. */
function address(value: string | null): Child {
  if (!value) return null;
  try {
    const u = new URL(value);
    if (u.protocol === 'http:' || u.protocol === 'https:') return h('a', { href: u.href, rel: 'noopener noreferrer external', class: 'address' }, value);
  } catch {
    /* not an absolute address: shown as text */
  }
  return h('span', { class: 'address' }, value);
}

function dl(rows: [string, Child][]): HTMLElement {
  const el = h('dl', { class: 'facts' });
  for (const [k, v] of rows) if (v != null && v !== '') el.append(h('dt', {}, k), h('dd', {}, v));
  return el;
}

const badge = (g: Grade) => h('span', { class: `grade grade-${g} grade-badge`, 'data-grade': g, title: t(lang, `grade.${g}.means`) }, t(lang, `grade.${g}`));

function foundText(c: Completeness): string {
  const found = formatNumber(c.found, lang);
  if (c.official == null || c.ratio == null) return t(lang, 'sources.foundOnly', { found });
  return t(lang, 'sources.found', { found, official: formatNumber(c.official, lang), pct: Math.round(c.ratio * 100) });
}

function batchEntry(c: Completeness, src: SourceRow | undefined): HTMLElement {
  const b = c.batch;
  const regions = REGION_IDS.map((r) => `${t(lang, `region.${r}`)} ${formatNumber(c.byRegion[r], lang)}`).join(sep);
  return h(
    'article',
    { class: 'batch', id: `batch-${b.id}` },
    h('h4', {}, name(b, lang)),
    dl([
      [t(lang, 'sources.date'), b.date ?? t(lang, 'sources.dateNone')],
      [t(lang, 'sources.source'), src ? h('a', { href: sourceHref(src.id, lang), 'data-source': src.id }, `${pick(src, 'issuer', lang)} · ${pick(src, 'title', lang)}`) : b.source_id],
      [t(lang, 'sources.official'), c.official != null ? formatNumber(c.official, lang) : t(lang, 'sources.notStated')],
      [t(lang, 'sources.cumulative'), b.cumulative_count != null ? formatNumber(b.cumulative_count, lang) : null],
      [t(lang, 'sources.foundHere'), h('span', { class: 'found', 'data-found': String(c.found) }, foundText(c))],
      [t(lang, 'sources.byRegion'), regions],
      [t(lang, 'sources.lowOnly'), c.lowOnly ? t(lang, 'sources.lowOnlyText', { n: c.lowOnly }) : null],
      [t(lang, 'sources.why'), pick(b, 'completeness', lang) || null],
      [t(lang, 'sources.notes'), pick(b, 'notes', lang) || null],
    ]),
  );
}

function listsSection(atlas: Atlas, comp: Completeness[]): HTMLElement {
  const sources = new Map(atlas.sources.map((s) => [s.id, s]));
  const section = h('section', { id: 'lists', 'aria-labelledby': 'lists-title' }, h('h2', { id: 'lists-title' }, t(lang, 'sources.lists')), h('p', {}, t(lang, 'sources.lists.intro')));
  for (const p of atlas.programmes) {
    const block = h('section', { class: 'programme', id: `programme-${p.id}` }, h('h3', {}, name(p, lang)), h('p', { class: 'muted' }, [pick(p, 'issuer', lang), pick(p, 'description', lang)].filter(Boolean).join(' · ')));
    for (const c of comp) if (c.programme.id === p.id) block.append(batchEntry(c, sources.get(c.batch.source_id)));
    section.append(block);
  }
  return section;
}

/** The order of sources: those backing a batch in programme and batch order, then by the first batch they feed, then the rest. */
function sourceOrder(atlas: Atlas): SourceRow[] {
  const prog = new Map(atlas.programmes.map((p, i) => [p.id, i]));
  const batchRank = new Map(atlas.batches.map((b, i) => [b.id, (prog.get(b.programme) ?? prog.size) * 10000 + i]));
  const backs = new Map<string, number>();
  const feeds = new Map<string, number>();
  const least = (m: Map<string, number>, k: string, v: number | undefined) => {
    if (v != null && v < (m.get(k) ?? Infinity)) m.set(k, v);
  };
  for (const b of atlas.batches) least(backs, b.source_id, batchRank.get(b.id));
  for (const c of atlas.clusters) least(feeds, c.source_id, batchRank.get(c.batch));
  for (const f of atlas.figures) least(feeds, f.source_id, batchRank.get(f.batch));
  const key = (s: SourceRow): [number, number] => (backs.has(s.id) ? [0, backs.get(s.id)!] : feeds.has(s.id) ? [1, feeds.get(s.id)!] : [2, 0]);
  return atlas.sources.slice().sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || a.id.localeCompare(b.id);
  });
}

function contributions(atlas: Atlas, s: SourceRow): string {
  const clusters = atlas.clusters.filter((c) => c.source_id === s.id).length;
  const figs = atlas.figures.filter((f) => f.source_id === s.id);
  const outcome = figs.filter((f) => f.stage === 'outcome').length;
  const target = figs.filter((f) => f.stage !== 'outcome' && f.kind === 'target').length;
  const actual = figs.length - outcome - target;
  const batches = atlas.batches.filter((b) => b.source_id === s.id).map((b) => name(b, lang));
  const yearsConfirmed = atlas.figures.filter((f) => f.year_source_id === s.id).length;
  const gdp = atlas.gdp.source_id === s.id ? atlas.gdp : null;
  const parts = [
    clusters ? txn(lang, 'sources.contrib.clusters', clusters) : '',
    actual ? txn(lang, 'sources.contrib.actual', actual) : '',
    target ? txn(lang, 'sources.contrib.target', target) : '',
    outcome ? txn(lang, 'sources.contrib.outcome', outcome) : '',
    yearsConfirmed ? txn(lang, 'sources.contrib.years', yearsConfirmed) : '',
    gdp && gdp.years.length ? t(lang, 'sources.contrib.gdp', { n: formatNumber(Object.keys(gdp.series).length, lang), from: gdp.years[0]!, to: gdp.years[gdp.years.length - 1]! }) : '',
    batches.length ? t(lang, 'sources.contrib.batches', { list: batches.join(sep) }) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(sep) : t(lang, 'sources.contrib.none');
}

/** A document number or date with what is known of it: confirmed elsewhere, or illegible in the copy. */
function withStatus(value: string | null, st: SourceRow['date_status'], what: 'doc' | 'date'): string | null {
  if (!value) return st === 'illegible' ? t(lang, what === 'doc' ? 'sources.docIllegibleOnly' : 'sources.dateIllegible') : what === 'date' ? t(lang, 'sources.dateNone') : null;
  if (st === 'illegible') return t(lang, what === 'doc' ? 'sources.docIllegible' : 'sources.dateIllegibleWith', { value });
  return st === 'confirmed' ? `${value}${t(lang, 'sources.confirmedElsewhere')}` : value;
}

function sourceEntry(atlas: Atlas, s: SourceRow): HTMLElement {
  const readName = pick(s, 'read_at_name', lang);
  const readAt = s.read_at || readName ? h('span', {}, address(s.read_at), readName ? (s.read_at ? t(lang, 'sources.readAtName', { name: readName }) : readName) : '') : null;
  return h(
    'article',
    { class: 'source', id: `src-${s.id}`, 'data-grade': s.grade },
    h('h3', {}, h('span', { class: 'source-title' }, pick(s, 'title', lang)), ' ', badge(s.grade)),
    h('p', { class: 'grade-means' }, t(lang, `grade.${s.grade}.means`)),
    dl([
      [t(lang, 'sources.issuer'), pick(s, 'issuer', lang)],
      [t(lang, 'sources.doc'), withStatus(s.doc_number, s.doc_number_status, 'doc')],
      [t(lang, 'sources.date'), withStatus(s.date, s.date_status, 'date')],
      [t(lang, 'sources.original'), address(s.url)],
      [t(lang, 'sources.readAt'), readAt],
      [t(lang, 'sources.contributes'), contributions(atlas, s)],
      [t(lang, 'sources.notes'), pick(s, 'notes', lang) || null],
    ]),
  );
}

function sourcesSection(atlas: Atlas): HTMLElement {
  const filter = h('fieldset', { class: 'grade-filter' }, h('legend', {}, t(lang, 'sources.filter')));
  const list = h('div', { class: 'source-list' });
  for (const g of GRADES) {
    const box = h('input', { type: 'checkbox', checked: true, value: g });
    box.addEventListener('change', () => list.querySelectorAll<HTMLElement>(`.source[data-grade="${g}"]`).forEach((el) => (el.hidden = !box.checked)));
    filter.append(h('label', { class: 'check' }, box, h('span', { class: `grade grade-${g}` }, t(lang, `grade.${g}`)), h('span', { class: 'check-means' }, t(lang, `grade.${g}.means`))));
  }
  for (const s of sourceOrder(atlas)) list.append(sourceEntry(atlas, s));
  return h('section', { id: 'sources', 'aria-labelledby': 'sources-list-title' }, h('h2', { id: 'sources-list-title' }, t(lang, 'sources.list')), filter, list);
}

const RULES = ['size', 'metrics', 'growth', 'sum', 'stage', 'kind', 'places', 'counts', 'grades'] as const;

function methodSection(): HTMLElement {
  const items = RULES.map((k) => h('section', { class: 'rule', id: `rule-${k}` }, h('h3', {}, t(lang, `sources.rule.${k}.title`)), h('p', {}, t(lang, `sources.rule.${k}`))));
  const cite = citation(lang, new URL('./', location.href).href, []);
  return h(
    'section',
    { id: 'method', 'aria-labelledby': 'method-title' },
    h('h2', { id: 'method-title' }, t(lang, 'sources.method')),
    ...items,
    h('section', { class: 'rule', id: 'rule-cite' }, h('h3', {}, t(lang, 'sources.cite.title')), h('p', {}, t(lang, 'sources.cite')), h('p', { class: 'citation' }, cite)),
  );
}

function toc(atlas: Atlas): HTMLElement {
  const item = (href: string, label: string, ...sub: HTMLElement[]) => h('li', {}, h('a', { href }, label), sub.length ? h('ol', {}, ...sub) : null);
  return h(
    'nav',
    { class: 'toc', 'aria-labelledby': 'toc-title' },
    h('h2', { id: 'toc-title', class: 'toc-title' }, t(lang, 'sources.toc')),
    h(
      'ol',
      {},
      item('#lists', t(lang, 'sources.lists'), ...atlas.programmes.map((p) => item(`#programme-${p.id}`, name(p, lang)))),
      item('#sources', t(lang, 'sources.list')),
      item('#method', t(lang, 'sources.method'), ...RULES.map((k) => item(`#rule-${k}`, t(lang, `sources.rule.${k}.title`))), item('#rule-cite', t(lang, 'sources.cite.title'))),
    ),
  );
}

/** The element the hash names, or null for no, an unknown or a malformed hash (ignored). */
function hashTarget(): HTMLElement | null {
  if (location.hash.length < 2) return null;
  try {
    return document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return null;
  }
}

/** Marks and scrolls to the entry the hash names (an entry exists only once the data is drawn). */
function showTarget(): void {
  document.querySelectorAll('.is-target').forEach((el) => el.classList.remove('is-target'));
  const target = hashTarget();
  if (!target) return;
  // An entry the grade filter hides is shown again, its grade checked.
  const box = target.hidden ? document.querySelector<HTMLInputElement>(`.grade-filter input[value="${target.dataset['grade']}"]`) : null;
  if (box) {
    box.checked = true;
    box.dispatchEvent(new Event('change'));
  }
  target.classList.add('is-target');
  target.scrollIntoView({ block: 'start' });
}

withRetry($('load-status'), lang, () => loadAtlas()).then((atlas) => {
  settleView(atlas, view, ignored, $('notices'));
  const comp = completeness(atlas);
  $('root').append(h('h1', { class: 'page-title' }, t(lang, 'sources.title')), toc(atlas), listsSection(atlas, comp), sourcesSection(atlas), methodSection());
  showTarget();
  window.addEventListener('hashchange', showTarget);
  status.ready = true;
});
