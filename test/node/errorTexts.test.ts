import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, UNREADABLE_REASONS } from '../../app/appError';

// The page shows its own words for each error code (renderer/components/ErrorNotice.tsx), falling
// back to the English message from the main process: a code without its text would show English on
// the Russian page.

async function errorTexts(language: string): Promise<Record<string, string>> {
  const file = new URL(`../../renderer/locales/${language}.json`, import.meta.url);
  return (JSON.parse(await readFile(file, 'utf8')) as { error: Record<string, string> }).error;
}

describe('the page’s error texts', () => {
  it.each(['en', 'ru'])('has a %s text for every error code', async (language) => {
    const texts = await errorTexts(language);
    const missing = ERROR_CODES.filter((code) => (texts[code] ?? '').trim() === '');
    expect(missing).toEqual([]);
  });

  it.each(['en', 'ru'])('has a %s text for every reason a file cannot be read', async (language) => {
    const file = new URL(`../../renderer/locales/${language}.json`, import.meta.url);
    const texts = (JSON.parse(await readFile(file, 'utf8')) as { unreadable: Record<string, string> })
      .unreadable;
    expect(UNREADABLE_REASONS.filter((reason) => (texts[reason] ?? '').trim() === '')).toEqual([]);
    expect((await errorTexts(language))['not-a-workbook']).toContain('{{reason}}');
  });
});
