package sujarit.mongodev;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Picks which documents a query reads on the embedded server, as MongoDB's planner would:
 * an equality, $in or range on the first field of an index (SecondaryIndex), or on all
 * fields of a unique index (the library's own, e.g. _id with more conditions beside it),
 * or, for a sort with a limit, a walk of the index on the sort's first field. The answer
 * is always a superset of the matches (null: read everything); the caller still matches
 * every candidate against the whole query, so a plan changes speed, never results.
 */
final class QueryPlanner {
  private QueryPlanner() {}

  interface Source {
    List<Index<Integer>> indexes();

    int size();

    boolean matches(int position, Document query);
  }

  record Points(List<Object> values) {}

  record Range(Object low, boolean lowIn, Object high, boolean highIn) {}

  static List<Integer> candidates(Source src, Document query, Document orderBy, int skip, int limit) {
    try {
      long cap = Math.max(64, src.size() / 3); // reading more than a third: a scan is as good
      Map<String, List<Object>> conds = conditions(query);
      List<Integer> byKeys = byConditions(src, conds, cap);
      long enough = Math.max(64, 4L * (Math.max(0, skip) + Math.max(0, limit)));
      List<Integer> walked = byKeys != null && byKeys.size() <= enough ? null
          : bySortWalk(src, conds, query, orderBy, skip, limit, byKeys == null ? cap : byKeys.size());
      List<Integer> best = walked != null ? walked : byKeys;
      if (best != null) best.sort(null); // scan order: unsorted results come back as a scan gives them
      return best;
    } catch (RuntimeException e) {
      return null; // a value the sorted map cannot order: scan, as the library does
    }
  }

  /** Field conditions the query ANDs at its top level (directly or in $and); other operators only narrow further. */
  static Map<String, List<Object>> conditions(Document query) {
    Map<String, List<Object>> out = new HashMap<>();
    collect(query, out);
    return out;
  }

  private static void collect(Document q, Map<String, List<Object>> out) {
    for (Map.Entry<String, Object> e : q.entrySet()) {
      if (e.getKey().equals("$and") && e.getValue() instanceof List<?> parts) {
        for (Object p : parts) if (p instanceof Document d) collect(d, out);
      } else if (!e.getKey().startsWith("$")) {
        out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
      }
    }
  }

  private static boolean isPlain(Object v) {
    return !(v instanceof Map || v instanceof Collection || v instanceof Pattern || BsonRegularExpression.isRegularExpression(v));
  }

  private static Object plain(Object v) {
    return Missing.isNullOrMissing(v) ? null : v;
  }

  /** Points or a range the condition needs the field to be in; null when it is not that simple. */
  static Object lookupOf(Object cond) {
    if (isPlain(cond)) return new Points(java.util.Collections.singletonList(plain(cond)));
    if (!(cond instanceof Document d) || d.isEmpty()) return null;
    List<Object> points = null;
    Object low = null, high = null;
    boolean lowIn = false, highIn = false;
    for (Map.Entry<String, Object> e : d.entrySet()) {
      String op = e.getKey();
      Object v = e.getValue();
      if (!op.startsWith("$")) return null; // equality with an embedded document
      switch (op) {
        case "$eq" -> {
          if (!isPlain(v)) return null;
          points = java.util.Collections.singletonList(plain(v));
        }
        case "$in" -> {
          if (!(v instanceof Collection<?> c)) return null;
          List<Object> vs = new ArrayList<>();
          for (Object x : c) {
            if (!isPlain(x)) return null;
            vs.add(plain(x));
          }
          points = vs;
        }
        case "$gt", "$gte" -> {
          if (Missing.isNullOrMissing(v) || !isPlain(v)) return null;
          low = v;
          lowIn = op.equals("$gte");
        }
        case "$lt", "$lte" -> {
          if (Missing.isNullOrMissing(v) || !isPlain(v)) return null;
          high = v;
          highIn = op.equals("$lte");
        }
        default -> {
          // $ne, $exists, $not…: ANDed with the rest, so they only narrow
        }
      }
    }
    if (points != null) return new Points(points);
    if (low != null || high != null) return new Range(low, lowIn, high, highIn);
    return null;
  }

  /** The constraint on each of the index's fields: points if any condition gives them (fewest values), else a range. */
  private static List<Object> constraints(SecondaryIndex si, Map<String, List<Object>> conds) {
    List<Object> out = new ArrayList<>();
    for (String f : si.fields()) {
      Object best = null;
      for (Object cond : conds.getOrDefault(f, List.of())) {
        Object l = lookupOf(cond);
        if (l instanceof Points p && (!(best instanceof Points b) || p.values().size() < b.values().size())) best = p;
        else if (l instanceof Range && best == null) best = l;
      }
      out.add(best);
    }
    // An unconstrained first field with few values (a level, a kind) does not waste the
    // index: its values become points, as MongoDB's index bounds [MinKey, MaxKey] skip along.
    if (out.get(0) == null && out.stream().skip(1).anyMatch(c -> c != null)) {
      List<Object> few = si.firstDistinct(FEW_FIRST_VALUES);
      if (few != null) out.set(0, new Points(few));
    }
    return out;
  }

  private static final int FEW_FIRST_VALUES = 16;

  /** True when some field of the index has a condition no document without that field meets: a sparse index then holds every match. */
  static boolean excludesMissing(SecondaryIndex si, Map<String, List<Object>> conds) {
    for (String f : si.fields()) {
      for (Object cond : conds.getOrDefault(f, List.of())) if (excludesMissing(lookupOf(cond))) return true;
    }
    return false;
  }

  /** Points without null, or a range (its bounds are never null): a missing field is in neither. */
  static boolean excludesMissing(Object lookup) {
    return (lookup instanceof Points p && !p.values().contains(null)) || lookup instanceof Range;
  }

  private static List<Integer> byConditions(Source src, Map<String, List<Object>> conds, long cap) {
    if (conds.isEmpty()) return null;
    List<Integer> best = null;
    for (Index<Integer> index : src.indexes()) {
      List<Integer> found = null;
      if (index instanceof SecondaryIndex si) {
        if (si.sparse() && !excludesMissing(si, conds)) continue;
        List<Object> cs = constraints(si, conds);
        List<Object[][]> bounds = IndexRanges.bounds(cs.size(), cs, cs.size(), false);
        if (bounds != null) {
          IndexRanges.Collect c = new IndexRanges.Collect(best == null ? cap : Math.min(cap, best.size()));
          si.scan(bounds, false, c);
          if (!c.over) found = new ArrayList<>(c.out);
        }
      } else if (index.isUnique()) {
        found = byUniqueIndex(index, conds);
      }
      if (found != null && (best == null || found.size() < best.size())) best = found;
    }
    return best;
  }

  /** A unique index whose every field has a plain equality (or, alone, an $in): at most a few documents. */
  private static List<Integer> byUniqueIndex(Index<Integer> index, Map<String, List<Object>> conds) {
    Document sub = new Document();
    for (var key : index.getKeys()) {
      Object chosen = null;
      for (Object cond : conds.getOrDefault(key.getKey(), List.of())) {
        boolean in = cond instanceof Document d && d.size() == 1 && d.get("$in") instanceof Collection && index.getKeys().size() == 1;
        if ((cond != null && !Missing.isNullOrMissing(cond) && isPlain(cond)) || in) {
          chosen = cond;
          break;
        }
      }
      if (chosen == null) return null;
      sub.put(key.getKey(), chosen);
    }
    if (!index.canHandle(sub)) return null;
    List<Integer> out = new ArrayList<>();
    for (Integer p : index.getPositions(sub)) if (p != null) out.add(p);
    return out;
  }

  /**
   * For a sort with a limit: an index whose fields before the sort's first field all have
   * points (or none: the sort's field leads) is walked in the sort's order in each of its
   * ranges until skip+limit documents match there. Null when no index fits or the walk
   * would read more than the cap.
   */
  private static List<Integer> bySortWalk(Source src, Map<String, List<Object>> conds, Document query, Document orderBy, int skip, int limit, long cap) {
    if (orderBy == null || orderBy.isEmpty() || limit <= 0) return null;
    String first = orderBy.keySet().iterator().next();
    long k = (long) Math.max(0, skip) + limit;
    if (first.startsWith("$") || k > IndexedMemoryBackend.MAX_TOP_K) return null;
    boolean descending = orderBy.get(first) instanceof Number n && n.doubleValue() < 0;
    List<Integer> best = null;
    for (Index<Integer> index : src.indexes()) {
      if (!(index instanceof SecondaryIndex si)) continue;
      if (si.sparse() && !excludesMissing(si, conds)) continue;
      int j = si.fields().indexOf(first);
      if (j < 0) continue;
      List<Object> cs = constraints(si, conds);
      List<Object[][]> bounds = IndexRanges.bounds(cs.size(), cs, j, true);
      if (bounds == null) continue;
      IndexRanges.Walk w = new IndexRanges.Walk(j, (int) k, best == null ? cap : Math.min(cap, best.size()), p -> src.matches(p, query));
      si.scan(bounds, descending, w);
      if (!w.over && (best == null || w.out.size() < best.size())) best = new ArrayList<>(w.out);
    }
    return best;
  }
}
