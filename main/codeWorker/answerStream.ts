// The main process's side of reading an answer in the code worker: the body's chunks are gathered
// into batches of a quarter megabyte and transferred to the worker as they arrive, never kept here.
// A few batches may be on their way at once; past that the download waits for the worker to catch up,
// so a fast network and a slow parse cannot pile bytes up in memory.
import { Buffer } from 'node:buffer';
import { AppError, cancelledError } from '../../app/appError';
import type { AnswerSink, Judged, ReadAnswers } from '../services/altcraft/client';
import type { WorkerArgs, WorkerCallName, WorkerResult } from './protocol';
import type { StagedCodes } from './workerApi';

const BATCH_BYTES = 256 * 1024;
/** Batches sent and not yet read by the worker, at most. */
const IN_FLIGHT = 4;

/** How workerLibrary sends a call to the worker. */
export type WorkerCall = <N extends WorkerCallName>(
  name: N,
  args: WorkerArgs<N>,
  options?: { transfer?: ArrayBuffer[]; signal?: AbortSignal | undefined },
) => Promise<WorkerResult<N>>;

export function answersReadInWorker(call: WorkerCall): ReadAnswers<StagedCodes> {
  return async (head, host, now, signal) => {
    if (signal?.aborted) throw cancelledError('download');
    const wireHead = { status: head.status, statusText: head.statusText, headers: [...head.headers] };
    const id = await call('answerOpen', [wireHead, host, now]);
    return new AnswerInWorker(call, id, signal);
  };
}

class AnswerInWorker implements AnswerSink<StagedCodes> {
  private batch: Buffer | null = null;
  private filled = 0;
  private readonly sent: Promise<boolean>[] = [];
  private settled = false;
  private dropped = false;

  constructor(
    private readonly call: WorkerCall,
    private readonly id: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  write(chunk: Uint8Array): boolean | Promise<boolean> {
    let at = 0;
    while (at < chunk.byteLength) {
      this.batch ??= Buffer.allocUnsafeSlow(BATCH_BYTES);
      const take = Math.min(BATCH_BYTES - this.filled, chunk.byteLength - at);
      this.batch.set(chunk.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === BATCH_BYTES) this.send();
    }
    return this.sent.length > IN_FLIGHT ? this.catchUp() : this.settled;
  }

  async end(): Promise<Judged<StagedCodes>> {
    if (this.filled > 0) this.send();
    await Promise.all(this.sent);
    const ending = this.call('answerEnd', [this.id]);
    // A cancel while the worker finishes answers at once; the codes it then stages are dropped.
    const cancelled = new Promise<never>((_, reject) => {
      this.signal?.addEventListener('abort', () => reject(cancelledError('download')), { once: true });
    });
    try {
      const judged = await Promise.race([ending, cancelled]);
      if (judged.ok) return judged;
      const { error, ...rest } = judged.failure;
      return { ok: false, failure: { ...rest, error: new AppError(error) } };
    } catch (error) {
      void ending.then(() => this.abandon()).catch(() => undefined);
      throw error;
    }
  }

  abandon(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.batch = null;
    void this.call('answerDrop', [this.id]).catch(() => undefined);
  }

  private send(): void {
    const bytes = new Uint8Array((this.batch as Buffer).buffer, 0, this.filled);
    this.batch = null;
    this.filled = 0;
    const written = this.call('answerWrite', [this.id, bytes], {
      transfer: [bytes.buffer as ArrayBuffer],
    }).then((settled) => {
      if (settled) this.settled = true;
      return settled;
    });
    // Awaited by catchUp or end; a download abandoned first never awaits it, and must not leave it unhandled.
    written.catch(() => undefined);
    this.sent.push(written);
  }

  /** Waits for the oldest batches until few enough are on their way. */
  private async catchUp(): Promise<boolean> {
    while (this.sent.length > IN_FLIGHT) await this.sent.shift();
    return this.settled;
  }
}
