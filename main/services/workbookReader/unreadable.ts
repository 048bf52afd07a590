// One plain failure for every file the reader refuses: "This file is not a workbook Promo Exporter can
// read: …" with the reason in the person's terms; the technical detail goes to the log and the Details
// fold. The page translates the code and the reason; the command line prints the message.
import { AppError, type UnreadableReason } from '../../../app/appError';

const REASON_TEXT: Record<UnreadableReason, string> = {
  'over-limit': 'it is larger than Promo Exporter opens safely',
  'not-a-workbook': 'it is not an Excel workbook (.xlsx)',
  damaged: 'it is damaged or incomplete',
  'no-code-column': 'none of its sheets starts with a Code column',
};

export function unreadable(reason: UnreadableReason, detail: string, cause?: unknown): AppError {
  return new AppError(
    {
      code: 'not-a-workbook',
      reason,
      message: `This file is not a workbook Promo Exporter can read: ${REASON_TEXT[reason]}.`,
      detail,
    },
    cause === undefined ? undefined : { cause },
  );
}
