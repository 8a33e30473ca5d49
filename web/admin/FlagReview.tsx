import { useState } from "react";
import type { StoredFlag } from "../../src/store/qualityRepository.ts";
import type { AdminMessages } from "./adminMessages.ts";

interface Props {
  flag: StoredFlag;
  messages: AdminMessages;
  onDecide(decision: "accept" | "override", comment: string): Promise<void>;
}

/** Accept or override one flag, always with a comment: the decision is audited and changes the valid set. */
export function FlagReview({ flag, messages, onDecide }: Props) {
  const [comment, setComment] = useState(flag.decision?.comment ?? "");
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const decide = async (decision: "accept" | "override") => {
    setBusy(true);
    setProblem(undefined);
    try {
      await onDecide(decision, comment);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ad-review">
      <input
        name="comment"
        aria-label={messages.comment}
        placeholder={messages.comment}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      <button type="button" disabled={busy} onClick={() => decide("accept")}>
        {messages.accept}
      </button>
      <button type="button" disabled={busy} onClick={() => decide("override")}>
        {messages.override}
      </button>
      {problem && (
        <span className="ad-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
