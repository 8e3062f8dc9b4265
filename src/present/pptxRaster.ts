/**
 * A slide's body, drawn in the off-screen stage (pptxStage.ts), as one PNG that looks like the slide:
 * the body's HTML redrawn on a canvas as the browser laid it out. Boxes (the map's grey frame, the
 * legend's dots, rings and swatches) are painted from their computed style; each SVG (the map, the
 * chart, the legend's size key) is serialised into an image and drawn in its place at `scale` times its
 * CSS size, so it stays sharp; text (chart title, subtitle and notes, the whole map legend) is drawn
 * run by run in its font, where the browser broke its lines.
 */
import { svgString } from '../export/compose.ts';
import { t } from '../i18n/index.ts';
import type { PresentContext } from './context.ts';
import type { SlideFrame } from './slide.ts';
import { loadImage } from '../export/png.ts';

export interface Raster {
  dataUrl: string;
  width: number;
  height: number;
  /** What the picture shows, for its alt text: the chart's title, the map's label. */
  alt: string;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** `el`'s box in CSS px from the body's top left corner. */
function rel(el: Element, origin: DOMRect): Rect {
  const r = el.getBoundingClientRect();
  return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
}

const styleOf = (el: Element) => (el.ownerDocument.defaultView ?? window).getComputedStyle(el);

/** States the page's CSS draws (the selected mark's outline) written onto the copy as attributes. */
function inlineStates(live: SVGSVGElement, copy: SVGSVGElement): void {
  const from = live.querySelectorAll('.is-selected, .is-hot');
  const to = copy.querySelectorAll('.is-selected, .is-hot');
  from.forEach((el, i) => {
    const cs = styleOf(el);
    to[i]?.setAttribute('stroke', cs.stroke);
    to[i]?.setAttribute('stroke-width', cs.strokeWidth);
  });
}

/** Draws an SVG at `r` (CSS px), rasterised at `scale` times that size: one image pixel per canvas pixel. */
async function drawSvg(ctx: CanvasRenderingContext2D, svg: SVGSVGElement, r: Rect, scale: number): Promise<void> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStates(svg, copy);
  // What the page's style sheet gives the whole SVG (the size key's type and colour) goes with the copy.
  const cs = styleOf(svg);
  copy.setAttribute('font-family', cs.fontFamily);
  copy.setAttribute('font-size', cs.fontSize);
  copy.setAttribute('fill', cs.fill);
  const w = Math.max(1, Math.round(r.w * scale)), h = Math.max(1, Math.round(r.h * scale));
  copy.setAttribute('width', String(w));
  copy.setAttribute('height', String(h));
  copy.removeAttribute('style');
  const url = URL.createObjectURL(new Blob([svgString(copy)], { type: 'image/svg+xml' }));
  try {
    const img = await loadImage(url);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(img, Math.round(r.x * scale), Math.round(r.y * scale), w, h);
    ctx.restore();
  } finally {
    URL.revokeObjectURL(url);
  }
}

const isSvg = (el: Element) => el.localName === 'svg' && el.namespaceURI === 'http://www.w3.org/2000/svg';
const inSvg = (node: Node) => !!node.parentElement?.closest('svg');
const seen = (colour: string) => colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour);

/** Keeps what `draw` paints inside the nearest box that hides its overflow (the legend, the map's frame). */
async function clipped(ctx: CanvasRenderingContext2D, el: Element, root: Element, origin: DOMRect, draw: () => void | Promise<void>): Promise<void> {
  let box: Element | null = el.parentElement;
  while (box && box !== root && styleOf(box).overflow === 'visible') box = box.parentElement;
  ctx.save();
  if (box && box !== root) {
    const r = rel(box, origin);
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.w, r.h);
    ctx.clip();
  }
  await draw();
  ctx.restore();
}

/** Backgrounds and borders (the map's frame, the legend's dots, rings and swatches), in document order. */
function drawBoxes(ctx: CanvasRenderingContext2D, els: Element[], origin: DOMRect): void {
  for (const el of els) {
    const cs = styleOf(el);
    const bw = cs.borderTopStyle === 'none' ? 0 : parseFloat(cs.borderTopWidth) || 0;
    if (cs.visibility === 'hidden' || (!seen(cs.backgroundColor) && !bw)) continue;
    const r = rel(el, origin);
    if (!r.w || !r.h) continue;
    const rad = cs.borderTopLeftRadius.endsWith('%') ? (Math.min(r.w, r.h) * parseFloat(cs.borderTopLeftRadius)) / 100 : parseFloat(cs.borderTopLeftRadius) || 0;
    if (seen(cs.backgroundColor)) {
      ctx.fillStyle = cs.backgroundColor;
      ctx.beginPath();
      ctx.roundRect(r.x, r.y, r.w, r.h, rad);
      ctx.fill();
    }
    if (bw) {
      ctx.strokeStyle = cs.borderTopColor;
      ctx.lineWidth = bw;
      ctx.beginPath();
      ctx.roundRect(r.x + bw / 2, r.y + bw / 2, r.w - bw, r.h - bw, Math.max(0, rad - bw / 2));
      ctx.stroke();
    }
  }
}

