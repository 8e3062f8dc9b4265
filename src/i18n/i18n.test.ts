import { describe, it, expect } from 'vitest';
import zh from './zh.json';
import en from './en.json';

describe('message catalogues', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
  it('have no empty message and the same placeholders in both languages', () => {
    for (const [key, msg] of Object.entries(zh)) {
      const other = (en as Record<string, string>)[key]!;
      // A unit may be unwritten in one language (a count in English is a bare number).
      if (!key.startsWith('unit.')) {
        expect(msg.trim(), key).not.toBe('');
        expect(other.trim(), key).not.toBe('');
      }
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(other), key).toEqual(ph(msg));
    }
  });
});
