/**
 * No module in src/ imports itself through others: every static import and re-export (`import type`
 * included: two modules naming each other's types are as tangled to a reader as two sharing values) is an
 * edge, and the graph of src/**\/*.ts must have no cycle. Lazy `import()` calls are left out: they load code
 * later and are not part of a module's own definition.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The relative specifiers a module imports or re-exports statically (comments and strings elsewhere ignored well enough: specifiers must be the `from` of a statement). */
function staticImports(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  const re = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(re)) if (m[1]!.startsWith('.')) out.push(m[1]!);
  return out;
}

/** Each module's static imports within src/ (by path relative to src/). */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = staticImports(readFileSync(f, 'utf8'))
      .map((s) => resolve(dirname(f), s))
      .filter((t) => known.has(t));
    graph.set(relative(SRC, f), targets.map((t) => relative(SRC, t)));
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the modules around it (the first repeated at the end). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

describe('imports in src/', () => {
  it('reads static imports, type imports and re-exports, not lazy imports', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "import './side.css';",
      "import {\n  d,\n  e,\n} from './de.ts';",
      "const lazy = await import('./lazy.ts');",
      "import { z } from 'zod/mini';",
      "// import { gone } from './comment.ts';",
    ].join('\n');
    expect(staticImports(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './side.css', './de.ts']);
  });

  it('finds a cycle through type imports', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('have no cycle', () => {
    const graph = importGraph(sources(SRC));
    expect(graph.size).toBeGreaterThan(50);
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });
});
