/** What every page shares: language from the URL, the document language, notices for ignored params. */
import { parseView, reconcileView, type ViewState, type Ignored } from '../state/url.ts';
import type { Atlas } from '../data/schema.ts';
import { t, type Lang } from '../i18n/index.ts';
import { showNotice } from '../ui/notice.ts';
import { knownIds } from '../state/known.ts';
import { isSingleFile, PAGE_PARAM } from '../state/pages.ts';
import '../styles/base.css';

declare global {
  interface Window {
    /** Page status, read by the browser tests and the bench. */
    __atlas?: PageStatus;
  }
}

export interface PageStatus {
  /** True once the page has drawn what it shows (or shown why it cannot); on explore, once the WebGL map has taken over or could not. */
  ready: boolean;
  /** performance.now() at the map's first idle, on pages with a map. */
  mapIdleAt: number | null;
  /** performance.now() at the first frame showing the base map (explore: drawn before the WebGL map is in). */
  firstPixelsAt?: number;
  /** performance.now() once the explore page's first view is drawn: the SVG map with every mark, the list and panel (the WebGL map follows). */
  firstViewAt?: number;
  error: string | null;
  /** Page coordinates of a cluster's map mark (explore page), for tests and the bench. */
  locate?: (clusterId: string) => [number, number] | null;
  /** The cluster highlighted across map, list and charts (hover), for tests. */
  hot?: string | null;
  /** The region highlighted across map and charts (hover), for tests. */
  hotRegion?: string | null;
  /** Which map is drawn: 'webgl' or 'svg'. */
  renderer?: 'webgl' | 'svg';
  /** Why the SVG map stands in for the WebGL one ('nowebgl', 'worker', 'style', 'contextlost', 'other'). */
  mapFailure?: string;
}

export interface PageStart {
  view: ViewState;
  ignored: Ignored[];
  status: PageStatus;
}

export function startPage(win: Window = window, skip: ReadonlySet<string> = new Set()): PageStart {
  // In a single-file edition ?page= picks the page: it is not a view parameter to report.
  const own = isSingleFile(win.document) && !win.document.documentElement.dataset['badPage'] ? new Set([...skip, PAGE_PARAM]) : skip;
  const { view, ignored } = parseView(win.location.search, undefined, own);
  const doc = win.document;
  doc.documentElement.lang = view.lang === 'zh' ? 'zh-CN' : 'en';
  applyTheme(doc, view.theme);
  doc.documentElement.classList.add('has-js');
  const status: PageStatus = { ready: false, mapIdleAt: null, error: null };
  win.__atlas = status;
  return { view, ignored, status };
}

export function reportIgnored(host: HTMLElement, lang: Lang, ignored: Ignored[]): void {
  if (!ignored.length) return;
  const params = ignored.map((i) => `${i.key}=${i.value} (${i.reason})`).join('; ');
  showNotice(host, t(lang, 'notice.ignored', { params }), t(lang, 'notice.dismiss'));
}

/** Same page, other language, every other parameter kept. */
export function langSwitchHref(loc: Location, lang: Lang): string {
  const p = new URLSearchParams(loc.search);
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  if (other === 'zh') p.delete('lang');
  else p.set('lang', other);
  const s = p.toString();
  return loc.pathname + (s ? `?${s}` : '') + loc.hash;
}

/**
 * Once the data is in: ids the URL could parse but the data does not know are dropped, and every
 * ignored parameter (from parsing and from this check) is shown in one notice.
 */
export function settleView(atlas: Atlas, view: ViewState, ignored: Ignored[], notices: HTMLElement): ViewState {
  const known = knownIds(atlas);
  const settled = reconcileView(view, known);
  reportIgnored(notices, view.lang, [...ignored, ...settled.ignored]);
  return settled.view;
}

/** light / dark set the theme; auto leaves it to the system's prefers-color-scheme (see base.css). */
export function applyTheme(doc: Document, theme: ViewState['theme']): void {
  if (theme === 'auto') delete doc.documentElement.dataset['theme'];
  else doc.documentElement.dataset['theme'] = theme;
}

/** The theme switch: system / light / dark, written to the URL through `onChange`. */
export function themeSelect(lang: ViewState['lang'], current: ViewState['theme'], onChange: (theme: ViewState['theme']) => void): HTMLSelectElement {
  const select = document.createElement('select');
  select.className = 'theme-select';
  select.setAttribute('aria-label', t(lang, 'theme.label'));
  for (const theme of ['auto', 'light', 'dark'] as const) {
    const o = document.createElement('option');
    o.value = theme;
    o.textContent = t(lang, `theme.${theme}`);
    select.append(o);
  }
  select.value = current;
  select.addEventListener('change', () => {
    const theme = select.value as ViewState['theme'];
    applyTheme(document, theme);
    onChange(theme);
  });
  return select;
}
