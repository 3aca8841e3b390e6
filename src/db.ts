import mongoose from "mongoose";
import "./models/all-models";
import { ensureEvidenceIndexes } from "./services/evidence.service";

// One mongoose connection per process. Indexes are created at start-up, before the
// first webhook, because correctness depends on the unique ones.
export async function connectDb(uri: string, dbName: string): Promise<typeof mongoose> {
  mongoose.set("strictQuery", true);
  // Otherwise every query formats a stack trace in advance, for the rare "Query was
  // already executed" error: with source maps on, 2.5 % of the CPU of a pledge.
  mongoose.set("skipOriginalStackTraces", true);
  // User input never becomes a query operator: webhook text is checked to be a
  // string before use, express 5 parses query strings flat, and filters built from
  // officer input go through mongoose.sanitizeFilter (services/query-guard.ts).
  if (mongoose.connection.readyState === 0) await mongoose.connect(uri, connectOptions(dbName));
  await ensureIndexes();
  return mongoose;
}

function connectOptions(dbName: string): mongoose.ConnectOptions {
  // mongoose's autoIndex/autoCreate stay on beside ensureIndexes(): turning them off
  // doubled the end-to-end p99 at 200 events/s on the embedded server (224 against
  // 107 ms in back-to-back runs of bench e2e) for a reason not yet found.
  return { dbName, serverSelectionTimeoutMS: 5000, maxPoolSize: 20 };
}

/** Drops the connection and opens a new one (observability/db-watchdog.ts says when). */
export async function reconnectDb(uri: string, dbName: string): Promise<void> {
  // Not close(true): mongoose then refuses every later operation on this connection.
  await mongoose.connection.close().catch(() => undefined);
  await mongoose.connect(uri, connectOptions(dbName));
}

export async function ensureIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) await model.createIndexes();
  // GridFS file records are no model: meeting-photo.service's "already stored?" lookup (bucket MEETING_PHOTO_BUCKET).
  await mongoose.connection.collection("meetingPhotos.files").createIndex({ "metadata.reportId": 1, "metadata.messageId": 1 });
  await ensureEvidenceIndexes();
}

export async function disconnectDb(): Promise<void> {
  await mongoose.disconnect();
}
