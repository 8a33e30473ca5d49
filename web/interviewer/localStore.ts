import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { AssignmentInfo } from "./assignmentTypes.ts";
import { checkRecord, type DamagedRecord, type InterviewRecord, sealRecord } from "./interviewRecord.ts";

export interface Session {
  user: { id: string; email: string; name: string };
  csrfToken: string;
}

export interface ContactRecord {
  id: string;
  study: string;
  population: string;
  site: string;
  outcome: "refusal" | "non_contact";
  attemptedAt: string;
  state: "pending" | "uploaded" | "rejected";
  reason?: string;
}

export interface Settings {
  deviceId: string;
  appLanguage?: string;
  session?: Session;
  assignmentsAt?: string;
  /** Server time minus device time at the last contact with the server, in ms. */
  clockOffsetMs?: number;
  clockCheckedAt?: string;
}

interface InterviewerDb extends DBSchema {
  settings: { key: string; value: Settings };
  assignments: { key: string; value: AssignmentInfo };
  /** Every questionnaire version ever downloaded, so an interview begun on one finishes on it. */
  questionnaires: { key: string; value: { key: string; json: Record<string, unknown> } };
  /** Records are checked when read, not trusted: their type here is what a damaged one may not be. */
  interviews: { key: string; value: InterviewRecord };
  contacts: { key: string; value: ContactRecord };
}

export type LocalDb = IDBPDatabase<InterviewerDb>;

export function questionnaireKey(study: string, population: string, version: string): string {
  return `${study}/${population}/${version}`;
}

export async function openLocalStore(name = "parallax-interviewer"): Promise<LocalStore> {
  const db = await openDB<InterviewerDb>(name, 1, {
    upgrade(database) {
      database.createObjectStore("settings");
      database.createObjectStore("assignments", { keyPath: "id" });
      database.createObjectStore("questionnaires", { keyPath: "key" });
      database.createObjectStore("interviews", { keyPath: "id" });
      database.createObjectStore("contacts", { keyPath: "id" });
    },
  });
  return new LocalStore(db);
}

/** Everything the app keeps on the device, in IndexedDB: it survives reloads, offline, and closed tabs. */
export class LocalStore {
  constructor(readonly db: LocalDb) {}

  async settings(): Promise<Settings> {
    const found = await this.db.get("settings", "app");
    if (found?.deviceId) return found;
    const fresh: Settings = { deviceId: crypto.randomUUID() };
    await this.db.put("settings", fresh, "app");
    return fresh;
  }

  async updateSettings(change: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.settings()), ...change };
    await this.db.put("settings", next, "app");
    return next;
  }

  async assignments(): Promise<AssignmentInfo[]> {
    return this.db.getAll("assignments");
  }

  /** Replaces the assignments, keeping every questionnaire version already held. */
  async saveAssignments(assignments: AssignmentInfo[]): Promise<void> {
    const transaction = this.db.transaction(["assignments", "questionnaires"], "readwrite");
    const store = transaction.objectStore("assignments");
    await store.clear();
    for (const assignment of assignments) {
      await store.put(assignment);
      const { version, json } = assignment.questionnaire;
      await transaction.objectStore("questionnaires").put({
        key: questionnaireKey(assignment.study.id, assignment.population.id, version),
        json,
      });
    }
    await transaction.done;
  }

  async questionnaire(study: string, population: string, version: string) {
    return (await this.db.get("questionnaires", questionnaireKey(study, population, version)))?.json;
  }

  /** Every interview on the device, damaged ones included, newest first. */
  async interviews(): Promise<Array<InterviewRecord | DamagedRecord>> {
    const found: Array<InterviewRecord | DamagedRecord> = [];
    let cursor = await this.db.transaction("interviews").store.openCursor();
    while (cursor) {
      found.push(checkRecord(cursor.value, String(cursor.key)));
      cursor = await cursor.continue();
    }
    return found.sort((a, b) => String(updatedOf(b)).localeCompare(String(updatedOf(a))));
  }

  async interview(id: string): Promise<InterviewRecord | DamagedRecord | undefined> {
    const raw = await this.db.get("interviews", id);
    return raw === undefined ? undefined : checkRecord(raw, id);
  }

  async saveInterview(record: Omit<InterviewRecord, "checksum">): Promise<InterviewRecord> {
    const sealed = sealRecord({ ...record, updatedAt: new Date().toISOString() });
    await this.db.put("interviews", sealed);
    return sealed;
  }

  async contacts(): Promise<ContactRecord[]> {
    return this.db.getAll("contacts");
  }

  async saveContact(contact: ContactRecord): Promise<void> {
    await this.db.put("contacts", contact);
  }
}

function updatedOf(record: InterviewRecord | DamagedRecord): unknown {
  return "raw" in record ? "9999" : record.updatedAt;
}
