// The app's own workbook reader, with each program's codes as plain PromoCodes, for tests that compare
// what was written with what is read back (the reader itself keeps them in compact columns).
import type { PromoCode } from '../../app/promoCode';
import { promoCodeAt, type CompactCodes } from '../../main/services/codes/compactCodes';
import { readWorkbook, type ReadWorkbookOptions } from '../../main/services/workbookReader';

export interface ReadBackProgram {
  loyaltyId: number | null;
  name: string;
  codes: PromoCode[];
}

export function promoCodes(codes: CompactCodes): PromoCode[] {
  return Array.from({ length: codes.length }, (_, i) => promoCodeAt(codes, i));
}

export async function readBack(
  path: string,
  options: ReadWorkbookOptions = {},
): Promise<{ programs: ReadBackProgram[]; exportedAt: number | null }> {
  const { programs, exportedAt } = await readWorkbook(path, options);
  return {
    programs: programs.map(({ loyaltyId, name, codes }) => ({ loyaltyId, name, codes: promoCodes(codes) })),
    exportedAt,
  };
}
