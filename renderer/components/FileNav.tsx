import { useTranslation } from 'react-i18next';
import type { OpenedWorkbook } from '../../app/ipcContract';
import { fileName } from '../programLabel';
import { Icon } from './Icon';

/** Workbooks opened for review this session; each can be shown or closed. */
export function FileNav({
  files,
  selectedId,
  onSelect,
  onClose,
}: {
  files: OpenedWorkbook[];
  selectedId: string | null;
  onSelect: (sourceId: string) => void;
  onClose: (sourceId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  if (files.length === 0) return null;
  return (
    <ul className="nav-list">
      {files.map((file) => {
        const name = fileName(file.path);
        const total = file.programs.reduce((sum, p) => sum + p.total, 0);
        return (
          <li key={file.sourceId} className="nav-row">
            <button
              type="button"
              className="nav-item"
              data-nav-select=""
              title={file.path}
              aria-current={file.sourceId === selectedId ? 'page' : undefined}
              onClick={() => onSelect(file.sourceId)}
            >
              <span className="nav-name">{name}</span>
              <span className="nav-count">{number.format(total)}</span>
              <span className="nav-meta">{t('review.programCount', { count: file.programs.length })}</span>
            </button>
            <button
              type="button"
              className="quiet icon"
              aria-label={t('review.closeFile', { name })}
              title={t('review.close')}
              onClick={() => onClose(file.sourceId)}
            >
              <Icon name="close" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
