import { loadProgress, type SavedProgress } from "./savedProgress.ts";

export type Start =
  | { kind: "answer"; progress: SavedProgress; token?: string }
  | { kind: "stop"; reason: "invalid" | "answered" };

/**
 * Where a respondent starts: a personal invitation (`?t=`) resumes the response bound to it on any device, a
 * resume link (`?r=`) the saved response it names, and otherwise this device's own saved progress.
 */
export async function resolveStart(
  api: string,
  study: string,
  population: string,
  query: URLSearchParams,
): Promise<Start> {
  const token = query.get("t") ?? undefined;
  const resume = query.get("r");
  const local = loadProgress(study, population);
  if (token) {
    const reply = await fetch(`${api}/invitations/${encodeURIComponent(token)}`);
    if (!reply.ok) return { kind: "stop", reason: "invalid" };
    const invitation = (await reply.json()) as {
      state: "new" | "in_progress" | "completed";
      responseId?: string;
      answers?: Record<string, unknown>;
      pageNo?: number;
    };
    if (invitation.state === "completed") return { kind: "stop", reason: "answered" };
    if (invitation.state === "in_progress" && invitation.responseId) {
      return {
        kind: "answer",
        token,
        progress: {
          id: invitation.responseId,
          answers: invitation.answers ?? {},
          pageNo: invitation.pageNo ?? 0,
        },
      };
    }
    return { kind: "answer", token, progress: local };
  }
  if (resume) {
    const reply = await fetch(`${api}/responses/${encodeURIComponent(resume)}/progress`);
    if (reply.ok) {
      const saved = (await reply.json()) as {
        id: string;
        status: string;
        answers?: Record<string, unknown>;
        pageNo?: number;
      };
      if (saved.status !== "partial") return { kind: "stop", reason: "answered" };
      return {
        kind: "answer",
        progress: { id: saved.id, answers: saved.answers ?? {}, pageNo: saved.pageNo ?? 0 },
      };
    }
  }
  return { kind: "answer", progress: local };
}
