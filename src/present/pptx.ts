/**
 * The deck as a PowerPoint file (.pptx), for officials who take it into PowerPoint or WPS to add a page.
 * One 16:9 slide per deck slide, in the language shown: the headline, the slide's text and the source
 * line as editable text boxes (Microsoft YaHei for Chinese, Arial for English), the body (chart, map,
 * or both) as one sharp picture between them, the sources slide as an editable list, and each slide's
 * speaker notes. pptxgenjs is loaded only when the export starts; it fetches nothing (pictures go in
 * as data URLs), so the export works inside the offline meeting file too.
 *
 * Steps: render a slide off-screen (pptxStage.ts), rasterise its body (pptxRaster.ts), place the
 * text, picture, source line and notes (below; the boxes come from pptxLayout.ts), write the file.
 */
import type PptxGenJS from 'pptxgenjs';
import type { Lang } from '../i18n/index.ts';
import { fileName, saveBlob } from '../export/download.ts';
import type { PresentContext } from './context.ts';
import type { ResolvedDeck, ResolvedSlide } from './deck.ts';
import { slideFrame } from './slide.ts';
import { openStage, renderBody, sourceOf, type Stage } from './pptxStage.ts';
import { rasterBody, type Raster } from './pptxRaster.ts';
import { planSlide, pxSize, fitAspect, fitList, fontFor, lineCount, linesHeight, RASTER_SCALE, SOURCE_PT, TEXT_PT, GAP, type Box, type SlidePlan } from './pptxLayout.ts';

type Pres = InstanceType<typeof PptxGenJS>;
type PSlide = ReturnType<Pres['addSlide']>;

const INK = '000000';
const MUTED = '2B2F33';
const ACCENT = '003F88';

/** Text options every text box shares: the language's font, its spelling language, no inner margin. */
function textStyle(lang: Lang, box: Box, pt: number) {
  return { ...box, fontFace: fontFor(lang), lang: lang === 'zh' ? 'zh-CN' : 'en-US', fontSize: pt, margin: 0, valign: 'top' as const, isTextBox: true };
}

/** Headline (with its accent bar) and the slide's text at the top. */
function placeHead(pres: Pres, s: PSlide, slide: ResolvedSlide, plan: SlidePlan, lang: Lang): void {
  s.addShape(pres.ShapeType.rect, { ...plan.accent, fill: { color: ACCENT }, line: { type: 'none' } });
  s.addText(slide.headline, { ...textStyle(lang, plan.headline, plan.headlinePt), bold: true, color: INK, objectName: 'headline' });
  if (slide.text && plan.text) s.addText(slide.text, { ...textStyle(lang, plan.text, TEXT_PT), color: MUTED, objectName: 'text' });
}

/** The source line at the bottom under a rule, and the slide number (PowerPoint's own field) beside it. */
function placeFoot(pres: Pres, s: PSlide, source: string, plan: SlidePlan, lang: Lang): void {
  s.addShape(pres.ShapeType.line, { ...plan.rule, line: { color: INK, width: 1.5 } });
  if (source) s.addText(source, { ...textStyle(lang, plan.source, SOURCE_PT), color: MUTED, objectName: 'source' });
  s.slideNumber = { ...plan.number, fontFace: fontFor(lang), fontSize: SOURCE_PT, bold: true, color: INK, align: 'right' };
}

/** The body picture, as large as the room between the text and the source line allows. */
function placeBody(s: PSlide, raster: Raster, plan: SlidePlan): void {
  s.addImage({ data: raster.dataUrl, ...fitAspect(plan.body, raster.width, raster.height), altText: raster.alt, objectName: 'body' });
}

/** The sources slide's list as the slide shows it: one line per document, then what else was used. */
function sourcesText(pc: PresentContext, slide: ResolvedSlide, index: number, total: number): { entries: string[]; tail: string; source: string } {
  const frame = slideFrame(pc, slide, index, total, 'pptx-sources');
  const entries = [...frame.el.querySelectorAll('.sources-list li')].map((li) => [...li.children].map((c) => (c.textContent ?? '').trim()).join(' ').replace(/\s+/g, ' '));
  return { entries, tail: frame.el.querySelector('.sources-more')?.textContent ?? '', source: frame.el.querySelector('.slide-source')?.textContent ?? '' };
}

