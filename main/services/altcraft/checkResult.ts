// What "Check connection" tells a person. Altcraft has no ping call, so the check asks export_all for
// loyalty program 0, an ID Altcraft never gives out: a working host and token then answer "no such
// program" (or "incorrect request") without sending any codes, while Altcraft refuses a bad token
// before it looks the program up. So:
//   ok            Altcraft answered and accepted the token (program not found, bad request, or even codes)
//   token-refused Altcraft refused the token (401)
//   no-rights     the token was accepted but lacks rights (403); it may still read the programs it is
//                 granted, since a role can be limited to some object groups
//   host-wrong    the address is invalid, does not resolve, or answers something that is not Altcraft
//   unreachable   no usable answer: connection refused, timeout, certificate, server error, cut off
//   failed        Altcraft answered with another refusal (tariff limit, an unknown error code)
// Cancelling rejects with AppError 'cancelled' instead of answering.
import type { AppErrorInfo, ErrorCode } from '../../../app/appError';

export type CheckStatus = 'ok' | 'token-refused' | 'no-rights' | 'host-wrong' | 'unreachable' | 'failed';
export type CheckResult = { status: 'ok' } | { status: Exclude<CheckStatus, 'ok'>; error: AppErrorInfo };

/** The loyalty program ID the check asks for: one that cannot exist, so no codes are ever sent. */
export const CHECK_LOYALTY_ID = 0;

const STATUS_BY_CODE: Partial<Record<ErrorCode, CheckStatus>> = {
  'program-not-found': 'ok',
  'bad-request': 'ok',
  'token-refused': 'token-refused',
  'no-rights': 'no-rights',
  'invalid-input': 'host-wrong',
  'host-not-found': 'host-wrong',
  'not-json': 'host-wrong',
  'malformed-response': 'host-wrong',
  'connection-refused': 'unreachable',
  certificate: 'unreachable',
  timeout: 'unreachable',
  'cut-off': 'unreachable',
  'server-error': 'unreachable',
  network: 'unreachable',
};

export function checkResultOf(error: AppErrorInfo): CheckResult {
  const status = STATUS_BY_CODE[error.code] ?? 'failed';
  return status === 'ok' ? { status } : { status, error };
}
