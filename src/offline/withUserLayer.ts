/**
 * "Save the offline edition with my data": the site's offline edition (dist/cluster-atlas-offline.html)
 * with the user's imported layer written into it, saved as one file. Opened from disk, it shows the
 * layer as the site does (src/data/load.ts reads it when the browser holds no layer of its own).
 */
import { saveBlob } from '../export/download.ts';

export const OFFLINE_EDITION = 'cluster-atlas-offline.html';
const MARKER = '<script type="application/json" id="atlas-user-layer">null</script>';

/** The edition's HTML with `layerJson` carried (pure). `<` is escaped so the JSON cannot close its script. */
export function withUserLayer(html: string, layerJson: string): string {
  if (!html.includes(MARKER)) throw new Error(`${OFFLINE_EDITION} has no place for a user layer`);
  return html.replace(MARKER, `<script type="application/json" id="atlas-user-layer">${layerJson.replace(/</g, '\\u003c')}</script>`);
}

export async function saveOfflineWithUserLayer(layerJson: string, fileName: string, fetcher: typeof fetch = fetch): Promise<void> {
  const res = await fetcher(OFFLINE_EDITION);
  if (!res.ok) throw new Error(`${OFFLINE_EDITION}: HTTP ${res.status}`);
  saveBlob(new Blob([withUserLayer(await res.text(), layerJson)], { type: 'text/html;charset=utf-8' }), fileName);
}
