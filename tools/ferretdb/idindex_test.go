package main

import (
	"context"
	"database/sql"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A SQLite file laid out as FerretDB 1.24 lays out a database: its metadata
// table, and a collection table with FerretDB's own unique _id index.
func ferretLikeFile(t *testing.T, dir, name, table string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, name)+"?_pragma=journal_mode(wal)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // one connection, so that planOf's read refreshes the schema it plans with
	for _, q := range []string{
		`CREATE TABLE IF NOT EXISTS _ferretdb_collections (name TEXT NOT NULL UNIQUE, table_name TEXT NOT NULL UNIQUE, settings TEXT NOT NULL)`,
		`CREATE TABLE "` + table + `" (_ferretdb_record_id INTEGER, _ferretdb_sjson TEXT)`,
		`CREATE UNIQUE INDEX "` + table + `__id_" ON "` + table + `" (_ferretdb_sjson->"_id")`,
		`INSERT INTO _ferretdb_collections (name, table_name, settings) VALUES ('` + table + `', '` + table + `', '{}')`,
		`INSERT INTO "` + table + `" (_ferretdb_sjson) VALUES ('{"_id":"a"}'), ('{"_id":"b"}')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return db
}

// The plan for FerretDB's lookup by _id. EXPLAIN alone does not read the file, so
// it plans with the schema the connection last saw; a read first picks up an
// index that another connection (the loop) created meanwhile, as FerretDB's own
// queries do.
func planOf(t *testing.T, db *sql.DB, table string) string {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM "` + table + `"`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`EXPLAIN QUERY PLAN SELECT _ferretdb_sjson FROM "`+table+`" WHERE _ferretdb_sjson->'$._id' = ?`, `"a"`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, "; ")
}

func TestFerretDBsOwnIndexIsNotUsedForItsIdLookups(t *testing.T) {
	db := ferretLikeFile(t, t.TempDir(), "plain.sqlite", "things_1")
	defer db.Close()
	if plan := planOf(t, db, "things_1"); !strings.HasPrefix(plan, "SCAN") {
		t.Fatalf("expected a scan without the added index, got %q", plan)
	}
}

func TestTheLoopIndexesEveryCollectionTableOfEveryDatabase(t *testing.T) {
	dir := t.TempDir()
	a := ferretLikeFile(t, dir, "a.sqlite", "things_1")
	defer a.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go keepIDIndexes(ctx, dir, slog.New(slog.NewTextHandler(os.Stderr, nil)), 20*time.Millisecond)

	waitFor := func(db *sql.DB, table string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for {
			plan := planOf(t, db, table)
			if strings.Contains(plan, "USING INDEX "+table+idIndexSuffix) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: still %q", table, plan)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor(a, "things_1")

	// A collection added later, and a database file that appears later.
	if _, err := a.Exec(`CREATE TABLE "later_2" (_ferretdb_record_id INTEGER, _ferretdb_sjson TEXT)`); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Exec(`INSERT INTO _ferretdb_collections (name, table_name, settings) VALUES ('later', 'later_2', '{}')`); err != nil {
		t.Fatal(err)
	}
	waitFor(a, "later_2")
	b := ferretLikeFile(t, dir, "b.sqlite", "other_3")
	defer b.Close()
	waitFor(b, "other_3")

	// A collection dropped and made again under the same table name (FerretDB's
	// table names are derived from the collection's) loses the index with the table.
	for _, q := range []string{`DROP TABLE "later_2"`, `CREATE TABLE "later_2" (_ferretdb_record_id INTEGER, _ferretdb_sjson TEXT)`} {
		if _, err := a.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(a, "later_2")

	var n int
	if err := a.QueryRow(`SELECT count(*) FROM "things_1" WHERE _ferretdb_sjson->'$._id' = ?`, `"b"`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("the index finds the row: n=%d err=%v", n, err)
	}
}

func TestAFileBeingRemovedIsNotRecreated(t *testing.T) {
	dir := t.TempDir()
	gone := filepath.Join(dir, "gone.sqlite")
	if err := indexFile(context.Background(), gone); err == nil {
		t.Fatal("expected an error for a missing file")
	}
	if _, err := os.Stat(gone); !os.IsNotExist(err) {
		t.Fatalf("the file was created: %v", err)
	}
}
