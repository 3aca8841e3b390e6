package sujarit.mongodev;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/** The library's H2 backend (dev data in .data/), with catalogue changes serialised (Ddl). */
public class SerialH2Backend extends H2Backend {
  public SerialH2Backend(String file) {
    super(file);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName, getMvStore(), getCursorRegistry());
  }

  static final class Database extends H2Database {
    Database(String name, MVStore store, CursorRegistry cursors) {
      super(name, store, cursors);
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
      if (!Ddl.isCatalogueChange(command)) return super.handleCommand(channel, command, query, resolver, oplog);
      return Ddl.serialised(this, command, query, n -> resolveCollection(n, false), () -> super.handleCommand(channel, command, query, resolver, oplog));
    }
  }
}
