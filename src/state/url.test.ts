import { describe, it, expect } from 'vitest';
import { parseView, serializeView, reconcileView, DEFAULT_VIEW, type ViewState } from './url.ts';

describe('view state in the URL', () => {
  it('missing parameters give the defaults, with nothing ignored', () => {
    expect(parseView('')).toEqual({ view: DEFAULT_VIEW, ignored: [] });
  });

  it('round-trips every non-default view', () => {
    const views: ViewState[] = [
      { ...DEFAULT_VIEW, lang: 'en' },
      { ...DEFAULT_VIEW, regions: ['northeast'] },
      { ...DEFAULT_VIEW, lang: 'en', regions: ['east', 'west'], sectors: ['equipment', 'food'], metric: 'sales', stage: 'baseline' },
      { ...DEFAULT_VIEW, cluster: 'dalian-petrochem', at: { lon: 121.6, lat: 38.9, zoom: 7.5 } },
      { ...DEFAULT_VIEW, stage: 'target-3', regions: ['central'] },
      { ...DEFAULT_VIEW, tab: 'growth', subject: 'dalian-15' },
      { ...DEFAULT_VIEW, tab: 'context', subject: 'CN', lang: 'en' },
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

  it('rejects out-of-range or malformed camera and ids', () => {
    for (const q of ['at=200,30,4', 'at=116,39', 'at=116,39,40', 'at=1e3,1,1', 'cluster=Dalian%20X', 'stage=target-9', 'sector=a,,B']) {
      const { view, ignored } = parseView('?' + q);
      expect(view, q).toEqual(DEFAULT_VIEW);
      expect(ignored, q).toHaveLength(1);
    }
  });

  it('reconciles ids against the data, reporting unknown ones', () => {
    const known = { sectors: new Set(['food']), metrics: new Set(['output', 'sales']), clusters: new Set(['c-1']) };
    const { view, ignored } = reconcileView({ ...DEFAULT_VIEW, sectors: ['food', 'space'], metric: 'mood', cluster: 'c-9' }, known);
    expect(view).toEqual({ ...DEFAULT_VIEW, sectors: ['food'] });
    expect(ignored.map((i) => i.key)).toEqual(['sector', 'metric', 'cluster']);
  });

  it('survives % garbage and script text', () => {
    const { view, ignored } = parseView('?%E0%A4%A=1&lang=%3Cscript%3E');
    expect(view).toEqual(DEFAULT_VIEW);
    expect(ignored.length).toBe(2);
  });
});

describe('hundreds of malformed query strings', () => {
  it('never throw, always give a valid view, and report what they ignore', async () => {
    const { badQueries } = await import('../../tests/unit/badUrls.ts');
    const queries = badQueries(500);
    expect(new Set(queries).size).toBeGreaterThan(450);
    let reported = 0;
    for (const q of queries) {
      const { view, ignored } = parseView(q);
      expect(['zh', 'en'], q).toContain(view.lang);
      expect(view.regions.length, q).toBeGreaterThan(0);
      expect(view.regions.every((r) => ['east', 'central', 'west', 'northeast'].includes(r)), q).toBe(true);
      expect(['latest', 'baseline', 'target-1', 'target-2', 'target-3'], q).toContain(view.stage);
      expect(view.metric, q).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      if (view.at) expect(view.at.zoom >= 1 && view.at.zoom <= 12, q).toBe(true);
      // Every parameter either shaped the view or was reported: a round trip of what was kept is stable.
      expect(parseView(serializeView(view)).view, q).toEqual(view);
      for (const i of ignored) expect(i.value.length, q).toBeLessThanOrEqual(41);
      if (ignored.length) reported++;
    }
    expect(reported).toBeGreaterThan(400);
  });
});
