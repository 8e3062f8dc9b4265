/**
 * The browser tests wait for what they need, never for a fixed time (issue #24): a sleep is too short on
 * a busy machine and too long on an idle one. tests/e2e/*.ts are scanned for `waitForTimeout(` and for
 * setTimeout used as a sleep (a timer resolving a promise, or the promise API of node:timers). Waits on
 * a condition are `waitForFunction`, `waitForURL`, an event, or the harness's `settle()` (frames counted
 * in the page).
 *
 * One narrow exception: in harness.ts, a sleep inside a `while (Date.now() < deadline)` loop. That is a
 * polling loop for something outside any page (a server process answering HTTP), which checks its
 * condition every round and gives up at the deadline: the sleep only spaces the polls out.
 *
 * And a download is read with the harness's `downloadBytes()`: `download.path()` throws through a
 * connected browser, which is what the tests get under `npm run test:e2e` (scripts/e2e.ts).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const E2E = resolve(import.meta.dirname, '../e2e');

const SLEEPS = [
  /\bwaitForTimeout\s*\(/,
  /new Promise\b.*\bsetTimeout\s*\(/,
  /\bsetTimeout\s*\(\s*[A-Za-z_$][\w$]*\s*,/,
  /\bpromisify\s*\(\s*setTimeout\s*\)/,
  /['"](?:node:)?timers\/promises['"]/,
];

/** A polling loop bounded by a deadline: `while (Date.now() < until) {`. */
const DEADLINE_LOOP = /^\s*while \(Date\.now\(\) < [\w.]+\) \{\s*$/;

const indent = (line: string) => line.length - line.trimStart().length;
const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line);

/** Is line `i` directly inside a deadline-bounded polling loop (the nearest enclosing line that opens a block)? */
function inDeadlineLoop(lines: string[], i: number): boolean {
  const own = indent(lines[i]!);
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j]!;
    if (l.trim() && indent(l) < own) return DEADLINE_LOOP.test(l);
  }
  return false;
}

/** The sleeps in a test file's text, as `line: text`, less the allowed polling loops of harness.ts. */
function sleepsIn(file: string, text: string): string[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    if (isComment(line) || !SLEEPS.some((re) => re.test(line))) return [];
    if (file === 'harness.ts' && inDeadlineLoop(lines, i)) return [];
    return [`${file}:${i + 1}: ${line.trim()}`];
  });
}

const files = readdirSync(E2E).filter((f) => f.endsWith('.ts'));

describe('browser tests wait on conditions, not on fixed sleeps', () => {
  it('finds the test files', () => {
    expect(files).toContain('harness.ts');
    expect(files.filter((f) => f.endsWith('.test.ts')).length).toBeGreaterThan(10);
  });

  it('no waitForTimeout and no setTimeout sleep in tests/e2e/', () => {
    const found = files.flatMap((f) => sleepsIn(f, readFileSync(join(E2E, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('no download.path(): downloads are read through downloadBytes()', () => {
    const found = files.flatMap((f) =>
      readFileSync(join(E2E, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (!isComment(line) && /\.path\(\)/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});

describe('the sleep finder', () => {
  const one = (code: string, file = 'x.test.ts') => sleepsIn(file, code).length;

  it('finds the sleeps', () => {
    expect(one('    await page.waitForTimeout(300);')).toBe(1);
    expect(one('  await frame.waitForTimeout(50); // settle')).toBe(1);
    expect(one('await new Promise((r) => setTimeout(r, 100));')).toBe(1);
    expect(one('await new Promise<void>((resolve) => setTimeout(() => resolve(), 100));')).toBe(1);
    expect(one('setTimeout(done, 250);')).toBe(1);
    expect(one("import { setTimeout as sleep } from 'node:timers/promises';")).toBe(1);
    expect(one('const sleep = promisify(setTimeout);')).toBe(1);
  });

  it('leaves waits on conditions, timers that are not sleeps, and comments alone', () => {
    expect(one("await page.waitForFunction(() => window.__atlas?.ready === true);")).toBe(0);
    expect(one("await Promise.all([page.waitForEvent('pageerror'), page.evaluate(() => setTimeout(() => { throw new Error('boom'); }, 0))]);")).toBe(0);
    expect(one('// no waitForTimeout(300) here: settle() instead')).toBe(0);
  });

  it('allows a sleep only in a deadline-bounded polling loop of harness.ts', () => {
    const loop = ['  while (Date.now() < until) {', '    if (await up()) return;', '    await new Promise((r) => setTimeout(r, 100));', '  }'].join('\n');
    expect(one(loop, 'harness.ts')).toBe(0);
    expect(one(loop, 'map.test.ts')).toBe(1);
    const unbounded = ['  while (true) {', '    await new Promise((r) => setTimeout(r, 100));', '  }'].join('\n');
    expect(one(unbounded, 'harness.ts')).toBe(1);
    const nested = ['  while (Date.now() < until) {', '    if (slow) {', '      await new Promise((r) => setTimeout(r, 100));', '    }', '  }'].join('\n');
    expect(one(nested, 'harness.ts')).toBe(1);
  });
});
