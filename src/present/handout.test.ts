// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createHandout } from './handout.ts';
import type { ResolvedDeck } from './deck.ts';

const deckOf = (n: number) => ({ slides: Array.from({ length: n }, (_, i) => ({ headline: `s${i}` })) }) as unknown as ResolvedDeck;

/** A handout whose pages are plain divs, and whose idle moments come when the test says. */
function setup() {
  const host = document.createElement('div');
  const built: string[] = [];
  const build = (h: HTMLElement, deck: ResolvedDeck, i: number) => {
    const page = document.createElement('div');
    page.textContent = `${(deck.slides[i] as unknown as { headline: string }).headline}`;
    h.append(page);
    built.push(page.textContent);
    return page;
  };
  const queue: (() => void)[] = [];
  const handout = createHandout(host, build, (fn) => void queue.push(fn));
  const idle = () => queue.shift()?.();
  return { host, built, handout, idle, queue };
}

describe('the handout, built in idle moments', () => {
  it('builds nothing at once, then one page per idle moment, and says when it is complete', () => {
    const { host, built, handout, idle, queue } = setup();
    handout.reset(deckOf(3));
    expect(built).toEqual([]);
    idle();
    expect(built).toEqual(['s0']);
    expect(host.dataset['complete']).toBeUndefined();
    idle();
    idle();
    expect(built).toEqual(['s0', 's1', 's2']);
    expect(host.dataset['complete']).toBe('true');
    expect(queue).toHaveLength(0);
  });

  it('where the pages are needed now (overview, print), builds the rest at once, in order, and idle steps then do nothing', () => {
    const { host, built, handout, idle } = setup();
    handout.reset(deckOf(4));
    idle();
    const pages = handout.pages();
    expect(pages.map((p) => p.textContent)).toEqual(['s0', 's1', 's2', 's3']);
    expect([...host.children]).toEqual(pages);
    expect(host.dataset['complete']).toBe('true');
    idle();
    idle();
    expect(built).toHaveLength(4);
  });

  it('an edit starts again: the old deck is dropped mid-way and its waiting step builds nothing', () => {
    const { host, built, handout, idle, queue } = setup();
    handout.reset(deckOf(3));
    idle();
    handout.reset({ slides: [{ headline: 'new' }] } as unknown as ResolvedDeck);
    expect(host.children).toHaveLength(0);
    expect(host.dataset['complete']).toBeUndefined();
    while (queue.length) idle();
    expect(built).toEqual(['s0', 'new']);
    expect([...host.children].map((p) => p.textContent)).toEqual(['new']);
    expect(host.dataset['complete']).toBe('true');
  });
});
