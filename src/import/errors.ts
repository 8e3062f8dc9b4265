/** An import error as plain data (it crosses from the worker), and back into words for the dialog. */
import { CsvSyntaxError } from '../data/csv.ts';
import { TooLargeError } from './table.ts';
import type { WireError } from './protocol.ts';

/** The workbook reader's error, told by its shape (its module is loaded only for workbooks). */
const isWorkbookError = (e: unknown): e is Error & { reason: string; detail: string } => e instanceof Error && 'reason' in e && 'detail' in e;

export function toWire(e: unknown): WireError {
  if (e instanceof CsvSyntaxError) return { kind: 'syntax', message: e.message, line: e.line };
  if (e instanceof TooLargeError) return { kind: 'too-large', message: e.message, what: e.what, limit: e.limit, found: e.found };
  if (isWorkbookError(e)) return { kind: 'workbook', message: e.detail, reason: e.reason };
  return { kind: 'other', message: e instanceof Error ? e.message : String(e) };
}

export class ImportError extends Error {
  constructor(public readonly wire: WireError) {
    super(wire.message);
  }
}
