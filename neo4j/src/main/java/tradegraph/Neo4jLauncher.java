package tradegraph;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts Neo4j Community with its Bolt connector on 127.0.0.1, for development and tests.
 *
 * <p>Arguments: {@code <data directory> [port]} (port 0 or absent: a free one). Settings from the
 * environment: {@code NEO4J_PAGECACHE} (default {@code 128m}); {@code NEO4J_SETTINGS}, more settings as
 * {@code name=value} pairs separated by {@code ;} (Neo4j's own names, as in neo4j.conf). Prints one line
 * {@code NEO4J_URI=bolt://127.0.0.1:<port>} once Bolt accepts connections, then runs until SIGTERM or
 * SIGINT, when it shuts the database down cleanly (the shutdown hook) and exits 0.
 *
 * <p>With {@code NEO4J_STOP_WITH_PARENT=1} it also stops (the same clean shutdown) when its standard input
 * ends: the process that started it holds the other end of that pipe, and the kernel closes it when that
 * process dies by any means, SIGKILL included, so a killed test run or bench leaves no server behind.
 */
public final class Neo4jLauncher {
  private Neo4jLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: Neo4jLauncher <data directory> [port]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(home);
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    if (port == 0) {
      port = freePort();
    }
    String pageCache = envOr("NEO4J_PAGECACHE", "128m");

    DatabaseManagementServiceBuilder builder =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache));
    String settings = envOr("NEO4J_SETTINGS", "");
    if (!settings.isBlank()) {
      builder = builder.loadPropertiesFromFile(settingsFile(home, settings));
    }
    DatabaseManagementService service = builder.build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println("neo4j launcher: shutting down");
                  service.shutdown();
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    if ("1".equals(System.getenv("NEO4J_STOP_WITH_PARENT"))) {
      stopWhenInputEnds();
    }

    // The default database is created on first start; wait until it answers before saying we are ready.
    service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("NEO4J_URI=bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }

  private static void stopWhenInputEnds() {
    Thread watcher =
        new Thread(
            () -> {
              try {
                byte[] ignored = new byte[256];
                while (System.in.read(ignored) >= 0) {
                  // Input is never expected; read on until the pipe closes.
                }
              } catch (IOException closed) {
                // A broken pipe means the same: the parent is gone.
              }
              System.err.println("neo4j launcher: standard input closed (the parent process ended)");
              System.exit(0);
            },
            "neo4j-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  /** The settings of {@code NEO4J_SETTINGS} as a properties file in the data directory. */
  private static Path settingsFile(Path home, String text) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (String pair : text.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int at = pair.indexOf('=');
      if (at <= 0) {
        throw new IllegalArgumentException("NEO4J_SETTINGS: expected name=value, not \"" + pair + "\"");
      }
      lines.append(pair.substring(0, at).trim()).append('=').append(pair.substring(at + 1).trim()).append('\n');
    }
    Path file = home.resolve("launcher-settings.conf");
    Files.writeString(file, lines.toString());
    return file;
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static long parseBytes(String text) {
    String value = text.trim().toLowerCase();
    long unit = 1;
    char last = value.charAt(value.length() - 1);
    if (last == 'k' || last == 'm' || last == 'g') {
      unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
      value = value.substring(0, value.length() - 1);
    }
    return Long.parseLong(value) * unit;
  }
}
