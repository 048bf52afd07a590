// The layout of a list of changed codes, in a workbook's `Changes` sheet or a CSV file: the code, its
// program, its status before and after, and its dates as the newer export has them.
import type { WorkbookLanguage } from '../workbook/workbookLayout';

/** The same name in both languages, as `Summary` is, so tools can find it. */
export const CHANGES_SHEET = 'Changes';

export function changesHeader(language: WorkbookLanguage): string[] {
  return language === 'ru'
    ? ['Код', 'Программа', 'Статус до', 'Статус после', 'Привязан', 'Активирован', 'Срок действия', 'Истёк']
    : ['Code', 'Program', 'Status before', 'Status after', 'Attached', 'Activated', 'Expire date', 'Expired'];
}
