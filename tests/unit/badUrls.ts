/** Deterministic generator of malformed query strings (seeded), shared by the unit and browser tests. */
const KEYS = ['lang', 'region', 'sector', 'metric', 'stage', 'cluster', 'at', 'chart', 'theme', 'deck', 'foo', '', '__proto__', 'constructor', 'lang[]', 'REGION'];
const VALUES = [
  '', 'en', 'zh', 'fr', 'mars', 'east,west', 'east,,mars', 'northeast', '%', '%E0%A4%A', '%00', '%FF%FE', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)', '1e309', '-1', '9999999999999999999999', 'NaN', 'null', 'undefined', '116.4,39.9,5', '500,500,500', '116.4,39.9', ',,,', 'target-9', 'baseline',
  'dalian-petrochem', 'Dalian Petrochem', '../../etc/passwd', '\u202Eevil', '\u200B', '中文', '😀', 'a'.repeat(10240),
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function badQueries(n: number, seed = 20261122): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const count = 1 + Math.floor(r() * 4);
    for (let j = 0; j < count; j++) {
      const k = pick(KEYS);
      const v = pick(VALUES);
      const form = r();
      // Some raw (unencoded) garbage, some properly encoded, some without "=".
      parts.push(form < 0.4 ? `${k}=${v}` : form < 0.85 ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : k || v);
    }
    out.push('?' + parts.join(r() < 0.1 ? ';' : '&'));
  }
  return out;
}
