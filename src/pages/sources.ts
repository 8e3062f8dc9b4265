/**
 * Sources and method (sources.html): every list with its completeness, every source with its grade,
 * where it was read and what it contributes, and the atlas's rules. Wiring and layout only; the numbers
 * come from the data (src/data/layers.ts completeness()).
 */
import { startPage, settleView, langSwitchHref } from './shell.ts';
import { loadAtlas } from '../data/load.ts';
import { completeness, type Completeness } from '../data/layers.ts';
import type { Atlas, SourceRow } from '../data/schema.ts';
import { REGION_IDS } from '../data/schema.ts';
import { t, pick, ensureLang, type Lang } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import { h, type Child } from '../ui/dom.ts';
import { withRetry } from '../ui/loader.ts';
import { name } from '../ui/context.ts';
import { sourceHref, batchHref } from '../ui/sourceLink.ts';
import { citation } from '../export/cite.ts';
import '../styles/sources.css';

const { view, ignored, status } = startPage();
await ensureLang(view.lang);
const lang = view.lang;
const $ = (id: string) => document.getElementById(id)!;
document.title = `${t(lang, 'sources.title')} · ${t(lang, 'site.title')}`;
$('site-title').textContent = t(lang, 'site.title');
$('site-tagline').textContent = t(lang, 'sources.title');
const back = $('back-link') as HTMLAnchorElement;
back.textContent = t(lang, 'sources.back');
back.href = lang === 'en' ? './?lang=en' : './';
const langLink = $('lang-switch') as HTMLAnchorElement;
langLink.textContent = t(lang, 'lang.switch');
langLink.lang = langLink.hreflang = lang === 'zh' ? 'en' : 'zh-CN';
langLink.href = langSwitchHref(location, lang);

/** A link only for http(s) addresses (text otherwise); the page never fetches them. */
function address(value: string | null): Child {
  if (!value) return null;
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `http://${value}`;
  try {
    const u = new URL(withScheme);
    if (u.protocol === 'http:' || u.protocol === 'https:') return h('a', { href: u.href, rel: 'noopener noreferrer external', class: 'address' }, value);
  } catch {
    /* not an address: shown as text */
  }
  return h('span', { class: 'address' }, value);
}

function dl(rows: [string, Child][]): HTMLElement {
  const el = h('dl', { class: 'facts' });
  for (const [k, v] of rows) if (v != null && v !== '') el.append(h('dt', {}, k), h('dd', {}, v));
  return el;
}

function listsSection(atlas: Atlas, comp: Completeness[]): HTMLElement {
  const sources = new Map(atlas.sources.map((s) => [s.id, s]));
  const section = h('section', { id: 'lists', 'aria-labelledby': 'lists-title' }, h('h2', { id: 'lists-title' }, t(lang, 'sources.lists')), h('p', {}, t(lang, 'sources.lists.intro')));
  for (const p of atlas.programmes) {
    const batches = comp.filter((c) => c.programme.id === p.id);
    const block = h('section', { class: 'programme', id: `programme-${p.id}` }, h('h3', {}, name(p, lang)), h('p', { class: 'muted' }, `${pick(p, 'issuer', lang)} · ${pick(p, 'description', lang)}`));
    for (const c of batches) {
      const src = sources.get(c.batch.source_id);
      const found = c.official != null ? t(lang, 'sources.found', { found: formatNumber(c.found, lang), official: formatNumber(c.official, lang), pct: Math.round((c.ratio ?? 0) * 100) }) : t(lang, 'sources.foundOnly', { found: formatNumber(c.found, lang) });
      const regions = REGION_IDS.map((r) => `${t(lang, `region.${r}`)} ${formatNumber(c.byRegion[r], lang)}`).join(t(lang, 'chart.list.sep'));
      block.append(
        h(
          'article',
          { class: 'batch', id: `batch-${c.batch.id}` },
          h('h4', {}, name(c.batch, lang)),
          dl([
            [t(lang, 'sources.date'), c.batch.date ?? t(lang, 'sources.dateNone')],
            [t(lang, 'sources.source'), src ? h('a', { href: sourceHref(src.id, lang) }, `${pick(src, 'issuer', lang)} · ${pick(src, 'title', lang)}`) : c.batch.source_id],
            [t(lang, 'sources.official'), c.official != null ? formatNumber(c.official, lang) : t(lang, 'sources.notStated')],
            [t(lang, 'sources.cumulative'), c.batch.cumulative_count != null ? formatNumber(c.batch.cumulative_count, lang) : null],
            [t(lang, 'sources.foundHere'), h('span', { class: 'found', 'data-found': String(c.found) }, found)],
            [t(lang, 'sources.byRegion'), regions],
            [t(lang, 'sources.lowOnly'), c.lowOnly ? t(lang, 'sources.lowOnlyText', { n: c.lowOnly }) : null],
            [t(lang, 'sources.why'), pick(c.batch, 'completeness', lang) || null],
            [t(lang, 'sources.notes'), pick(c.batch, 'notes', lang) || null],
          ]),
        ),
      );
    }
    section.append(block);
  }
  return section;
}

