package sujarit.mongodev;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts per value of one indexed field, answered from the index alone, as MongoDB answers
 * `[{$match: {f: …}}, {$group: {_id: "$f", n: {$sum: 1}}}]` from index keys without
 * fetching documents (the per-status tab counts of the officers' case list). Only that
 * exact shape, with equality, $in or a range on f and nothing else, and only while no
 * document holds an array or an embedded document in f; anything else runs as before.
 */
final class CoveredCount {
  private CoveredCount() {}

  /** The aggregate command's answer, or null to run it the usual way. */
  static Document tryAnswer(IndexedMemoryBackend.Database db, Document command) {
    if (!(command.get("aggregate") instanceof String name) || !(command.get("pipeline") instanceof List<?> stages) || stages.size() != 2) return null;
    if (!(stages.get(0) instanceof Document s0) || s0.size() != 1 || !(s0.get("$match") instanceof Document match)) return null;
    if (!(stages.get(1) instanceof Document s1) || s1.size() != 1 || !(s1.get("$group") instanceof Document group)) return null;
    if (match.size() != 1) return null;
    String field = match.keySet().iterator().next();
    if (field.startsWith("$") || !("$" + field).equals(group.get("_id"))) return null;
    List<String> counts = new ArrayList<>();
    for (Map.Entry<String, Object> acc : group.entrySet()) {
      if (acc.getKey().equals("_id")) continue;
      if (!(acc.getValue() instanceof Document a) || a.size() != 1 || !(a.get("$sum") instanceof Number one) || one.doubleValue() != 1) return null;
      counts.add(acc.getKey());
    }
    if (!(db.resolveCollection(name, false) instanceof IndexedMemoryBackend.Collection c)) return null;
    Map<Object, Integer> perValue = c.countsByIndex(field, QueryPlanner.lookupOf(match.get(field)));
    if (perValue == null) return null;
    List<Document> batch = new ArrayList<>();
    for (Map.Entry<Object, Integer> e : perValue.entrySet()) {
      Document row = new Document("_id", e.getKey());
      for (String out : counts) row.put(out, e.getValue());
      batch.add(row);
    }
    Document cursor = new Document("id", 0L).append("ns", db.getDatabaseName() + "." + name).append("firstBatch", batch);
    Document response = new Document("cursor", cursor);
    Utils.markOkay(response);
    return response;
  }
}
