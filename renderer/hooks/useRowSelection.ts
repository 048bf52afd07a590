// Which rows are selected, as ranges of positions in the current view: click selects one row,
// Shift extends from the last click, Ctrl/Cmd adds or removes a row, Ctrl/Cmd+A selects all.
// A selection belongs to the view it was made in: another filter, search or sort starts empty.
import { useCallback, useState } from 'react';

export type Range = [number, number];

interface Selection {
  viewKey: string;
  ranges: Range[];
  anchor: number | null;
}

export function useRowSelection(viewKey: string) {
  const [state, setState] = useState<Selection>({ viewKey, ranges: [], anchor: null });
  const current = state.viewKey === viewKey ? state : { viewKey, ranges: [], anchor: null };
  const { ranges, anchor } = current;

  const isSelected = useCallback(
    (index: number) => ranges.some(([a, b]) => index >= a && index <= b),
    [ranges],
  );

  const select = (index: number, how: { extend: boolean; toggle: boolean }) => {
    if (how.extend && anchor !== null) {
      setState({ viewKey, anchor, ranges: [[Math.min(anchor, index), Math.max(anchor, index)]] });
    } else if (how.toggle) {
      setState({
        viewKey,
        anchor: index,
        ranges: isSelected(index) ? splitOut(ranges, index) : [...ranges, [index, index]],
      });
    } else {
      setState({ viewKey, anchor: index, ranges: [[index, index]] });
    }
  };
  const selectAll = (count: number) =>
    setState({ viewKey, anchor: null, ranges: count === 0 ? [] : [[0, count - 1]] });
  const clear = () => setState({ viewKey, anchor: null, ranges: [] });

  const count = ranges.reduce((sum, [a, b]) => sum + b - a + 1, 0);
  return { ranges, count, isSelected, select, selectAll, clear };
}

function splitOut(ranges: Range[], index: number): Range[] {
  return ranges.flatMap(([a, b]): Range[] => {
    if (index < a || index > b) return [[a, b]];
    return [
      ...(a <= index - 1 ? [[a, index - 1] as Range] : []),
      ...(index + 1 <= b ? [[index + 1, b] as Range] : []),
    ];
  });
}
