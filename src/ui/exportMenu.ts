/** The download menu beside every chart, the map and each embed: PNG, a share image for phones, SVG, CSV, and how to cite. */
import { h } from './dom.ts';
import { t, type Lang } from '../i18n/index.ts';
import type { PngSize, MapImageText } from '../export/png.ts';
import { svgToPng, mapToPng } from '../export/png.ts';
import { composeChartSvg, svgString } from '../export/compose.ts';
import { tableCsv, fullCsv } from '../export/csv.ts';
import { saveBlob, fileName } from '../export/download.ts';
import type { BuiltChart } from '../charts/registry.ts';
import type { Atlas } from '../data/schema.ts';
import type { ChartAt } from '../export/share.ts';

export interface ExportActions {
  png(size: PngSize): Promise<Blob>;
  /** The share image for phones: 1080 px wide, its text sized to be read there (src/export/share.ts, loaded on use). */
  share?: () => Promise<Blob>;
  /** Charts only: the map has no vector export. */
  svg?: () => string;
  csvShown?: () => string;
  csvFull: () => string;
  /** File name without extension. */
  name: string;
}

export interface ExportMenuOptions {
  lang: Lang;
  citation: string;
  actions: ExportActions;
  save(blob: Blob, filename: string): void;
  onError(message: string): void;
}

export function exportMenu(o: ExportMenuOptions): HTMLElement {
  const { lang, actions } = o;
  const csv = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });
  const run = (label: string, ext: string, make: () => Promise<Blob> | Blob, key: string, suffix = '') => {
    const b = h('button', { type: 'button', class: 'export-item', 'data-export': key }, label);
    b.addEventListener('click', async () => {
      try {
        o.save(await make(), `${actions.name}${suffix}.${ext}`);
      } catch (e) {
        o.onError(t(lang, 'export.failed', { reason: e instanceof Error ? e.message : String(e) }));
      }
    });
    return b;
  };
  const svgAction = actions.svg;
  const shown = actions.csvShown;
  const share = actions.share;
  return h(
    'details',
    { class: 'export-menu' },
    h('summary', {}, t(lang, 'export.title')),
    h(
      'div',
      { class: 'export-body' },
      run(t(lang, 'export.png1'), 'png', () => actions.png('1x'), 'png-1x'),
      run(t(lang, 'export.png2'), 'png', () => actions.png('2x'), 'png-2x'),
      run(t(lang, 'export.pngprint'), 'png', () => actions.png('print'), 'png-print'),
      share ? run(t(lang, 'export.pngshare'), 'png', share, 'png-share', '-1080') : null,
      svgAction ? run(t(lang, 'export.svg'), 'svg', () => new Blob([svgAction()], { type: 'image/svg+xml' }), 'svg') : null,
      shown ? run(t(lang, 'export.csvshown'), 'csv', () => csv(shown()), 'csv-shown') : null,
      run(t(lang, 'export.csvfull'), 'csv', () => csv(actions.csvFull()), 'csv-full'),
      h('p', { class: 'cite-title' }, t(lang, 'export.cite')),
      h('p', { class: 'cite' }, o.citation),
    ),
  );
}

/**
 * The download menu of one chart: PNG (composed with title, source and citation), the share image, SVG,
 * CSV shown and full. The share image draws the chart again narrower (its text then scales up): `at`
 * draws it at a width; without it, the chart is drawn again from the view in the page's address.
 */
export function chartExportMenu(o: { built: BuiltChart; atlas: Atlas; lang: Lang; citation: string; notice: string | null; onError(message: string): void; at?: ChartAt }): HTMLElement {
  const composed = () => composeChartSvg(o.built, document, { citation: o.citation, notice: o.notice });
  return exportMenu({
    lang: o.lang,
    citation: o.citation,
    save: saveBlob,
    onError: o.onError,
    actions: {
      name: fileName(o.built.meta.title, 'x').replace(/\.x$/, ''),
      png: (size) => svgToPng(composed(), size),
      share: () => import('../export/share.ts').then((m) => m.shareChart(o)),
      svg: () => svgString(composed()),
      csvShown: () => tableCsv(o.built.table, o.citation),
      csvFull: () => fullCsv(o.atlas, o.lang, o.citation),
    },
  });
}

/** The download menu of the map: PNG of the drawn map with its text, and the full data as CSV. */
export function mapExportMenu(o: { mapEl: HTMLElement; atlas: Atlas; lang: Lang; citation: string; text(): Omit<MapImageText, 'citation'>; onError(message: string): void; svg?: () => SVGSVGElement }): HTMLElement {
  const svg = o.svg;
  return exportMenu({
    lang: o.lang,
    citation: o.citation,
    save: saveBlob,
    onError: o.onError,
    actions: {
      name: fileName(o.text().title, 'x').replace(/\.x$/, ''),
      png: (size) => mapToPng(o.mapEl, { ...o.text(), citation: o.citation }, size),
      share: () => import('../export/share.ts').then((m) => m.shareMap(o)),
      ...(svg ? { svg: () => svgString(svg()) } : {}),
      csvFull: () => fullCsv(o.atlas, o.lang, o.citation),
    },
  });
}
