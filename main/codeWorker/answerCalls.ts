// The worker's side of a download: each answer's body is read here (exportAllReader.ts, through
// judgeAnswer) as the main process passes its chunks on, and the codes it gives wait, staged, until
// the fetch that asked for them stores them or lets them go. The main process never holds the body.
import type { AppErrorInfo } from '../../app/appError';
import type { StatusCounts } from '../../app/promoCode';
import { judgeAnswer } from '../services/altcraft/classifyAnswer';
import type { AnswerReading } from '../services/altcraft/classifyAnswer';
import type { CompactCodes } from '../services/codes/compactCodes';

/** Codes read in the worker and waiting there until the fetch that asked for them stores them. */
export interface StagedCodes {
  staged: number;
  total: number;
  counts: StatusCounts;
}

/** An answer's head as it crosses to the worker. */
export interface WireHead {
  status: number;
  statusText: string;
  headers: [string, string][];
}

export type WireJudged =
  | { ok: true; codes: StagedCodes }
  | { ok: false; failure: { error: AppErrorInfo; retryable: boolean; retryAfterMs?: number } };

export function createAnswerCalls(staged: Map<number, CompactCodes>) {
  const reading = new Map<number, AnswerReading>();
  let nextId = 1;

  return {
    /** Starts reading an answer; its chunks follow with `answerWrite`, in order. */
    answerOpen(head: WireHead, host: string, now: number): number {
      const id = nextId++;
      reading.set(id, judgeAnswer({ ...head, headers: new Headers(head.headers) }, host, now));
      return id;
    },

    /** The next bytes of the body; true once the rest is not needed. */
    answerWrite(id: number, chunk: Uint8Array): boolean {
      const sink = reading.get(id);
      return sink === undefined ? true : sink.write(chunk);
    },

    /** The body is complete: the outcome, with the codes staged under the answer's id. */
    answerEnd(id: number): WireJudged {
      const sink = reading.get(id);
      reading.delete(id);
      if (sink === undefined) throw new Error(`No answer ${id} is being read.`);
      const judged = sink.end();
      if (!judged.ok) {
        const { error, ...rest } = judged.failure;
        return { ok: false, failure: { ...rest, error: error.toInfo() } };
      }
      staged.set(id, judged.codes);
      return { ok: true, codes: { staged: id, total: judged.codes.length, counts: judged.codes.counts } };
    },

    /** Lets go of an answer being read, or of codes staged and never stored. */
    answerDrop(id: number): null {
      reading.get(id)?.abandon();
      reading.delete(id);
      staged.delete(id);
      return null;
    },
  };
}
