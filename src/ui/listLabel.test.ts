// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { listLabel } from './detail.ts';

describe('the list and batch line of the detail panel', () => {
  it('names the programme once when the batch already says it, in either language', () => {
    expect(listLabel('国家先进制造业集群', '国家先进制造业集群（第三轮20个，2022年11月30日公布全部45个）')).toBe('国家先进制造业集群（第三轮20个，2022年11月30日公布全部45个）');
    expect(listLabel('National advanced manufacturing clusters', '2024 national advanced manufacturing clusters (35; 80 in all)')).toBe('2024 national advanced manufacturing clusters (35; 80 in all)');
  });
  it('puts the programme before a batch that does not say it, and the batch alone without a programme', () => {
    expect(listLabel('国家先进制造业集群', '先进制造业集群决赛优胜者（2021年3月公示，两批共25个）')).toBe('国家先进制造业集群 · 先进制造业集群决赛优胜者（2021年3月公示，两批共25个）');
    expect(listLabel(null, '吉林省十个产业集群（2006）')).toBe('吉林省十个产业集群（2006）');
  });
});
