// The workbook's fixed layout (issue 4): other tools and checks rely on these names and positions, and
// the reader accepts both languages, so every label lives here once.

import type { CodeStatus } from '../../../app/promoCode';

export type WorkbookLanguage = 'en' | 'ru';

/** Excel's 1,048,576 rows minus the header row. */
export const MAX_DATA_ROWS_PER_SHEET = 1_048_575;
export const MAX_SHEET_NAME_LENGTH = 31;
export const SUMMARY_SHEET = 'Summary';
/** `yyyy-mm-dd hh:mm:ss`, the same in Excel and LibreOffice whatever their language. */
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export interface ColumnLabels {
  code: string;
  status: string;
  attached: string;
  activated: string;
  expireDate: string;
  expired: string;
}

export const COLUMN_LABELS: Record<WorkbookLanguage, ColumnLabels> = {
  en: {
    code: 'Code',
    status: 'Status',
    attached: 'Attached',
    activated: 'Activated',
    expireDate: 'Expire date',
    expired: 'Expired',
  },
  ru: {
    code: 'Код',
    status: 'Статус',
    attached: 'Привязан',
    activated: 'Активирован',
    expireDate: 'Срок действия',
    expired: 'Истёк',
  },
};

export const STATUS_WORDS: Record<WorkbookLanguage, Record<CodeStatus, string>> = {
  en: { available: 'Available', attached: 'Attached', activated: 'Activated', expired: 'Expired' },
  ru: { available: 'Доступен', attached: 'Привязан', activated: 'Активирован', expired: 'Истёк' },
};

export function headerRow(language: WorkbookLanguage): string[] {
  const labels = COLUMN_LABELS[language];
  return [labels.code, labels.status, labels.attached, labels.activated, labels.expireDate, labels.expired];
}

export interface SummaryLabels {
  host: string;
  exportedAt: string;
  timeZone: string;
  appVersion: string;
  filter: string;
  noFilter: string;
  filterStatus: string;
  filterSearch: string;
  /** Shown only when some dates fell outside Excel's calendar. */
  datesAsText: string;
  datesAsTextNote: string;
  filterExpiring: string;
  /** Shown only when some values were not dates and were kept as text: one row per such program. */
  keptAsText: string;
  keptAsTextNote: string;
  firstAt: string;
  loyaltyId: string;
  name: string;
  total: string;
  sheets: string;
}

export const SUMMARY_LABELS: Record<WorkbookLanguage, SummaryLabels> = {
  en: {
    host: 'Host',
    exportedAt: 'Exported at',
    timeZone: 'Time zone',
    appVersion: 'App version',
    filter: 'Filter',
    noFilter: 'none',
    filterStatus: 'status',
    filterSearch: 'search',
    datesAsText: 'Dates as text',
    datesAsTextNote: "outside Excel's calendar (1900–9999): written as Altcraft sent them, in UTC",
    filterExpiring: 'still to be used, expiring',
    keptAsText: 'Kept as text',
    keptAsTextNote: 'not dates: written exactly as Altcraft sent them',
    firstAt: 'first at',
    loyaltyId: 'Loyalty ID',
    name: 'Name',
    total: 'Total',
    sheets: 'Sheets',
  },
  ru: {
    host: 'Сервер',
    exportedAt: 'Дата выгрузки',
    timeZone: 'Часовой пояс',
    appVersion: 'Версия приложения',
    filter: 'Фильтр',
    noFilter: 'нет',
    filterStatus: 'статус',
    filterSearch: 'поиск',
    datesAsText: 'Даты текстом',
    datesAsTextNote: 'вне календаря Excel (1900–9999): записаны как прислал Altcraft, в UTC',
    filterExpiring: 'ещё не использованы, истекают',
    keptAsText: 'Сохранено текстом',
    keptAsTextNote: 'не даты: записаны точно как прислал Altcraft',
    firstAt: 'первое в',
    loyaltyId: 'ID программы',
    name: 'Название',
    total: 'Всего',
    sheets: 'Листы',
  },
};

/**
 * Summary's program table: `Loyalty ID, Name, Total, <four status counts>, Sheets…`, one sheet name per
 * cell from column H on, so names holding commas stay unambiguous for the reader.
 */
export const SUMMARY_SHEETS_FIRST_COLUMN = 8;
