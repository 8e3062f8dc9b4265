import { describe, expect, it } from 'vitest';
import { groupNames, groupTooltip, GROUP_TOOLTIP_NAMES } from './groupText.ts';
import type { ClusterMark } from '../data/marks.ts';

/** A ring of `count` marks named 集群0…/Cluster 0…, of which firstMembers hands out the first n. */
function ring(count: number) {
  const member = (i: number) => ({ label: { zh: `集群${i}`, en: `Cluster ${i}` } }) as unknown as ClusterMark;
  const asked: number[] = [];
  return { count, asked, firstMembers: (n: number) => (asked.push(n), Array.from({ length: Math.min(n, count) }, (_, i) => member(i))) };
}

describe("a group ring's words", () => {
  it('lists the first names and says how many more the ring holds, with separators', () => {
    expect(groupNames(ring(3), 'en', 30)).toEqual(['Cluster 0', 'Cluster 1', 'Cluster 2']);
    expect(groupNames(ring(12_345), 'en', 2)).toEqual(['Cluster 0', 'Cluster 1', '… and 12,343 more']);
    expect(groupNames(ring(12_345), 'zh', 2)).toEqual(['集群0', '集群1', '……另有 12,343 个']);
  });

  it("the tooltip: the count, a few names (never the whole crowd), and what a click does", () => {
    const g = ring(36_079);
    const lines = groupTooltip(g, 'en');
    expect(lines[0]).toBe('36,079 clusters');
    expect(lines.slice(1, -2)).toHaveLength(GROUP_TOOLTIP_NAMES);
    expect(lines.at(-2)).toBe(`… and ${(36_079 - GROUP_TOOLTIP_NAMES).toLocaleString('en-US')} more`);
    expect(lines.at(-1)).toBe('Click to zoom in');
    expect(g.asked).toEqual([GROUP_TOOLTIP_NAMES]);
    // Asked again (the pointer moves over the same ring): the same lines, the crowd not scanned again.
    expect(groupTooltip(g, 'en')).toBe(lines);
    expect(g.asked).toEqual([GROUP_TOOLTIP_NAMES]);
    expect(groupTooltip(ring(2), 'zh')).toEqual(['2 个集群', '集群0', '集群1', '点击放大查看']);
  });
});
