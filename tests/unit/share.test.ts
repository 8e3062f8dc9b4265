// @vitest-environment jsdom
/** The share image for phones (src/export/share.ts, shareMap.ts): 540 CSS px wide, every word at 15 px or more. */
import { describe, it, expect, beforeAll } from 'vitest';
import { chartAtlas, realAtlas } from './chartFixture.ts';
import { CHART_IDS, buildChart, loadCharts, type ChartId } from '../../src/charts/registry.ts';
import { DEFAULT_VIEW, serializeView, type ViewState } from '../../src/state/url.ts';
import { composeShareChart, chartAtFromPage, type ChartAt } from '../../src/export/share.ts';
import { siteAddress, wrapText, SHARE } from '../../src/export/shareLayout.ts';
import { keyModel, mapBox, contentBox, wrapKeyLabels } from '../../src/export/shareMap.ts';
import { legendSvg, type LegendModel } from '../../src/map/legend.ts';
import { measure } from '../../src/charts/shared/layout.ts';
import type { Atlas } from '../../src/data/schema.ts';
import type { Lang } from '../../src/i18n/index.ts';

const ADDRESS = 'https://atlas.example.org/clusters/';
const CITATION = 'Cluster Atlas, https://atlas.example.org/clusters/?tab=ranking&layer=local, accessed 2025-01-01.';

