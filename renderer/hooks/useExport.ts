// Saving codes to an Excel workbook or a CSV file: one save at a time, its progress, Cancel, and what
// came of it, kept where every pane can show it.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import type { AppEvents, SavedWorkbook } from '../../app/ipcContract';
import type { CodeFilter } from '../../app/promoCode';
import { call, failureInfo } from '../api';
import { useCsvDelimiter } from './useCsvDelimiter';

export type SaveRequest =
  | { kind: 'xlsx'; connectionId: string; loyaltyIds: number[]; filter: CodeFilter }
  | { kind: 'csv'; connectionId: string; loyaltyId: number; filter: CodeFilter };

export type SaveState =
  | { phase: 'idle' }
  | { phase: 'saving'; progress: AppEvents['workbook:progress'] | null }
  | { phase: 'saved'; saved: SavedWorkbook }
  | { phase: 'failed'; error: AppErrorInfo; request: SaveRequest };

export const ALL_CODES: CodeFilter = { status: null, search: '' };

/** Saving one program's codes (those a filter shows) to a file of the kind chosen. */
export function programSave(
  kind: 'xlsx' | 'csv',
  connectionId: string,
  loyaltyId: number,
  filter: CodeFilter,
): SaveRequest {
  return kind === 'xlsx'
    ? { kind, connectionId, loyaltyIds: [loyaltyId], filter }
    : { kind, connectionId, loyaltyId, filter };
}

export function useExport(onSaved: () => void) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const [state, setState] = useState<SaveState>({ phase: 'idle' });
  // Chosen in Settings; until then the page's language decides.
  const [delimiter] = useCsvDelimiter();

  useEffect(
    () =>
      window.promoExporter.on('workbook:progress', (progress) =>
        setState((current) => (current.phase === 'saving' ? { phase: 'saving', progress } : current)),
      ),
    [],
  );

  const save = useCallback(
    async (request: SaveRequest) => {
      setState({ phase: 'saving', progress: null });
      try {
        const saved =
          request.kind === 'xlsx'
            ? await call('workbook:save', {
                connectionId: request.connectionId,
                loyaltyIds: request.loyaltyIds,
                filter: request.filter,
                language,
              })
            : await call('csv:save', {
                connectionId: request.connectionId,
                loyaltyId: request.loyaltyId,
                filter: request.filter,
                language,
                delimiter,
              });
        setState(saved === null ? { phase: 'idle' } : { phase: 'saved', saved });
        if (saved !== null) onSaved();
      } catch (failure) {
        setState({ phase: 'failed', error: failureInfo(failure), request });
      }
    },
    [language, delimiter, onSaved],
  );

  const cancel = useCallback(() => void call('workbook:cancel'), []);
  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, save, cancel, dismiss };
}
