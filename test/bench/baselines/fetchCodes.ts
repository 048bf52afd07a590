// What a script doing the same job by hand starts with: the whole answer over HTTP, one JSON.parse.
import { DEMO_TOKEN, EXPORT_ALL_PATH } from '../../altcraft-sim/server';

export interface WireCode {
  code: string;
  attached?: string;
  activated?: string;
  expire_date?: string;
  expired?: string | boolean;
}

export async function fetchCodes(simUrl: string, loyaltyId: number): Promise<WireCode[]> {
  const response = await fetch(`${simUrl}${EXPORT_ALL_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: DEMO_TOKEN, loyalty_id: loyaltyId, format: 'json' }),
  });
  const answer = (await response.json()) as { data: WireCode[] };
  return answer.data;
}

export function toDate(value: string | undefined): Date | null {
  return value === undefined || value === '' ? null : new Date(value);
}

export function statusWord(code: WireCode): string {
  if (code.activated) return 'Activated';
  if (code.expired === true || (typeof code.expired === 'string' && code.expired !== '')) return 'Expired';
  if (code.attached) return 'Attached';
  return 'Available';
}
