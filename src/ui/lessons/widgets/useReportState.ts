// Widgets call this with their current inputs; after the first change the inputs go into the step's link (see
// widgetState.ts), so the link reopens the widget as it is. The opening state is not written: an untouched widget
// keeps a clean link.
import { useEffect, useRef } from 'react';

export function useReportState(onState: ((s: Record<string, string>) => void) | undefined, state: Record<string, string>): void {
  const key = JSON.stringify(state);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    onState?.(JSON.parse(key) as Record<string, string>);
  }, [key, onState]);
}