/** The scale a node is drawn at: the product of the scale() of every transform above it (and its own). */
function scaleOf(node: Element): number {
  let k = 1;
  for (let e: Element | null = node; e; e = e.parentElement) {
    const m = /scale\(\s*([\d.]+)/.exec(e.getAttribute('transform') ?? '');
    if (m) k *= Number(m[1]);
  }
  return k;
}

/** The size a text is drawn at in the image: its nearest font-size times the scales above it. */
function drawnSize(node: Element): number {
  let size = NaN;
  for (let e: Element | null = node; e && Number.isNaN(size); e = e.parentElement) {
    const a = e.getAttribute('font-size');
    if (a) size = Number(a);
  }
  return size * scaleOf(node);
}

function share(atlas: Atlas, id: ChartId, view: ViewState, lang: Lang): { svg: SVGSVGElement; title: string; source: string } {
  const at: ChartAt = (width, room) => buildChart(id, atlas, view, { width, lang, doc: document, room });
  const built = buildChart(id, atlas, view, { width: 820, lang, doc: document });
  const svg = composeShareChart({ doc: document, lang, built, at, citation: CITATION, notice: null, address: ADDRESS });
  return { svg, title: built.meta.title, source: built.meta.source };
}

const textOf = (svg: Element) => [...svg.querySelectorAll('text')].map((n) => n.textContent ?? '').join('\n');
/** Every line of the image's own text (outside the chart), as drawn: joined without the line breaks. */
const ownText = (svg: Element) => [...svg.querySelectorAll(':scope > text')].map((n) => n.textContent ?? '').join('');

beforeAll(async () => {
  await loadCharts(CHART_IDS, 'zh');
  await loadCharts(CHART_IDS, 'en');
});

describe('share image of a chart', () => {
  const atlas = chartAtlas();
  const view: ViewState = { ...DEFAULT_VIEW, stage: 'target-1', tab: 'ranking' };

  it.each(['zh', 'en'] as const)('is 540 wide with title, source and address, every text at 15 px or more (ranking, %s)', (lang) => {
    const { svg, title, source } = share(atlas, 'ranking', { ...view, lang }, lang);
    expect(svg.getAttribute('width')).toBe(String(SHARE.width));
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 540 \d+$/);
    const texts = [...svg.querySelectorAll('text')];
    expect(texts.length).toBeGreaterThan(10);
    const small = texts.map((n) => ({ text: n.textContent, size: drawnSize(n) })).filter((x) => !(x.size >= 15));
    expect(small).toEqual([]);
    // The chart itself is scaled up (drawn narrower than 540) and its labels are in the image.
    const chart = svg.querySelector('.share-chart')!;
    expect(scaleOf(chart)).toBeGreaterThan(1.3);
    expect(chart.querySelectorAll('text').length).toBeGreaterThan(5);
    const own = ownText(svg).replace(/\s+/g, '');
    expect(own).toContain(title.replace(/\s+/g, ''));
    expect(own).toContain(source.replace(/\s+/g, ''));
    expect(own).toContain(ADDRESS);
    expect(Number(svg.getAttribute('height'))).toBeLessThan(1500);
  });

  it('title 26 px, subtitle 18 px, source and address 15 px, at 540 wide (twice that in the 1080 px image)', () => {
    const { svg, title } = share(atlas, 'regions', { ...view, tab: 'regions' }, 'zh');
    const own = [...svg.querySelectorAll(':scope > text')];
    expect(Number(own[0]!.getAttribute('font-size'))).toBe(26);
    expect(title.startsWith(own[0]!.textContent!)).toBe(true);
    expect(own.some((n) => n.getAttribute('font-size') === '18')).toBe(true);
    const address = own.find((n) => n.textContent === ADDRESS)!;
    expect(Number(address.getAttribute('font-size'))).toBe(15);
  });

  it.each(CHART_IDS.flatMap((id) => (['zh', 'en'] as const).map((lang) => [id, lang] as const)))('every chart of the real data: 540 wide, no text under 15 px, no line past the edge (%s, %s)', (id, lang) => {
    const real = realData();
    const { svg } = share(real, id, { ...DEFAULT_VIEW, lang, tab: id }, lang);
    expect(svg.getAttribute('width')).toBe('540');
    const small = [...svg.querySelectorAll('text')].filter((n) => !(drawnSize(n) >= 15)).map((n) => `${n.textContent} ${drawnSize(n)}`);
    expect(small).toEqual([]);
    for (const n of svg.querySelectorAll(':scope > text')) {
      const size = Number(n.getAttribute('font-size'));
      expect(Number(n.getAttribute('x')) + measure(n.textContent ?? '', size), n.textContent ?? '').toBeLessThanOrEqual(540 - 20);
    }
    expect(textOf(svg)).toContain(ADDRESS);
    // The chart, scaled, stays inside the image with a margin each side.
    const chart = svg.querySelector('.share-chart')!;
    const m = /translate\(([\d.]+)/.exec(chart.getAttribute('transform') ?? '')!;
    const right = Number(m[1]) + Number(chart.querySelector('svg')!.getAttribute('width')) * scaleOf(chart);
    expect(Number(m[1])).toBeGreaterThanOrEqual(10);
    expect(right).toBeLessThanOrEqual(540 - 10 + 0.1);
  });
});

let real: Atlas | null = null;
const realData = () => (real ??= realAtlas());

describe('share image parts', () => {
  it('the address: origin and path without the query; the citation for a file page', () => {
    expect(siteAddress('https://host.example/atlas/?tab=ranking&lang=en#x', 'C')).toBe('https://host.example/atlas/');
    expect(siteAddress('http://127.0.0.1:4312/index.html?tab=regions', 'C')).toBe('http://127.0.0.1:4312/');
    expect(siteAddress('https://host.example/atlas/embed.html?chart=ranking', 'C')).toBe('https://host.example/atlas/');
    expect(siteAddress('file:///home/me/cluster-atlas.html?tab=ranking', 'the citation')).toBe('the citation');
  });

  it('a file page writes its address (the citation) once', () => {
    const atlas = chartAtlas();
    const view: ViewState = { ...DEFAULT_VIEW, stage: 'target-1', tab: 'regions' };
    const at: ChartAt = (width, room) => buildChart('regions', atlas, view, { width, lang: 'en', doc: document, room });
    const built = buildChart('regions', atlas, view, { width: 820, lang: 'en', doc: document });
    const address = siteAddress('file:///x/atlas.html', CITATION);
    const svg = composeShareChart({ doc: document, lang: 'en', built, at, citation: CITATION, address });
    expect(ownText(svg).split('https://atlas.example.org').length - 1).toBe(1);
  });

  it('wraps long text inside the width, breaking a long address between characters', () => {
    const url = 'https://atlas.example.org/' + 'a'.repeat(200);
    const lines = wrapText(`See ${url} for more`, 15, 20);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(measure(l, 15)).toBeLessThanOrEqual(500);
    expect(lines.join('')).toContain('a'.repeat(50));
    const cut = wrapText('x '.repeat(400), 15, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('\u2026')).toBe(true);
  });

  it('keeps Chinese punctuation off the start of a line and opening brackets off its end', () => {
    const [one, two] = ['\u4e00', '\u4e8c'];
    const lines = wrapText(`${one.repeat(31)}\uff0c${two.repeat(40)}`, 15, 5);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]!.endsWith('\uff0c')).toBe(true);
    for (const l of lines.slice(1)) expect(/^[\uff0c\u3002\uff09]/.test(l)).toBe(false);
    const open = wrapText(`${one.repeat(30)}\uff08${two.repeat(40)}\uff09`, 15, 5);
    expect(open[0]!.endsWith('\uff08')).toBe(false);
    expect(open[1]!.startsWith('\uff08')).toBe(true);
  });

  it('redraws the page chart from the view in the address, or keeps the page drawing when that draws another chart', () => {
    const atlas = chartAtlas();
    const view: ViewState = { ...DEFAULT_VIEW, stage: 'target-1', tab: 'ranking' };
    const built = buildChart('ranking', atlas, view, { width: 820, lang: 'zh', doc: document });
    const again = chartAtFromPage(atlas, built, 'zh', document, serializeView(view))(396, null);
    expect(again?.svg.getAttribute('width')).toBe('396');
    expect(chartAtFromPage(atlas, built, 'zh', document, '?stage=target-1&metric=value-added')(396, null)).toBeNull();
  });

  it('the map: scaled to 540 wide, at most 1.6 times as tall (its middle)', () => {
    expect(mapBox({ x: 100, y: 50, w: 1000, h: 800 })).toEqual({ scale: 0.54, height: 432, src: { x: 100, y: 50, w: 1000, h: 800 } });
    const tall = mapBox({ x: 0, y: 0, w: 390, h: 700 });
    expect(tall.height).toBe(864);
    expect(tall.src.h).toBeCloseTo(864 / (540 / 390));
    expect(tall.src.y).toBeCloseTo((700 - tall.src.h) / 2);
  });

  it('the map is cropped to what is drawn on it: the pixels unlike the colour along its border', () => {
    const [w, h] = [100, 80];
    const data = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < data.length; i += 4) data.set([238, 242, 246, 255], i);
    for (let y = 30; y < 60; y++) for (let x = 20; x < 70; x++) data.set([240, 150, 120, 255], (y * w + x) * 4);
    expect(contentBox(data, w, h, 4)).toEqual({ x: 16, y: 26, w: 58, h: 38 });
    // Nothing drawn: the whole picture.
    expect(contentBox(new Uint8ClampedArray(w * h * 4).fill(255), w, h, 4)).toEqual({ x: 0, y: 0, w, h });
  });

  it('long key labels wrap inside the key, what follows them moves down and the key grows', () => {
    const long = 'Grey: no Output (gross industrial output value) figure (153; 13 with another money figure)';
    const model: LegendModel = { sizeTitle: '', sizes: [], sectors: [], marks: [{ kind: 'nofigure', label: long }, { kind: 'hollow', label: 'Hollow' }], regions: [{ id: 'east', label: 'East', color: '#111111' }] };
    const key = legendSvg(model, 360, document);
    const [height, regionY] = [Number(key.getAttribute('height')), Number(key.querySelector('.map-key-regions text')!.getAttribute('y'))];
    const hollowY = Number(key.querySelector('.legend-hollow text')!.getAttribute('y'));
    wrapKeyLabels(key, document);
    const spans = [...key.querySelectorAll('.legend-nofigure tspan')];
    expect(spans.length).toBeGreaterThan(1);
    expect(spans.map((t) => t.textContent).join(' ')).toBe(long);
    for (const t of spans) expect(Number(t.getAttribute('x')) + measure(t.textContent!, 11)).toBeLessThanOrEqual(360 - 12);
    const shift = 14 * (spans.length - 1);
    expect(Number(key.querySelector('.legend-hollow text')!.getAttribute('y'))).toBe(hollowY + shift);
    expect(Number(key.querySelector('.map-key-regions text')!.getAttribute('y'))).toBe(regionY + shift);
    expect(Number(key.getAttribute('height'))).toBe(height + shift);
  });

  it('the map key read back from its SVG draws the same key at another width', () => {
    const model: LegendModel = {
      sizeTitle: 'Circle area: output (target 1) \u00b7 12 of 30 clusters have a figure, the others are drawn small and grey',
      sizes: [{ value: 10, label: '10 bn', r: 4 }, { value: 100, label: '100 bn', r: 12 }],
      sectors: [{ id: 'auto', label: 'Automotive', color: '#0072B2' }, { id: 'bio', label: 'Biomedicine', color: '#D55E00' }],
      marks: [{ kind: 'nofigure', label: 'No figure (18)' }, { kind: 'hollow', label: 'Province only' }],
      regions: [{ id: 'east', label: 'East', color: '#111111' }],
    };
    const back = keyModel(legendSvg(model, 700, document));
    expect(back).toEqual({ ...model, sizes: model.sizes.map((s) => ({ ...s, value: 0 })) });
  });
});
