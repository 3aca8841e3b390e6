import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { findCliDatabase } from "../../../src/cli/cli-db";
import { devRuntimePath, readDevRuntime, removeDevRuntime, writeDevRuntime } from "../../../src/dev/dev-runtime";

// Issue 17: `npm run cli` found no database unless MONGODB_URI was copied from the dev banner
// (whose port changes at every start). Now npm run dev records it, and the CLI reads it.
const dir = mkdtempSync(path.join(os.tmpdir(), "sujarit-clidb-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const record = { startedAt: "2026-12-05T00:00:00Z", mongodbUri: "mongodb://127.0.0.1:40123", dbName: "sujarit", emulatorUrl: "http://127.0.0.1:40124", botUrl: "http://127.0.0.1:40125" };

describe("the CLI's database", () => {
  test("MONGODB_URI wins, with the URI's database unless MONGODB_DB is set", () => {
    assert.deepEqual(findCliDatabase({ MONGODB_URI: "mongodb://db:27017/kk", DEV_DATA_DIR: dir }), { uri: "mongodb://db:27017/kk", dbName: "kk", source: "MONGODB_URI" });
    assert.equal(findCliDatabase({ MONGODB_URI: "mongodb://db:27017/kk", MONGODB_DB: "other" }).dbName, "other");
  });

  test("without it, the running npm run dev's record; a record of an ended run or none at all is a clear error", () => {
    const env = { DEV_DATA_DIR: dir };
    const file = devRuntimePath(env);
    assert.throws(() => findCliDatabase(env), /`npm run dev` is not running/);
    writeDevRuntime(file, { pid: process.pid, ...record });
    const db = findCliDatabase(env);
    assert.equal(db.uri, record.mongodbUri);
    assert.equal(db.dbName, "sujarit");
    assert.match(db.source, /npm run dev/);
    assert.equal(statSync(file).mode & 0o777, 0o600, "the record is readable by its owner only");
    writeDevRuntime(file, { pid: 2 ** 22 + 12345, ...record }); // no such process
    assert.equal(readDevRuntime(file), undefined);
    assert.throws(() => findCliDatabase(env), /not running/);
    removeDevRuntime(file, 2 ** 22 + 12345);
    assert.equal(readDevRuntime(file), undefined);
  });
});
