/**
 * The largest and smallest of many numbers without spreading them into one call: Math.max(...xs) puts
 * every element on the stack and fails with "Maximum call stack size exceeded" past about 100,000.
 */
export function maxOf(xs: Iterable<number>, ...more: number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  for (const x of more) if (x > m) m = x;
  return m;
}

export function minOf(xs: Iterable<number>, ...more: number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  for (const x of more) if (x < m) m = x;
  return m;
}
