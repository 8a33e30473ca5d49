import type { AssignmentsReply } from "./assignmentTypes.ts";
import type { SubmissionBody } from "./interviewRecord.ts";
import type { ContactRecord, Session } from "./localStore.ts";

export type Reply<T> =
  | { kind: "ok"; value: T; status: number; serverTime?: string }
  /** 401, or a 403 that says the session no longer holds: sign in again; nothing is lost. */
  | { kind: "signedOut" }
  /** The server looked and said no: keep the record for correction, with the server's reason. */
  | { kind: "rejected"; status: number; message: string; details: Array<{ path: string; message: string }> }
  /** No connection, a timeout, a 429 or a 5xx: try again later. */
  | { kind: "unreachable" };

interface ErrorReply {
  error?: { code?: string; message?: string; details?: Array<{ path: string; message: string }> };
}

async function call<T>(path: string, init: RequestInit, timeoutMs = 20_000): Promise<Reply<T>> {
  let reply: Response;
  try {
    reply = await fetch(path, {
      ...init,
      credentials: "same-origin",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { kind: "unreachable" };
  }
  const serverTime = reply.headers.get("date") ?? undefined;
  const body = (await reply.json().catch(() => undefined)) as (T & ErrorReply) | undefined;
  if (reply.ok && body !== undefined) return { kind: "ok", value: body, status: reply.status, serverTime };
  const code = body?.error?.code;
  if (reply.status === 401 || code === "CSRF_FAILED") return { kind: "signedOut" };
  if (reply.status === 429 || reply.status >= 500 || body === undefined) return { kind: "unreachable" };
  return {
    kind: "rejected",
    status: reply.status,
    message: body.error?.message ?? `HTTP ${reply.status}`,
    details: body.error?.details ?? [],
  };
}

const json = (session: Session | undefined) => ({
  "content-type": "application/json",
  ...(session ? { "x-csrf-token": session.csrfToken } : {}),
});

export function signIn(email: string, password: string) {
  return call<{ user: { email: string; name: string; role: string }; csrfToken: string }>(
    "/api/v1/auth/login",
    {
      method: "POST",
      headers: json(undefined),
      body: JSON.stringify({ email, password }),
    },
  );
}

export function fetchAssignments() {
  return call<AssignmentsReply>("/api/v1/interviewer/assignments", { method: "GET" });
}

export function postResponse(session: Session, study: string, population: string, body: SubmissionBody) {
  return call<{ id: string; status: string }>(
    `/api/v1/studies/${encodeURIComponent(study)}/populations/${encodeURIComponent(population)}/responses`,
    { method: "POST", headers: json(session), body: JSON.stringify(body) },
  );
}

export function postContact(session: Session, contact: ContactRecord) {
  return call<{ id: string }>("/api/v1/interviewer/contacts", {
    method: "POST",
    headers: json(session),
    body: JSON.stringify({
      id: contact.id,
      study: contact.study,
      population: contact.population,
      site: contact.site,
      outcome: contact.outcome,
      attemptedAt: contact.attemptedAt,
    }),
  });
}
