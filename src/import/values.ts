/** Cells as people type them: numbers with separators and units, years as 2024年, stages in words. */
import type { FigureRow, Stage } from '../data/schema.ts';

export type ValueCell = { kind: 'empty' } | { kind: 'number'; value: number; comparator: FigureRow['comparator'] } | { kind: 'bad' };

/** "1,234.5", "１２３", "约120", "≥100", "100以上", "12.3亿元" → a number and comparator. */
export function parseValue(raw: string): ValueCell {
  let s = raw.normalize('NFKC').trim().replace(/[,\s]/g, '');
  if (!s || s === '-' || s === '—' || s === '/') return { kind: 'empty' };
  let comparator: FigureRow['comparator'] = '=';
  const lead = /^(约|近|~|≈|>=|≥|>|超过|逾|<=|≤|<|不足)/.exec(s);
  if (lead) {
    comparator = ({ 约: '~', 近: '~', '~': '~', '≈': '~', '>=': '>=', '≥': '>=', '>': '>', 超过: '>', 逾: '>', '<=': '<=', '≤': '<=', '<': '<', 不足: '<' } as const)[lead[1] as '约'];
    s = s.slice(lead[1]!.length);
  }
  const tail = /(以上|以下|左右|多)$/.exec(s);
  if (tail) {
    if (comparator === '=') comparator = tail[1] === '以上' || tail[1] === '多' ? '>=' : tail[1] === '以下' ? '<=' : '~';
    s = s.slice(0, -tail[1]!.length);
  }
  s = s.replace(/(亿元|亿|万元|元)$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { kind: 'bad' };
  return { kind: 'number', value: Number(s), comparator };
}

/** "2024", "2024年", "2024.0" (a spreadsheet's number) → 2024; null when empty; NaN when not a year. */
export function parseYear(raw: string): number | null {
  const s = raw.normalize('NFKC').trim().replace(/年(度)?$/, '').replace(/\.0+$/, '');
  if (!s) return null;
  return /^\d{4}$/.test(s) && Number(s) >= 1949 && Number(s) <= 2100 ? Number(s) : NaN;
}

export type StageChoice = 'baseline' | 'target-1' | 'target-2' | 'target-3' | 'outcome';
export const STAGE_CHOICES: readonly StageChoice[] = ['baseline', 'target-1', 'target-2', 'target-3', 'outcome'];

/** A stage and its kind: the state reported (actual), a plan's targets, or what was reached later (actual). */
export function stageKind(stage: StageChoice): { stage: Stage; kind: FigureRow['kind'] } {
  return { stage, kind: stage.startsWith('target') ? 'target' : 'actual' };
}

const STAGE_WORDS: [RegExp, StageChoice][] = [
  [/^(现状|实际|实际值|实际数|基期|基数|当年|完成|完成值|统计|统计值|actual|baseline|current|reported)$/i, 'baseline'],
  [/^(第二阶段目标|第二阶段|中期目标|远期目标|目标2|目标二|target-?2)$/i, 'target-2'],
  [/^(第三阶段目标|第三阶段|目标3|目标三|target-?3)$/i, 'target-3'],
  [/^(目标|目标值|规划|规划目标|计划|预期|预期目标|第一阶段目标|第一阶段|近期目标|目标1|目标一|target|target-?1|plan|planned)$/i, 'target-1'],
  [/^(结果|实现|已实现|达到|后来达到|outcome|achieved|reached)$/i, 'outcome'],
];

/** A stage cell in words (Chinese or English); null when not understood, undefined when empty. */
export function parseStage(raw: string): StageChoice | null | undefined {
  const s = raw.normalize('NFKC').trim().replace(/\s+/g, '');
  if (!s) return undefined;
  for (const [re, stage] of STAGE_WORDS) if (re.test(s)) return stage;
  return null;
}
