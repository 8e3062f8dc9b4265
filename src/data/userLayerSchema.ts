/**
 * The shape of a user layer's payload (see userLayer.ts): its schema, and its type for the modules that
 * only hold a payload (userLayerState.ts) without parsing one.
 */
import { z } from 'zod/mini';
import { batchRow, clusterRow, figureRow, programmeRow, siteRow, sourceRow } from './schema.ts';

export const userLayerPayload = z.object({
  kind: z.literal('cluster-atlas-user-layer'),
  version: z.literal(1),
  mode: z.enum(['beside', 'replace']),
  /** The file the rows came from (name only) and when it was imported (ISO date-time). */
  file: z.string(),
  importedAt: z.string(),
  source: sourceRow,
  programme: programmeRow,
  batch: batchRow,
  clusters: z.array(clusterRow),
  sites: z.array(siteRow),
  figures: z.array(figureRow),
});
export type UserLayerPayload = z.infer<typeof userLayerPayload>;
