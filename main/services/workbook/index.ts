// The workbook service: export codes to .xlsx or CSV (atomically, cancellably) and read a workbook back.

export { writeWorkbook } from './writeWorkbook';
export type { ExportProgress, WorkbookRequest, WorkbookResult, WrittenProgram } from './writeWorkbook';
export { writeCsv } from './writeCsv';
export type { CsvRequest, CsvResult } from './writeCsv';
export { readWorkbook } from './readWorkbook';
export type { ReadProgram, ReadWorkbookOptions } from './readWorkbook';
export { fileWriteError, fileErrorCode } from './fileWriteError';
export { saveAtomically } from './atomicSave';
export type { CodeList, ProgramCodes } from './workbookPlan';
export type { WorkbookLanguage } from './workbookLayout';
