/** Text lives outside code: no CJK character in a string (or any code) of src/, outside i18n JSON and data. */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|css|html)$/.test(f) && !/\.test\.ts$/.test(f) ? [p] : [];
  });
}

/** Removes comments (block and line), keeping strings: what remains is code and literals. */
export function stripComments(src: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < src.length) {
    const c = src[i]!;
    if (quote) {
      out += c;
      if (c === '\\') out += src[++i] ?? '';
      else if (c === quote) quote = null;
      i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      i = end < 0 ? src.length : end;
    } else {
      if (c === '"' || c === "'" || c === '`') quote = c;
      out += c;
      i++;
    }
  }
  return out;
}

describe('no Chinese text in code', () => {
  it('the comment stripper keeps literals and drops comments', () => {
    expect(CJK.test(stripComments("// 注释\nconst a = 1; /* 说明 */"))).toBe(false);
    expect(CJK.test(stripComments("const a = '中文';"))).toBe(true);
    expect(CJK.test(stripComments('const u = "http://x"; const b = `东部`;'))).toBe(true);
  });

  it('finds none in src/ outside src/i18n/*.json', () => {
    const hits = files('src').flatMap((f) =>
      stripComments(readFileSync(f, 'utf8'))
        .split('\n')
        .filter((line) => CJK.test(line))
        .map((line) => `${f}: ${line.trim().slice(0, 80)}`),
    );
    expect(hits).toEqual([]);
  });
});

describe('no array spread into one call', () => {
  // Math.max(...xs), xs.push(...ys) put every element on the stack: past ~100,000 (a user's large table)
  // they throw "Maximum call stack size exceeded". src/data/extent.ts and loops do the same work.
  const SPREAD_CALL = /\b(Math\.(max|min)|\.push|\.unshift|fromCharCode|fromCodePoint)\(\s*\.\.\./;
  it('the pattern finds the calls it is for', () => {
    expect(SPREAD_CALL.test('Math.max(...xs)')).toBe(true);
    expect(SPREAD_CALL.test('out.push(...rows)')).toBe(true);
    expect(SPREAD_CALL.test('[...a, ...b]')).toBe(false);
    expect(SPREAD_CALL.test('h("div", {}, ...items)')).toBe(false);
  });
  it('finds none in src/', () => {
    const hits = files('src').flatMap((f) =>
      stripComments(readFileSync(f, 'utf8'))
        .split('\n')
        .filter((line) => SPREAD_CALL.test(line))
        .map((line) => `${f}: ${line.trim().slice(0, 80)}`),
    );
    expect(hits).toEqual([]);
  });
});
