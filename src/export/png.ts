/** PNG exports: a composed SVG rasterised at 1×, 2× or a print width; the map from its canvases. */
import { svgString } from './compose.ts';
import { EXPORT_FONTS } from './compose.ts';

export type PngSize = '1x' | '2x' | 'print';
export const PRINT_WIDTH = 3000;

export function scaleFor(size: PngSize, width: number): number {
  return size === '1x' ? 1 : size === '2x' ? 2 : PRINT_WIDTH / width;
}

export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the image could not be drawn'));
    img.src = url;
  });
}

export function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export async function svgToPng(svg: SVGSVGElement, size: PngSize): Promise<Blob> {
  return toBlob(await svgToCanvas(svg, scaleFor(size, Number(svg.getAttribute('width')))));
}

/** A composed SVG drawn on white paper into a canvas `k` times its size (the share image draws the map on top). */
export async function svgToCanvas(svg: SVGSVGElement, k: number): Promise<HTMLCanvasElement> {
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svgString(svg)], { type: 'image/svg+xml' }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * k);
    canvas.height = Math.round(h * k);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Draws an SVG element onto a canvas at a place and size, through an image of its markup. */
export async function drawSvg(ctx: CanvasRenderingContext2D, s: SVGSVGElement, x: number, y: number, w: number, h: number): Promise<void> {
  const clone = s.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  const url = URL.createObjectURL(new Blob([svgString(clone)], { type: 'image/svg+xml' }));
  try {
    ctx.drawImage(await loadImage(url), x, y, w, h);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export interface MapImageText {
  title: string;
  subtitle: string;
  legend: string[];
  source: string;
  citation: string;
  notice?: string | null;
  /** The map's whole key (src/map/legend.ts), drawn under the map in place of the legend line. */
  key?: SVGSVGElement | null;
}

/**
 * The map as a PNG: the base map canvas and the deck.gl canvas (both keep their drawing buffer), any
 * SVG overlay (the 南海诸岛 inset) drawn in place, and the title, legend, source, citation and notice.
 */
export async function mapToPng(mapEl: HTMLElement, text: MapImageText, size: PngSize): Promise<Blob> {
  const rect = mapEl.getBoundingClientRect();
  const w = Math.round(rect.width);
  const mapH = Math.round(rect.height);
  const k = scaleFor(size, w);
  const head = 64;
  const lineH = 16;
  const footLines = [...(text.key ? [] : [text.legend.join('   ')]), text.source, text.citation, ...(text.notice ? [text.notice] : [])];
  const keyH = text.key ? Number(text.key.getAttribute('height')) : 0;
  const foot = keyH + 12 + footLines.length * lineH + 8;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * k);
  canvas.height = Math.round((head + mapH + foot) * k);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(k, k);
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, w, head + mapH + foot);
  ctx.fillStyle = '#1F2933';
  ctx.font = `700 18px ${EXPORT_FONTS}`;
  ctx.fillText(text.title, 16, 26, w - 32);
  ctx.fillStyle = '#52606D';
  ctx.font = `13px ${EXPORT_FONTS}`;
  ctx.fillText(text.subtitle, 16, 48, w - 32);
  for (const c of mapEl.querySelectorAll('canvas')) {
    const r = c.getBoundingClientRect();
    ctx.drawImage(c, r.left - rect.left, head + r.top - rect.top, r.width, r.height);
  }
  // The map's own SVGs: the inset over the WebGL map, or the SVG map (the page's first pixels, taken over).
  for (const s of mapEl.querySelectorAll<SVGSVGElement>(':scope > svg, :scope > .map-first-pixels > svg')) {
    const r = s.getBoundingClientRect();
    await drawSvg(ctx, s, r.left - rect.left, head + r.top - rect.top, r.width, r.height);
  }
  if (text.key) await drawSvg(ctx, text.key, 0, head + mapH, Number(text.key.getAttribute('width')), keyH);
  ctx.font = `11px ${EXPORT_FONTS}`;
  ctx.fillStyle = '#52606D';
  footLines.forEach((line, i) => ctx.fillText(line, 16, head + mapH + keyH + 18 + i * lineH, w - 32));
  return toBlob(canvas);
}
