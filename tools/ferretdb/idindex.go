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

// A file's size and modification time, with its write-ahead log's: while they
// stay the same, no table was added, and the file need not be opened again.
type fileStamp struct{ size, mod, walSize, walMod int64 }

func stampOf(file string) (fileStamp, bool) {
	st, err := os.Stat(file)
	if err != nil {
		return fileStamp{}, false
	}
	s := fileStamp{size: st.Size(), mod: st.ModTime().UnixNano()}
	if wal, err := os.Stat(file + "-wal"); err == nil {
		s.walSize, s.walMod = wal.Size(), wal.ModTime().UnixNano()
	}
	return s, true
}

func keepIDIndexes(ctx context.Context, dir string, logger *slog.Logger, every time.Duration) {
	checked := map[string]fileStamp{} // as each file was when last found fully indexed
	for {
		files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		present := map[string]bool{}
		for _, f := range files {
			present[f] = true
			stamp, ok := stampOf(f) // taken first: a change after it shows next time
			if !ok || checked[f] == stamp {
				continue
			}
			if err := indexFile(ctx, f); err != nil {
				logger.Debug("id index pass", slog.String("file", filepath.Base(f)), slog.String("err", err.Error()))
				continue
			}
			checked[f] = stamp
		}
		for f := range checked {
			if !present[f] {
				delete(checked, f) // the database was dropped
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

// indexFile adds the index to every collection table of one database file that
// lacks it, as sqlite_master tells: a table dropped and made again (same name)
// has lost it and gets it again.
func indexFile(ctx context.Context, file string) error {
	// mode=rw: never create a file that FerretDB has just removed (dropDatabase).
	db, err := sql.Open("sqlite", "file:"+file+"?mode=rw&_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT c.table_name FROM _ferretdb_collections c
		WHERE NOT EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'index' AND m.name = c.table_name || ?)`, idIndexSuffix)
	if err != nil {
		return err // not a FerretDB file yet, or being removed
	}
	var tables []string
	for rows.Next() {
		var t string
		if rows.Scan(&t) == nil && !strings.ContainsAny(t, `"`) {
			tables = append(tables, t)
		}
	}
	rows.Close()
	for _, t := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS "%s%s" ON "%s" (_ferretdb_sjson->'$._id')`, t, idIndexSuffix, t)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err // the table went away meanwhile; the next pass sees
		}
	}
	return nil
}
