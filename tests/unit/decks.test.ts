/** Decks: the default deck is valid against the data and states no number; the URL format round-trips; the keys map. */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildAtlas } from '../../src/data/validate.ts';
import { TABLES } from '../../src/data/schema.ts';
import { validateDeck } from '../../src/present/validate.ts';
import { addSlide, parseSlides, serializeSlides, SOURCES_VIEW, type UrlSlide } from '../../src/present/deckUrl.ts';
import { createKeyMap } from '../../src/present/keys.ts';
import { deckSearch } from '../../src/present/presenter.ts';

const files: Record<string, string> = {};
for (const name of Object.keys(TABLES)) files[name] = readFileSync(join('data', name), 'utf8');
const { atlas } = buildAtlas(files, 'data');
const decks = readdirSync('data/decks').filter((f) => f.endsWith('.json'));

describe('data/decks', () => {
  for (const f of decks) {
    it(`${f} is valid against the schema and the data`, () => {
      const { deck, errors } = validateDeck(JSON.parse(readFileSync(join('data/decks', f), 'utf8')), `data/decks/${f}`, atlas);
      expect(errors).toEqual([]);
      expect(deck?.slides.length).toBeGreaterThan(0);
    });
  }

  it('the default deck states no number in its own words (the charts carry the numbers)', () => {
    const deck = JSON.parse(readFileSync('data/decks/default.json', 'utf8'));
    const texts: string[] = [deck.title.zh, deck.title.en];
    for (const s of deck.slides) for (const k of ['headline', 'text', 'notes']) if (s[k]) texts.push(s[k].zh, s[k].en);
    const numeric = /[0-9\uff10-\uff19]|[\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u5343\u4e07\u4ebf\u4e24]|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion)\b/i;
    // Words that contain a numeral character without stating a number.
    const allowed = /\u4e00\u6279|\u4e00\u7bc7|\u4e00\u4e2a|\u5341\u4e00\u4e94|\u7edf\u4e00|\u4e0d\u4e00\u81f4|\u4e00\u5f8b|\u4e07\u4e00|\u7b2c\u4e00/g;
    const hits = texts.filter((t) => numeric.test(t.replace(allowed, '')));
    expect(hits).toEqual([]);
  });

  it('rejects a bad deck with file, field and rule', () => {
    const bad = { version: 1, id: 'x', title: { zh: 'a', en: 'b' }, slides: [{ view: '?tab=nope', headline: { zh: 'a', en: '' } }, { view: '?cluster=no-such-cluster', headline: { zh: 'a', en: 'b' } }] };
    const first = validateDeck(bad, 'data/decks/x.json', atlas);
    expect(first.errors.map((e) => `${e.file} ${e.field}: ${e.message}`)).toEqual(['data/decks/x.json slides.0.headline.en: required']);
    bad.slides[0]!.headline.en = 'b';
    const second = validateDeck(bad, 'data/decks/x.json', atlas);
    expect(second.errors.map((e) => e.field)).toEqual(['slides.0.view', 'slides.1.view']);
    expect(second.errors[1]!.message).toMatch(/unknown cluster/);
  });
});

describe('deckUrl', () => {
  const slides: UrlSlide[] = [
    { view: '?region=east&tab=ranking&metric=sales', headline: 'East ~ ranking! 100% sure' },
    { view: '', headline: '\u4e1c\u5317 map', layout: 'map', text: 'a~b!c%d', notes: 'Line one\nline two' },
    { view: SOURCES_VIEW, headline: 'Sources' },
  ];

  it('parse(serialize(x)) is x', () => {
    const param = serializeSlides(slides);
    expect(parseSlides(param)).toEqual({ kind: 'valid', slides });
    // And through a real URL.
    const url = new URL(`http://x/present.html?${new URLSearchParams({ slides: param })}`);
    expect(parseSlides(url.searchParams.get('slides')!)).toEqual({ kind: 'valid', slides });
  });

  it('addSlide appends, drops lang, and starts a deck from nothing', () => {
    let p = addSlide(null, '?tab=regions&lang=en', 'National');
    p = addSlide(p, 'region=west', 'West');
    const parsed = parseSlides(p);
    expect(parsed).toEqual({ kind: 'valid', slides: [{ view: '?tab=regions', headline: 'National' }, { view: '?region=west', headline: 'West' }] });
    expect(parseSlides(addSlide('%E0%A4%A!x', '', 'Only'))).toEqual({ kind: 'valid', slides: [{ view: '', headline: 'Only' }] });
  });

  it('reports what it cannot read', () => {
    for (const bad of ['', 'no-headline', 'v!', 'v!h!diagonal', '%E0%A4%A!x', 'has space!h']) expect(parseSlides(bad).kind).toBe('invalid');
  });

  it('deckSearch keeps other parameters and switches between file and URL decks', () => {
    expect(deckSearch('?lang=en&deck=x', { kind: 'file', id: 'default' }, 2)).toBe('?lang=en&slide=3');
    expect(deckSearch('?lang=en', { kind: 'url', param: 'a!b' }, 0, { notes: '1' })).toBe('?lang=en&slides=a%21b&slide=1&notes=1');
  });
});

describe('keys', () => {
  it('maps clicker and keyboard keys; digits then Enter jump', () => {
    const k = createKeyMap();
    const kinds = ['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp', 'Home', 'End', 'f', 'o', 'n', 'b', '.', 'Escape', 'x'].map((key) => k.handle({ key })?.kind ?? null);
    expect(kinds).toEqual(['next', 'next', 'next', 'prev', 'prev', 'first', 'last', 'fullscreen', 'overview', 'notes', 'blank', 'blank', 'escape', null]);
    expect(k.handle({ key: ' ', shiftKey: true })?.kind).toBe('prev');
    expect(k.handle({ key: 'ArrowRight', ctrlKey: true })).toBeNull();
    k.handle({ key: '1' });
    k.handle({ key: '2' });
    expect(k.typed()).toBe('12');
    expect(k.handle({ key: 'Enter' })).toEqual({ kind: 'goto', n: 12 });
    expect(k.handle({ key: 'Enter' })).toBeNull();
  });
});
