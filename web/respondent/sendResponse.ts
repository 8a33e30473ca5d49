export interface ResponseBody {
  id: string;
  language: string;
  mode: string;
  questionnaireVersion: string;
  answers: Record<string, unknown>;
  paradata: Record<string, unknown>;
}

export type SendOutcome =
  | { kind: "stored"; status: string }
  | { kind: "rejected"; details: Array<{ path: string; message: string }>; message: string }
  | { kind: "unreachable" };

/**
 * Posts a response, retrying transient failures. Retrying is safe because the response carries its own
 * UUID: the server stores it once however many times it arrives.
 */
export async function sendResponse(
  url: string,
  body: ResponseBody,
  onRetry: () => void,
  attempts = 5,
): Promise<SendOutcome> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const reply = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (reply.status === 200 || reply.status === 201) {
        const stored = (await reply.json()) as { status: string };
        return { kind: "stored", status: stored.status };
      }
      if (reply.status >= 400 && reply.status < 500 && reply.status !== 429) {
        const { error } = (await reply.json()) as {
          error: { message: string; details: Array<{ path: string; message: string }> };
        };
        return { kind: "rejected", message: error.message, details: error.details };
      }
    } catch {
      // A network failure: fall through to the next attempt.
    }
    if (attempt < attempts) {
      onRetry();
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** (attempt - 1)));
    }
  }
  return { kind: "unreachable" };
}
