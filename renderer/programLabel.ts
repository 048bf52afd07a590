// A loyalty program's name as people know it: the one they gave it, else "Loyalty <id>".
import type { TFunction } from 'i18next';
import type { LoyaltyProgramView } from '../app/ipcContract';

export function programLabel(program: Pick<LoyaltyProgramView, 'loyaltyId' | 'name'>, t: TFunction): string {
  return program.name ?? t('programs.unnamed', { id: program.loyaltyId });
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
