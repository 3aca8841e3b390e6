package sujarit.mongodev;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sujarit's embedded MongoDB wire-protocol server for dev and tests (mongo-java-server).
 * Prints "MONGODB_URI=mongodb://host:port" on a line of its own once it listens.
 * Production uses real MongoDB. The memory backend keeps declared indexes and plans queries
 * on them (IndexedMemoryBackend); the h2 backend (dev) scans.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    // Before any logger exists: mongo-java-server logs an ERROR stack trace for every
    // client that disconnects abruptly (a test process that exits), which is noise here.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire", "off");
    System.setProperty("org.slf4j.simpleLogger.log.io.netty", "off");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");

    Options o = Options.parse(args);
    MongoBackend backend = o.backend.equals("h2") ? openH2(o.file) : new IndexedMemoryBackend();
    backend.version(o.version);
    MongoServer server = new MongoServer(backend);
    if (o.oplog) server.enableOplog();
    server.bind(o.host, o.port);
    InetSocketAddress addr = server.getLocalAddress();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdownNow();
      backend.close();
    }));
    System.out.println("MONGODB_URI=mongodb://" + o.host + ":" + addr.getPort());
    System.out.flush();
    if (o.exitOnStdinEof) waitForEof(System.in);
    else Thread.currentThread().join();
    System.exit(0);
  }

  private static MongoBackend openH2(String file) throws IOException {
    Path p = Path.of(file).toAbsolutePath();
    if (p.getParent() != null) Files.createDirectories(p.getParent());
    return new SerialH2Backend(p.toString());
  }

  /** The parent holds our stdin: when it dies, so do we (no orphaned servers after a killed test run). */
  private static void waitForEof(InputStream in) throws IOException {
    byte[] buf = new byte[256];
    while (in.read(buf) >= 0) {
      // discard
    }
  }

  static final class Options {
    String backend = "memory";
    String file = ".data/mongo-dev.mv";
    String host = "127.0.0.1";
    int port = 0;
    ServerVersion version = ServerVersion.MONGO_5_0;
    boolean oplog = false;
    boolean exitOnStdinEof = false;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--backend" -> o.backend = need(args, ++i, a);
          case "--file" -> o.file = need(args, ++i, a);
          case "--host" -> o.host = need(args, ++i, a);
          case "--port" -> o.port = Integer.parseInt(need(args, ++i, a));
          case "--version" -> o.version = version(need(args, ++i, a));
          case "--oplog" -> o.oplog = true;
          case "--exit-on-stdin-eof" -> o.exitOnStdinEof = true;
          default -> fail("unknown option " + a);
        }
      }
      if (!o.backend.equals("memory") && !o.backend.equals("h2")) fail("--backend takes memory or h2");
      return o;
    }

    private static ServerVersion version(String v) {
      return switch (v) {
        case "3.6" -> ServerVersion.MONGO_3_6;
        case "4.0" -> ServerVersion.MONGO_4_0;
        case "5.0" -> ServerVersion.MONGO_5_0;
        default -> { fail("--version takes 3.6, 4.0 or 5.0 (driver 6 needs 5.0)"); yield null; }
      };
    }

    private static String need(String[] args, int i, String flag) {
      if (i >= args.length) fail(flag + " needs a value");
      return args[i];
    }

    private static void fail(String msg) {
      System.err.println("mongo-dev: " + msg);
      System.err.println("usage: java -jar mongo-dev.jar [--backend memory|h2] [--file path.mv] [--host 127.0.0.1] [--port 0] [--version 5.0] [--oplog] [--exit-on-stdin-eof]");
      System.exit(2);
    }
  }
}
