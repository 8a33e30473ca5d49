import { type InterviewRecord, isDamaged } from "./interviewRecord.ts";
import type { LocalStore, Session } from "./localStore.ts";
import { fetchAssignments, postContact, postResponse, type Reply } from "./serverApi.ts";

export type RefreshOutcome =
  | { kind: "ok"; clockOffsetMs: number }
  | { kind: "offline" }
  | { kind: "signedOut" };

export interface SyncOutcome {
  kind: "done" | "offline" | "signedOut";
  sent: number;
  rejected: number;
  /** Still waiting on the device: sent again by the next sync. */
  left: number;
}

/** Downloads the assignments (with the quota snapshot and questionnaires) and measures the device's clock. */
export async function refreshAssignments(store: LocalStore): Promise<RefreshOutcome> {
  const reply = await fetchAssignments();
  if (reply.kind === "unreachable") return { kind: "offline" };
  if (reply.kind !== "ok") return { kind: "signedOut" };
  // The server's clock is the reference: a device set to the wrong date still gets usable timestamps.
  const clockOffsetMs = Date.parse(reply.value.serverTime) - Date.now();
  await store.saveAssignments(reply.value.assignments);
  const { session } = await store.settings();
  await store.updateSettings({
    ...(session ? { session: { ...session, user: reply.value.interviewer } } : {}),
    assignmentsAt: new Date().toISOString(),
    clockOffsetMs,
    clockCheckedAt: reply.value.serverTime,
  });
  return { kind: "ok", clockOffsetMs };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one record, retrying what may be transient; the same body every time, so the server keeps one. */
async function withRetries<T>(send: () => Promise<Reply<T>>, attempts: number): Promise<Reply<T>> {
  let reply: Reply<T> = { kind: "unreachable" };
  for (let attempt = 0; attempt < attempts; attempt++) {
    reply = await send();
    if (reply.kind !== "unreachable") return reply;
    if (attempt + 1 < attempts) await pause(200 * 2 ** attempt);
  }
  return reply;
}

let running: Promise<SyncOutcome> | undefined;

/**
 * Sends every interview and contact attempt still waiting on the device. Each record's new state is written as
 * soon as its reply arrives, so a sync cut off half way resumes where it stopped, and a record leaves the
 * waiting list only once the server has accepted or rejected it. Runs one at a time.
 */
export function syncPending(store: LocalStore, attempts = 3): Promise<SyncOutcome> {
  running ??= runSync(store, attempts).finally(() => {
    running = undefined;
  });
  return running;
}

async function runSync(store: LocalStore, attempts: number): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { kind: "done", sent: 0, rejected: 0, left: 0 };
  const settings = await store.settings();
  const waiting = (await store.interviews()).filter(
    (item): item is InterviewRecord => !isDamaged(item) && item.state === "pending",
  );
  const contacts = (await store.contacts()).filter((contact) => contact.state === "pending");
  outcome.left = waiting.length + contacts.length;
  if (!settings.session) return { ...outcome, kind: "signedOut" };
  // Asking for the assignments first also tells whether this interviewer may still work.
  const refreshed = await refreshAssignments(store);
  if (refreshed.kind !== "ok") return { ...outcome, kind: refreshed.kind };
  const session: Session = settings.session;

  for (const record of waiting) {
    if (!record.body) continue;
    const body = record.body;
    const reply = await withRetries(
      () => postResponse(session, record.study, record.population, body),
      attempts,
    );
    if (reply.kind === "signedOut") return { ...outcome, kind: "signedOut" };
    if (reply.kind === "unreachable") continue;
    outcome.left--;
    if (reply.kind === "ok") {
      outcome.sent++;
      await store.saveInterview({ ...record, state: "uploaded", serverStatus: reply.value.status });
    } else {
      outcome.rejected++;
      await store.saveInterview({
        ...record,
        state: "rejected",
        rejection: { message: reply.message, details: reply.details },
      });
    }
  }
  for (const contact of contacts) {
    const reply = await withRetries(() => postContact(session, contact), attempts);
    if (reply.kind === "signedOut") return { ...outcome, kind: "signedOut" };
    if (reply.kind === "unreachable") continue;
    outcome.left--;
    await store.saveContact(
      reply.kind === "ok"
        ? { ...contact, state: "uploaded" }
        : { ...contact, state: "rejected", reason: reply.message },
    );
  }
  return outcome;
}
