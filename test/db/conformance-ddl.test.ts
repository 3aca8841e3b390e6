import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { mongo } from "mongoose";
import { startEmbeddedDb, type EmbeddedDb } from "../../src/dev/embedded-db";
import { closeScratchDb, openScratchDb } from "./conformance-helpers";

// Creating a collection and its indexes while writes arrive. mongoose runs
// createCollection and createIndexes for every model on each (re)connect, so after a
// database restart they race the webhook's first inserts. MongoDB answers
// NamespaceExists (48) to a late create, which mongoose ignores; an insert or an index
// build never fails for the race. The embedded server had two bugs here, found by the
// db-outage fault test on its H2 backend: "already existed in system.namespaces", and
// inserts failing with "null" while an index was added (tools/mongo-dev Ddl.java).
const ROUNDS = 60;

async function raceOn(db: mongo.Db, prefix: string): Promise<string[]> {
  const failures: string[] = [];
  const note = (what: string) => (e: { code?: number; message?: string }) => {
    if (!(what === "create" && e.code === 48)) failures.push(`${what}: ${e.message}`);
  };
  for (let round = 0; round < ROUNDS; round++) {
    const name = `${prefix}${round}`;
    const c = db.collection<{ k: number }>(name);
    const ops: Promise<unknown>[] = [];
    for (let k = 0; k < 3; k++) ops.push(db.createCollection(name).catch(note("create")));
    for (let k = 0; k < 4; k++) ops.push(c.insertOne({ k }).catch(note("insert")));
    for (let k = 0; k < 2; k++) ops.push(c.createIndex({ k: 1 }).catch(note("createIndex")));
    ops.push(c.createIndex({ k: -1, _id: 1 }).catch(note("createIndex")));
    await Promise.all(ops);
    assert.equal(await c.countDocuments(), 4, `${name}: every insert is stored once`);
    const names = (await c.indexes()).map((i) => i.name).sort();
    assert.deepEqual(names, ["_id_", "k_-1__id_1", "k_1"], `${name}: every index exists once`);
  }
  return failures;
}

let db: mongo.Db;
before(async () => {
  db = await openScratchDb("conformance_ddl");
});
after(closeScratchDb);

test("concurrent creates, index builds and first inserts on new collections all succeed", async () => {
  assert.deepEqual(await raceOn(db, "fresh"), []);
});

// npm run dev and the db-outage test use the embedded server's H2 file backend, which
// has a catalogue of its own (system.namespaces on disk). Against a MONGODB_URI the
// test above is the whole check.
test("the same on the embedded server's H2 file backend", { skip: process.env.SUJARIT_TEST_EMBEDDED_DB ? false : "MONGODB_URI is not the embedded server" }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sujarit-ddl-"));
  let h2: EmbeddedDb | undefined;
  let client: mongo.MongoClient | undefined;
  try {
    h2 = await startEmbeddedDb({ backend: "h2", file: path.join(dir, "db.mv") });
    client = await mongo.MongoClient.connect(h2.uri, { maxPoolSize: 20 });
    assert.deepEqual(await raceOn(client.db("ddl"), "h2c"), []);
  } finally {
    await client?.close();
    await h2?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
