/**
 * The import dialog (explore page, loaded on demand): pick or drop a file → map its columns and say what
 * the numbers are → check (rejected rows named, ambiguous places picked) → put on the map. The table is
 * read in the page and kept in this browser's IndexedDB; the only request is the site's own gazetteer.
 */
import { isSingleFile } from '../state/pages.ts';
import { saveOfflineWithUserLayer } from '../offline/withUserLayer.ts';
import type { Atlas } from '../data/schema.ts';
import { fetchJson } from '../data/load.ts';
import { currentUserLayer, setCurrentUserLayer, serializeUserLayer } from '../data/userLayerState.ts';
import { clearStoredUserLayer } from '../data/userStore.ts';
import { t, type Lang, type MessageKey } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import { h, clear } from '../ui/dom.ts';
import { saveBlob } from '../export/download.ts';
import { mapHeaders, type ColumnMap } from './headers.ts';
import type { GazetteerJson } from './gazetteer.ts';
import type { ImportOptions } from './build.ts';
import { columnsTable, settingsForm } from './mapping.ts';
import { resultsView } from './results.ts';
import { dataPackage, templateCsv, TEMPLATE } from './package.ts';
import { importClient, CANCELLED, type ImportClient } from './client.ts';
import { ImportError } from './errors.ts';
import { progressView, type ProgressView } from './progress.ts';
import { TABLE_LIMITS } from './table.ts';
import { viewFor } from './view.ts';
import type { CheckSummary, TableSummary } from './session.ts';
import '../styles/import.css';

export interface ImportDialogOptions {
  lang: Lang;
  atlas: Atlas;
  /** Where to go once the layer is stored (the page reloads with it); default location.assign. */
  navigate?: (href: string) => void;
}

let gazetteer: Promise<GazetteerJson> | null = null;
/** The gazetteer, fetched from the site once per page (and again after a failure). */
export function loadGazetteer(): Promise<GazetteerJson> {
  gazetteer ??= fetchJson('gazetteer.json') as Promise<GazetteerJson>;
  gazetteer.catch(() => (gazetteer = null));
  return gazetteer;
}

interface State {
  table: TableSummary;
  columns: ColumnMap[];
  opts: ImportOptions;
  result: CheckSummary | null;
}

/** The parts of the dialog the steps below fill in. */
interface Parts {
  lang: Lang;
  atlas: Atlas;
  dialog: HTMLDialogElement;
  status: HTMLElement;
  progress: ProgressView;
  sheetHost: HTMLElement;
  mappingHost: HTMLElement;
  resultsHost: HTMLElement;
  commit: HTMLButtonElement;
  client: Promise<ImportClient>;
}

const bytesLabel = (n: number, lang: Lang) => `${formatNumber(Math.round((n / 1024 / 1024) * 10) / 10, lang)} MB`;

/** An import error in the user's words: which limit, which row, what to do. */
function errorText(lang: Lang, e: unknown): string {
  if (!(e instanceof ImportError)) return t(lang, 'import.failed', { detail: e instanceof Error ? e.message : String(e) });
  const w = e.wire;
  if (w.message === CANCELLED) return t(lang, 'import.cancelled');
  if (w.kind === 'syntax') return t(lang, 'import.file.bad', { line: w.line ?? 1, reason: w.message });
  if (w.kind === 'too-large' && w.what === 'bytes') return t(lang, 'import.too-large.bytes', { found: bytesLabel(w.found ?? 0, lang), limit: bytesLabel(w.limit ?? 0, lang) });
  if (w.kind === 'too-large') return t(lang, 'import.too-large.rows', { limit: formatNumber(w.limit ?? 0, lang) });
  if (w.kind === 'workbook' && ['xls', 'encrypted'].includes(w.reason ?? '')) return t(lang, 'import.workbook.xls');
  if (w.kind === 'workbook' && ['zip-bomb', 'too-big', 'too-many-sheets'].includes(w.reason ?? '')) return t(lang, `import.workbook.${w.reason === 'too-many-sheets' ? 'too-many-sheets' : 'zip-bomb'}` as MessageKey, { detail: w.message });
  if (w.kind === 'workbook') return t(lang, 'import.workbook.bad', { detail: w.message });
  return t(lang, 'import.failed', { detail: w.message });
}

/** Run one step with its progress shown; errors become the status line. */
async function step<T>(p: Parts, f: (c: ImportClient) => Promise<T>): Promise<T | null> {
  try {
    return await f(await p.client);
  } catch (e) {
    p.status.textContent = errorText(p.lang, e);
    return null;
  } finally {
    p.progress.hide();
  }
}

function summaryText(lang: Lang, s: TableSummary): string {
  const cols = s.header.length;
  if (s.kind === 'xlsx') return t(lang, 'import.file.summary.sheet', { file: s.file, sheet: s.sheet ?? '', header: s.headerRow, rows: formatNumber(s.rows, lang), cols });
  return t(lang, 'import.file.summary', { file: s.file, encoding: t(lang, `import.encoding.${s.encoding}` as MessageKey), rows: formatNumber(s.rows, lang), cols });
}

