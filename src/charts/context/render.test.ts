// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { render } from './render.ts';
import { normalizeSvg } from '../shared/testing.ts';
import { chartAtlas } from '../../../tests/unit/chartFixture.ts';

const series = derive(chartAtlas());

describe('context render', () => {
  it.each(['zh', 'en'] as const)('draws the same picture (%s)', (lang) => {
    expect(normalizeSvg(render(series, { width: 640, lang }, document))).toMatchSnapshot();
  });
  it('two small charts by default, one on request — never two axes on one chart', () => {
    expect(render(series, { width: 640 }, document).querySelectorAll('.panel')).toHaveLength(2);
    const share = render(series, { width: 640, mode: 'share' }, document);
    expect([...share.querySelectorAll('.panel')].map((p) => p.getAttribute('class'))).toEqual(['panel panel-share']);
    expect(() => render(series, { width: 640, mode: 'dual' as 'share' }, document)).toThrow(/mode/);
  });
  it('one line per region, the highlighted one marked', () => {
    const svg = render(series, { width: 360, lang: 'en', highlight: 'northeast', mode: 'index' }, document);
    expect([...svg.querySelectorAll('path.line')].map((p) => p.getAttribute('data-region'))).toEqual(['east', 'central', 'west', 'northeast']);
    expect(svg.querySelector('path.is-highlighted')!.getAttribute('data-region')).toBe('northeast');
    expect(svg.getAttribute('width')).toBe('360');
  });
});
