// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { render } from './render.ts';
import { normalizeSvg } from '../shared/testing.ts';
import { measure } from '../shared/layout.ts';
import { realAtlas } from '../../../tests/unit/chartFixture.ts';
import { outcomeAtlas } from '../../../tests/unit/outcomeFixture.ts';
import { layerAtlas } from '../../data/layers.ts';

const series = derive(outcomeAtlas());
const real = derive(layerAtlas(realAtlas(), { layers: ['local'], low: true }));
const national = derive(layerAtlas(realAtlas(), {}));

/** Texts whose estimated right edge (x + measure; every text is start-anchored) passes the width, or whose font is below 11 px. */
function overflows(svg: SVGSVGElement, width: number): string[] {
  return [...svg.querySelectorAll('text')].flatMap((t) => {
    const w = measure(t.textContent ?? '', Number(t.getAttribute('font-size') ?? 12));
    const right = Number(t.getAttribute('x')) + w;
    return t.hasAttribute('text-anchor') || right > width || Number(t.getAttribute('font-size') ?? 12) < 11 ? [t.textContent ?? ''] : [];
  });
}

describe('outcomes render', () => {
  it.each(['zh', 'en'] as const)('draws the same picture (%s)', (lang) => {
    expect(normalizeSvg(render(series, { width: 640, lang }, document))).toMatchSnapshot();
  });

  it('draws bars only for comparable pairs, and says why for the rest', () => {
    const svg = render(series, { width: 640, lang: 'en' }, document);
    expect([...svg.querySelectorAll('.pair.is-comparable')].map((g) => g.getAttribute('data-pair'))).toEqual(['cap', 'cmp', 'thr']);
    expect(svg.querySelectorAll('.bar-target').length).toBe(3);
    expect(svg.querySelectorAll('.bar-outcome').length).toBe(3);
    expect(svg.querySelectorAll('.not-comparable .bar').length).toBe(0);
    expect(svg.querySelectorAll('.pair.not-comparable .reasons').length).toBe(5);
    const ratios = [...svg.querySelectorAll('.ratio')].map((t) => t.textContent);
    expect(ratios).toEqual(['the target is a ceiling or a range: no share of it is given', '64% of the target', "120% of the target's bound"]);
  });

  it('one zero-based scale per pair: bar widths in proportion to the values', () => {
    const g = render(series, { width: 640, lang: 'en' }, document).querySelector('[data-pair="cmp"]')!;
    const w = (c: string) => Number(g.querySelector(c)!.getAttribute('width'));
    expect(w('.bar-outcome') / w('.bar-target')).toBeCloseTo(0.64, 2);
  });

  it('marks low-grade figures and links marks to clusters and regions', () => {
    const svg = render(series, { width: 640, lang: 'en' }, document);
    expect([...svg.querySelectorAll('.figure-low')].map((t) => t.textContent).every((t) => t!.includes('low reliability'))).toBe(true);
    expect(svg.querySelectorAll('text.figure-low').length).toBe(2);
    expect(svg.querySelector('[data-pair="cmp"]')!.getAttribute('data-cluster')).toBe('e-point');
    expect(svg.querySelector('.outcome-group[data-region="west"]')).not.toBeNull();
    expect(svg.querySelector('[data-pair="scope"]')!.getAttribute('data-adcode')).toBe('610000');
  });

  it('plots a dated series of one metric as dots, and says so instead where metrics differ', () => {
    const svg = render(series, { width: 640, lang: 'en' }, document);
    expect(svg.querySelectorAll('[data-cluster="e-none"] .dot').length).toBe(3);
    expect(svg.querySelectorAll('[data-cluster="n-multi"] .dot').length).toBe(0);
    expect(svg.querySelector('[data-cluster="n-multi"] .mixed')!.textContent).toMatch(/different metrics/);
  });

  it('marks the highlighted subject', () => {
    const svg = render(series, { width: 640, lang: 'en', highlight: 'e-point' }, document);
    expect([...svg.querySelectorAll('.is-highlighted')].map((n) => n.getAttribute('data-cluster'))).toEqual(['e-point']);
  });

  it('says so when there is nothing to show', () => {
    const svg = render({ chart: 'outcomes', pairs: [], others: [], goals: [], sources: [] }, { width: 400, lang: 'en' }, document);
    expect(svg.textContent).toContain('no later actual figures and no national cluster');
  });

  it.each([320, 480, 1400])('keeps every line inside the chart at %i px, in both languages, fonts at least 11 px', (width) => {
    for (const lang of ['zh', 'en'] as const) {
      expect(overflows(render(series, { width, lang }, document), width)).toEqual([]);
      expect(overflows(render(real, { width, lang }, document), width)).toEqual([]);
      expect(overflows(render(national, { width, lang }, document), width)).toEqual([]);
    }
  });

  it('committed data: bars only for comparable pairs, low-grade figures marked', () => {
    const svg = render(real, { width: 640, lang: 'en' }, document);
    expect(svg.querySelectorAll('.pair.not-comparable .reasons').length).toBe(real.pairs.filter((p) => !p.comparable).length);
    expect(svg.querySelectorAll('.bar-outcome').length).toBe(real.pairs.filter((p) => p.comparable).length);
    expect(svg.querySelectorAll('.figure-low').length).toBeGreaterThan(0);
  });

  it("committed data, national layers: each national cluster's goal drawn, two bars where a share is given, its line beside", () => {
    const svg = render(national, { width: 640, lang: 'en' }, document);
    expect(national.goals.length).toBeGreaterThan(0);
    expect(svg.querySelectorAll('.goal').length).toBe(national.goals.length);
    expect(svg.querySelectorAll('.goal.has-share .bar-outcome').length).toBe(national.goals.filter((g) => g.ratio != null).length);
    expect(svg.querySelector('.goal[data-cluster="amc-ningde-battery"] .ratio')?.textContent).toBe('50% of the 2025 goal in 2024');
  });
});
