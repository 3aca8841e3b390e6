package sujarit.mongodev;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Commands that change a database's catalogue (its collections and indexes). The library
 * creates a collection implicitly, on a first insert, under the database's monitor, and
 * writes under the collection's monitor, but runs an explicit create, createIndexes or drop
 * under neither. Run concurrently on one new collection, as mongoose does on every
 * (re)connect while traffic flows, two of them both register it ("Document with key 'db.c'
 * already existed in system.namespaces"), and an insert meets a half-added index (a bare
 * "null" error). MongoDB serialises these per collection. Here they take the database's
 * monitor, then the collection's if it exists: the order the write path takes them in
 * (test/db/conformance-ddl.test.ts).
 */
final class Ddl {
  private static final Set<String> COMMANDS =
      Set.of("create", "createindexes", "drop", "dropindexes", "renamecollection", "dropdatabase", "collmod");

  private Ddl() {}

  static boolean isCatalogueChange(String command) {
    return COMMANDS.contains(command.toLowerCase(Locale.ROOT));
  }

  /** Runs a catalogue change holding db's monitor and the target collection's. */
  static Document serialised(Object db, String command, Document query, Function<String, MongoCollection<?>> existing, Supplier<Document> run) {
    synchronized (db) {
      Object name = query.get(command);
      MongoCollection<?> target = name instanceof String s ? existing.apply(s) : null;
      if (target == null) return run.get();
      synchronized (target) {
        return run.get();
      }
    }
  }
}
