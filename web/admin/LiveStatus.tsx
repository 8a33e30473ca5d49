import type { AdminMessages } from "./adminMessages.ts";
import { fill } from "./adminMessages.ts";
import type { Live } from "./useLive.ts";

/** When the figures were last refreshed, and a warning when the last refresh failed. */
export function LiveStatus<T>({
  live,
  language,
  messages,
}: {
  live: Live<T>;
  language: string;
  messages: AdminMessages;
}) {
  const time = live.updatedAt
    ? new Intl.DateTimeFormat(language, { timeStyle: "medium" }).format(live.updatedAt)
    : "–";
  if (live.error)
    return (
      <p className="ad-problem" role="alert">
        {fill(messages.updateFailed, { reason: live.error, time })}
      </p>
    );
  return (
    <p className="ad-muted ad-updated" aria-live="polite" aria-busy={!live.updatedAt}>
      {live.updatedAt ? fill(messages.updated, { time }) : "…"}
    </p>
  );
}
