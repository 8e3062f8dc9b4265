/** The messages between the import dialog and the import worker (worker.ts). */
import type { Atlas } from '../data/schema.ts';
import type { StoreResult } from '../data/userStore.ts';
import type { ImportOptions } from './build.ts';
import type { GazetteerJson } from './gazetteer.ts';
import type { ColumnMap } from './headers.ts';
import type { CheckSummary, Progress, TableSummary } from './session.ts';

export type Request =
  | { id: number; op: 'open'; file: Blob; name: string }
  | { id: number; op: 'sheet'; sheet: string }
  | { id: number; op: 'check'; columns: ColumnMap[]; opts: ImportOptions; atlas: Pick<Atlas, 'metrics' | 'sectors'>; gazetteer: GazetteerJson | null }
  | { id: number; op: 'store' };

/** An error as it crosses to the page: its kind and what the dialog needs to word it. */
export interface WireError {
  kind: 'syntax' | 'too-large' | 'workbook' | 'other';
  message: string;
  line?: number;
  what?: 'bytes' | 'rows';
  limit?: number;
  found?: number;
  reason?: string;
}

export type Reply =
  | { id: number; ok: true; value: TableSummary | CheckSummary | StoreResult }
  | { id: number; ok: false; error: WireError }
  | { progress: Progress };
