import { useTranslation } from 'react-i18next';
import type { CodeFilter } from '../../app/promoCode';
import { isFiltered } from '../../app/promoCode';
import { ALL_CODES } from '../hooks/useExport';
import { Icon } from './Icon';
import { MenuButton } from './MenuButton';

/** The id Ctrl/Cmd+E opens the menu by. */
export const EXPORT_BUTTON_ID = 'export-button';

/**
 * The one Export menu: Excel or CSV, the codes shown or all of them when a filter is on, and several
 * programs into one workbook.
 */
export function ExportMenu({
  filter,
  shown,
  total,
  busy,
  onSave,
  onCombine,
}: {
  filter: CodeFilter;
  /** How many codes the filter shows; null while still counting. */
  shown: number | null;
  total: number;
  busy: boolean;
  onSave: (kind: 'xlsx' | 'csv', filter: CodeFilter) => void;
  onCombine: () => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const filtered = isFiltered(filter);
  const all = t('export.all', { count: total, formatted: number.format(total) });
  const some = t('export.shown', { count: shown ?? 0, formatted: number.format(shown ?? 0) });
  const pair = (detail: string, which: CodeFilter) =>
    [
      {
        kind: 'item',
        label: t('export.excel'),
        detail,
        disabled: busy,
        onSelect: () => onSave('xlsx', which),
      },
      { kind: 'item', label: t('export.csv'), detail, disabled: busy, onSelect: () => onSave('csv', which) },
    ] as const;
  return (
    <MenuButton
      id={EXPORT_BUTTON_ID}
      align="end"
      label={
        <>
          <Icon name="download" /> {t('export.button')}
        </>
      }
      accessibleName={t('export.button')}
      entries={[
        ...(filtered ? [...pair(some, filter), { kind: 'separator' as const }] : []),
        ...pair(all, ALL_CODES),
        { kind: 'separator' },
        { kind: 'item', label: t('export.several'), disabled: busy, onSelect: onCombine },
      ]}
    />
  );
}
