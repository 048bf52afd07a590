// A small workbook written by the app's own writer, for tests that open one for offline review.
import { join } from 'node:path';
import { welcomeCodes } from '../altcraft-sim/programs';
import { parseExportAll } from '../../main/services/altcraft/parseExportAll';
import { writeWorkbook } from '../../main/services/workbook';

export async function writeSampleWorkbook(dir: string, name = 'sample.xlsx'): Promise<string> {
  const codes = parseExportAll(
    JSON.stringify({ data: welcomeCodes(), error: 0, error_text: 'Successful operation' }),
  );
  const target = join(dir, name);
  await writeWorkbook({
    target,
    host: 'https://ru.altkraft.com',
    programs: [{ loyaltyId: 1, name: 'Welcome', codes }],
    filter: null,
    exportedAt: new Date('2026-11-01T10:00:00Z'),
    timeZone: 'Europe/Moscow',
    appVersion: '0.0.0-test',
    language: 'en',
  });
  return target;
}
