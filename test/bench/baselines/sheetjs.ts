// Baseline: SheetJS (`xlsx`), as a script would use it: rows of values with Date cells, writeFile.
// Only when the package is installed; otherwise the runner prints a note and skips it.
// Usage: node --import tsx test/bench/baselines/sheetjs.ts <simulator url> <loyalty id> <target>
import { measure, report } from '../measure';
import { fetchCodes, statusWord, toDate } from './fetchCodes';

const [simUrl, loyaltyArg, target] = process.argv.slice(2) as [string, string, string];
const moduleName = 'xlsx';
const XLSX = (await import(moduleName)) as {
  utils: {
    aoa_to_sheet(rows: unknown[][], options?: object): unknown;
    book_new(): unknown;
    book_append_sheet(book: unknown, sheet: unknown, name: string): void;
  };
  writeFile(book: unknown, path: string, options?: object): void;
};

const result = await measure(async (phase) => {
  phase('fetch+parse');
  const codes = await fetchCodes(simUrl, Number(loyaltyArg));
  phase('xlsx');
  const rows: unknown[][] = [['Code', 'Status', 'Attached', 'Activated', 'Expire date', 'Expired']];
  for (const code of codes) {
    rows.push([
      code.code,
      statusWord(code),
      toDate(code.attached),
      toDate(code.activated),
      toDate(code.expire_date),
      typeof code.expired === 'string' ? toDate(code.expired) : null,
    ]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet(rows, { dateNF: 'yyyy-mm-dd hh:mm:ss', cellDates: true }),
    'Codes',
  );
  XLSX.writeFile(book, target, { compression: true });
  return codes.length;
});
report(result);
