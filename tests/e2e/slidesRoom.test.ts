/**
 * Slides for a room (issue #25): every slide of the default deck, in Chinese and English, on a projector
 * (1280×720) and a meeting-room screen (1920×1080). For each slide with a chart, measured in the page:
 *   (a) the chart's box (figure.slide-chart: its title, drawing and notes) as a share of the slide's area:
 *       at least 70% where the chart is alone, 35% (its half) on a split slide; and the box round what is
 *       drawn at least 85% of the drawing's box (no chart small in the middle of its room);
 *   (b) the smallest text in the drawing, in CSS px as rendered (computed font-size times the SVG's
 *       scale on screen): at least 18 px at 720 lines, scaled with the screen's height (27 px at 1080);
 *       the chart's title is larger than any of it;
 *   (c) no two text boxes, no text and data mark (circle, bar, point mark) and no two data marks overlap;
 *       marks may sit inside an outline (an official total drawn as a frame), text may not;
 *   (d) every text and mark box lies inside the drawing's box.
 * The numbers per slide are printed (a table on stdout) for the reviewer.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useSite, openPage, ROOT } from './harness.ts';
import type { Deck } from '../../src/present/schema.ts';

const deck = JSON.parse(readFileSync(join(ROOT, 'public/data/decks/default.json'), 'utf8')) as Deck;
const N = deck.slides.length;

/** What one slide measures (null: no chart on it). */
interface Measure {
  layout: string;
  /** The chart's box / the slide, 0–1. */
  area: number;
  /** The box round everything drawn (text, marks, lines) / the drawing's box (the SVG element), 0–1. */
  drawn: number;
  minFont: number;
  minFontText: string;
  titleFont: number;
  overlaps: string[];
  outside: string[];
}

