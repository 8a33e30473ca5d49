import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { ParallaxError } from "../errors.ts";

export interface SealedRecord {
  ciphertext: string;
  nonce: string;
  tag: string;
}

export interface PersonalDataCipher {
  /** Encrypts a record bound to its id (the id is authenticated data: a row copied under another id fails). */
  seal(id: string, record: Record<string, unknown>): SealedRecord;
  open(id: string, sealed: SealedRecord): Record<string, unknown>;
}

export const dataKeyVariable = "PARALLAX_DATA_KEY";

/** Reads the 256-bit key (base64) from the environment; undefined when it is not set. */
export function dataKeyFromEnvironment(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const text = env[dataKeyVariable];
  if (!text) return undefined;
  const key = Buffer.from(text, "base64");
  if (key.length !== 32) {
    throw new ParallaxError("USAGE", `${dataKeyVariable} must be 32 bytes in base64`, [
      {
        path: dataKeyVariable,
        message: `decodes to ${key.length} bytes; make one with: openssl rand -base64 32`,
      },
    ]);
  }
  return key;
}

/** AES-256-GCM with a fresh 96-bit nonce per record. */
export function personalDataCipher(key: Buffer): PersonalDataCipher {
  return {
    seal(id, record) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, nonce);
      cipher.setAAD(Buffer.from(id));
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(record), "utf8"), cipher.final()]);
      return {
        ciphertext: ciphertext.toString("base64"),
        nonce: nonce.toString("base64"),
        tag: cipher.getAuthTag().toString("base64"),
      };
    },
    open(id, sealed) {
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.nonce, "base64"));
        decipher.setAAD(Buffer.from(id));
        decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
        const plain = Buffer.concat([
          decipher.update(Buffer.from(sealed.ciphertext, "base64")),
          decipher.final(),
        ]);
        return JSON.parse(plain.toString("utf8")) as Record<string, unknown>;
      } catch {
        throw new ParallaxError("PERSONAL_DATA_KEY", undefined, [
          {
            path: `personal_data ${id}`,
            message: "cannot be decrypted with this key (wrong key, or the row was altered)",
          },
        ]);
      }
    },
  };
}
