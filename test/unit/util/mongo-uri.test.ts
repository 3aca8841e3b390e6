import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { loadConfig } from "../../../src/config";
import { databaseFromUri, resolveDbName } from "../../../src/util/mongo-uri";

// Issue 17: a database named in MONGODB_URI is used (the driver's convention); MONGODB_DB
// overrides it only when set. Before, every URI's database was replaced by "sujarit", so two
// deployments differing only in the URI wrote to the same database.
describe("the database of a MongoDB URI", () => {
  test("is read from the path, with hosts, credentials and options around it", () => {
    assert.equal(databaseFromUri("mongodb://127.0.0.1:27017/khonkaen"), "khonkaen");
    assert.equal(databaseFromUri("mongodb://u:p%2Fw@a:1,b:2,c:3/prod_kk?replicaSet=rs0&authSource=admin"), "prod_kk");
    assert.equal(databaseFromUri("mongodb+srv://u:p@cluster0.example.net/staging?retryWrites=true"), "staging");
    assert.equal(databaseFromUri("mongodb://127.0.0.1:27017"), undefined);
    assert.equal(databaseFromUri("mongodb://127.0.0.1:27017/"), undefined);
    assert.equal(databaseFromUri("mongodb://mongo:27017/?replicaSet=rs0"), undefined);
  });

  test("MONGODB_DB wins only when set; without either the database is sujarit", () => {
    assert.equal(resolveDbName("mongodb://h/a", "b"), "b");
    assert.equal(resolveDbName("mongodb://h/a", undefined), "a");
    assert.equal(resolveDbName("mongodb://h/a", ""), "a");
    assert.equal(resolveDbName("mongodb://h", undefined), "sujarit");
  });

  test("the bot's config follows it: two URIs that differ only in the database stay apart", () => {
    const base = {
      LINE_CHANNEL_SECRET: "0123456789abcdef0123456789abcdef",
      LINE_CHANNEL_ACCESS_TOKEN: "token-token-token",
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SESSION_SECRET: "s".repeat(40),
    };
    const a = loadConfig({ ...base, MONGODB_URI: "mongodb://db.example:27017/sujarit_khonkaen?replicaSet=rs0" });
    const b = loadConfig({ ...base, MONGODB_URI: "mongodb://db.example:27017/sujarit_udon?replicaSet=rs0" });
    assert.equal(a.mongodb.dbName, "sujarit_khonkaen");
    assert.equal(b.mongodb.dbName, "sujarit_udon");
    assert.equal(loadConfig({ ...base, MONGODB_URI: "mongodb://db.example:27017/x", MONGODB_DB: "override" }).mongodb.dbName, "override");
    assert.equal(loadConfig({ ...base, MONGODB_URI: "mongodb://db.example:27017" }).mongodb.dbName, "sujarit");
  });
});
