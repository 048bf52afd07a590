// Baseline: the naive use of exceljs, an in-memory Workbook: fetch over HTTP, JSON.parse, one row per
// code with date cells, writeFile. Same columns as the app's sheet.
// Usage: node --import tsx test/bench/baselines/exceljsInMemory.ts <simulator url> <loyalty id> <target>
import ExcelJS from 'exceljs';
import { measure, report } from '../measure';
import { fetchCodes, statusWord, toDate } from './fetchCodes';

const [simUrl, loyaltyArg, target] = process.argv.slice(2) as [string, string, string];

const result = await measure(async (phase) => {
  phase('fetch+parse');
  const codes = await fetchCodes(simUrl, Number(loyaltyArg));
  phase('xlsx');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Codes');
  sheet.columns = [
    { header: 'Code', width: 20 },
    { header: 'Status', width: 12 },
    ...['Attached', 'Activated', 'Expire date', 'Expired'].map((header) => ({
      header,
      width: 21,
      style: { numFmt: 'yyyy-mm-dd hh:mm:ss' },
    })),
  ];
  for (const code of codes) {
    sheet.addRow([
      code.code,
      statusWord(code),
      toDate(code.attached),
      toDate(code.activated),
      toDate(code.expire_date),
      typeof code.expired === 'string' ? toDate(code.expired) : null,
    ]);
  }
  await book.xlsx.writeFile(target);
  return codes.length;
});
report(result);
