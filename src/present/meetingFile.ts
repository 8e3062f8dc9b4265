/**
 * "Save as an offline presentation file": the meeting-file template the build wrote beside the site
 * (dist/cluster-atlas-present-offline.html: the present page, the data and geometry, SVG maps) is filled
 * with the current deck's query and saved as one HTML file that runs from disk with no network and no
 * WebGL. The deck itself travels in that query (a URL deck) or in the carried data (a deck file).
 */
import { saveBlob, fileName } from '../export/download.ts';

export const MEETING_TEMPLATE = 'cluster-atlas-present-offline.html';
const START_MARKER = '<script type="application/json" id="atlas-start">null</script>';

/** The query a meeting file opens on: the deck and the language, from the first slide. */
export function meetingQuery(search: string): string {
  const p = new URLSearchParams(search);
  for (const k of [...p.keys()]) if (!['deck', 'slides', 'lang'].includes(k)) p.delete(k);
  const q = p.toString();
  return q ? `?${q}` : '';
}

/** The template with its start filled in (pure: the test of the file's contents uses it too). */
export function fillMeetingFile(template: string, search: string): string {
  if (!template.includes(START_MARKER)) throw new Error(`${MEETING_TEMPLATE} has no start block`);
  const start = JSON.stringify({ search: meetingQuery(search) }).replace(/</g, '\\u003c');
  return template.replace(START_MARKER, `<script type="application/json" id="atlas-start">${start}</script>`);
}

export async function saveMeetingFile(search: string, title: string, fetcher: typeof fetch = fetch): Promise<void> {
  const res = await fetcher(MEETING_TEMPLATE);
  if (!res.ok) throw new Error(`${MEETING_TEMPLATE}: HTTP ${res.status}`);
  const html = fillMeetingFile(await res.text(), search);
  saveBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), fileName(title, 'html'));
}
