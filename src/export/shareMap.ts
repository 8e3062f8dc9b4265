/**
 * The map's share image (see share.ts, shareLayout.ts): the drawn map (its canvases and SVGs, as the
 * map PNG takes them), the empty sea around it cropped off, scaled to 540 CSS px wide and at most 1.6
 * times that in height; the key's heading at 16 px, and the map's whole key laid out again at 360 px
 * (long labels wrapped) and scaled to 540 (its 11 px labels at 16.5 px); then source, citation, notice
 * and the site's address. Drawn at 2×: 1080 px wide.
 */
import type { Lang } from '../i18n/index.ts';
import { legendSvg, type LegendModel } from '../map/legend.ts';
import { measure, wrap } from '../charts/shared/layout.ts';
import { drawSvg, svgToCanvas, toBlob, type MapImageText } from './png.ts';
import { SHARE, headBlocks, footBlocks, shareFrame, wrapText, drawBlocks, siteAddress, type Block, type ShareBody } from './shareLayout.ts';

const NS = 'http://www.w3.org/2000/svg';
/** The key is laid out this wide and scaled to 540. */
const KEY_WIDTH = 360;

/** A rectangle in CSS px of the map. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where the map goes: its scale to 540 wide, the height shown, and the part of `crop` drawn (its middle when too tall). */
export function mapBox(crop: Box): { scale: number; height: number; src: Box } {
  const scale = SHARE.width / Math.max(1, crop.w);
  const height = Math.round(Math.min(crop.h * scale, SHARE.width * SHARE.mapRatio));
  const srcH = height / scale;
  return { scale, height, src: { x: crop.x, y: crop.y + (crop.h - srcH) / 2, w: crop.w, h: srcH } };
}

/**
 * The drawn part of a map picture: the pixels unlike its background (the colour most common along its
 * border), with `margin` around, in the picture's px; the whole picture when nothing stands out.
 */
