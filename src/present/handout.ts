/**
 * The printed handout: every slide on its own A4 landscape page, with headline, text, chart or map (as
 * SVG) and source line. Built off-screen with the page's size, shown only by the print style sheet;
 * the overview's thumbnails are copies of its pages.
 *
 * Built a page per idle moment once the first slide is on screen: all at once, it was one task of about
 * 300 ms on load (a chart and an SVG map per slide), in which the clicker did nothing. Where the pages are
 * needed now (the overview, printing), the rest are built at once. The host carries data-complete="true"
 * once every page is there.
 */
import { h } from '../ui/dom.ts';
import type { PresentContext } from './context.ts';
import type { ResolvedDeck } from './deck.ts';
import { slideFrame, fillSlide } from './slide.ts';

/** Marks in print are about 1.3 times the site's; chart type at least 14 px (10.5 pt). */
const PRINT_ZOOM = 1.3;
const PRINT_TEXT = 14;

export interface Handout {
  /** Starts the handout again for this deck (after an edit): its pages come in idle moments. */
  reset(deck: ResolvedDeck): void;
  /** Every page, the missing ones built now. */
  pages(): HTMLElement[];
}

/** Calls `fn` when the page is idle (a timeout where the browser has no idle callbacks). */
export type WhenIdle = (fn: () => void) => void;
const whenIdle: WhenIdle = (fn) => (typeof requestIdleCallback === 'function' ? void requestIdleCallback(() => fn(), { timeout: 1000 }) : void setTimeout(fn, 1));

/** Slide i's handout page, appended to the host (its chart and map are laid out at the host's size). */
export function handoutPage(pc: PresentContext): (host: HTMLElement, deck: ResolvedDeck, i: number) => HTMLElement {
  return (host, deck, i) => {
    const slide = deck.slides[i]!;
    const frame = slideFrame(pc, slide, i, deck.slides.length, 'handout');
    const page = h('div', { class: 'handout-page', 'data-slide': i + 1 }, frame.el);
    host.append(page);
    fillSlide(pc, frame, slide, { zoom: PRINT_ZOOM, withMap: true, text: PRINT_TEXT });
    return page;
  };
}

export function createHandout(host: HTMLElement, build: (host: HTMLElement, deck: ResolvedDeck, i: number) => HTMLElement, idle: WhenIdle = whenIdle): Handout {
  let deck: ResolvedDeck | null = null;
  let pages: HTMLElement[] = [];
  /** Bumped by reset: an idle step of an earlier deck finds it changed and stops. */
  let run = 0;
  const missing = () => deck != null && pages.length < deck.slides.length;
  const buildNext = () => {
    pages.push(build(host, deck!, pages.length));
    if (!missing()) host.dataset['complete'] = 'true';
  };
  const step = (mine: number) => {
    if (mine !== run || !missing()) return;
    buildNext();
    if (missing()) idle(() => step(mine));
  };
  return {
    reset(next) {
      run++;
      deck = next;
      pages = [];
      host.replaceChildren();
      delete host.dataset['complete'];
      const mine = run;
      if (missing()) idle(() => step(mine));
      else host.dataset['complete'] = 'true';
    },
    pages() {
      while (missing()) buildNext();
      return pages;
    },
  };
}
