/** The admin app's calls to the Parallax API, with the session cookie and, for changes, the CSRF token. */

export interface SignedInUser {
  email: string;
  name: string;
  role: string;
}

export interface Session {
  user: SignedInUser;
  csrfToken: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let reply: Response;
  try {
    reply = await fetch(path, { ...init, credentials: "same-origin", signal: AbortSignal.timeout(30_000) });
  } catch {
    throw new ApiError(0, "no connection to the server");
  }
  const body = (await reply.json().catch(() => undefined)) as
    | (T & { error?: { message?: string; details?: Array<{ path: string; message: string }> } })
    | undefined;
  if (!reply.ok || body === undefined) {
    const details = body?.error?.details?.map((detail) => `${detail.path}: ${detail.message}`).join("; ");
    const message = body?.error?.message ?? `HTTP ${reply.status}`;
    throw new ApiError(reply.status, details ? `${message} (${details})` : message);
  }
  return body;
}

const study = (id: string) => `/api/v1/studies/${encodeURIComponent(id)}`;

export const adminApi = {
  me: () => call<Session>("/api/v1/auth/me"),
  signIn: (email: string, password: string) =>
    call<Session>("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    }),
  signOut: (session: Session) =>
    call<{ ok: boolean }>("/api/v1/auth/logout", {
      method: "POST",
      headers: { "x-csrf-token": session.csrfToken },
    }),
  get: <T>(studyId: string, what: string) => call<T>(`${study(studyId)}${what}`),
  post: <T>(session: Session, studyId: string, what: string, body: unknown) =>
    call<T>(`${study(studyId)}${what}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
      body: JSON.stringify(body),
    }),
  studies: () => call<{ studies: StudyInfo[] }>("/api/v1/studies"),
};

export interface StudyInfo {
  id: string;
  title: Record<string, string>;
  languages: string[];
  populations: Array<{
    id: string;
    name: Record<string, string>;
    sites: Array<{ id: string; country: string; city?: Record<string, string>; target: number }>;
    quotas?: Array<{ id: string; label: Record<string, string> }>;
  }>;
}
