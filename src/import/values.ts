/** Cells as people type them: numbers with separators and units, years as 2024年, stages in words. */
import type { FigureRow, Stage } from '../data/schema.ts';
import lexicon from './lexicon.json';

type Comparator = FigureRow['comparator'];
const LEAD = lexicon.valueLead as Record<string, Comparator>;
const TAIL = lexicon.valueTail as Record<string, Comparator>;
/** Longest first, so that ">=" is read before ">". */
const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
const LEADS = byLength(Object.keys(LEAD));
const TAILS = byLength(Object.keys(TAIL));

export type ValueCell = { kind: 'empty' } | { kind: 'number'; value: number; comparator: FigureRow['comparator'] } | { kind: 'bad' };

/** "1,234.5", "１２３", "约120", "≥100", "100以上", "12.3亿元" → a number and comparator. */
export function parseValue(raw: string): ValueCell {
  let s = raw.normalize('NFKC').trim().replace(/[,\s]/g, '');
  if (!s || s === '-' || s === '—' || s === '/') return { kind: 'empty' };
  let comparator: Comparator = '=';
  const lead = LEADS.find((w) => s.startsWith(w));
  if (lead) {
    comparator = LEAD[lead]!;
    s = s.slice(lead.length);
  }
  const tail = TAILS.find((w) => s.endsWith(w));
  if (tail) {
    if (comparator === '=') comparator = TAIL[tail]!;
    s = s.slice(0, -tail.length);
  }
  const money = byLength(lexicon.moneySuffix).find((w) => s.endsWith(w));
  if (money) s = s.slice(0, -money.length);
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { kind: 'bad' };
  return { kind: 'number', value: Number(s), comparator };
}

/** "2024", "2024年", "2024.0" (a spreadsheet's number) → 2024; null when empty; NaN when not a year. */
export function parseYear(raw: string): number | null {
  let s = raw.normalize('NFKC').trim();
  const suffix = lexicon.yearSuffix.find((w) => s.endsWith(w));
  if (suffix) s = s.slice(0, -suffix.length);
  s = s.replace(/\.0+$/, '');
  if (!s) return null;
  return /^\d{4}$/.test(s) && Number(s) >= 1949 && Number(s) <= 2100 ? Number(s) : NaN;
}

export type StageChoice = 'baseline' | 'target-1' | 'target-2' | 'target-3' | 'outcome';
export const STAGE_CHOICES: readonly StageChoice[] = ['baseline', 'target-1', 'target-2', 'target-3', 'outcome'];

/** A stage and its kind: the state reported (actual), a plan's targets, or what was reached later (actual). */
export function stageKind(stage: StageChoice): { stage: Stage; kind: FigureRow['kind'] } {
  return { stage, kind: stage.startsWith('target') ? 'target' : 'actual' };
}

const STAGE_WORDS = new Map<string, StageChoice>(Object.entries(lexicon.stages).flatMap(([stage, words]) => words.map((w) => [w.toLowerCase(), stage as StageChoice] as const)));

/** A stage cell in words (Chinese or English); null when not understood, undefined when empty. */
export function parseStage(raw: string): StageChoice | null | undefined {
  const s = raw.normalize('NFKC').trim().replace(/\s+/g, '');
  if (!s) return undefined;
  return STAGE_WORDS.get(s.toLowerCase()) ?? null;
}
