import { describe, it, expect } from 'vitest';
import { parseView, serializeView, DEFAULT_VIEW, type ViewState } from './url.ts';

describe('view state in the URL', () => {
  it('missing parameters give the defaults, with nothing ignored', () => {
    expect(parseView('')).toEqual({ view: DEFAULT_VIEW, ignored: [] });
  });

  it('round-trips every non-default view', () => {
    const views: ViewState[] = [
      { lang: 'en', regions: ['east', 'central', 'west', 'northeast'] },
      { lang: 'zh', regions: ['northeast'] },
      { lang: 'en', regions: ['east', 'west'] },
    ];
    for (const v of views) expect(parseView(serializeView(v)).view).toEqual(v);
  });

  it('writes only what differs from the defaults', () => {
    expect(serializeView(DEFAULT_VIEW)).toBe('');
    expect(serializeView({ ...DEFAULT_VIEW, lang: 'en' })).toBe('?lang=en');
    expect(serializeView({ ...DEFAULT_VIEW, regions: ['west', 'east'] })).toBe('?region=west%2Ceast');
  });

  it('normalises region order and ignores empty items', () => {
    expect(parseView('?region=west,,east').view.regions).toEqual(['east', 'west']);
  });

  it('reports invalid, unknown, repeated and oversized parameters and keeps the default', () => {
    const { view, ignored } = parseView(`?region=mars&lang=fr&foo=1&lang=en&lang=zh&region=${'x'.repeat(300)}`);
    expect(view).toEqual({ ...DEFAULT_VIEW, lang: 'en' });
    expect(ignored.map((i) => `${i.key}:${i.reason}`)).toEqual([
      'region:expected east | central | west | northeast',
      'lang:expected zh | en',
      'foo:unknown parameter',
      'lang:repeated parameter',
      'region:value too long',
    ]);
  });

  it('survives % garbage and script text', () => {
    const { view, ignored } = parseView('?%E0%A4%A=1&lang=%3Cscript%3E');
    expect(view).toEqual(DEFAULT_VIEW);
    expect(ignored.length).toBe(2);
  });
});
