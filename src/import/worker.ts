/** The import worker: one ImportSession, driven by the dialog's requests (protocol.ts). */
import { ImportSession } from './session.ts';
import { toWire } from './errors.ts';
import type { Reply, Request } from './protocol.ts';

const scope = self as unknown as { postMessage(m: Reply): void; onmessage: ((e: MessageEvent<Request>) => void) | null };
const session = new ImportSession((progress) => scope.postMessage({ progress }));

async function answer(r: Request): Promise<Reply> {
  try {
    switch (r.op) {
      case 'open':
        return { id: r.id, ok: true, value: await session.open(r.file, r.name) };
      case 'sheet':
        return { id: r.id, ok: true, value: session.sheet(r.sheet) };
      case 'check':
        return { id: r.id, ok: true, value: session.check(r.columns, r.opts, r.atlas, r.gazetteer) };
      case 'store':
        return { id: r.id, ok: true, value: await session.store() };
    }
  } catch (e) {
    return { id: r.id, ok: false, error: toWire(e) };
  }
}

scope.onmessage = (e) => void answer(e.data).then((reply) => scope.postMessage(reply));
