/**
 * An off-screen 1920 x 1080 window for the PowerPoint export: a same-document iframe (no address, so it
 * requests nothing) carrying the page's own style sheets. The slide CSS sizes type by the screen's
 * height (vh), so a slide drawn here is laid out as a 1080-line projector shows it, whatever the size
 * of the window the export was started from.
 */
import type { PresentContext } from './context.ts';
import type { ResolvedSlide } from './deck.ts';
import { slideFrame, fillSlide, roomText, type SlideFrame } from './slide.ts';

export const STAGE_W = 1920;
export const STAGE_H = 1080;
/** What `screenZoom` in presenter.ts gives on a 1080-line screen: type and marks as large as there. */
export const STAGE_ZOOM = Math.min(2.4, Math.max(1.15, STAGE_H / 560));
/** The chart type a 1080-line screen gets (see roomText). */
export const STAGE_TEXT = roomText(STAGE_H);

export interface Stage {
  doc: Document;
  win: Window;
  destroy(): void;
}

/** Copies the page's style sheets into the stage; resolves once linked ones have loaded (or failed). */
function copyStyles(from: Document, to: Document): Promise<void> {
  const waits: Promise<void>[] = [];
  for (const node of from.querySelectorAll<HTMLLinkElement | HTMLStyleElement>('link[rel="stylesheet"], style')) {
    const copy = to.importNode(node, true);
    if (node instanceof HTMLLinkElement) {
      // The frame has no address of its own: links are given the page's full ones.
      const link = copy as HTMLLinkElement;
      link.href = node.href;
      waits.push(new Promise((resolve) => ((link.onload = () => resolve()), (link.onerror = () => resolve()))));
    }
    to.head.append(copy);
  }
  return Promise.all(waits).then(() => undefined);
}

export async function openStage(doc: Document = document): Promise<Stage> {
  const frame = doc.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = `position:absolute;left:-30000px;top:0;width:${STAGE_W}px;height:${STAGE_H}px;border:0;visibility:hidden`;
  doc.body.append(frame);
  const sdoc = frame.contentDocument;
  const win = frame.contentWindow;
  if (!sdoc || !win) {
    frame.remove();
    throw new Error('no off-screen frame');
  }
  sdoc.documentElement.lang = doc.documentElement.lang;
  sdoc.documentElement.className = doc.documentElement.className;
  sdoc.body.className = doc.body.className;
  sdoc.body.style.cssText = 'margin:0;overflow:hidden';
  await copyStyles(doc, sdoc);
  // The frame's first layout settles its viewport, which vh units in its styles need.
  void sdoc.body.offsetHeight;
  return { doc: sdoc, win, destroy: () => frame.remove() };
}

/**
 * One slide drawn in the stage with only its body, `width` x `height` CSS px: the headline, text and
 * source line become text boxes, so they are hidden here (their text stays in the DOM).
 */
export function renderBody(stage: Stage, pc: PresentContext, slide: ResolvedSlide, index: number, total: number, size: { width: number; height: number }): SlideFrame {
  const frame = slideFrame(pc, slide, index, total, 'pptx');
  const el = frame.el;
  el.style.cssText = `width:${size.width}px;height:${size.height}px;padding:0;gap:0;grid-template-rows:minmax(0,1fr);box-sizing:border-box`;
  for (const part of el.querySelectorAll<HTMLElement>('.slide-head, .slide-foot')) part.style.display = 'none';
  stage.doc.body.replaceChildren(el);
  fillSlide(pc, frame, slide, { zoom: STAGE_ZOOM, withMap: true, text: STAGE_TEXT });
  return frame;
}

/** The source line a slide shows once drawn (charts set theirs when drawn): drawn once, charts only. */
export function sourceOf(stage: Stage, pc: PresentContext, slide: ResolvedSlide, index: number, total: number, size: { width: number; height: number }): string {
  const frame = slideFrame(pc, slide, index, total, 'pptx-probe');
  frame.el.style.cssText = `width:${size.width}px;height:${size.height}px;padding:0;gap:0;grid-template-rows:minmax(0,1fr)`;
  stage.doc.body.replaceChildren(frame.el);
  if (frame.el.querySelector('figure.slide-chart')) fillSlide(pc, frame, slide, { zoom: STAGE_ZOOM, withMap: false, text: STAGE_TEXT });
  const text = frame.el.querySelector('.slide-source')?.textContent ?? '';
  stage.doc.body.replaceChildren();
  return text;
}
