package sujarit.mongodev;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * A non-unique index for the embedded server, on the index's first field: positions by
 * value in a sorted map. mongo-java-server accepts such indexes but never keeps them, so
 * every query on them scans. The planner (QueryPlanner) asks this index for a superset of
 * the positions a condition can match; the library's matcher then checks every candidate
 * against the whole query, so the index only decides how much is read, never what matches.
 * Values it cannot order simply (arrays, embedded documents) are candidates for every query.
 */
final class SecondaryIndex extends Index<Integer> {
  private record Placed(Object key, Integer position) {}

  /** Marks documents whose value is an array or an embedded document. */
  private static final Object OTHER = new Object();

  private final String field;
  private final String idField;
  private final TreeMap<Object, Set<Integer>> byValue = new TreeMap<>(ValueComparator.ascWithoutListHandling());
  private final Set<Integer> nulls = new HashSet<>();
  private final Set<Integer> others = new HashSet<>();
  private final Map<Object, Placed> byId = new HashMap<>();

  SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, String idField) {
    super(name, keys, sparse);
    this.field = keys.get(0).getKey();
    this.idField = idField;
  }

  String field() {
    return field;
  }

  private static Object keyOf(Document document, String field) {
    Object v = Utils.getSubdocumentValueCollectionAware(document, field);
    if (Missing.isNullOrMissing(v)) return null;
    if (v instanceof Collection || v instanceof Map) return OTHER;
    return v;
  }

  private Set<Integer> bucket(Object key, boolean create) {
    if (key == null) return nulls;
    if (key == OTHER) return others;
    return create ? byValue.computeIfAbsent(key, k -> new HashSet<>()) : byValue.get(key);
  }

  private void place(Object id, Object key, Integer position) {
    bucket(key, true).add(position);
    byId.put(id, new Placed(key, position));
  }

  private void unplace(Placed p) {
    Set<Integer> b = bucket(p.key(), false);
    if (b == null) return;
    b.remove(p.position());
    if (b.isEmpty() && p.key() != null && p.key() != OTHER) byValue.remove(p.key());
  }

  @Override
  public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
    Object id = document.get(idField);
    if (id != null) place(id, keyOf(document, field), position);
  }

  @Override
  public synchronized Integer remove(Document document) {
    Placed p = byId.remove(document.get(idField));
    if (p == null) return null;
    unplace(p);
    return p.position();
  }

  @Override
  public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position, MongoCollection<Integer> collection) {
    Placed p = byId.remove(oldDocument.get(idField));
    if (p != null) unplace(p);
    Object id = newDocument.get(idField);
    if (id != null) place(id, keyOf(newDocument, field), position);
  }

  /** Positions for the given values (null: missing or null), plus those that are always candidates. */
  synchronized List<Integer> positionsFor(List<Object> values) {
    Set<Integer> out = new HashSet<>(others);
    for (Object v : values) {
      Set<Integer> b = v == null ? nulls : byValue.get(v);
      if (b != null) out.addAll(b);
    }
    return new ArrayList<>(out);
  }

  /** How many positions positionsFor would give, counting no further than cap. */
  synchronized long estimateFor(List<Object> values, long cap) {
    long n = others.size();
    for (Object v : values) {
      Set<Integer> b = v == null ? nulls : byValue.get(v);
      if (b != null) n += b.size();
      if (n > cap) break;
    }
    return n;
  }

  /** The values between the bounds (either may be null: unbounded), or null when more than cap positions are in it. */
  synchronized List<Integer> positionsBetween(Object low, boolean lowIn, Object high, boolean highIn, long cap) {
    NavigableMap<Object, Set<Integer>> range = byValue;
    if (low != null) range = range.tailMap(low, lowIn);
    if (high != null) range = range.headMap(high, highIn);
    List<Integer> out = new ArrayList<>(others);
    for (Set<Integer> b : range.values()) {
      out.addAll(b);
      if (out.size() > cap) return null;
    }
    return out;
  }

  /**
   * Candidates for the first k matches in key order (ascending or descending): positions are
   * taken group by group (one group per value) until k of them match; the last group is
   * taken whole, so ties on this field are all there for the full sort to order. Nulls and
   * others are always candidates. Positions come back in ascending order (scan order).
   */
  synchronized List<Integer> walk(boolean descending, IntPredicate matches, int k) {
    List<Integer> out = new ArrayList<>(others);
    out.addAll(nulls);
    int matched = 0;
    for (Set<Integer> b : (descending ? byValue.descendingMap() : byValue).values()) {
      if (matched >= k) break;
      for (Integer p : b) {
        out.add(p);
        if (matches.test(p)) matched++;
      }
    }
    out.sort(null);
    return out;
  }

  /** Documents per stored value for a QueryPlanner lookup; null when not answerable from keys alone. */
  synchronized Map<Object, Integer> counts(Object lookup) {
    if (!others.isEmpty()) return null; // an array or document value: the library groups those
    Map<Object, Integer> out = new java.util.LinkedHashMap<>();
    if (lookup instanceof QueryPlanner.Points p) {
      for (Object v : p.values()) {
        if (v == null) {
          if (!nulls.isEmpty()) out.put(null, nulls.size());
          continue;
        }
        Map.Entry<Object, Set<Integer>> e = byValue.ceilingEntry(v);
        if (e != null && byValue.comparator().compare(e.getKey(), v) == 0) out.put(e.getKey(), e.getValue().size());
      }
      return out;
    }
    if (lookup instanceof QueryPlanner.Range r) {
      // MongoDB compares within one type only; a range bounded on both sides by one type holds only that type.
      boolean sameType = r.low() != null && r.high() != null
          && (r.low().getClass() == r.high().getClass() || (r.low() instanceof Number && r.high() instanceof Number));
      if (!sameType) return null;
      NavigableMap<Object, Set<Integer>> range = byValue;
      if (r.low() != null) range = range.tailMap(r.low(), r.lowIn());
      if (r.high() != null) range = range.headMap(r.high(), r.highIn());
      for (Map.Entry<Object, Set<Integer>> e : range.entrySet()) out.put(e.getKey(), e.getValue().size());
      return out;
    }
    return null;
  }

  @Override
  public Integer getPosition(Document document) {
    return null; // the _id index answers which position a document has
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Integer> collection) {
    // not unique: nothing to refuse
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
    // not unique: nothing to refuse
  }

  @Override
  public boolean canHandle(Document query) {
    return false; // QueryPlanner uses this index; the library's own loop must not
  }

  @Override
  public Iterable<Integer> getPositions(Document query) {
    throw new UnsupportedOperationException("used through QueryPlanner");
  }

  @Override
  public synchronized long getCount() {
    return byId.size();
  }

  @Override
  public long getDataSize() {
    return 0;
  }

  @Override
  public synchronized void drop() {
    byValue.clear();
    nulls.clear();
    others.clear();
    byId.clear();
  }
}
