import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zip } from './zip.ts';

describe('zip', () => {
  it('writes an archive that Python’s zipfile reads back byte for byte, UTF-8 names included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    try {
      const entries = [
        { name: 'figures.csv', data: '\uFEFFid,值\n1,2\n' },
        { name: '说明/readme.txt', data: new Uint8Array([0, 1, 2, 255]) },
      ];
      writeFileSync(join(dir, 'a.zip'), zip(entries));
      const out = execFileSync('python3', ['-c', `import zipfile,sys,json
z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
print(json.dumps({n: list(z.read(n)) for n in z.namelist()}))`, join(dir, 'a.zip')]).toString();
      const back = JSON.parse(out) as Record<string, number[]>;
      expect(Object.keys(back)).toEqual(['figures.csv', '说明/readme.txt']);
      expect(Buffer.from(back['figures.csv']!).toString('utf8')).toBe('\uFEFFid,值\n1,2\n');
      expect(back['说明/readme.txt']).toEqual([0, 1, 2, 255]);
      expect(readFileSync(join(dir, 'a.zip')).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      // The same entries and date give the same bytes (the data build is reproducible).
      expect(Buffer.from(zip(entries))).toEqual(readFileSync(join(dir, 'a.zip')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