/** A workbook's sheets, when it has more than one: choosing another reads that sheet instead. */
function sheetPicker(p: Parts, s: TableSummary, onTable: (t: TableSummary) => void): HTMLElement | null {
  if (s.sheets.length < 2) return null;
  const label = (x: TableSummary['sheets'][number]) => t(p.lang, x.hidden ? 'import.sheet.hidden' : 'import.sheet.rows', { sheet: x.name, rows: formatNumber(x.rows, p.lang) });
  const select = h('select', { name: 'sheet' }, ...s.sheets.map((x) => h('option', { value: x.name, selected: x.name === s.sheet }, label(x))));
  select.addEventListener('change', () => void step(p, (c) => c.sheet(select.value)).then((table) => table && onTable(table)));
  return h('label', { class: 'import-setting import-sheet' }, h('span', { class: 'import-setting-label' }, t(p.lang, 'import.sheet')), select);
}

export function openImportDialog(o: ImportDialogOptions): HTMLDialogElement {
  const { lang, atlas } = o;
  void loadGazetteer();
  const commit = h('button', { type: 'button', class: 'import-commit', disabled: true }, t(lang, 'import.commit', { clusters: 0 }));
  const input = h('input', { type: 'file', accept: '.csv,.tsv,.txt,.xlsx,.xls,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', class: 'import-file', id: 'import-file' });
  const parts: Parts = {
    lang,
    atlas,
    dialog: h('dialog', { class: 'import-dialog', 'aria-labelledby': 'import-title' }),
    status: h('p', { class: 'import-status', role: 'status', 'aria-live': 'polite' }),
    progress: progressView(lang, () => (flow.reset(), void parts.client.then((c) => c.cancel()))),
    sheetHost: h('div', { class: 'import-sheet-host' }),
    mappingHost: h('section', { class: 'import-mapping', hidden: true }),
    resultsHost: h('section', { class: 'import-check', hidden: true }),
    commit,
    client: importClient((pr) => parts.progress.show(pr), isSingleFile()),
  };
  const flow = importFlow(parts, o);
  input.addEventListener('change', () => input.files?.[0] && void flow.readFile(input.files[0]));
  const { dialog } = parts;
  const current = currentBox(lang, o);
  dialog.append(
    h('h2', { id: 'import-title' }, t(lang, 'import.title')),
    h('p', { class: 'import-private' }, t(lang, 'import.private')),
    ...(current ? [current] : []),
    h('div', { class: 'import-start' }, input, dropZone(lang, flow.readFile), h('p', { class: 'import-note' }, t(lang, 'import.formats'), ' ', t(lang, 'import.limits', { rows: formatNumber(TABLE_LIMITS.rows, lang), size: bytesLabel(TABLE_LIMITS.bytes, lang) })), templateLinks(lang)),
    parts.status,
    parts.progress.el,
    parts.sheetHost,
    parts.resultsHost,
    parts.mappingHost,
    h('div', { class: 'import-actions' }, commit, h('form', { method: 'dialog' }, h('button', { class: 'import-cancel' }, t(lang, 'import.cancel')))),
  );
  commit.addEventListener('click', () => void flow.store());
  dialog.addEventListener('close', () => (void parts.client.then((c) => c.cancel()), dialog.remove()));
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

function dropZone(lang: Lang, readFile: (f: File) => void): HTMLElement {
  const drop = h('label', { class: 'import-drop', for: 'import-file' }, h('span', { class: 'import-pick' }, t(lang, 'import.pick')), ' ', h('span', {}, t(lang, 'import.drop')));
  drop.addEventListener('dragover', (e) => (e.preventDefault(), drop.classList.add('over')));
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) readFile(f);
  });
  return drop;
}

