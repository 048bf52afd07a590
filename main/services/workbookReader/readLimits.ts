// How much of a workbook the reader is willing to take in. Each is checked before the memory or time
// it guards is spent, so a crafted file is refused instead of taking the app down with it.

const MiB = 1024 * 1024;

export const READ_LIMITS = {
  /** Parts in the zip: a workbook of our own has about a dozen, plus a few per sheet. */
  entries: 10_000,
  /** Every part read, once unpacked, added up: well above a few million codes' worth of sheets. */
  totalUnpackedBytes: 1024 * MiB,
  /** Excel's own limit. */
  rowsPerSheet: 1_048_576,
  /** Excel's own limit (column XFD). */
  columns: 16_384,
  sheets: 1_000,
  /** Excel's own limit on a cell's text. */
  cellChars: 32_767,
  /** Entries of the shared-string table, which is held whole while the sheets are read. */
  sharedStrings: 20_000_000,
  /** The workbook's index, relationships and styles are small in any real file. */
  smallPartBytes: 32 * MiB,
} as const;

export type ReadLimits = typeof READ_LIMITS;
