/** Entry of the meeting file: the single-file start (./start.ts) with the present and sources pages only. */
import { startSingleFile } from './start.ts';

startSingleFile({
  present: () => import('../pages/present.ts'),
  sources: () => import('../pages/sources.ts'),
});
