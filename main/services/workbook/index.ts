// The workbook service: export codes to .xlsx or CSV (atomically, cancellably). The reader is
// ../workbookReader.

export { writeWorkbook } from './writeWorkbook';
export type { ExportProgress, WorkbookRequest, WorkbookResult, WrittenProgram } from './writeWorkbook';
export { writeCsv } from './writeCsv';
export type { CsvRequest, CsvResult } from './writeCsv';
export { fileWriteError, fileErrorCode } from './fileWriteError';
export { saveAtomically } from './atomicSave';
export type { CodeList, ProgramCodes } from './workbookPlan';
export type { WorkbookLanguage } from './workbookLayout';
