// Saving codes to an Excel workbook or a CSV file: one save at a time, its progress, Cancel, and what
// came of it, kept where every pane can show it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import type { AppEvents, SavedWorkbook } from '../../app/ipcContract';
import type { CodeFilter } from '../../app/promoCode';
import { call, failureInfo } from '../api';
import { useCsvDelimiter } from './useCsvDelimiter';

export type SaveRequest =
  | {
      kind: 'xlsx';
      connectionId: string;
      loyaltyIds: number[];
      filter: CodeFilter;
      /** A comparison whose changed codes go on a `Changes` sheet beside the codes. */
      changesOf?: string;
    }
  | { kind: 'csv'; connectionId: string; loyaltyId: number; filter: CodeFilter }
  /** A comparison's changed codes alone. */
  | { kind: 'changes'; comparisonId: string; format: 'xlsx' | 'csv' };

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
  // Which call Cancel must reach: the changes are written by the review side, codes by the exporter.
  const current = useRef<SaveRequest['kind'] | null>(null);
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
      current.current = request.kind;
      try {
        const saved =
          request.kind === 'xlsx'
            ? await call('workbook:save', {
                connectionId: request.connectionId,
                loyaltyIds: request.loyaltyIds,
                filter: request.filter,
                language,
                ...(request.changesOf === undefined ? {} : { changesOf: request.changesOf }),
              })
            : request.kind === 'changes'
              ? await call('review:saveChanges', {
                  comparisonId: request.comparisonId,
                  format: request.format,
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
      } finally {
        current.current = null;
      }
    },
    [language, delimiter, onSaved],
  );

  const cancel = useCallback(
    () => void call(current.current === 'changes' ? 'review:cancel' : 'workbook:cancel'),
    [],
  );
  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, save, cancel, dismiss };
}
