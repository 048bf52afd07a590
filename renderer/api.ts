// The page's side of IPC: every call answers a Result; `call` turns a failure into a thrown
// CallFailure that components show in plain words.
import type { AppErrorInfo } from '../app/appError';
import type { CallArg, CallChannel, CallResults } from '../app/ipcContract';

export class CallFailure extends Error {
  readonly info: AppErrorInfo;
  constructor(info: AppErrorInfo) {
    super(info.message);
    this.name = 'CallFailure';
    this.info = info;
  }
}

export async function call<C extends CallChannel>(
  channel: C,
  ...args: CallArg<C> extends undefined ? [] : [CallArg<C>]
): Promise<CallResults[C]> {
  const method = window.promoExporter[channel] as (
    ...a: unknown[]
  ) => Promise<{ ok: true; value: CallResults[C] } | { ok: false; error: AppErrorInfo }>;
  const result = await method(...args);
  if (!result.ok) throw new CallFailure(result.error);
  return result.value;
}

export function failureInfo(error: unknown): AppErrorInfo {
  if (error instanceof CallFailure) return error.info;
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}
