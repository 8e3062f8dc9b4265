/** The PowerPoint export's layout (src/present/pptxLayout.ts): line estimates, the slide's boxes, fitting. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Deck } from '../../src/present/schema.ts';
import {
  SLIDE_W,
  SLIDE_H,
  PX_PER_IN,
  MARGIN_X,
  MIN_BODY_H,
  HEADLINE_SIZES,
  charEm,
  lineCount,
  linesHeight,
  slideBoxes,
  planSlide,
  pxSize,
  fitAspect,
  fitList,
  fontFor,
  type Box,
  type SlidePlan,
} from '../../src/present/pptxLayout.ts';

const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.w <= SLIDE_W + 1e-9 && b.y + b.h <= SLIDE_H + 1e-9;
const bottom = (b: Box) => b.y + b.h;
const CJK = (n: number) => '\u4e2d'.repeat(n);

/** Every box on the slide, and the order top to bottom that nothing may break. */
function checkPlan(p: SlidePlan): void {
  for (const b of [p.accent, p.headline, p.body, p.rule, p.source, p.number, ...(p.text ? [p.text] : [])]) expect(inside(b), JSON.stringify(b)).toBe(true);
  const above = p.text ?? p.headline;
  if (p.text) expect(p.text.y).toBeGreaterThanOrEqual(bottom(p.headline));
  expect(p.body.y).toBeGreaterThan(bottom(above));
  expect(bottom(p.body)).toBeLessThan(p.rule.y);
  expect(p.rule.y).toBeLessThan(p.source.y);
  expect(p.source.x + p.source.w).toBeLessThan(p.number.x);
  // The accent bar runs beside the headline and text, left of them.
  expect(p.accent.x + p.accent.w).toBeLessThan(p.headline.x);
  expect(bottom(p.accent)).toBeCloseTo(bottom(above), 6);
}

describe('pptx layout: text estimates', () => {
  it('a CJK character is a full em, Latin letters less', () => {
    expect(charEm('\u4e2d')).toBe(1);
    expect(charEm('\uff0c')).toBe(1);
    expect(charEm('a')).toBeLessThan(0.6);
    expect(charEm(' ')).toBeLessThan(charEm('a'));
    expect(charEm('W')).toBeGreaterThan(charEm('i'));
  });

  it('counts lines: short text one, long CJK wraps by width, Latin words are not split', () => {
    expect(lineCount('', 30, 12)).toBe(1);
    expect(lineCount(CJK(10), 30, 12)).toBe(1);
    // 30 pt is 0.4167 in: a 12 in line holds about 27 characters (with the 4% allowance).
    expect(lineCount(CJK(27), 30, 12)).toBe(1);
    expect(lineCount(CJK(28), 30, 12)).toBe(2);
    expect(lineCount(CJK(60), 30, 12)).toBe(3);
    // "abcdefghij " is about 5.3 em; at 72 pt in a 6 in box (6 em) one word fits a line, two do not.
    expect(lineCount('abcdefghij abcdefghij', 72, 6)).toBe(2);
    expect(lineCount('abcdefghij', 72, 6)).toBe(1);
    // A word longer than a line breaks where it must.
    expect(lineCount('a'.repeat(40), 72, 6)).toBeGreaterThanOrEqual(3);
  });

  it('line height is type size times the line factor, in inches', () => {
    expect(linesHeight(1, 72)).toBeCloseTo(1.36, 6);
    expect(linesHeight(2, 36)).toBeCloseTo(1.36, 6);
  });

  it('names Microsoft YaHei for Chinese and Arial for English', () => {
    expect(fontFor('zh')).toBe('Microsoft YaHei');
    expect(fontFor('en')).toBe('Arial');
  });
});

