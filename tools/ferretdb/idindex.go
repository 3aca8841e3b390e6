package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the driver FerretDB itself uses
)

// FerretDB 1.24 (SQLite backend) creates each collection's unique _id index on
// the expression _ferretdb_sjson->"_id", but its queries, updates and deletes
// filter on _ferretdb_sjson->'$._id'. SQLite uses an expression index only for
// the same expression, so every lookup by _id walks the table (measured: 186 ms
// for a findOne at 100,000 rows). MongoDB answers the same lookup from its _id
// index. To make the test database behave like production in that respect, this
// loop adds, beside FerretDB's own index, one on the expression FerretDB filters
// on, to every collection table, soon after the table appears. FerretDB does not
// know of it (it is not in its metadata); SQLite keeps it up to date and drops it
// with the table.
const idIndexSuffix = "_sujarit_id"

func keepIDIndexes(ctx context.Context, dir string, logger *slog.Logger, every time.Duration) {
	done := map[string]bool{} // file + table already indexed
	for {
		files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		for _, f := range files {
			if err := indexFile(ctx, f, done); err != nil {
				logger.Debug("id index pass", slog.String("file", filepath.Base(f)), slog.String("err", err.Error()))
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

func indexFile(ctx context.Context, file string, done map[string]bool) error {
	// mode=rw: never create a file that FerretDB has just removed (dropDatabase).
	db, err := sql.Open("sqlite", "file:"+file+"?mode=rw&_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections`)
	if err != nil {
		return err // not a FerretDB file yet, or being removed
	}
	var tables []string
	for rows.Next() {
		var t string
		if rows.Scan(&t) == nil && !done[file+"\x00"+t] && !strings.ContainsAny(t, `"`) {
			tables = append(tables, t)
		}
	}
	rows.Close()
	for _, t := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS "%s%s" ON "%s" (_ferretdb_sjson->'$._id')`, t, idIndexSuffix, t)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err // the table went away meanwhile; the next pass sees
		}
		done[file+"\x00"+t] = true
	}
	if _, err := os.Stat(file); err != nil {
		for k := range done {
			if strings.HasPrefix(k, file+"\x00") {
				delete(done, k)
			}
		}
	}
	return nil
}
