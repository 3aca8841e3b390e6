package sujarit.mongodev;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Key ranges of a compound index for a query, as MongoDB's index bounds: every combination
 * of the equality/$in values on the leading fields, then a range on the next field, each
 * unused field from MIN to MAX. And the two ways of reading them: collecting every position
 * (up to a cap), or walking in the sort's order until enough documents match.
 */
final class IndexRanges {
  private IndexRanges() {}

  /** Combinations of $in values beyond which the planner reads fewer fields' bounds. */
  static final int MAX_COMBINATIONS = 512;

  interface Visitor {
    boolean others(Set<Integer> others);

    boolean key(Object[] key, Object positions);

    boolean rangeDone();
  }

  /**
   * Bounds from per-field constraints (Points, Range or null). Points are used on the first
   * `pointFields` fields at most; a Range (or the points' end) ends the bounds. With
   * `exactPrefix`, the first `pointFields` fields must all have points (a sort walk on the
   * next field); otherwise null when the first field has no constraint.
   */
  static List<Object[][]> bounds(int n, List<Object> constraints, int pointFields, boolean exactPrefix) {
    List<Object[]> prefixes = new ArrayList<>();
    prefixes.add(new Object[0]);
    int j = 0;
    for (; j < pointFields && constraints.get(j) instanceof QueryPlanner.Points p; j++) {
      if (prefixes.size() * p.values().size() > MAX_COMBINATIONS) break;
      List<Object[]> next = new ArrayList<>();
      for (Object[] prefix : prefixes) {
        for (Object v : p.values()) {
          Object[] longer = Arrays.copyOf(prefix, prefix.length + 1);
          longer[prefix.length] = v;
          next.add(longer);
        }
      }
      prefixes = next;
    }
    if (exactPrefix && j < pointFields) return null;
    QueryPlanner.Range range = j < n && constraints.get(j) instanceof QueryPlanner.Range r ? r : null;
    if (!exactPrefix && j == 0 && range == null) return null;
    List<Object[][]> out = new ArrayList<>();
    for (Object[] prefix : prefixes) {
      Object[] lo = Arrays.copyOf(prefix, n);
      Object[] hi = Arrays.copyOf(prefix, n);
      int k = prefix.length;
      Object loRest = SecondaryIndex.MIN;
      Object hiRest = SecondaryIndex.MAX;
      if (range != null) {
        lo[k] = range.low() == null ? SecondaryIndex.MIN : range.low();
        hi[k] = range.high() == null ? SecondaryIndex.MAX : range.high();
        if (range.low() != null && !range.lowIn()) loRest = SecondaryIndex.MAX;
        if (range.high() != null && !range.highIn()) hiRest = SecondaryIndex.MIN;
        k++;
      }
      Arrays.fill(lo, k, n, loRest);
      Arrays.fill(hi, k, n, hiRest);
      out.add(new Object[][] {lo, hi});
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static int addAll(Set<Integer> out, Object positions, IntPredicate matches) {
    int matched = 0;
    if (positions instanceof Set<?> set) {
      for (Integer p : (Set<Integer>) set) if (out.add(p) && matches != null && matches.test(p)) matched++;
    } else if (out.add((Integer) positions) && matches != null && matches.test((Integer) positions)) matched++;
    return matched;
  }

  /** Every position in the bounds; over the cap, it stops and says so. */
  static final class Collect implements Visitor {
    final Set<Integer> out = new HashSet<>();
    private final long cap;
    boolean over = false;

    Collect(long cap) {
      this.cap = cap;
    }

    public boolean others(Set<Integer> others) {
      out.addAll(others);
      return !(over = out.size() > cap);
    }

    public boolean key(Object[] key, Object positions) {
      addAll(out, positions, null);
      return !(over = out.size() > cap);
    }

    public boolean rangeDone() {
      return !over;
    }
  }

  /**
   * In each range, positions key by key in the walk's order until k of them match, then
   * the rest of the last value of the sort field (its ties). Over the cap it gives up.
   */
  static final class Walk implements Visitor {
    final Set<Integer> out = new HashSet<>();
    private final int field;
    private final int k;
    private final long cap;
    private final IntPredicate matches;
    private int matched = 0;
    private Object[] group = null;
    boolean over = false;

    Walk(int field, int k, long cap, IntPredicate matches) {
      this.field = field;
      this.k = k;
      this.cap = cap;
      this.matches = matches;
    }

    public boolean others(Set<Integer> others) {
      out.addAll(others);
      return true;
    }

    public boolean key(Object[] key, Object positions) {
      if (group != null && SecondaryIndex.compareValues(group[field], key[field]) != 0 && matched >= k) return false;
      group = key;
      matched += addAll(out, positions, matches);
      return !(over = out.size() > cap);
    }

    public boolean rangeDone() {
      matched = 0;
      group = null;
      return !over;
    }
  }
}
