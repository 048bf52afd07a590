// The rows of a view, asked of the main process in blocks as they scroll into sight, so a million
// codes never cross IPC at once. Changing the view starts a fresh cache.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeView } from '../../app/codeView';
import type { CodeRow, FetchSummary } from '../../app/ipcContract';
import type { StatusCounts } from '../../app/promoCode';
import { call } from '../api';

export const BLOCK_ROWS = 200;

export interface CodeWindow {
  /** How many codes the view shows; null until the first answer. */
  matching: number | null;
  counts: StatusCounts;
  rowAt(index: number): CodeRow | undefined;
  /** Asks for the blocks covering rows [first, last] that are not here yet. */
  need(first: number, last: number): void;
}

export function useCodeWindow(program: FetchSummary, view: CodeView): CodeWindow {
  const blocks = useRef(new Map<number, CodeRow[]>());
  const asked = useRef(new Set<number>());
  const generation = useRef(0);
  const [matching, setMatching] = useState<number | null>(null);
  const [, setVersion] = useState(0);

  const load = useCallback(
    (block: number) => {
      if (asked.current.has(block)) return;
      asked.current.add(block);
      const mine = generation.current;
      void call('codes:query', {
        connectionId: program.connectionId,
        loyaltyId: program.loyaltyId,
        view,
        offset: block * BLOCK_ROWS,
        limit: BLOCK_ROWS,
      }).then(
        (page) => {
          if (mine !== generation.current) return;
          blocks.current.set(block, page.rows);
          setMatching(page.matching);
          setVersion((v) => v + 1);
        },
        () => asked.current.delete(block),
      );
    },
    [program, view],
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

  return { matching, counts: program.counts, rowAt, need };
}
