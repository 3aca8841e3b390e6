package sujarit.mongodev;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * The first k documents of a stream in sort order, as a stable full sort followed by a
 * limit would give them, in O(n log k) time and O(k) memory. MongoDB does the same for a
 * sort with a limit ("top-k sort"); mongo-java-server sorts every matching document first,
 * which makes a newest-first page of 100,000 documents take most of a second.
 */
final class TopK {
  private TopK() {}

  private record Ranked(Document doc, long seq) {}

  static List<Document> select(Stream<Document> docs, Comparator<Document> order, int k) {
    // Ties keep their encounter order (the stream's order), as a stable sort does.
    Comparator<Ranked> byOrder = (a, b) -> {
      int c = order.compare(a.doc(), b.doc());
      return c != 0 ? c : Long.compare(a.seq(), b.seq());
    };
    // A max-heap of the k best so far: its head is the worst of them.
    PriorityQueue<Ranked> heap = new PriorityQueue<>(Math.max(1, k), byOrder.reversed());
    long[] seq = {0};
    docs.forEach(d -> {
      Ranked r = new Ranked(d, seq[0]++);
      if (heap.size() < k) heap.add(r);
      else if (byOrder.compare(r, heap.peek()) < 0) {
        heap.poll();
        heap.add(r);
      }
    });
    List<Ranked> best = new ArrayList<>(heap);
    best.sort(byOrder);
    List<Document> out = new ArrayList<>(best.size());
    for (Ranked r : best) out.add(r.doc());
    return out;
  }
}
