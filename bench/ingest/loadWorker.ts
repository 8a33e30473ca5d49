/**
 * A closed-loop load generator for one worker thread: `concurrency` connections each send a submission, wait
 * for its reply, and send the next. Only replies that arrive inside the measuring window (after the warm-up)
 * count. Started by loadGenerator.ts.
 */
import { randomUUID } from "node:crypto";
import net from "node:net";
import { parentPort, workerData } from "node:worker_threads";

export interface LoadWorkerInput {
  origins: string[];
  path: string;
  concurrency: number;
  warmupMs: number;
  measureMs: number;
  bodies: string[];
  /** This worker's place among the others, so workers spread their connections over the origins. */
  workerIndex: number;
}

export interface LoadWorkerResult {
  /** 201 replies saying the response was stored as complete. */
  accepted: number;
  /** Everything else, by HTTP status or error name. */
  failures: Record<string, number>;
  /** Milliseconds from send to full reply, for each accepted submission in the window. */
  latencies: Float64Array;
  measuredMs: number;
}

const input = workerData as LoadWorkerInput;

/**
 * One keep-alive HTTP/1.1 connection speaking just enough of the protocol for this benchmark: a request with
 * a Content-Length, a reply with one. Node's http client costs about as much CPU per request as the server
 * does, and on a 2-core machine every cycle the generator spends is taken from the server it measures.
 */
class Connection {
  private socket: net.Socket | undefined;
  private received: Buffer = Buffer.alloc(0);
  private waiting: { resolve(reply: Reply): void; reject(error: Error): void } | undefined;

  constructor(private readonly origin: URL) {}

  send(body: string): Promise<Reply> {
    const socket = this.socket ?? this.connect();
    const head =
      `POST ${input.path} HTTP/1.1\r\nHost: ${this.origin.host}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(head + body);
    });
  }

  close(): void {
    this.socket?.destroy();
  }

  private connect(): net.Socket {
    const socket = net.connect({ host: this.origin.hostname, port: Number(this.origin.port) });
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    const fail = (error: Error) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.received = Buffer.alloc(0);
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.reject(error);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(Object.assign(new Error("connection closed"), { code: "ECLOSED" })));
    this.socket = socket;
    return socket;
  }

  private onData(chunk: Buffer): void {
    this.received = this.received.length ? Buffer.concat([this.received, chunk]) : chunk;
    const headEnd = this.received.indexOf("\r\n\r\n");
    if (headEnd < 0) return;
    const head = this.received.toString("latin1", 0, headEnd);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) {
      this.socket?.destroy(new Error("a reply without Content-Length"));
      return;
    }
    const end = headEnd + 4 + Number(length[1]);
    if (this.received.length < end) return;
    const reply = {
      status: Number(head.slice(9, 12)),
      text: this.received.toString("utf8", headEnd + 4, end),
    };
    this.received = this.received.subarray(end);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(reply);
  }
}

interface Reply {
  status: number;
  text: string;
}

async function run(): Promise<LoadWorkerResult> {
  const origins = input.origins.map((origin) => new URL(origin));
  const connections: Connection[] = [];
  const start = performance.now();
  const measureFrom = start + input.warmupMs;
  const measureUntil = measureFrom + input.measureMs;
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let sent = 0;

  const drive = async (slot: number) => {
    const target = (slot + input.workerIndex) % origins.length;
    const connection = new Connection(origins[target]);
    connections.push(connection);
    while (performance.now() < measureUntil) {
      const template = input.bodies[sent++ % input.bodies.length];
      const body = template.replace('"id":""', `"id":"${randomUUID()}"`);
      const began = performance.now();
      let outcome: string;
      try {
        const reply = await connection.send(body);
        outcome =
          reply.status === 201 && reply.text.includes('"status":"complete"') ? "ok" : `HTTP ${reply.status}`;
      } catch (error) {
        outcome = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.name) : "error";
      }
      const ended = performance.now();
      if (ended < measureFrom || ended > measureUntil) continue;
      if (outcome === "ok") latencies.push(ended - began);
      else failures[outcome] = (failures[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, (_, slot) => drive(slot)));
  for (const connection of connections) connection.close();
  return {
    accepted: latencies.length,
    failures,
    latencies: Float64Array.from(latencies),
    measuredMs: input.measureMs,
  };
}

parentPort?.postMessage(await run());
