import { describe, it, expect } from 'vitest';
import { formatAmount, formatFigureValue, yearLabel, stageYearLabel } from './format.ts';

const f = (o: Partial<Parameters<typeof formatFigureValue>[0]>) => ({ value: 1800, value_max: null, comparator: '=' as const, unit: '亿元', ...o });

describe('number formatting', () => {
  it('writes 亿元 in Chinese and billion yuan in English', () => {
    expect(formatAmount(1800, '亿元', 'zh')).toBe('1,800亿元');
    expect(formatAmount(1800, '亿元', 'en')).toBe('180 billion yuan');
    expect(formatAmount(13000, '亿元', 'en')).toBe('1,300 billion yuan');
    expect(formatAmount(595, '亿元', 'en')).toBe('59.5 billion yuan');
    expect(formatAmount(32000, 'firms', 'en')).toBe('32,000 firms');
    expect(formatAmount(80, '%', 'zh')).toBe('80%');
  });
  it('keeps comparators, ranges and illegible amounts', () => {
    expect(formatFigureValue(f({ comparator: '>=', value: 1000 }), 'zh')).toBe('≥1,000亿元');
    expect(formatFigureValue(f({ comparator: '>', value: 100 }), 'en')).toBe('> 10 billion yuan');
    expect(formatFigureValue(f({ comparator: 'range', value: 200, value_max: 500 }), 'zh')).toBe('200–500亿元');
    expect(formatFigureValue(f({ comparator: '~', value: 2700 }), 'en')).toBe('about 270 billion yuan');
    expect(formatFigureValue(f({ value: null }), 'zh')).toBe('金额原文不清');
  });
  it('labels stages and years honestly', () => {
    expect(yearLabel({ year: null, year_status: 'illegible', year_source_id: null }, 'zh')).toBe('原文年份不清');
    expect(stageYearLabel({ stage: 'target-1', year: null, year_status: 'illegible', year_source_id: null }, 'en')).toBe('Target 1 · year illegible in the source');
    expect(yearLabel({ year: 2010, year_status: 'stated', year_source_id: null }, 'zh')).toBe('2010年');
  });
});
