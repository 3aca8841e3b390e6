import { randomBytes } from "node:crypto";
import mongoose, { type mongo } from "mongoose";

// The MongoDB conformance suite (`npm run test:db`, and part of `npm test`): the
// behaviours Sujarit's code relies on, checked against the database at
// MONGODB_URI (the embedded mongo-java-server unless set otherwise), through the
// same driver and mongoose. Each file works in a fresh database of its own.
export async function openScratchDb(name: string): Promise<mongo.Db> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error("MONGODB_URI is not set (npm test and npm run test:db set it)");
  await mongoose.connect(uri, { dbName: `t_${name}_${randomBytes(3).toString("hex")}`, serverSelectionTimeoutMS: 5000 });
  return mongoose.connection.db!;
}

export async function closeScratchDb(): Promise<void> {
  await mongoose.connection.db?.dropDatabase();
  await mongoose.disconnect();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = { _id: string | number; [field: string]: any };
