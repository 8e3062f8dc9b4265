/** Whether this browser can draw the WebGL map. Kept apart from basemap.ts so that asking costs no maplibre download. */
export function supportsWebGL(doc: Document = document): boolean {
  try {
    const c = doc.createElement('canvas');
    return !!(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}
