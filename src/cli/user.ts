import { randomUUID } from "node:crypto";
import type { Command } from "commander";
import { hashPassword, passwordProblem } from "../access/passwords.ts";
import { isRole, roles } from "../access/roles.ts";
import { ParallaxError } from "../errors.ts";
import { auditRepository } from "../store/auditRepository.ts";
import { openDatabase, type Store } from "../store/openDatabase.ts";
import { userRepository } from "../store/userRepository.ts";
import { dbOption } from "./dbOption.ts";
import { generatePassword, readPasswordFromStdin } from "./readSecret.ts";

interface UserOptions {
  db: string;
  email?: string;
  name?: string;
  role?: string;
  passwordStdin?: boolean;
}

async function withStore<T>(url: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openDatabase(url);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function choosePassword(
  fromStdin: boolean | undefined,
): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: generatePassword(), generated: true };
  const password = await readPasswordFromStdin();
  const problem = passwordProblem(password);
  if (problem)
    throw new ParallaxError("USAGE", `The password ${problem}`, [
      { path: "--password-stdin", message: problem },
    ]);
  return { password, generated: false };
}

async function findUser(store: Store, email: string) {
  const user = await userRepository(store.db).findByEmail(email);
  if (!user) throw new ParallaxError("NOT_FOUND", `No user ${email}`, [{ path: "--email", message: email }]);
  return user;
}

const audited = (store: Store, action: string, target: string, details: Record<string, unknown> = {}) =>
  auditRepository(store).append({ actor: "cli", action, target, details, source: "cli" });

export function registerUserCommand(program: Command): void {
  const user = program.command("user").description("manage the people who work on studies");
  user
    .command("add")
    .description(
      `add a user with a role (${roles.join(", ")}); prints a generated password unless --password-stdin`,
    )
    .requiredOption("--email <email>")
    .requiredOption("--name <name>")
    .requiredOption("--role <role>")
    .option("--password-stdin", "read the password from standard input")
    .addOption(dbOption())
    .action(async (options: UserOptions) => {
      const email = options.email as string;
      if (!/^[^@\s]+@[^@\s]+$/.test(email))
        throw new ParallaxError("USAGE", "Not an email address", [{ path: "--email", message: email }]);
      if (!isRole(options.role)) {
        throw new ParallaxError("USAGE", `Unknown role "${options.role}"`, [
          { path: "--role", message: `must be one of ${roles.join(", ")}` },
        ]);
      }
      const role = options.role;
      const { password, generated } = await choosePassword(options.passwordStdin);
      await withStore(options.db, async (store) => {
        if (await userRepository(store.db).findByEmail(email))
          throw new ParallaxError("USER_EXISTS", undefined, [{ path: "--email", message: email }]);
        const added = await userRepository(store.db).add(
          { id: randomUUID(), email, name: options.name as string, role },
          await hashPassword(password),
        );
        await audited(store, "user_added", added.email, { role });
        process.stdout.write(`Added ${added.email} (${role})${generated ? `; password: ${password}` : ""}\n`);
      });
    });
  user
    .command("list")
    .description("list users and their roles")
    .addOption(dbOption())
    .action(async (options: UserOptions) =>
      withStore(options.db, async (store) => {
        for (const entry of await userRepository(store.db).list()) {
          process.stdout.write(
            `${entry.email}\t${entry.role}\t${entry.name}${entry.disabled ? "\tdisabled" : ""}\n`,
          );
        }
      }),
    );
  user
    .command("disable")
    .description("disable a user and end their sessions")
    .requiredOption("--email <email>")
    .addOption(dbOption())
    .action(async (options: UserOptions) =>
      withStore(options.db, async (store) => {
        const found = await findUser(store, options.email as string);
        await userRepository(store.db).setDisabled(found.id, true);
        await audited(store, "user_disabled", found.email);
        process.stdout.write(`Disabled ${found.email}\n`);
      }),
    );
  user
    .command("set-role")
    .description("change a user's role and end their sessions")
    .requiredOption("--email <email>")
    .requiredOption("--role <role>")
    .addOption(dbOption())
    .action(async (options: UserOptions) => {
      if (!isRole(options.role)) {
        throw new ParallaxError("USAGE", `Unknown role "${options.role}"`, [
          { path: "--role", message: `must be one of ${roles.join(", ")}` },
        ]);
      }
      const role = options.role;
      await withStore(options.db, async (store) => {
        const found = await findUser(store, options.email as string);
        await userRepository(store.db).setRole(found.id, role);
        await audited(store, "role_changed", found.email, { from: found.role, to: role });
        process.stdout.write(`${found.email} is now ${role}\n`);
      });
    });
  user
    .command("reset-password")
    .description("set a new password (generated unless --password-stdin) and end the user's sessions")
    .requiredOption("--email <email>")
    .option("--password-stdin", "read the password from standard input")
    .addOption(dbOption())
    .action(async (options: UserOptions) => {
      const { password, generated } = await choosePassword(options.passwordStdin);
      await withStore(options.db, async (store) => {
        const found = await findUser(store, options.email as string);
        await userRepository(store.db).setPasswordHash(found.id, await hashPassword(password));
        await audited(store, "password_reset", found.email);
        process.stdout.write(`New password set for ${found.email}${generated ? `: ${password}` : ""}\n`);
      });
    });
}
