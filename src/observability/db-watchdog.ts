import mongoose from "mongoose";
import type { Logger } from "../logger";

// Recovers a wedged MongoDB client. The driver (mongodb 6.20, also 7.x) can hang
// its server monitor forever when a connection dies between a heartbeat's encode
// and its socket write: write() on the destroyed socket returns false and the
// driver then waits for a "drain" that never comes. The bot then stays
// "disconnected" after MongoDB is back (test/integration/faults/db-outage.test.ts).
// So: when our client stays disconnected while a fresh client reaches the same
// server, drop the connection and open a new one.
export interface DbWatchdogOptions {
  uri: string;
  logger: Logger;
  reconnect: () => Promise<void>;
  intervalMs?: number;
  /** consecutive probes in which a fresh client answers while ours is disconnected */
  probesBeforeReconnect?: number;
  pingTimeoutMs?: number;
  /** tests replace the two pings */
  probes?: { ours(): Promise<boolean>; fresh(): Promise<boolean> };
}

export interface DbWatchdog {
  stop(): Promise<void>;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  p.catch(() => undefined);
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * Our side is judged by the driver's own view (connected or not), never by how
 * fast it answers: under load a ping waits for a pooled connection, and
 * reconnecting then would only interrupt the work in flight.
 */
function ourClientConnected(): boolean {
  return mongoose.connection.readyState === 1;
}

async function freshClientAnswers(uri: string, timeoutMs: number): Promise<boolean> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs });
  try {
    await withTimeout(client.db("admin").command({ ping: 1 }), timeoutMs);
    return true;
  } catch {
    return false;
  } finally {
    await client.close(true).catch(() => undefined);
  }
}

export function startDbWatchdog(opts: DbWatchdogOptions): DbWatchdog {
  const intervalMs = opts.intervalMs ?? 5000;
  const needed = opts.probesBeforeReconnect ?? 2;
  const pingMs = opts.pingTimeoutMs ?? 2000;
  let wedgedProbes = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const ours = opts.probes?.ours ?? (async () => ourClientConnected());
  const fresh = opts.probes?.fresh ?? (() => freshClientAnswers(opts.uri, pingMs));

  async function probe(): Promise<void> {
    if (await ours()) {
      wedgedProbes = 0;
      return;
    }
    wedgedProbes = (await fresh()) ? wedgedProbes + 1 : 0;
    if (wedgedProbes < needed || stopped) return;
    opts.logger.warn("MongoDB answers a new client but not ours; reconnecting", { probes: wedgedProbes });
    wedgedProbes = 0;
    await opts.reconnect();
  }

  const loop = () => {
    if (stopped) return;
    running = probe()
      .catch((err: Error) => opts.logger.warn("db watchdog probe failed", { err: err.message }))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  timer = setTimeout(loop, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
