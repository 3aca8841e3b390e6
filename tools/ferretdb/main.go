// Command ferretdb-embedded runs FerretDB v1.24 (SQLite backend) on a loopback
// port for Sujarit's local development and tests. It prints the MongoDB URI on
// a line of its own once the server accepts connections. Beside FerretDB it keeps
// an index on the expression FerretDB's _id lookups use (idindex.go).
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	addr := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on (loopback)")
	dir := flag.String("data", ".data/ferretdb", "directory for the SQLite files")
	pgURL := flag.String("postgresql", "", "use this PostgreSQL URL as the backend instead of SQLite (benchmarks)")
	idIndex := flag.Bool("id-index", true, "keep an index on the expression FerretDB's _id lookups use (idindex.go); false runs FerretDB as shipped")
	flag.Bool("verbose", false, "log every connection")
	flag.Parse()
	// FerretDB allocates a fresh document for every row it reads or writes; with Go's
	// default GOGC=100 the collector took about 15 % of its CPU under the pledge
	// benchmark. A test database on a machine with gigabytes to spare can let the
	// heap grow further between collections (GOGC in the environment still wins).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}

	absDir, err := filepath.Abs(*dir)
	if err != nil {
		log.Fatalf("data dir: %v", err)
	}
	if err := os.MkdirAll(absDir, 0o755); err != nil {
		log.Fatalf("data dir: %v", err)
	}

	verbose := flag.Lookup("verbose").Value.String() == "true"
	level := slog.LevelWarn
	if verbose {
		level = slog.LevelInfo
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	conf := &ferretdb.Config{
		Logger:   logger,
		Listener: ferretdb.ListenerConfig{TCP: *addr},
		Handler:  "sqlite",
		// WAL with synchronous=normal: a commit is safe when the process dies (the
		// bot or FerretDB killed), only an OS crash can lose the last ones. Test and
		// development data only; production runs MongoDB.
		SQLiteURL: "file:" + absDir + "/?_pragma=synchronous(normal)",
	}
	if *pgURL != "" {
		// PostgreSQL takes concurrent writers and evaluates filters itself, so
		// benchmarks can show what the bot does when the database is not the
		// single-writer bottleneck. Tests stay on SQLite.
		conf.Handler = "postgresql"
		conf.PostgreSQLURL = *pgURL
		conf.SQLiteURL = ""
	}
	f, err := ferretdb.New(conf)
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	if *pgURL == "" && *idIndex {
		go keepIDIndexes(ctx, absDir, logger, 200*time.Millisecond)
	}

	// Wait until the port accepts connections before announcing the URI.
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", *addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			log.Fatalf("ferretdb did not start listening on %s", *addr)
		}
		select {
		case err := <-done:
			log.Fatalf("ferretdb stopped: %v", err)
		case <-time.After(100 * time.Millisecond):
		}
	}
	fmt.Printf("MONGODB_URI=mongodb://%s/\n", *addr)

	if err := <-done; err != nil && ctx.Err() == nil {
		log.Fatalf("ferretdb: %v", err)
	}
}
