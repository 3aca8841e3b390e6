package sujarit.mongodev;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * mongo-java-server's memory backend, made to read like MongoDB: declared non-unique
 * indexes are kept (SecondaryIndex) and used by a planner (QueryPlanner) for find, update,
 * delete, count and an aggregation's leading $match; a sort with a limit keeps only the top
 * k while it reads (TopK). Results are the library's own (its matcher and comparator decide
 * every document); only how many documents are read changes.
 */
public class IndexedMemoryBackend extends MemoryBackend {
  /** Beyond this many, the top-k heap is no cheaper than the library's own sort. */
  static final int MAX_TOP_K = 50_000;

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName, getCursorRegistry());
  }

  static final class Database extends MemoryDatabase {
    Database(String name, CursorRegistry cursors) {
      super(name, cursors);
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
      return new Collection(this, collectionName, options, cursorRegistry);
    }

    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      if (collectionName.startsWith("system.") || keys.isEmpty() || keys.get(0).getKey().startsWith("$")) {
        return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
      }
      return new SecondaryIndex(indexName, keys, sparse, "_id");
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
      if (Ddl.isCatalogueChange(command)) {
        return Ddl.serialised(this, command, query, n -> resolveCollection(n, false), () -> super.handleCommand(channel, command, query, resolver, oplog));
      }
      if (!command.equalsIgnoreCase("aggregate")) return super.handleCommand(channel, command, query, resolver, oplog);
      Document covered = CoveredCount.tryAnswer(this, query);
      if (covered != null) return covered;
      LeadingMatch.set(query);
      try {
        return super.handleCommand(channel, command, query, resolver, oplog);
      } finally {
        LeadingMatch.clear();
      }
    }
  }

  static final class Collection extends MemoryCollection implements QueryPlanner.Source {
    Collection(MongoDatabase db, String name, CollectionOptions options, CursorRegistry cursors) {
      super(db, name, options, cursors);
    }

    @Override
    public List<Index<Integer>> indexes() {
      return getIndexes();
    }

    /**
     * The library BSON-encodes every inserted, updated and removed document to keep a byte
     * count that only collStats and dbStats report (8 % of the server's CPU while taking
     * in webhooks, Java Flight Recorder). Nothing here reads those, so this server reports
     * a size of 0 instead.
     */
    @Override
    protected boolean tracksDataSize() {
      return false;
    }

    @Override
    public int size() {
      return count();
    }

    /** The last query and its compiled form, per thread (each query is one Document, read many times). */
    private final ThreadLocal<Object[]> compiled = ThreadLocal.withInitial(() -> new Object[2]);
    private final java.util.function.BiPredicate<Document, Document> library = this::libraryMatches;

    private boolean libraryMatches(Document d, Document query) {
      return super.documentMatchesQuery(d, query);
    }

    /** Big $in lists by hash lookup (FastMatch); everything else as the library decides. */
    @Override
    protected boolean documentMatchesQuery(Document d, Document query) {
      if (query == null) return super.documentMatchesQuery(d, query);
      Object[] c = compiled.get();
      if (c[0] != query) {
        c[1] = FastMatch.compile(query);
        c[0] = query;
      }
      return ((FastMatch.Node) c[1]).test(d, library);
    }

    @Override
    public boolean matches(int position, Document query) {
      Document d = getDocument(position);
      return d != null && documentMatchesQuery(d, query);
    }

    /** The name of the ordered _id index (below); not in listIndexes, which reads system.indexes. */
    static final String ORDERED_ID = "_id_ordered";

    /**
     * MongoDB's _id index is a B-tree, so a sort on _id with a limit (oldest first, as the
     * inbox journal is read) walks it. The library's _id index is a hash, so that read scans
     * every document. The first such query adds an ordered copy (a SecondaryIndex on _id),
     * kept by every write from then on; collections never read that way pay nothing.
     */
    private void ensureOrderedId(Document orderBy, int limit) {
      if (limit <= 0 || orderBy == null || orderBy.isEmpty() || !"_id".equals(orderBy.keySet().iterator().next())) return;
      if (hasOrderedId()) return;
      synchronized (this) { // the monitor every write holds here (Ddl)
        if (!hasOrderedId()) addIndex(new SecondaryIndex(ORDERED_ID, List.of(new IndexKey("_id", true)), false, "_id"));
      }
    }

    private boolean hasOrderedId() {
      try {
        for (Index<Integer> index : getIndexes()) if (ORDERED_ID.equals(index.getName())) return true;
      } catch (java.util.ConcurrentModificationException e) {
        return false; // an index is being added: look again under the monitor
      }
      return false; // never added, or removed by a dropIndexes("*")
    }

    /** The library drops the listed indexes, then expects none left: the unlisted ordered _id goes first. */
    @Override
    public synchronized void drop() {
      getIndexes().removeIf(index -> ORDERED_ID.equals(index.getName()));
      super.drop();
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
      ensureOrderedId(orderBy, limit);
      List<Integer> positions = QueryPlanner.candidates(this, query, orderBy, skip, limit);
      if (positions == null) return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
      Stream<Document> docs = positions.stream().map(this::getDocument).filter(Objects::nonNull);
      return matchDocumentsFromStream(docs, query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /** Documents per value of an indexed field for a points or range lookup (CoveredCount), or null. */
    synchronized java.util.Map<Object, Integer> countsByIndex(String field, Object lookup) {
      for (Index<Integer> index : getIndexes()) {
        if (!(index instanceof SecondaryIndex si) || !si.fields().get(0).equals(field)) continue;
        if (si.sparse() && !QueryPlanner.excludesMissing(lookup)) continue; // it does not hold the documents without the field
        return si.firstFieldCounts(lookup);
      }
      return null;
    }

    /** An aggregation reads its input here: with a leading $match the planner can serve, only what it picks. */
    @Override
    public Stream<Document> queryAllAsStream() {
      Document match = LeadingMatch.take(getCollectionName());
      List<Document> planned = match == null ? null : planned(match);
      return planned == null ? super.queryAllAsStream() : planned.stream(); // the $match stage still runs on these
    }

    private synchronized List<Document> planned(Document match) {
      List<Integer> positions = QueryPlanner.candidates(this, match, null, 0, 0);
      if (positions == null) return null; // no index helps: the library reads everything once, as before
      List<Document> docs = new java.util.ArrayList<>(positions.size());
      for (Integer p : positions) {
        Document d = getDocument(p);
        if (d != null) docs.add(d);
      }
      return docs;
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int skip, int limit,
                                                   int batchSize, Comparator<Document> order, Document fieldSelector) {
      long k = (long) Math.max(0, skip) + limit;
      if (order == null || limit <= 0 || k > MAX_TOP_K) {
        return super.matchDocumentsFromStream(query, documents, skip, limit, batchSize, order, fieldSelector);
      }
      List<Document> best = TopK.select(documents.filter(d -> documentMatchesQuery(d, query)), order, (int) k);
      // The library then applies skip, limit and the projection to these few (they match already).
      return super.matchDocumentsFromStream(query, best.stream(), skip, limit, batchSize, null, fieldSelector);
    }
  }
}