function contributions(atlas: Atlas, s: SourceRow): string {
  const clusters = atlas.clusters.filter((c) => c.source_id === s.id).length;
  const figs = atlas.figures.filter((f) => f.source_id === s.id);
  const outcome = figs.filter((f) => f.stage === 'outcome').length;
  const target = figs.filter((f) => f.kind === 'target').length;
  const actual = figs.length - outcome - target;
  const batches = atlas.batches.filter((b) => b.source_id === s.id).map((b) => name(b, lang));
  const parts = [
    clusters ? t(lang, 'sources.contrib.clusters', { n: clusters }) : '',
    actual ? t(lang, 'sources.contrib.actual', { n: actual }) : '',
    target ? t(lang, 'sources.contrib.target', { n: target }) : '',
    outcome ? t(lang, 'sources.contrib.outcome', { n: outcome }) : '',
    batches.length ? t(lang, 'sources.contrib.batches', { list: batches.join(t(lang, 'chart.list.sep')) }) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(t(lang, 'chart.list.sep')) : t(lang, 'sources.contrib.none');
}

function sourcesSection(atlas: Atlas): HTMLElement {
  const order = new Map(atlas.batches.map((b, i) => [b.source_id, i]));
  const sorted = atlas.sources.slice().sort((a, b) => (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999) || a.id.localeCompare(b.id));
  const filter = h('fieldset', { class: 'grade-filter' }, h('legend', {}, t(lang, 'sources.filter')));
  const list = h('div', { class: 'source-list' });
  for (const g of ['official', 'press', 'reprint', 'low'] as const) {
    const box = h('input', { type: 'checkbox', checked: true, value: g });
    box.addEventListener('change', () => list.querySelectorAll<HTMLElement>(`.source[data-grade="${g}"]`).forEach((el) => (el.hidden = !box.checked)));
    filter.append(h('label', { class: 'check' }, box, h('span', { class: `grade grade-${g}` }, t(lang, `grade.${g}`))));
  }
  for (const s of sorted) {
    const doc = s.doc_number ? `${s.doc_number}${s.doc_number_status === 'illegible' ? t(lang, 'sources.illegible') : s.doc_number_status === 'confirmed' ? t(lang, 'sources.confirmedElsewhere') : ''}` : null;
    const date = s.date ? `${s.date}${s.date_status === 'confirmed' ? t(lang, 'sources.confirmedElsewhere') : ''}` : s.date_status === 'illegible' ? t(lang, 'sources.dateIllegible') : null;
    list.append(
      h(
        'article',
        { class: 'source', id: `src-${s.id}`, 'data-grade': s.grade },
        h('h3', {}, pick(s, 'title', lang), ' ', h('span', { class: `grade grade-${s.grade}`, title: t(lang, `grade.${s.grade}.means`) }, t(lang, `grade.${s.grade}`))),
        dl([
          [t(lang, 'sources.issuer'), pick(s, 'issuer', lang)],
          [t(lang, 'sources.doc'), doc],
          [t(lang, 'sources.date'), date],
          [t(lang, 'sources.grade'), t(lang, `grade.${s.grade}.means`)],
          [t(lang, 'sources.original'), address(s.url)],
          [t(lang, 'sources.readAt'), s.read_at ? h('span', {}, address(s.read_at), pick(s, 'read_at_name', lang) ? ` (${pick(s, 'read_at_name', lang)})` : '') : null],
          [t(lang, 'sources.contributes'), contributions(atlas, s)],
          [t(lang, 'sources.notes'), pick(s, 'notes', lang) || null],
        ]),
      ),
    );
  }
  return h('section', { id: 'sources', 'aria-labelledby': 'sources-list-title' }, h('h2', { id: 'sources-list-title' }, t(lang, 'sources.list')), filter, list);
}

function methodSection(): HTMLElement {
  const items = (['sum', 'stage', 'kind', 'places', 'counts', 'grades'] as const).map((k) => h('section', { class: 'rule', id: `rule-${k}` }, h('h3', {}, t(lang, `sources.rule.${k}.title`)), h('p', {}, t(lang, `sources.rule.${k}`))));
  const cite = citation(lang, new URL('./', location.href).href, []);
  return h(
    'section',
    { id: 'method', 'aria-labelledby': 'method-title' },
    h('h2', { id: 'method-title' }, t(lang, 'sources.method')),
    ...items,
    h('section', { class: 'rule', id: 'rule-cite' }, h('h3', {}, t(lang, 'sources.cite.title')), h('p', {}, t(lang, 'sources.cite')), h('p', { class: 'citation' }, cite)),
  );
}

withRetry($('load-status'), lang, () => loadAtlas()).then((atlas) => {
  settleView(atlas, view, ignored, $('notices'));
  const comp = completeness(atlas);
  const toc = h(
    'nav',
    { class: 'toc', 'aria-label': t(lang, 'sources.toc') },
    h('ol', {}, ...(['lists', 'sources', 'method'] as const).map((id) => h('li', {}, h('a', { href: `#${id}` }, t(lang, `sources.${id === 'sources' ? 'list' : id}`))))),
  );
  $('root').append(h('h1', { class: 'page-title' }, t(lang, 'sources.title')), toc, listsSection(atlas, comp), sourcesSection(atlas), methodSection());
  // The hash names an entry that exists only now: scroll to it (an unknown one is ignored).
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target) {
    target.classList.add('is-target');
    target.scrollIntoView();
  }
  status.ready = true;
});