/** The sources as editable numbered text, in one or two columns at the largest size that fits. */
function placeSources(s: PSlide, entries: string[], tail: string, body: Box, lang: Lang): void {
  const { pt, columns } = fitList(entries, tail, body);
  const per = Math.ceil(entries.length / columns);
  const colW = (body.w - (columns - 1) * 0.4) / columns;
  const tailH = linesHeight(lineCount(tail, pt - 1, body.w), pt - 1);
  for (let c = 0; c < columns; c++) {
    const part = entries.slice(c * per, (c + 1) * per);
    if (!part.length) continue;
    const runs = part.map((e, i) => ({ text: e, options: { bullet: { type: 'number' as const, numberStartAt: c * per + 1 }, breakLine: i < part.length - 1, paraSpaceAfter: pt * 0.35 } }));
    s.addText(runs, { ...textStyle(lang, { x: body.x + c * (colW + 0.4), y: body.y, w: colW, h: body.h - tailH - GAP }, pt), color: INK, objectName: `sources-${c + 1}` });
  }
  if (tail) s.addText(tail, { ...textStyle(lang, { x: body.x, y: body.y + body.h - tailH, w: body.w, h: tailH }, pt - 1), color: MUTED, valign: 'bottom', objectName: 'sources-more' });
}

/** One deck slide, start to end: rendered, rasterised, placed, with its notes. */
async function addSlide(pres: Pres, stage: Stage, pc: PresentContext, slide: ResolvedSlide, index: number, total: number): Promise<void> {
  const { lang } = pc;
  const s = pres.addSlide();
  if (slide.kind === 'sources') {
    const { entries, tail, source } = sourcesText(pc, slide, index, total);
    const plan = planSlide(slide.headline, slide.text, source);
    placeHead(pres, s, slide, plan, lang);
    placeSources(s, entries, tail, plan.body, lang);
    placeFoot(pres, s, source, plan, lang);
  } else {
    // The source line's length sets the body's height, and a chart's is known once drawn.
    const first = planSlide(slide.headline, slide.text, '');
    const source = sourceOf(stage, pc, slide, index, total, pxSize(first.body));
    const plan = planSlide(slide.headline, slide.text, source);
    const frame = renderBody(stage, pc, slide, index, total, pxSize(plan.body));
    const raster = await rasterBody(pc, frame, RASTER_SCALE);
    stage.doc.body.replaceChildren();
    placeHead(pres, s, slide, plan, lang);
    placeBody(s, raster, plan);
    placeFoot(pres, s, source, plan, lang);
  }
  if (slide.notes) s.addNotes(slide.notes);
}

const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The whole deck as a .pptx Blob; `progress(done, total)` after each slide. */
export async function buildPptx(pc: PresentContext, shown: ResolvedDeck, progress: (done: number, total: number) => void = () => undefined): Promise<Blob> {
  // The deck as it is now: an edit in the overview while the file is made changes the page, not the file.
  const deck: ResolvedDeck = { ...shown, slides: shown.slides.map((s) => ({ ...s })) };
  const { default: Pptx } = await import('pptxgenjs');
  const pres = new Pptx();
  pres.layout = 'LAYOUT_WIDE';
  pres.title = deck.title;
  pres.theme = { headFontFace: fontFor(pc.lang), bodyFontFace: fontFor(pc.lang) };
  const stage = await openStage();
  try {
    const total = deck.slides.length;
    for (const [i, slide] of deck.slides.entries()) {
      await addSlide(pres, stage, pc, slide, i, total);
      progress(i + 1, total);
      await breathe();
    }
  } finally {
    stage.destroy();
  }
  const out = await pres.write({ outputType: 'blob', compression: true });
  if (!(out instanceof Blob)) throw new Error('pptxgenjs returned no file');
  return out;
}

/** Builds the deck's .pptx and saves it as "<deck title>.pptx". */
export async function exportPptx(pc: PresentContext, deck: ResolvedDeck, progress?: (done: number, total: number) => void): Promise<void> {
  saveBlob(await buildPptx(pc, deck, progress), fileName(deck.title, 'pptx'));
}

