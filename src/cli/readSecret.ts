import { randomBytes } from "node:crypto";

/** Reads a password from standard input (first line), so it never appears in the shell history or `ps`. */
export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0];
}

/** A random password for a new account, printed once for the admin to hand over. */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}
