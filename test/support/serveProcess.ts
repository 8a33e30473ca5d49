import { type ChildProcess, spawn } from "node:child_process";

export interface ServeProcess {
  origin: string;
  child: ChildProcess;
  /** Everything the process printed, for a failing test's message. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `parallax serve` as its own process on a free port and waits until it says where it listens. */
export function startServeProcess(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ["bin/parallax.js", "serve", "--port", "0", "--host", "127.0.0.1", ...args],
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          origin: match[1].replace("localhost", "127.0.0.1"),
          child,
          output: () => output,
          stop: async (signal = "SIGTERM") => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening:\n${output}`));
    });
  });
}
