import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTS, catalog, tCount } from './index.ts';
import zh from './zh.json';
import en from './en.json';

const dir = import.meta.dirname;
const part = (p: string, lang: string) => JSON.parse(readFileSync(join(dir, 'parts', `${p}.${lang}.json`), 'utf8')) as Record<string, string>;

describe('message catalogues', () => {
  it('have the same keys in both languages, core and every part', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const p of PARTS) expect(Object.keys(part(p, 'en')).sort(), p).toEqual(Object.keys(part(p, 'zh')).sort());
  });
  it('have a file for each part and no other, and no key in two files', () => {
    expect(readdirSync(join(dir, 'parts')).sort()).toEqual(PARTS.flatMap((p) => [`${p}.en.json`, `${p}.zh.json`]).sort());
    const seen = new Map<string, string>(Object.keys(zh).map((k) => [k, 'core']));
    for (const p of PARTS)
      for (const k of Object.keys(part(p, 'zh'))) {
        expect(seen.get(k), `${k} in ${p}`).toBeUndefined();
        seen.set(k, p);
      }
  });
  it('have no empty message and the same placeholders in both languages', () => {
    // The unit-test setup has loaded every part of both languages.
    const zhAll = catalog('zh');
    const enAll = catalog('en');
    expect(Object.keys(zhAll).length).toBe(Object.keys(zh).length + PARTS.reduce((n, p) => n + Object.keys(part(p, 'zh')).length, 0));
    for (const [key, msg] of Object.entries(zhAll)) {
      const other = enAll[key]!;
      // A unit may be unwritten in one language (a count in English is a bare number).
      if (!key.startsWith('unit.')) {
        expect(msg.trim(), key).not.toBe('');
        expect(other.trim(), key).not.toBe('');
      }
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(other), key).toEqual(ph(msg));
    }
  });
  it('say one in the singular where a count can be one (English), and the same in Chinese', () => {
    expect(tCount('en', 'list.caption', 1, { n: 1 })).toMatch(/^1 cluster in/);
    expect(tCount('en', 'list.caption', 2, { n: 2 })).toMatch(/^2 clusters in/);
    expect(tCount('en', 'chart.output.yearOption', 1, { year: 2019, n: 1 })).toBe('2019 (1 cluster with a figure)');
    expect(tCount('zh', 'list.caption', 1, { n: 1 })).toBe(tCount('zh', 'list.caption', 5, { n: 1 }));
    // Every singular form has its plural beside it.
    for (const key of Object.keys(catalog('en')).filter((k) => k.endsWith('.one'))) expect(catalog('en')[key.slice(0, -4)], key).toBeDefined();
  });
});

