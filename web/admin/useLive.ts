import { useCallback, useEffect, useRef, useState } from "react";

export interface Live<T> {
  data?: T;
  /** Why the last refresh failed; the data shown is then from `updatedAt`. */
  error?: string;
  updatedAt?: Date;
  refresh(): void;
}

/**
 * Fetches now and again every `everyMs` while the page is visible, keeping the last good answer when a
 * refresh fails: a dashboard on a wall should show stale figures with a warning, not go blank. A new `load`
 * (another study, language or grouping) starts afresh.
 */
export function useLive<T>(load: () => Promise<T>, everyMs: number): Live<T> {
  const [state, setState] = useState<{ data?: T; error?: string; updatedAt?: Date }>({});
  // Answers to an earlier `load` that arrive late are dropped.
  const generation = useRef(0);
  const refresh = useCallback(() => {
    const mine = generation.current;
    load()
      .then((data) => {
        if (mine === generation.current) setState({ data, updatedAt: new Date() });
      })
      .catch((error: unknown) => {
        if (mine === generation.current)
          setState((previous) => ({
            ...previous,
            error: error instanceof Error ? error.message : String(error),
          }));
      });
  }, [load]);
  useEffect(() => {
    generation.current++;
    setState({});
    refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [everyMs, refresh]);
  return { ...state, refresh };
}
