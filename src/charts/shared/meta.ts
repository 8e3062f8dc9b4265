/** The shape every chart's meta() and table() return. */
export interface ChartMeta {
  title: string;
  /** What is measured. */
  subtitle: string;
  /** The documents behind the numbers: issuer and document number (or title). */
  source: string;
  notes: string[];
}

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}
