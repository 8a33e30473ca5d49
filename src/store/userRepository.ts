import type { Kysely } from "kysely";
import type { Role } from "../access/roles.ts";
import type { Database } from "./schema.ts";

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

type UserRow = Database["users"];

function fromRow(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
  };
}

export function userRepository(db: Kysely<Database>) {
  return {
    async add(user: Omit<User, "disabled" | "createdAt">, passwordHash: string): Promise<User> {
      const row: UserRow = {
        id: user.id,
        email: user.email.toLowerCase(),
        name: user.name,
        role: user.role,
        password_hash: passwordHash,
        disabled: 0,
        created_at: new Date().toISOString(),
      };
      await db.insertInto("users").values(row).execute();
      return fromRow(row);
    },

    async findByEmail(email: string): Promise<(User & { passwordHash: string }) | undefined> {
      const row = await db
        .selectFrom("users")
        .selectAll()
        .where("email", "=", email.toLowerCase())
        .executeTakeFirst();
      return row ? { ...fromRow(row), passwordHash: row.password_hash } : undefined;
    },

    async find(id: string): Promise<User | undefined> {
      const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    async list(): Promise<User[]> {
      return (await db.selectFrom("users").selectAll().orderBy("email").execute()).map(fromRow);
    },

    async setDisabled(id: string, disabled: boolean): Promise<void> {
      await db
        .updateTable("users")
        .set({ disabled: disabled ? 1 : 0 })
        .where("id", "=", id)
        .execute();
      if (disabled) await db.deleteFrom("sessions").where("user_id", "=", id).execute();
    },

    async setRole(id: string, role: Role): Promise<void> {
      await db.updateTable("users").set({ role }).where("id", "=", id).execute();
      // A changed role takes effect at once: sessions opened under the old role end.
      await db.deleteFrom("sessions").where("user_id", "=", id).execute();
    },

    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", id).execute();
      await db.deleteFrom("sessions").where("user_id", "=", id).execute();
    },
  };
}

export type UserRepository = ReturnType<typeof userRepository>;
