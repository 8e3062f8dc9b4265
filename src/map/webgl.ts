/** Whether this browser can draw the WebGL map. Kept apart from basemap.ts so that asking costs no maplibre download. */
const answers = new WeakMap<Document, boolean>();

export function supportsWebGL(doc: Document = document): boolean {
  let ok = answers.get(doc);
  if (ok === undefined) {
    try {
      const c = doc.createElement('canvas');
      ok = !!(c.getContext('webgl2') ?? c.getContext('webgl'));
    } catch {
      ok = false;
    }
    answers.set(doc, ok);
  }
  return ok;
}