/** The steps: read a file (or a sheet), map its columns, check, store. */
function importFlow(p: Parts, o: ImportDialogOptions) {
  const { lang, atlas } = p;
  let state: State | null = null;
  let checks = 0;
  const check = async () => {
    if (!state) return;
    const mine = ++checks;
    const s = state;
    let gz: GazetteerJson;
    try {
      gz = await loadGazetteer();
    } catch {
      p.status.textContent = t(lang, 'import.gazetteer.failed');
      return;
    }
    const result = await step(p, (c) => c.check(s.columns, s.opts, { metrics: atlas.metrics, sectors: atlas.sectors }, gz));
    if (!result || mine !== checks || s !== state) return; // a newer check or file is on its way
    s.result = result;
    clear(p.resultsHost);
    p.resultsHost.append(h('h3', {}, t(lang, 'import.check')), resultsView(lang, result, s.opts.choices as Record<string, string>, () => void check()));
    p.resultsHost.hidden = false;
    p.commit.disabled = result.clusters === 0 || !s.opts.sourceLine.trim();
    p.commit.textContent = t(lang, 'import.commit', { clusters: formatNumber(result.clusters, lang) });
  };
  const remap = () => {
    if (!state) return;
    clear(p.mappingHost);
    p.mappingHost.append(
      h('h3', {}, t(lang, 'import.columns')),
      h('p', { class: 'import-note' }, t(lang, 'import.columns.hint')),
      h('div', { class: 'import-columns-scroll' }, columnsTable(lang, state.table, state.columns, remap)),
      h('h3', {}, t(lang, 'import.settings')),
      settingsForm(lang, atlas, state.table, state.columns, state.opts, () => void check()),
    );
    p.mappingHost.hidden = false;
    void check();
  };
  const useTable = (table: TableSummary) => {
    p.status.textContent = summaryText(lang, table);
    const opts: ImportOptions = state?.opts.fileName === table.file ? state.opts : { fileName: table.file, sourceLine: table.file.replace(/\.[^.]+$/, ''), grade: 'official', mode: 'beside', defaultMetric: 'output', defaultStage: 'baseline', defaultYear: null, defaultSector: 'other', choices: {}, now: new Date().toISOString() };
    state = { table, columns: mapHeaders(table.header, atlas.metrics), opts, result: null };
    clear(p.sheetHost);
    const picker = sheetPicker(p, table, useTable);
    if (picker) p.sheetHost.append(picker);
    p.dialog.classList.add('has-file');
    remap();
  };
  /** Back to "choose a file": after a cancel the worker that held the table is gone. */
  const reset = () => {
    state = null;
    clear(p.sheetHost);
    p.mappingHost.hidden = p.resultsHost.hidden = true;
    p.commit.disabled = true;
    p.dialog.classList.remove('has-file');
  };
  const readFile = async (file: File) => {
    reset();
    p.status.textContent = '';
    p.progress.show({ phase: 'read', rows: 0, total: null, share: null });
    const table = await step(p, (c) => c.open(file));
    p.dialog.dataset['runs'] = (await p.client).where; // worker or page: the tests and the bench read it
    if (table) useTable(table);
  };
  const store = async () => {
    if (!state?.result) return;
    p.commit.disabled = true;
    const r = await step(p, (c) => c.store());
    if (r !== 'stored') {
      if (r) p.status.textContent = t(lang, r === 'quota' ? 'import.store.quota' : 'import.store.failed', { clusters: formatNumber(state.result.clusters, lang) });
      p.commit.disabled = false;
      return;
    }
    (o.navigate ?? ((href: string) => location.assign(href)))(viewFor(state.result.view, new URL(location.href)));
  };
  return { readFile, store, reset };
}

function templateLinks(lang: Lang): HTMLElement {
  const link = (l: Lang, key: MessageKey) =>
    h('button', { type: 'button', class: 'import-template', onclick: () => saveBlob(new Blob([templateCsv(l)], { type: 'text/csv;charset=utf-8' }), TEMPLATE[l].file) }, t(lang, key));
  return h('p', { class: 'import-templates' }, link('zh', 'import.template'), ' ', link('en', 'import.template.en'));
}

/** The layer this browser holds: what it is, an export, and a way to remove it. */
function currentBox(lang: Lang, o: ImportDialogOptions): HTMLElement | null {
  const p = currentUserLayer();
  if (!p) return null;
  return h(
    'div',
    { class: 'import-current' },
    h('p', {}, t(lang, 'import.current', { file: p.file, clusters: p.clusters.length, date: p.importedAt.slice(0, 10) })),
    h('button', { type: 'button', onclick: () => saveBlob(new Blob([dataPackage(p)], { type: 'application/zip' }), 'my-clusters-data-package.zip') }, t(lang, 'import.export')),
    ' ',
    // Inside the offline edition there is no server to fetch the edition from: the button is the site's.
    isSingleFile()
      ? null
      : h('button', {
          type: 'button',
          class: 'import-offline',
          title: t(lang, 'import.exportOffline.title'),
          onclick: (e: Event) => {
            const button = e.currentTarget as HTMLButtonElement;
            button.disabled = true;
            saveOfflineWithUserLayer(serializeUserLayer(p), t(lang, 'import.exportOffline.file'))
              .catch((err: unknown) => {
                const note = h('p', { class: 'import-offline-error', role: 'alert' }, t(lang, 'import.exportOffline.failed', { detail: err instanceof Error ? err.message : String(err) }));
                button.after(note);
              })
              .finally(() => (button.disabled = false));
          },
        }, t(lang, 'import.exportOffline')),
    ' ',
    h('button', {
      type: 'button',
      class: 'import-clear',
      onclick: async () => {
        await clearStoredUserLayer();
        setCurrentUserLayer(null);
        const url = new URL(location.href);
        url.searchParams.delete('layer');
        url.searchParams.delete('cluster');
        (o.navigate ?? ((href: string) => location.assign(href)))(url.pathname + url.search);
      },
    }, t(lang, 'import.clear')),
  );
}
