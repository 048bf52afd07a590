// One way into the handler table for every caller (Electron's ipcMain and the UI test harness):
// the channel must be a known call, the argument must match its schema, and whatever happens the
// answer is a Result the page can show, never a thrown error or a stack.
import { prettifyError } from 'zod';
import type { AppErrorInfo, Result } from '../../app/appError';
import { AppError } from '../../app/appError';
import type { CallChannel } from '../../app/ipcContract';
import { CALL_CHANNELS } from '../../app/ipcContract';
import { callSchemas } from '../../app/ipcSchemas';
import type { CallContext, Handlers } from './handlers';
import type { Log } from '../services/log';

export function isCallChannel(channel: unknown): channel is CallChannel {
  return typeof channel === 'string' && (CALL_CHANNELS as readonly string[]).includes(channel);
}

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawArg: unknown,
  context: CallContext,
  log: Log,
): Promise<Result<unknown>> {
  if (!isCallChannel(channel)) {
    log.warn('Refused a call on an unknown channel', { channel: String(channel) });
    return { ok: false, error: invalidRequest(`unknown call ${String(channel)}`) };
  }
  const parsed = callSchemas[channel].safeParse(rawArg);
  if (!parsed.success) {
    log.warn(`Refused ${channel}: its argument does not match the contract`, prettifyError(parsed.error));
    return { ok: false, error: invalidRequest(prettifyError(parsed.error)) };
  }
  try {
    const handler = handlers[channel] as (arg: unknown, context: CallContext) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, context) };
  } catch (error) {
    const failure = toAppError(error);
    if (failure.code === 'unexpected') log.error(`${channel} failed unexpectedly`, error);
    else log.info(`${channel} failed: ${failure.code}`, failure.detail);
    return { ok: false, error: failure.toInfo() };
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError(
    {
      code: 'unexpected',
      message:
        'Something unexpected went wrong. Try again; if it keeps happening, send the log to your administrator.',
      detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    },
    { cause: error },
  );
}

function invalidRequest(detail: string): AppErrorInfo {
  return { code: 'invalid-input', message: 'The app sent a request it should not have.', detail };
}
