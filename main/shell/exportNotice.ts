// "Your export is ready" for someone who went to another window while a long save ran: a desktop
// notification, only then. The decision and the words are pure, tested without Electron.

/** A save shorter than this finishes while the person is still looking. */
export const LONG_EXPORT_MS = 8_000;

export function shouldNotifyExport(facts: { writingMs: number | null; windowFocused: boolean }): boolean {
  return !facts.windowFocused && facts.writingMs !== null && facts.writingMs >= LONG_EXPORT_MS;
}

/** The notification's title and text, in the language the page asked the file in. */
export function exportNotification(
  language: 'en' | 'ru',
  saved: { path: string; rows: number },
): { title: string; body: string } {
  const name = saved.path.split(/[\\/]/).at(-1) ?? saved.path;
  const rows = new Intl.NumberFormat(language).format(saved.rows);
  return language === 'ru'
    ? { title: 'Выгрузка готова', body: `${name}: кодов — ${rows}` }
    : { title: 'Export finished', body: `${name}: ${rows} ${saved.rows === 1 ? 'code' : 'codes'}` };
}

/** What a finished call saved and in which language, when it was a save that wrote a file. */
export function savedExport(
  channel: string,
  arg: unknown,
  result: unknown,
): { language: 'en' | 'ru'; saved: { path: string; rows: number } } | null {
  if (channel !== 'workbook:save' && channel !== 'csv:save') return null;
  const answer = result as { ok?: boolean; value?: { path: string; rows: number } | null };
  if (answer.ok !== true || answer.value == null) return null;
  const language = (arg as { language?: unknown }).language === 'ru' ? 'ru' : 'en';
  return { language, saved: { path: answer.value.path, rows: answer.value.rows } };
}
