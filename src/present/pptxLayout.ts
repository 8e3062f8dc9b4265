/**
 * Where things go on a PowerPoint slide (pure: no DOM). A 16:9 slide of 13.333 x 7.5 in, which a
 * 1920 x 1080 screen shows at 144 px an inch: the headline at the top (accent bar on its left), the
 * slide's text under it, the source line at the bottom (a rule above it, the slide number on its
 * right), and the body (chart, map, both, or the sources list) filling what is left.
 *
 * Line counts are estimated from character widths (CJK a full em, Latin about half), a little on the
 * generous side: PowerPoint's fonts are not the browser's, and a text box that runs over would cover
 * the picture below it.
 */
import type { Lang } from '../i18n/index.ts';

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
/** CSS pixels per inch of a slide shown on a 1920 x 1080 screen. */
export const PX_PER_IN = 1920 / SLIDE_W;
/** The body pictures are drawn at twice the pixels they take on a 1920 x 1080 screen. */
export const RASTER_SCALE = 2;

export const MARGIN_X = 0.45;
export const MARGIN_TOP = 0.3;
export const MARGIN_BOTTOM = 0.22;
export const GAP = 0.14;
export const ACCENT_W = 0.07;
export const ACCENT_GAP = 0.16;
export const NUMBER_W = 0.8;
/** Below this the body is too small to read: the headline's type is made smaller first. */
export const MIN_BODY_H = 3.2;

export const HEADLINE_SIZES = [30, 27, 24, 22] as const;
export const TEXT_PT = 17;
export const SOURCE_PT = 11;
/** Line height as a share of the type size (Microsoft YaHei's own is about 1.32). */
export const LINE = 1.36;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SlidePlan {
  headlinePt: number;
  accent: Box;
  headline: Box;
  text: Box | null;
  body: Box;
  rule: Box;
  source: Box;
  number: Box;
}

/** The fonts set on every text box: present on every Chinese Windows (WPS maps it), and a Latin one. */
export function fontFor(lang: Lang): string {
  return lang === 'zh' ? 'Microsoft YaHei' : 'Arial';
}

/** A character's width in em, as PowerPoint is likely to set it. */
export function charEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20000 && c <= 0x2ffff)) return 1;
  if (ch === ' ') return 0.28;
  if (/[A-Z0-9]/.test(ch)) return 0.66;
  if (/[mwMW@%]/.test(ch)) return 0.85;
  if (/[iljtf.,;:'!|()[\]]/.test(ch)) return 0.3;
  return 0.54;
}

/** Pieces that a line may not split: a Latin word with the spaces after it, or one CJK character. */
function pieces(text: string): string[] {
  return text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/gu) ?? [];
}

/** How many lines `text` takes at `pt` points in a box `widthIn` inches wide (greedy wrap, at least 1). */
export function lineCount(text: string, pt: number, widthIn: number): number {
  const room = (widthIn * 72) / pt / 1.04;
  let lines = 1;
  let used = 0;
  for (const p of pieces(text)) {
    let w = 0;
    for (const ch of p) w += charEm(ch);
    const ink = w - (p.length - p.trimEnd().length) * charEm(' ');
    if (used > 0 && used + ink > room) {
      lines++;
      used = 0;
    }
    // A word longer than a line breaks where it must.
    if (ink > room) {
      lines += Math.floor(ink / room);
      used = ink % room;
    } else used += w;
  }
  return lines;
}

export const linesHeight = (lines: number, pt: number) => (lines * pt * LINE) / 72;

/** The slide's boxes at one headline size. */
export function slideBoxes(headline: string, text: string | null, source: string, headlinePt: number): SlidePlan {
  const textX = MARGIN_X + ACCENT_W + ACCENT_GAP;
  const textW = SLIDE_W - textX - MARGIN_X;
  const hH = linesHeight(lineCount(headline, headlinePt, textW), headlinePt);
  const headBox: Box = { x: textX, y: MARGIN_TOP, w: textW, h: hH };
  const textBox: Box | null = text ? { x: textX, y: MARGIN_TOP + hH + GAP / 2, w: textW, h: linesHeight(lineCount(text, TEXT_PT, textW), TEXT_PT) } : null;
  const headBottom = textBox ? textBox.y + textBox.h : headBox.y + headBox.h;
  const sourceW = SLIDE_W - 2 * MARGIN_X - NUMBER_W - GAP;
  const sH = linesHeight(lineCount(source, SOURCE_PT, sourceW), SOURCE_PT);
  const sourceBox: Box = { x: MARGIN_X, y: SLIDE_H - MARGIN_BOTTOM - sH, w: sourceW, h: sH };
  const rule: Box = { x: MARGIN_X, y: sourceBox.y - 0.06, w: SLIDE_W - 2 * MARGIN_X, h: 0 };
  const bodyY = headBottom + GAP * 1.5;
  return {
    headlinePt,
    accent: { x: MARGIN_X, y: MARGIN_TOP, w: ACCENT_W, h: headBottom - MARGIN_TOP },
    headline: headBox,
    text: textBox,
    body: { x: MARGIN_X, y: bodyY, w: SLIDE_W - 2 * MARGIN_X, h: rule.y - GAP - bodyY },
    rule,
    source: sourceBox,
    number: { x: SLIDE_W - MARGIN_X - NUMBER_W, y: sourceBox.y, w: NUMBER_W, h: linesHeight(1, SOURCE_PT) },
  };
}

/** The largest headline size that leaves the body room to read (the smallest one if none does). */
export function planSlide(headline: string, text: string | null, source: string): SlidePlan {
  let plan = slideBoxes(headline, text, source, HEADLINE_SIZES[0]);
  for (const pt of HEADLINE_SIZES.slice(1)) {
    if (plan.body.h >= MIN_BODY_H) break;
    plan = slideBoxes(headline, text, source, pt);
  }
  return plan;
}

/** The box's size in CSS pixels on a 1920 x 1080 screen: the size the body is drawn at. */
export function pxSize(box: Box): { width: number; height: number } {
  return { width: Math.round(box.w * PX_PER_IN), height: Math.round(box.h * PX_PER_IN) };
}

/** A picture of `w` x `h` as large as fits in `box`, aspect kept, centred across and kept to the top. */
export function fitAspect(box: Box, w: number, h: number): Box {
  if (!(w > 0 && h > 0)) return { ...box };
  const k = Math.min(box.w / w, box.h / h);
  const fw = w * k, fh = h * k;
  return { x: box.x + (box.w - fw) / 2, y: box.y, w: fw, h: fh };
}

/**
 * The sources slide as text: the largest of `sizes` (points) at which the entries fit the body, in one
 * column if they fit so, else in two; the smallest size in two columns if none does.
 */
export function fitList(entries: readonly string[], tail: string, body: Box, sizes: readonly number[] = [16, 15, 14, 13, 12, 11, 10]): { pt: number; columns: 1 | 2 } {
  const height = (pt: number, columns: number) => {
    const colW = (body.w - (columns - 1) * 0.4) / columns - 0.35;
    const per = entries.map((e) => linesHeight(lineCount(e, pt, colW), pt) + (pt * 0.35) / 72);
    const total = per.reduce((a, b) => a + b, 0);
    const tailH = linesHeight(lineCount(tail, pt - 1, body.w), pt - 1) + GAP;
    return total / columns + linesHeight(1, pt) * (columns - 1) + tailH;
  };
  for (const pt of sizes) for (const columns of [1, 2] as const) if (height(pt, columns) <= body.h) return { pt, columns };
  return { pt: sizes[sizes.length - 1] ?? 10, columns: 2 };
}
