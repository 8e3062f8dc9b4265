// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { render } from './render.ts';
import { normalizeSvg } from '../shared/testing.ts';
import { chartAtlas } from '../../../tests/unit/chartFixture.ts';

const atlas = chartAtlas();
const series = derive(atlas, { subject: 'ne-3', metric: 'output' });

describe('growth render', () => {
  it.each(['zh', 'en'] as const)('draws the same picture (%s)', (lang) => {
    expect(normalizeSvg(render(series, { width: 640, lang }, document))).toMatchSnapshot();
  });

  it('draws thresholds as ticks with arrows, ranges as bands, targets hollow and dashed', () => {
    const svg = render(series, { width: 640, lang: 'en' }, document);
    expect(svg.querySelectorAll('.mark-threshold-up path')).toHaveLength(1);
    expect(svg.querySelectorAll('.mark-threshold-up circle')).toHaveLength(0);
    expect(svg.querySelectorAll('.mark-range rect')).toHaveLength(1);
    expect(svg.querySelector('.mark-point.mark-target circle')!.getAttribute('fill')).toBe('#FFFFFF');
    expect(svg.querySelector('.mark-point.mark-actual circle')!.getAttribute('fill')).not.toBe('#FFFFFF');
    expect(svg.querySelector('.link-target')!.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(svg.querySelectorAll('.mark-member-sum')).toHaveLength(2);
  });

  it('labels the x axis by stage; the year only where legible', () => {
    const svg = render(series, { width: 800, lang: 'en' }, document);
    expect([...svg.querySelectorAll('.year')].map((n) => [n.getAttribute('data-year-status'), n.textContent])).toEqual([
      ['none', 'no year'],
      ['illegible', 'year illegible'],
      ['illegible', 'year illegible'],
      ['confirmed', '2015*'],
    ]);
  });

  it('keeps hostile names as text', () => {
    const bent = structuredClone(atlas);
    bent.groups.find((g) => g.id === 'ne-3')!.name_en = '<script>alert(1)</script>';
    const svg = render(derive(bent, { subject: 'ne-3', metric: 'output' }), { width: 400, lang: 'en' }, document);
    expect(svg.querySelector('script')).toBeNull();
    expect(svg.textContent).toContain('<script>alert(1)</script>');
  });

  it('marks the highlighted subject and refuses bad options', () => {
    const c = derive(atlas, { subject: 'n-point', metric: 'output' });
    const svg = render(c, { width: 360, highlight: 'n-point' }, document);
    expect(svg.querySelector('.is-highlighted')!.getAttribute('data-cluster')).toBe('n-point');
    expect(() => render(c, { width: 100 }, document)).toThrow(/width/);
    expect(() => render(c, { width: 400, color: 'red' }, document)).toThrow(/color/);
  });
});
