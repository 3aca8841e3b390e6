package sujarit.mongodev;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A non-unique index for the embedded server: positions by the values of all its fields
 * (a compound key), in a sorted map, as a B-tree holds them. mongo-java-server accepts such
 * indexes but never keeps them, so every query on them scans. QueryPlanner asks this index
 * for a superset of the positions a query can match (IndexRanges); the library's matcher
 * then checks every candidate against the whole query, so the index decides how much is
 * read, never what matches. A document with an array or an embedded document in an indexed
 * field is a candidate for every query ("others"), since its keys are not simple values.
 */
final class SecondaryIndex extends Index<Integer> {
  private record Placed(Object[] key, Integer position) {}

  private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

  private final List<String> fields = new ArrayList<>();
  private final String idField;
  /** Compound key → one position (Integer) or several (a Set of them). */
  private final TreeMap<Object[], Object> byKey = new TreeMap<>(SecondaryIndex::compareKeys);
  /** Documents per value of the first field, for CoveredCount. */
  private final TreeMap<Object, Integer> firstCounts = new TreeMap<>(SecondaryIndex::compareValues);
  private int firstNulls = 0;
  private final Set<Integer> others = new HashSet<>();
  private final Map<Object, Placed> byId = new HashMap<>();

  SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, String idField) {
    super(name, keys, sparse);
    for (IndexKey k : keys) fields.add(k.getKey());
    this.idField = idField;
  }

  List<String> fields() {
    return fields;
  }

  /** Below and above every value in a bound's unused components (IndexRanges). */
  static final Object MIN = new Object();
  static final Object MAX = new Object();

  static int compareValues(Object x, Object y) {
    if (x == y) return 0;
    if (x == MIN || y == MAX) return -1;
    if (x == MAX || y == MIN) return 1;
    if (x == null) return -1; // null and missing sort below every value, as in MongoDB
    if (y == null) return 1;
    // Same-type shortcuts, each what the library's ValueComparator does for that type
    // once it has found both types equal (String.compareTo, Instant.compareTo, and
    // its number comparison); finding the type order was about a quarter of the server's
    // CPU while inserting into compound indexes (Java Flight Recorder, 10-event webhooks).
    if (x instanceof String a && y instanceof String b) return a.compareTo(b);
    if (x instanceof Instant a && y instanceof Instant b) return a.compareTo(b);
    if (isPlainNumber(x) && isPlainNumber(y)) return compareNumbers((Number) x, (Number) y);
    return VALUES.compare(x, y);
  }

  private static final int AS_DOUBLE = 0, AS_INT = 1, AS_LONG = 2;

  /**
   * The library's number comparison without its allocations: Utils.normalizeNumber turns a
   * number into an Integer if its int value is equal to it as a double, else a Long if its
   * long value is, else a Double (NaN and infinities stay Doubles); then a Long on either
   * side compares as longs, anything else as doubles. Long.valueOf in that normalisation
   * was 7 % of the server's CPU while inserting timestamps (Java Flight Recorder).
   */
  static int compareNumbers(Number x, Number y) {
    int kx = kindOf(x);
    int ky = kindOf(y);
    if (kx == AS_LONG || ky == AS_LONG) return Long.compare(asLong(x, kx), asLong(y, ky));
    return Double.compare(asDouble(x, kx), asDouble(y, ky));
  }

  private static int kindOf(Number n) {
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) return AS_DOUBLE;
    if ((double) n.intValue() == d) return AS_INT;
    if ((double) n.longValue() == d) return AS_LONG;
    return AS_DOUBLE;
  }

  private static long asLong(Number n, int kind) {
    return kind == AS_INT ? n.intValue() : n.longValue(); // Double.longValue() is (long) d, as the library's
  }

  private static double asDouble(Number n, int kind) {
    return kind == AS_INT ? (double) n.intValue() : n.doubleValue(); // -0.0 becomes the Integer 0 there
  }

  private static boolean isPlainNumber(Object v) {
    return v instanceof Double || v instanceof Integer || v instanceof Long;
  }

  static int compareKeys(Object[] a, Object[] b) {
    for (int i = 0; i < a.length; i++) {
      int c = compareValues(a[i], b[i]);
      if (c != 0) return c;
    }
    return 0;
  }

  private static Object valueAt(Document document, String field) {
    // A plain field name is one lookup; the library's path walk splits it with a regex first.
    return field.indexOf('.') < 0 ? document.getOrMissing(field) : Utils.getSubdocumentValueCollectionAware(document, field);
  }

  /** The document's key, or null when a field holds an array or an embedded document. */
  private Object[] keyOf(Document document) {
    Object[] key = new Object[fields.size()];
    for (int i = 0; i < key.length; i++) {
      Object v = valueAt(document, fields.get(i));
      if (v instanceof Collection || v instanceof Map) return null;
      key[i] = Missing.isNullOrMissing(v) ? null : v;
    }
    return key;
  }

  boolean sparse() {
    return isSparse();
  }

  /**
   * MongoDB's sparse rule: a document with none of the index's fields (an explicit null
   * counts as present) has no entry. So the inbox's {deadLetter} index holds the few dead
   * letters, not every event under one null key. The planner uses a sparse index
   * only for queries that cannot match such a document (QueryPlanner.excludesMissing).
   */
  private boolean leftOut(Document document) {
    if (!isSparse()) return false;
    for (String f : fields) if (!(valueAt(document, f) instanceof Missing)) return false;
    return true;
  }

  @SuppressWarnings("unchecked")
  private void place(Object id, Object[] key, Integer position) {
    byId.put(id, new Placed(key, position));
    if (key == null) {
      others.add(position);
      return;
    }
    // One descent of the tree (TreeMap.merge), not a get and then a put.
    byKey.merge(key, position, (have, one) -> {
      if (have instanceof Set<?> set) {
        ((Set<Integer>) set).add(position);
        return set;
      }
      return new HashSet<>(List.of((Integer) have, position));
    });
    if (key[0] == null) firstNulls++;
    else firstCounts.merge(key[0], 1, Integer::sum);
  }

  private void unplace(Placed p) {
    if (p.key() == null) {
      others.remove(p.position());
      return;
    }
    Object have = byKey.get(p.key());
    if (have == null) return;
    if (have instanceof Set<?> set) {
      if (!set.remove(p.position())) return;
      if (set.size() == 1) byKey.put(p.key(), set.iterator().next());
    } else if (have.equals(p.position())) byKey.remove(p.key());
    else return;
    if (p.key()[0] == null) firstNulls--;
    else firstCounts.computeIfPresent(p.key()[0], (k, n) -> n > 1 ? n - 1 : null);
  }

  @Override
  public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
    Object id = document.get(idField);
    if (id != null && !leftOut(document)) place(id, keyOf(document), position);
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
    if (id != null && !leftOut(newDocument)) place(id, keyOf(newDocument), position);
  }

  /** Positions of others, then of every key in [low, high], in key order (or reversed); visitor may stop it. */
  synchronized void scan(List<Object[][]> ranges, boolean descending, IndexRanges.Visitor visitor) {
    if (!visitor.others(others)) return;
    for (Object[][] r : ranges) {
      NavigableMap<Object[], Object> sub = byKey.subMap(r[0], true, r[1], true);
      for (Map.Entry<Object[], Object> e : (descending ? sub.descendingMap() : sub).entrySet()) {
        if (!visitor.key(e.getKey(), e.getValue())) break;
      }
      if (!visitor.rangeDone()) return;
    }
  }

  /** The first field's distinct values (null for missing), when there are at most max of them; else null. */
  synchronized List<Object> firstDistinct(int max) {
    if (firstCounts.size() + (firstNulls > 0 ? 1 : 0) > max) return null;
    List<Object> out = new ArrayList<>(firstCounts.keySet());
    if (firstNulls > 0) out.add(null);
    return out;
  }

  /** Documents per first-field value for CoveredCount; null while any document has an array or document key. */
  synchronized Map<Object, Integer> firstFieldCounts(Object lookup) {
    if (!others.isEmpty()) return null;
    Map<Object, Integer> out = new java.util.LinkedHashMap<>();
    if (lookup instanceof QueryPlanner.Points p) {
      for (Object v : p.values()) {
        if (v == null) {
          if (firstNulls > 0) out.put(null, firstNulls);
          continue;
        }
        Map.Entry<Object, Integer> e = firstCounts.ceilingEntry(v);
        if (e != null && compareValues(e.getKey(), v) == 0) out.put(e.getKey(), e.getValue());
      }
      return out;
    }
    if (lookup instanceof QueryPlanner.Range r) {
      // MongoDB compares within one type only; a range bounded on both sides by one type holds only that type.
      boolean sameType = r.low() != null && r.high() != null
          && (r.low().getClass() == r.high().getClass() || (r.low() instanceof Number && r.high() instanceof Number));
      if (!sameType) return null;
      out.putAll(firstCounts.subMap(r.low(), r.lowIn(), r.high(), r.highIn()));
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
    byKey.clear();
    firstCounts.clear();
    firstNulls = 0;
    others.clear();
    byId.clear();
  }
}
