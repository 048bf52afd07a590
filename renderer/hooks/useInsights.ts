// A program's codes at a glance (timeline, expiring soon), asked of the code worker once per fetch:
// the figures are worked out next to the codes, and only they cross to the page.
import { useEffect, useState } from 'react';
import type { CodeInsights } from '../../app/codeInsights';
import type { FetchSummary } from '../../app/ipcContract';
import { call } from '../api';

export function useInsights(program: FetchSummary): CodeInsights | null {
  const [answer, setAnswer] = useState<{ for: FetchSummary; insights: CodeInsights } | null>(null);
  useEffect(() => {
    let live = true;
    // Asked a moment later, so the table's first rows go to the worker first and paint first.
    const timer = setTimeout(() => {
      void call('codes:insights', { connectionId: program.connectionId, loyaltyId: program.loyaltyId }).then(
        (insights) => {
          if (live) setAnswer({ for: program, insights });
        },
        () => undefined, // the pictures are extra: the table and its counts still stand without them
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [program]);
  return answer?.for === program ? answer.insights : null;
}
