package sujarit.mongodev;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * The $match an aggregate command starts with, handed from the command (on its thread) to
 * the first read of its collection: the aggregation's input. Taken once, so a $lookup or
 * $facet reading the same collection later reads it whole, as before.
 */
final class LeadingMatch {
  private LeadingMatch() {}

  private record Pending(String collection, Document match) {}

  private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

  static void set(Document aggregateCommand) {
    PENDING.remove();
    Object name = aggregateCommand.get("aggregate");
    if (!(name instanceof String collection) || !(aggregateCommand.get("pipeline") instanceof List<?> stages) || stages.isEmpty()) return;
    if (stages.get(0) instanceof Document first && first.size() == 1 && first.get("$match") instanceof Document match) {
      PENDING.set(new Pending(collection, match));
    }
  }

  static Document take(String collection) {
    Pending p = PENDING.get();
    if (p == null || !p.collection().equals(collection)) return null;
    PENDING.remove();
    return p.match();
  }

  static void clear() {
    PENDING.remove();
  }
}
