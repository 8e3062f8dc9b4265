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
import type { UserLayerPayload } from '../data/userLayer.ts';
import { storeUserLayer, clearStoredUserLayer } from '../data/userStore.ts';
import { CsvSyntaxError } from '../data/csv.ts';
import { t, type Lang, type MessageKey } from '../i18n/index.ts';
import { h, clear } from '../ui/dom.ts';
import { saveBlob } from '../export/download.ts';
import { readTable, type ReadTable } from './decode.ts';
import { mapHeaders, type ColumnMap } from './headers.ts';
import { Gazetteer, type GazetteerJson } from './gazetteer.ts';
import { buildUserLayer, type ImportOptions, type ImportResult } from './build.ts';
import { columnsTable, settingsForm } from './mapping.ts';
import { resultsView } from './results.ts';
import { dataPackage, templateCsv, TEMPLATE } from './package.ts';
import '../styles/import.css';

export interface ImportDialogOptions {
  lang: Lang;
  atlas: Atlas;
  /** Where to go once the layer is stored (the page reloads with it); default location.assign. */
  navigate?: (href: string) => void;
}

let gazetteer: Promise<Gazetteer> | null = null;
/** The gazetteer, fetched from the site once per page (and again after a failure). */
export function loadGazetteer(): Promise<Gazetteer> {
  gazetteer ??= fetchJson('gazetteer.json').then((json) => new Gazetteer(json as GazetteerJson));
  gazetteer.catch(() => (gazetteer = null));
  return gazetteer;
}

export function openImportDialog(o: ImportDialogOptions): HTMLDialogElement {
  const { lang, atlas } = o;
  const gz = loadGazetteer();
  const status = h('p', { class: 'import-status', role: 'status', 'aria-live': 'polite' });
  const mappingHost = h('section', { class: 'import-mapping', hidden: true });
  const resultsHost = h('section', { class: 'import-check', hidden: true });
  const commit = h('button', { type: 'button', class: 'import-commit', disabled: true }, t(lang, 'import.commit', { clusters: 0 }));
  const input = h('input', { type: 'file', accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain', class: 'import-file', id: 'import-file' });
  let state: { table: ReadTable; columns: ColumnMap[]; opts: ImportOptions; result: ImportResult | null } | null = null;

  const check = async () => {
    if (!state) return;
    const g = await gz;
    state.result = buildUserLayer(state.table, state.columns, state.opts, atlas, g);
    clear(resultsHost);
    resultsHost.append(h('h3', {}, t(lang, 'import.check')), resultsView(lang, state.result, state.opts.choices as Record<string, string>, () => void check()));
    resultsHost.hidden = false;
    commit.disabled = state.result.payload.clusters.length === 0 || !state.opts.sourceLine.trim();
    commit.textContent = t(lang, 'import.commit', { clusters: state.result.payload.clusters.length });
  };
  const remap = () => {
    if (!state) return;
    clear(mappingHost);
    mappingHost.append(
      h('h3', {}, t(lang, 'import.columns')),
      h('p', { class: 'import-note' }, t(lang, 'import.columns.hint')),
      h('div', { class: 'import-columns-scroll' }, columnsTable(lang, state.table, state.columns, remap)),
      h('h3', {}, t(lang, 'import.settings')),
      settingsForm(lang, atlas, state.table, state.columns, state.opts, () => void check()),
    );
    mappingHost.hidden = false;
    void check();
  };
  const readFile = async (file: File) => {
    status.textContent = t(lang, 'import.reading');
    state = null;
    mappingHost.hidden = resultsHost.hidden = true;
    commit.disabled = true;
    try {
      const table = readTable(new Uint8Array(await file.arrayBuffer()));
      await gz;
      status.textContent = t(lang, 'import.file.summary', { file: file.name, encoding: t(lang, `import.encoding.${table.encoding}` as MessageKey), rows: table.rows.length, cols: table.header.length });
      const opts: ImportOptions = { fileName: file.name, sourceLine: file.name.replace(/\.[^.]+$/, ''), grade: 'official', mode: 'beside', defaultMetric: 'output', defaultStage: 'baseline', defaultYear: null, defaultSector: 'other', choices: {}, now: new Date().toISOString() };
      state = { table, columns: mapHeaders(table.header, atlas.metrics), opts, result: null };
      dialog.classList.add('has-file');
      remap();
    } catch (e) {
      status.textContent = e instanceof CsvSyntaxError ? t(lang, 'import.file.bad', { line: e.line, reason: e.message }) : gazetteer === null ? t(lang, 'import.gazetteer.failed') : t(lang, 'import.file.bad', { line: 1, reason: String((e as Error).message ?? e) });
    }
  };
  input.addEventListener('change', () => input.files?.[0] && void readFile(input.files[0]));

  const drop = h('label', { class: 'import-drop', for: 'import-file' }, h('span', { class: 'import-pick' }, t(lang, 'import.pick')), ' ', h('span', {}, t(lang, 'import.drop')));
  drop.addEventListener('dragover', (e) => (e.preventDefault(), drop.classList.add('over')));
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) void readFile(f);
  });

  const dialog = h(
    'dialog',
    { class: 'import-dialog', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, t(lang, 'import.title')),
    h('p', { class: 'import-private' }, t(lang, 'import.private')),
    currentBox(lang, o),
    h('div', { class: 'import-start' }, input, drop, h('p', { class: 'import-note' }, t(lang, 'import.formats')), templateLinks(lang)),
    status,
    resultsHost,
    mappingHost,
    h('div', { class: 'import-actions' }, commit, h('form', { method: 'dialog' }, h('button', { class: 'import-cancel' }, t(lang, 'import.cancel')))),
  );
  commit.addEventListener('click', async () => {
    const p = state?.result?.payload;
    if (!p) return;
    commit.disabled = true;
    if (!(await storeUserLayer(p))) {
      status.textContent = t(lang, 'import.store.failed');
      return;
    }
    setCurrentUserLayer(p);
    (o.navigate ?? ((href: string) => location.assign(href)))(viewFor(p, new URL(location.href)));
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** The view to open on the imported layer: default layers (the user layer is one), its stage and metric. */
export function viewFor(p: UserLayerPayload, here: URL): string {
  const url = new URL(here.href);
  for (const k of ['layer', 'cluster', 'until', 'subject', 'sector', 'region', 'at']) url.searchParams.delete(k);
  const top = (xs: string[]) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]?.[0];
  const stage = top(p.figures.map((f) => f.stage));
  const metric = top(p.figures.filter((f) => ['output', 'sales', 'value-added'].includes(f.metric)).map((f) => f.metric));
  if (stage && stage !== 'target-1') url.searchParams.set('stage', stage);
  else url.searchParams.delete('stage');
  if (metric && metric !== 'output') url.searchParams.set('metric', metric);
  else url.searchParams.delete('metric');
  url.searchParams.set('tab', 'list');
  return url.pathname + url.search;
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