export function contentBox(data: ArrayLike<number>, w: number, h: number, margin: number): Box {
  const at = (x: number, y: number) => (y * w + x) * 4;
  const counts = new Map<number, { n: number; i: number }>();
  const edge = (x: number, y: number) => {
    const i = at(x, y);
    const key = ((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3);
    const c = counts.get(key) ?? { n: 0, i };
    c.n++;
    counts.set(key, c);
  };
  for (let x = 0; x < w; x += 2) (edge(x, 0), edge(x, h - 1));
  for (let y = 0; y < h; y += 2) (edge(0, y), edge(w - 1, y));
  let bg = 0;
  let most = 0;
  for (const c of counts.values()) if (c.n > most) [most, bg] = [c.n, c.i];
  let [x0, y0, x1, y1] = [w, h, -1, -1];
  for (let y = 0; y < h; y += 2)
    for (let x = 0; x < w; x += 2) {
      const i = at(x, y);
      if (Math.abs(data[i]! - data[bg]!) + Math.abs(data[i + 1]! - data[bg + 1]!) + Math.abs(data[i + 2]! - data[bg + 2]!) <= 24) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  if (x1 < x0 || (x1 - x0) * (y1 - y0) < (w * h) / 50) return { x: 0, y: 0, w, h };
  const [l, t] = [Math.max(0, x0 - margin), Math.max(0, y0 - margin)];
  // Every other pixel is read: the last one read may have a drawn neighbour.
  return { x: l, y: t, w: Math.min(w, x1 + 2 + margin) - l, h: Math.min(h, y1 + 2 + margin) - t };
}

/** Lines wrapped by the key joined back: a space between two Latin letters, none beside Chinese. */
function joinLines(lines: string[]): string {
  return lines.reduce((acc, l) => {
    if (!acc) return l;
    const wide = measure(acc.slice(-1), 1) === 1 || measure(l.slice(0, 1), 1) === 1;
    return acc + (wide ? '' : ' ') + l;
  }, '');
}

const items = (svg: SVGSVGElement, group: string) =>
  [...svg.querySelectorAll(`.${group} .legend-item`)].map((g) => ({
    key: [...g.classList].find((c) => c.startsWith('legend-') && c !== 'legend-item')?.slice('legend-'.length) ?? '',
    label: g.querySelector('text')?.textContent ?? '',
    fill: g.firstElementChild?.getAttribute('fill') ?? '',
  }));

/** The model of a key drawn by legendSvg (src/map/legend.ts), read back to draw it again at another width. */
export function keyModel(svg: SVGSVGElement): LegendModel {
  const heading = [...svg.children].filter((e) => e.localName === 'text').map((e) => e.textContent ?? '');
  const labels = [...svg.querySelectorAll('.map-key-sizes text')].map((e) => e.textContent ?? '');
  const sizes = [...svg.querySelectorAll('.map-key-sizes circle')].map((c, i) => ({ value: 0, label: labels[i] ?? '', r: Number(c.getAttribute('r')) || 0 }));
  return {
    sizeTitle: joinLines(heading),
    sizes,
    sectors: items(svg, 'map-key-sectors').map((s) => ({ id: s.key.replace(/^sector-/, ''), label: s.label, color: s.fill })),
    marks: items(svg, 'map-key-marks').map((m) => ({ kind: m.key === 'hollow' ? ('hollow' as const) : ('nofigure' as const), label: m.label })),
    regions: items(svg, 'map-key-regions').map((r) => ({ id: r.key.replace(/^region-/, ''), label: r.label, color: r.fill })),
  };
}

/**
 * Key labels longer than the key is wide (legendSvg draws each on one line) on as many lines as they
 * need, everything after them moved down; the key's height grows to match.
 */
export function wrapKeyLabels(key: SVGSVGElement, doc: Document): void {
  const width = Number(key.getAttribute('width'));
  const [pad, size, lh] = [12, 11, 14];
  let shift = 0;
  for (const node of key.querySelectorAll('*')) {
    for (const a of shift ? ['y', 'cy'] : []) {
      const v = node.getAttribute(a);
      if (v != null) node.setAttribute(a, String(Number(v) + shift));
    }
    if (node.localName !== 'text' || !node.parentElement?.classList.contains('legend-item')) continue;
    const x = Number(node.getAttribute('x'));
    const lines = wrap(node.textContent ?? '', (width - pad - x) * 0.94, size, 4);
    if (lines.length < 2) continue;
    node.textContent = '';
    lines.forEach((l, i) => {
      const span = doc.createElementNS(NS, 'tspan');
      span.setAttribute('x', String(x));
      if (i) span.setAttribute('dy', String(lh));
      span.textContent = l;
      node.append(span);
    });
    shift += (lines.length - 1) * lh;
  }
  const height = Number(key.getAttribute('height')) + shift;
  key.setAttribute('height', String(height));
  key.setAttribute('viewBox', `0 0 ${width} ${height}`);
  key.querySelector('.map-key-bg')?.setAttribute('height', String(height));
}

/** The map's key, 360 wide: its heading left out (the image writes it at its own size), long labels wrapped. */
function shareKey(model: LegendModel, doc: Document): SVGSVGElement {
  const key = legendSvg({ ...model, sizeTitle: '' }, KEY_WIDTH, doc);
  wrapKeyLabels(key, doc);
  return key;
}

/** A field where the map is drawn afterwards, then the key's heading, and the key scaled to 540 wide. */
function mapBody(doc: Document, height: number, heading: readonly Block[], key: SVGSVGElement | null): ShareBody {
  const g = doc.createElementNS(NS, 'g');
  const field = doc.createElementNS(NS, 'rect');
  for (const [k, v] of [['width', SHARE.width], ['height', height], ['fill', '#F5F7FA'], ['class', 'share-map']] as const) field.setAttribute(k, String(v));
  g.append(field);
  const top = drawBlocks(doc, g, heading, height);
  if (!key) return { el: g, height: top };
  const scale = SHARE.width / KEY_WIDTH;
  const kg = doc.createElementNS(NS, 'g');
  kg.setAttribute('class', 'share-key');
  kg.setAttribute('transform', `translate(0 ${top}) scale(${scale})`);
  kg.append(key);
  g.append(kg);
  return { el: g, height: top + Math.ceil(Number(key.getAttribute('height')) * scale) };
}

/** The map as on the page, its canvases and SVGs in place, `k` times its size, on white. */
async function mapCanvas(mapEl: HTMLElement, k: number): Promise<HTMLCanvasElement> {
  const rect = mapEl.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(rect.width * k));
  canvas.height = Math.max(1, Math.round(rect.height * k));
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(k, k);
  for (const c of mapEl.querySelectorAll('canvas')) {
    const r = c.getBoundingClientRect();
    if (r.width && r.height) ctx.drawImage(c, r.left - rect.left, r.top - rect.top, r.width, r.height);
  }
  for (const s of mapEl.querySelectorAll<SVGSVGElement>(':scope > svg, :scope > .map-first-pixels > svg')) {
    const r = s.getBoundingClientRect();
    if (r.width && r.height) await drawSvg(ctx, s, r.left - rect.left, r.top - rect.top, r.width, r.height);
  }
  return canvas;
}

/** The map's drawn part (the empty sea around it cropped off), in CSS px of the map. */
function mapCrop(map: HTMLCanvasElement, k: number): Box {
  const data = map.getContext('2d')!.getImageData(0, 0, map.width, map.height).data;
  const b = contentBox(data, map.width, map.height, Math.round(10 * k));
  return { x: b.x / k, y: b.y / k, w: b.w / k, h: b.h / k };
}

export interface ShareMapInput {
  mapEl: HTMLElement;
  text: MapImageText;
  lang: Lang;
  /** The page's address: the image carries the site's (siteAddress). */
  href: string;
}

export async function shareMapPng(i: ShareMapInput, doc: Document = document): Promise<Blob> {
  const k = SHARE.density;
  const map = await mapCanvas(i.mapEl, k);
  const box = mapBox(mapCrop(map, k));
  const model = i.text.key ? keyModel(i.text.key) : null;
  const key = model ? shareKey(model, doc) : null;
  const heading: Block[] = model?.sizeTitle ? [{ lines: wrapText(model.sizeTitle, 16, 4), size: 16, fill: '#1F2933', weight: 600, gap: 12 }] : [];
  const legend: Block[] = key ? [] : [{ lines: wrapText(i.text.legend.join('   '), SHARE.body, 6), size: SHARE.body, fill: '#1F2933' }];
  const foot = [...legend, ...footBlocks({ lang: i.lang, source: i.text.source, notes: [], citation: i.text.citation, notice: i.text.notice ?? null, address: siteAddress(i.href, i.text.citation) })];
  const { svg, bodyTop } = shareFrame(doc, i.text.title, headBlocks(i.text.title, i.text.subtitle), mapBody(doc, box.height, heading, key), foot);
  const canvas = await svgToCanvas(svg, k);
  const { src } = box;
  canvas.getContext('2d')!.drawImage(map, src.x * k, src.y * k, src.w * k, src.h * k, 0, bodyTop * k, SHARE.width * k, box.height * k);
  return toBlob(canvas);
}
