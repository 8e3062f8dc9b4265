/** Entry of the offline edition: every page in one file (see ./start.ts and scripts/build-offline.ts). */
import { startSingleFile } from './start.ts';

startSingleFile({
  explore: () => import('../pages/explore.ts'),
  present: () => import('../pages/present.ts'),
  sources: () => import('../pages/sources.ts'),
  embed: () => import('../pages/embed.ts'),
});
