import type { FieldworkWindow } from "../study/types.ts";

export type FieldworkState = "before" | "open" | "after";

/** Whether fieldwork is open at an instant, reading the window's dates as calendar days in its own time zone. */
export function fieldworkState(window: FieldworkWindow, now: Date): FieldworkState {
  // en-CA formats a date as YYYY-MM-DD, which compares correctly as text.
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: window.timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  if (today < window.start) return "before";
  if (today > window.end) return "after";
  return "open";
}
