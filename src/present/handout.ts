/**
 * The printed handout: every slide on its own A4 landscape page, with headline, text, chart or map (as
 * SVG) and source line. Built off-screen with the page's size, shown only by the print style sheet;
 * the overview's thumbnails are copies of its pages.
 */
import { h } from '../ui/dom.ts';
import type { PresentContext } from './context.ts';
import type { ResolvedDeck } from './deck.ts';
import { slideFrame, fillSlide } from './slide.ts';

/** Marks in print are about 1.3 times the site's; chart type at least 14 px (10.5 pt). */
const PRINT_ZOOM = 1.3;
const PRINT_TEXT = 14;

export function buildHandout(host: HTMLElement, pc: PresentContext, deck: ResolvedDeck): HTMLElement[] {
  const pages = deck.slides.map((slide, i) => {
    const frame = slideFrame(pc, slide, i, deck.slides.length, 'handout');
    const page = h('div', { class: 'handout-page', 'data-slide': i + 1 }, frame.el);
    host.append(page);
    fillSlide(pc, frame, slide, { zoom: PRINT_ZOOM, withMap: true, text: PRINT_TEXT });
    return page;
  });
  return pages;
}
