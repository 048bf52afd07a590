// A comparison's changed codes, asked of the main process in blocks as they scroll into sight (like
// useCodeWindow for a program's codes), so a comparison of two big exports never crosses IPC at once.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeKind, ChangedCode } from '../../app/codeChanges';
import { call } from '../api';
import { BLOCK_ROWS } from './useCodeWindow';

export interface ChangesWindow {
  /** How many changed codes the choice shows; null until the first answer. */
  matching: number | null;
  rowAt(index: number): ChangedCode | undefined;
  /** Asks for the blocks covering rows [first, last] that are not here yet. */
  need(first: number, last: number): void;
}

export function useChangesWindow(
  comparisonId: string,
  program: number | null,
  kind: ChangeKind | null,
): ChangesWindow {
  const blocks = useRef(new Map<number, ChangedCode[]>());
  const asked = useRef(new Set<number>());
  const generation = useRef(0);
  // The count comes with the choice it answers, so a new choice shows none until its own arrives.
  const choice = `${comparisonId} ${program} ${kind}`;
  const [answer, setAnswer] = useState<{ choice: string; matching: number } | null>(null);
  const matching = answer?.choice === choice ? answer.matching : null;
  const [, setVersion] = useState(0);

  const load = useCallback(
    (block: number) => {
      if (asked.current.has(block)) return;
      asked.current.add(block);
      const mine = generation.current;
      void call('review:changes', {
        comparisonId,
        program,
        kind,
        offset: block * BLOCK_ROWS,
        limit: BLOCK_ROWS,
      }).then(
        (page) => {
          if (mine !== generation.current) return;
          blocks.current.set(block, page.rows);
          setAnswer({ choice: `${comparisonId} ${program} ${kind}`, matching: page.matching });
          setVersion((v) => v + 1);
        },
        () => asked.current.delete(block),
      );
    },
    [comparisonId, program, kind],
  );

  useEffect(() => {
    generation.current += 1;
    blocks.current = new Map();
    asked.current = new Set();
    load(0);
  }, [load]);

  const need = useCallback(
    (first: number, last: number) => {
      for (let block = Math.floor(first / BLOCK_ROWS); block <= Math.floor(last / BLOCK_ROWS); block++)
        load(block);
    },
    [load],
  );
  const rowAt = useCallback(
    (index: number) => blocks.current.get(Math.floor(index / BLOCK_ROWS))?.[index % BLOCK_ROWS],
    [],
  );

  return { matching, rowAt, need };
}
