// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { render } from './render.ts';
import { normalizeSvg } from '../shared/testing.ts';
import { measure } from '../shared/layout.ts';
import { batchAtlas } from '../../../tests/unit/batchFixture.ts';

const series = derive(batchAtlas(), { until: 2022 });

describe('batches render', () => {
  it.each(['zh', 'en'] as const)('draws the same picture (%s)', (lang) => {
    expect(normalizeSvg(render(series, { width: 640, lang }, document))).toMatchSnapshot();
  });

  it('draws an outline only where an official total is stated, and fades the steps out of view', () => {
    const svg = render(series, { width: 640, lang: 'en' }, document);
    expect(svg.querySelectorAll('.bar-official')).toHaveLength(3);
    expect([...svg.querySelectorAll('.step.is-out')].map((n) => n.getAttribute('data-batch'))).toEqual(['nat-2024']);
  });

  it('keeps every label inside a phone-width chart', () => {
    const svg = render(series, { width: 320, lang: 'zh' }, document);
    for (const t of svg.querySelectorAll('text')) {
      const x = Number(t.getAttribute('x') ?? 0);
      const anchor = t.getAttribute('text-anchor');
      const w = measure(t.textContent ?? '', Number(t.getAttribute('font-size') ?? 12));
      const right = anchor === 'end' ? x : anchor === 'middle' ? x + w / 2 : x + w;
      expect(right, t.textContent ?? '').toBeLessThanOrEqual(321);
    }
  });
});