/** Runs in the page: the measures of the slide on the stage. */
function measureSlide(): Measure | null {
  type Box = { x0: number; y0: number; x1: number; y1: number; what: string; circle?: { cx: number; cy: number; r: number } };
  const slide = document.querySelector<HTMLElement>('.present-stage .slide')!;
  const fig = slide.querySelector<HTMLElement>('figure.slide-chart');
  const svg = fig?.querySelector<SVGSVGElement>('.chart-box svg');
  if (!fig || !svg) return null;
  const area = (r: DOMRect) => r.width * r.height;
  const S = slide.getBoundingClientRect();
  const F = fig.getBoundingClientRect();
  const C = svg.getBoundingClientRect();
  const shown = (e: Element) => {
    for (let n: Element | null = e; n && n !== svg; n = n.parentElement) {
      const cs = getComputedStyle(n);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return false;
    }
    return !e.closest('defs, pattern, clipPath, mask, title');
  };
  const name = (e: Element) => `${e.tagName}${e.getAttribute('class') ? '.' + e.getAttribute('class')!.split(' ').join('.') : ''}`;
  const texts: Box[] = [];
  let minFont = Infinity;
  let minFontText = '';
  for (const t of svg.querySelectorAll('text')) {
    if (!shown(t) || !t.textContent?.trim() || t.classList.contains('mark-glyph')) continue;
    const m = t.getScreenCTM()!;
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    if (px < minFont) [minFont, minFontText] = [px, t.textContent.trim()];
    const spans = [...t.querySelectorAll('tspan')].filter((s) => s.textContent?.trim());
    for (const piece of spans.length ? spans : [t]) {
      const r = piece.getBoundingClientRect();
      if (!r.width) continue;
      // The em box: the line box's height is the font's ascent and descent, taller than the glyphs.
      const cy = r.y + r.height / 2;
      texts.push({ x0: r.x, x1: r.right, y0: cy - px / 2, y1: cy + px / 2, what: `"${piece.textContent!.trim().slice(0, 30)}"` });
    }
  }
  const marks: Box[] = [];
  const frames: Box[] = [];
  for (const e of svg.querySelectorAll<SVGGraphicsElement>('circle, rect, g.mark > path, g.mark > line, path.open-end')) {
    if (!shown(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width < 0.5 && r.height < 0.5) continue;
    const box: Box = { x0: r.x, y0: r.y, x1: r.right, y1: r.bottom, what: name(e) };
    if (e.tagName === 'circle') box.circle = { cx: r.x + r.width / 2, cy: r.y + r.height / 2, r: r.width / 2 };
    const fill = e.getAttribute('fill');
    const frame = e.tagName === 'rect' && (fill === 'none' || e.classList.contains('bar-official') || e.classList.contains('bar-range-upper'));
    (frame ? frames : marks).push(box);
  }
  const TOL = 1;
  const cut = (a: Box, b: Box) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > TOL && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > TOL;
  const meet = (a: Box, b: Box) => (a.circle && b.circle ? Math.hypot(a.circle.cx - b.circle.cx, a.circle.cy - b.circle.cy) < a.circle.r + b.circle.r - TOL : cut(a, b));
  const overlaps: string[] = [];
  const pairs = (xs: Box[], ys: Box[] | null, kind: string) => {
    xs.forEach((a, i) => (ys ?? xs).forEach((b, j) => {
      if ((!ys && j <= i) || !meet(a, b)) return;
      overlaps.push(`${kind}: ${a.what} × ${b.what}`);
    }));
  };
  pairs(texts, null, 'text/text');
  pairs(texts, marks, 'text/mark');
  pairs(texts, frames, 'text/outline');
  pairs(marks, null, 'mark/mark');
  const outside = [...texts, ...marks, ...frames].filter((b) => b.x0 < C.x - TOL || b.y0 < C.y - TOL || b.x1 > C.right + TOL || b.y1 > C.bottom + TOL).map((b) => b.what);
  const all = [...texts, ...[...svg.querySelectorAll('line, path, rect, circle')].filter(shown).map((e) => e.getBoundingClientRect()).map((r) => ({ x0: r.x, y0: r.y, x1: r.right, y1: r.bottom }))];
  const inked = (Math.max(...all.map((b) => b.x1)) - Math.min(...all.map((b) => b.x0))) * (Math.max(...all.map((b) => b.y1)) - Math.min(...all.map((b) => b.y0)));
  const title = fig.querySelector('.chart-title');
  return {
    layout: slide.className.replace(/.*slide--(\w+).*/, '$1'),
    area: area(F) / area(S),
    drawn: inked / area(C),
    minFont,
    minFontText,
    titleFont: title ? parseFloat(getComputedStyle(title).fontSize) : 0,
    overlaps,
    outside,
  };
}

async function goTo(page: Page, n: number): Promise<void> {
  if (n > 1) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((want) => document.querySelector('.present-stage .slide')?.getAttribute('data-slide') === String(want) && !document.querySelector('.present-stage figure.slide-chart:not(:has(svg))'), n);
}

describe('slides for a room: charts fill the slide, type reads from the back, nothing overlaps', () => {
  const site = useSite();
  for (const [w, hgt] of [[1280, 720], [1920, 1080]] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`every chart slide of the default deck (${lang}, ${w}×${hgt})`, async () => {
        const { page, guard, close } = await openPage(site.browser, site.server.origin, `/present.html${lang === 'en' ? '?lang=en' : ''}`, {
          viewport: { width: w, height: hgt },
          reducedMotion: 'reduce',
          // tsx names the measuring function's inner functions with a helper the page lacks.
          beforeGoto: (p) => p.addInitScript('window.__name = (f) => f'),
        });
        const minText = (18 * hgt) / 720;
        const rows: string[] = [];
        const failures: string[] = [];
        for (let n = 1; n <= N; n++) {
          await goTo(page, n);
          const m = await page.evaluate(measureSlide);
          if (!m) {
            rows.push(`  ${n}  (no chart)`);
            continue;
          }
          rows.push(`  ${n}  ${m.layout.padEnd(6)} area ${(m.area * 100).toFixed(1)}%  drawing ${(m.drawn * 100).toFixed(0)}% of its box  min text ${m.minFont.toFixed(1)} px ("${m.minFontText.slice(0, 16)}")  title ${m.titleFont.toFixed(1)} px  overlaps ${m.overlaps.length}  outside ${m.outside.length}`);
          const need = m.layout === 'split' ? 0.35 : 0.7;
          if (m.area < need) failures.push(`slide ${n}: the chart's box is ${(m.area * 100).toFixed(1)}% of the slide (want ≥ ${need * 100}%)`);
          if (m.drawn < 0.85) failures.push(`slide ${n}: the drawing covers ${(m.drawn * 100).toFixed(0)}% of its box (want ≥ 85%)`);
          if (m.minFont < minText - 0.2) failures.push(`slide ${n}: text of ${m.minFont.toFixed(1)} px ("${m.minFontText}"; want ≥ ${minText} px)`);
          if (m.titleFont <= m.minFont) failures.push(`slide ${n}: the chart's title (${m.titleFont} px) is not larger than its text`);
          if (m.overlaps.length) failures.push(`slide ${n}: ${m.overlaps.length} overlaps: ${m.overlaps.slice(0, 6).join('; ')}`);
          if (m.outside.length) failures.push(`slide ${n}: ${m.outside.length} boxes outside the chart: ${m.outside.slice(0, 6).join('; ')}`);
        }
        console.log(`slides for a room, ${lang} ${w}×${hgt}:\n${rows.join('\n')}`);
        assert.deepEqual(failures, []);
        guard.assertClean();
        await close();
      });
    }
  }
});
