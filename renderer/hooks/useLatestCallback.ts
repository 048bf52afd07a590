// A callback whose identity never changes while it always runs the latest render's version: for
// listeners registered once (menu commands) that must see current state.
import { useCallback, useEffect, useRef } from 'react';

export function useLatestCallback<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  const ref = useRef(fn);
  useEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => ref.current(...args), []);
}
