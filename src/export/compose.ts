/**
 * A chart as a standalone image: title, subtitle, the chart itself (the same render as on the page),
 * source line, notes, citation and map notice, in one SVG with its fonts named. PNG exports rasterise
 * this SVG, so both carry the same text.
 */
import type { BuiltChart } from '../charts/registry.ts';
import { FONT_STACK } from '../theme/palette.ts';
import { wrap } from '../charts/shared/layout.ts';

const NS = 'http://www.w3.org/2000/svg';
/** Named fonts first, so Illustrator and Inkscape resolve them; the generic family last. */
export const EXPORT_FONTS = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", ${FONT_STACK}`;

export interface ComposeExtras {
  citation: string;
  notice?: string | null;
}

export function textBlock(doc: Document, parent: Element, lines: string[], x: number, y: number, size: number, fill: string, weight = 400): number {
  for (const line of lines) {
    const t = doc.createElementNS(NS, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(y));
    t.setAttribute('font-size', String(size));
    t.setAttribute('font-weight', String(weight));
    t.setAttribute('fill', fill);
    t.textContent = line;
    parent.append(t);
    y += size * 1.35;
  }
  return y;
}

/** An export's outer SVG on white paper, its fonts named, with the title and subtitle at the top; `y` is below them. */
export function exportFrame(doc: Document, w: number, title: string, subtitle: string, titleLines = 3, subtitleLines = 4): { svg: SVGSVGElement; bg: SVGRectElement; y: number; pad: number } {
  const pad = 16;
  const svg = doc.createElementNS(NS, 'svg');
  svg.setAttribute('xmlns', NS);
  svg.setAttribute('font-family', EXPORT_FONTS);
  const bg = doc.createElementNS(NS, 'rect');
  bg.setAttribute('fill', '#FFFFFF');
  svg.append(bg);
  let y = pad + 18;
  y = textBlock(doc, svg, wrap(title, w - 2 * pad, 18, titleLines), pad, y, 18, '#1F2933', 700);
  y = textBlock(doc, svg, wrap(subtitle, w - 2 * pad, 13, subtitleLines), pad, y, 13, '#52606D');
  return { svg, bg, y, pad };
}

export function composeChartSvg(built: BuiltChart, doc: Document, extras: ComposeExtras): SVGSVGElement {
  const inner = built.svg.cloneNode(true) as SVGSVGElement;
  const w = Number(inner.getAttribute('width')) || 800;
  const h = Number(inner.getAttribute('height')) || 400;
  const frame = exportFrame(doc, w, built.meta.title, built.meta.subtitle);
  const { svg, bg, pad } = frame;
  let { y } = frame;
  const title = doc.createElementNS(NS, 'title');
  title.textContent = built.meta.title;
  svg.prepend(title);
  inner.setAttribute('x', '0');
  inner.setAttribute('y', String(y));
  svg.append(inner);
  y += h + 14;
  const foot = [built.meta.source, ...built.meta.notes.map((n) => `· ${n}`), extras.citation, ...(extras.notice ? [extras.notice] : [])];
  for (const line of foot) y = textBlock(doc, svg, wrap(line, w - 2 * pad, 11, 6), pad, y, 11, '#52606D');
  const height = Math.ceil(y + pad);
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${w} ${height}`);
  bg.setAttribute('width', String(w));
  bg.setAttribute('height', String(height));
  return svg;
}

export function svgString(svg: SVGSVGElement): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
}
