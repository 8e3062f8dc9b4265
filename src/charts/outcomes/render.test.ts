// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { render } from './render.ts';
import { normalizeSvg } from '../shared/testing.ts';
import { measure } from '../shared/layout.ts';
import { realAtlas } from '../../../tests/unit/chartFixture.ts';
import { layerAtlas } from '../../data/layers.ts';

const series = derive(layerAtlas(realAtlas(), { layers: ['local'], low: true }));

describe('outcomes render', () => {
  it.each(['zh', 'en'] as const)('draws the same picture (%s)', (lang) => {
    expect(normalizeSvg(render(series, { width: 640, lang }, document))).toMatchSnapshot();
  });

  it('draws bars only for comparable pairs and says why for the rest; low-grade figures are marked', () => {
    const svg = render(series, { width: 640, lang: 'en' }, document);
    expect(svg.querySelectorAll('.pair.not-comparable .reasons').length).toBe(series.pairs.filter((p) => !p.comparable).length);
    expect(svg.querySelectorAll('.bar-outcome').length).toBe(series.pairs.filter((p) => p.comparable).length);
    expect(svg.querySelectorAll('.figure-low').length).toBeGreaterThan(0);
  });

  it('keeps every line inside a phone-width chart', () => {
    const svg = render(series, { width: 320, lang: 'zh' }, document);
    for (const t of svg.querySelectorAll('text')) {
      const right = Number(t.getAttribute('x')) + measure(t.textContent ?? '', Number(t.getAttribute('font-size') ?? 12));
      expect(right, t.textContent ?? '').toBeLessThanOrEqual(321);
    }
  });
});