describe('pptx layout: the slide', () => {
  it('puts the headline at the top, the body between text and source line, the source at the bottom', () => {
    const p = slideBoxes('Headline', 'Some text under it.', 'Source: a document', 30);
    checkPlan(p);
    expect(p.headline.y).toBeLessThan(0.5);
    expect(p.headline.h).toBeCloseTo(linesHeight(1, 30), 6);
    expect(p.text!.h).toBeCloseTo(linesHeight(1, 17), 6);
    expect(p.source.h).toBeCloseTo(linesHeight(1, 11), 6);
    expect(bottom(p.source)).toBeCloseTo(SLIDE_H - 0.22, 6);
    // The body spans the slide between the side margins and gets most of its height.
    expect(p.body.x).toBeCloseTo(MARGIN_X, 6);
    expect(p.body.w).toBeCloseTo(SLIDE_W - 2 * MARGIN_X, 6);
    expect(p.body.h).toBeGreaterThan(SLIDE_H * 0.65);
  });

  it('without text, the body starts under the headline; longer text and source lines take from the body', () => {
    const bare = slideBoxes('Headline', null, 'Source', 30);
    checkPlan(bare);
    expect(bare.text).toBeNull();
    const full = slideBoxes('Headline', CJK(120), CJK(200), 30);
    checkPlan(full);
    expect(full.text!.h).toBeCloseTo(linesHeight(lineCount(CJK(120), 17, full.text!.w), 17), 6);
    expect(full.source.h).toBeGreaterThan(bare.source.h);
    expect(full.body.h).toBeLessThan(bare.body.h);
    expect(full.body.y).toBeGreaterThan(bare.body.y);
  });

  it('shrinks a long headline to leave the body room, and stops at the smallest size', () => {
    const short = planSlide('Short', null, 'Source');
    expect(short.headlinePt).toBe(HEADLINE_SIZES[0]);
    const long = planSlide(CJK(130), CJK(100), CJK(150));
    expect(long.headlinePt).toBeLessThan(HEADLINE_SIZES[0]);
    checkPlan(long);
    const absurd = planSlide(CJK(1000), CJK(400), CJK(400));
    expect(absurd.headlinePt).toBe(HEADLINE_SIZES[HEADLINE_SIZES.length - 1]);
  });

  it('every slide of the default deck keeps a 28-32 pt headline and a readable body, in both languages', () => {
    const deck = JSON.parse(readFileSync('data/decks/default.json', 'utf8')) as Deck;
    for (const lang of ['zh', 'en'] as const) {
      for (const s of deck.slides) {
        // A long source line: four documents named.
        const p = planSlide(s.headline[lang], s.text?.[lang] ?? null, 'Source: ' + 'Issuer of a document No. 12 (2020); '.repeat(4));
        checkPlan(p);
        expect(p.headlinePt).toBeGreaterThanOrEqual(28);
        expect(p.headlinePt).toBeLessThanOrEqual(32);
        expect(p.body.h, `${lang}: ${s.headline[lang]}`).toBeGreaterThanOrEqual(MIN_BODY_H);
      }
    }
  });
});

describe('pptx layout: pictures and lists', () => {
  it('a slide is 1920 x 1080 CSS px on a 1080-line screen', () => {
    expect(PX_PER_IN).toBeCloseTo(144, 1);
    expect(pxSize({ x: 0, y: 0, w: SLIDE_W, h: SLIDE_H })).toEqual({ width: 1920, height: 1080 });
    expect(pxSize({ x: 1, y: 1, w: 5, h: 2.5 })).toEqual({ width: 720, height: 360 });
  });

  it('fits a picture into its box keeping its aspect: full width when wider, full height (centred) when taller', () => {
    const box: Box = { x: 1, y: 2, w: 10, h: 5 };
    const wide = fitAspect(box, 4000, 1000);
    expect(wide).toEqual({ x: 1, y: 2, w: 10, h: 2.5 });
    const tall = fitAspect(box, 1000, 1000);
    expect(tall.h).toBeCloseTo(5, 9);
    expect(tall.w).toBeCloseTo(5, 9);
    expect(tall.x).toBeCloseTo(3.5, 9);
    expect(tall.y).toBe(2);
    // Drawn at the box's own aspect, the picture fills it exactly.
    const exact = fitAspect(box, 3580, 1790);
    expect(exact.w).toBeCloseTo(10, 9);
    expect(exact.h).toBeCloseTo(5, 9);
    expect(fitAspect(box, 0, 100)).toEqual(box);
  });

  it('sets the sources list as large as fits, in two columns when one would not', () => {
    const body: Box = { x: 0.45, y: 1.2, w: 12.4, h: 5.2 };
    const few = fitList(['Issuer A No. 1 2020-01-01 official', 'Issuer B No. 2 2021'], 'And more.', body);
    expect(few).toEqual({ pt: 16, columns: 1 });
    const entries = Array.from({ length: 30 }, (_, i) => `${CJK(20)} No. ${i + 1} 2020-01-01`);
    // Eight entries fit one column at the largest size; fourteen need two; thirty need two and smaller type.
    expect(fitList(entries.slice(0, 8), CJK(80), body)).toEqual({ pt: 16, columns: 1 });
    const some = fitList(entries.slice(0, 14), CJK(80), body);
    expect(some.columns).toBe(2);
    const many = fitList(entries, CJK(80), body);
    expect(many.columns).toBe(2);
    expect(many.pt).toBeLessThan(some.pt);
    // More room, larger type.
    expect(fitList(entries, CJK(80), { ...body, h: body.h * 2 }).pt).toBeGreaterThan(many.pt);
    const huge = fitList(Array.from({ length: 400 }, () => CJK(60)), '', body);
    expect(huge).toEqual({ pt: 10, columns: 2 });
  });
});
