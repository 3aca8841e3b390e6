package sujarit.mongodev;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The library's matcher compares a document's value with each value of an $in in turn
 * (DefaultQueryMatcher: nullAwareEquals per element). The province's reminder audience
 * is {followed: true, $or: [{"village.tambonCode": {$in: 199 codes}, …}]}: on 202,400
 * members that took 1.1–1.3 s of the 1.4 s before the first batch (a plain
 * {followed: true} took 0.15–0.3 s). Here a field's plain equality or $in over
 * strings, booleans, numbers and ObjectIds becomes one hash lookup, when the path leads through
 * embedded documents to such a scalar; in every other case (arrays, null, missing,
 * documents, regexes, other types, other operators) that condition goes to the library
 * as before. Equal answers by construction: the library's equality is
 * Objects.equals(normalizeValue(a), normalizeValue(b)), and the set holds the values
 * normalized the same way (numbers as doubles, longs a double cannot hold as longs).
 * test/db/conformance-in-lists.test.ts compares both on random documents.
 */
final class FastMatch {
  private FastMatch() {}

  /** Evaluates one compiled query against a document; the library decides what it cannot. */
  interface Node {
    boolean test(Document doc, BiPredicate<Document, Document> library);
  }

  private record Delegate(Document query) implements Node {
    public boolean test(Document doc, BiPredicate<Document, Document> library) {
      return library.test(doc, query);
    }
  }

  private record All(List<Node> parts) implements Node {
    public boolean test(Document doc, BiPredicate<Document, Document> library) {
      for (Node n : parts) if (!n.test(doc, library)) return false;
      return true;
    }
  }

  private record Any(List<Node> parts) implements Node {
    public boolean test(Document doc, BiPredicate<Document, Document> library) {
      for (Node n : parts) if (n.test(doc, library)) return true;
      return false;
    }
  }

  private record InSet(String[] path, Set<Object> values, Document original) implements Node {
    public boolean test(Document doc, BiPredicate<Document, Document> library) {
      Object cur = doc;
      for (String part : path) {
        if (!(cur instanceof Document d)) return library.test(doc, original);
        cur = d.getOrMissing(part);
      }
      return isScalar(cur) ? values.contains(normalize(cur)) : library.test(doc, original);
    }
  }

  /** The query as nodes, or a single Delegate when nothing in it has a fast path. */
  static Node compile(Document query) {
    List<Node> parts = new ArrayList<>();
    boolean fast = false;
    for (Map.Entry<String, Object> e : query.entrySet()) {
      Node n = compileField(e.getKey(), e.getValue());
      fast |= !(n instanceof Delegate);
      parts.add(n);
    }
    if (!fast) return new Delegate(query);
    return parts.size() == 1 ? parts.get(0) : new All(parts);
  }

  private static Node compileField(String key, Object cond) {
    Document alone = new Document(key, cond);
    if ((key.equals("$or") || key.equals("$and")) && cond instanceof List<?> list && !list.isEmpty()) {
      List<Node> subs = new ArrayList<>();
      for (Object sub : list) {
        if (!(sub instanceof Document d)) return new Delegate(alone); // the library's error
        subs.add(compile(d));
      }
      return key.equals("$or") ? new Any(subs) : new All(subs);
    }
    String[] path = pathOf(key);
    Set<Object> values = path == null ? null : valuesOf(cond);
    return values == null ? new Delegate(alone) : new InSet(path, values, alone);
  }

  /** Dotted path of plain field names; null for "$…", numeric (array index) or empty parts. */
  private static String[] pathOf(String key) {
    String[] parts = key.split("\\.", -1);
    for (String p : parts) {
      if (p.isEmpty() || p.startsWith("$") || p.chars().allMatch(Character::isDigit)) return null;
    }
    return parts;
  }

  /** The values a plain scalar equality or a lone $in of scalars accepts, normalized; else null. */
  private static Set<Object> valuesOf(Object cond) {
    if (isScalar(cond)) return Set.of(normalize(cond));
    if (!(cond instanceof Document d) || d.size() != 1 || !(d.get("$in") instanceof Collection<?> in)) return null;
    Set<Object> out = new HashSet<>(in.size() * 2);
    for (Object v : in) {
      if (!isScalar(v)) return null;
      out.add(normalize(v));
    }
    return out;
  }

  /** Types whose equals and hashCode are the library's equality (ObjectId: its 12 bytes). */
  private static boolean isScalar(Object v) {
    return v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Double
        || (v != null && v.getClass() == ObjectId.class);
  }

  /** As the library's Utils.normalizeValue for these types: 1 == 1L == 1.0, -0.0 == 0.0. */
  private static Object normalize(Object v) {
    if (v instanceof Long l && l.longValue() != (long) l.doubleValue()) return l;
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == 0.0 ? 0.0 : d; // -0.0 == 0.0 is true: both become 0.0
    }
    return v;
  }
}