interface Run {
  text: string;
  x: number;
  top: number;
  parent: Element;
}

/** The HTML text under `root` as the browser broke it into lines: one run per text node and line. */
function textRuns(root: Element): Run[] {
  const doc = root.ownerDocument;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const runs: Run[] = [];
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (inSvg(n)) continue;
    let run: Run | null = null;
    for (let i = 0; i < n.data.length; ) {
      const step = (n.data.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      range.setStart(n, i);
      range.setEnd(n, i + step);
      const ch = n.data.slice(i, i + step);
      i += step;
      const r = range.getClientRects()[0];
      if (!r || (r.width === 0 && !ch.trim())) continue;
      if (run && Math.abs(r.top - run.top) < r.height / 2) run.text += ch;
      else runs.push((run = { text: ch, x: r.left, top: r.top, parent: n.parentElement ?? root }));
    }
  }
  return runs;
}

const fontOf = (cs: CSSStyleDeclaration) => `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;

/** Each run in its font and colour, its baseline where the browser put it. */
async function drawText(ctx: CanvasRenderingContext2D, root: Element, origin: DOMRect): Promise<void> {
  for (const run of textRuns(root)) {
    const cs = styleOf(run.parent);
    if (cs.visibility === 'hidden') continue;
    await clipped(ctx, run.parent, root, origin, () => {
      ctx.font = fontOf(cs);
      ctx.fillStyle = cs.color;
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(run.text.trimEnd(), run.x - origin.left, run.top - origin.top + ctx.measureText(run.text).fontBoundingBoxAscent);
    });
  }
}

/** A list item's bullet (a CSS marker, not in the DOM), before its first line. */
function drawBullet(ctx: CanvasRenderingContext2D, li: Element, origin: DOMRect): void {
  const first = li.ownerDocument.createTreeWalker(li, NodeFilter.SHOW_TEXT).nextNode();
  if (!first) return;
  const range = li.ownerDocument.createRange();
  range.setStart(first, 0);
  range.setEnd(first, 1);
  const r = range.getClientRects()[0];
  if (!r) return;
  const cs = styleOf(li);
  ctx.font = fontOf(cs);
  ctx.fillStyle = cs.color;
  ctx.textBaseline = 'alphabetic';
  const x = li.getBoundingClientRect().left - origin.left - parseFloat(cs.fontSize) * 0.85;
  ctx.fillText('\u2022', x, r.top - origin.top + ctx.measureText('\u2022').fontBoundingBoxAscent);
}

/**
 * The body's HTML as the browser laid it out: boxes, then each SVG (map, chart, size key) as an image,
 * then the text and the list bullets.
 */
async function drawHtml(ctx: CanvasRenderingContext2D, root: Element, origin: DOMRect, scale: number): Promise<void> {
  const els = [root, ...root.querySelectorAll('*')].filter((el) => !inSvg(el));
  drawBoxes(ctx, els, origin);
  for (const svg of els.filter(isSvg)) {
    const r = rel(svg, origin);
    if (r.w > 0 && r.h > 0) await clipped(ctx, svg, root, origin, () => drawSvg(ctx, svg as SVGSVGElement, r, scale));
  }
  await drawText(ctx, root, origin);
  for (const li of els.filter((el) => el.localName === 'li' && styleOf(el).listStyleType === 'disc')) drawBullet(ctx, li, origin);
}

function pngDataUrl(canvas: HTMLCanvasElement): Promise<string> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('PNG encoding failed'));
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('PNG encoding failed'));
      reader.readAsDataURL(blob);
    }, 'image/png'),
  );
}

/** The slide's body (map, chart or both) as a PNG data URL, `scale` times its CSS size. */
export async function rasterBody(pc: PresentContext, frame: SlideFrame, scale: number): Promise<Raster> {
  const body = frame.el.querySelector('.slide-body');
  if (!body) throw new Error('the slide has no body');
  const origin = body.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(origin.width * scale);
  canvas.height = Math.round(origin.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, origin.width, origin.height);
  await drawHtml(ctx, body, origin, scale);
  const alt = [body.querySelector('.chart-title')?.textContent ?? '', frame.mapSlot ? t(pc.lang, 'map.label') : ''];
  return { dataUrl: await pngDataUrl(canvas), width: canvas.width, height: canvas.height, alt: alt.filter(Boolean).join(' / ') };
}
