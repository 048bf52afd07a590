// The workbook reader: a saved export (ours, or re-saved by Excel or LibreOffice) read back safely.

export { readWorkbook } from './readWorkbook';
export type { ReadProgram, ReadProgress, ReadWorkbookOptions, ReadWorkbookResult } from './readWorkbook';
export { READ_LIMITS } from './readLimits';
