package shop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a local cloud killed without its stop left behind: its PostgreSQL server, which runs on as a
 * daemon (pg_ctl detaches it from the JVM) and keeps its port, so that the next {@code ./shop up}
 * on that port cannot start; and its data directory in the temp directory. Each data directory
 * names the JVM that owns it; a directory whose owner is gone is stopped and removed before a new
 * server starts.
 */
final class PostgresLeftovers {
  static final String PREFIX = "shop-postgres-";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresLeftovers.class);
  private static final String OWNER = "shop-owner.pid";
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private PostgresLeftovers() {}

  /** A new data directory under {@code parent}, owned by this JVM. */
  static Path newDataDirectory(Path parent) throws IOException {
    Path data = Files.createTempDirectory(parent, PREFIX);
    Files.writeString(data.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
    return data;
  }

  /**
   * Stops and removes every data directory under {@code parent} whose owning JVM is no longer
   * running; returns how many. A directory that names no owner is another program's, or one being
   * made right now, and is left alone.
   */
  static int removeOrphans(Path parent) {
    List<Path> orphans;
    try (Stream<Path> children = Files.list(parent)) {
      orphans =
          children
              .filter(path -> path.getFileName().toString().startsWith(PREFIX))
              .filter(path -> owner(path).map(owner -> !alive(owner)).orElse(false))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path orphan : orphans) {
      postmaster(orphan).ifPresent(PostgresLeftovers::stop);
      EmbeddedPostgresServer.delete(orphan);
      LOG.info("removed the PostgreSQL data of a local cloud that was not stopped: {}", orphan);
    }
    return orphans.size();
  }

  private static Optional<Long> owner(Path data) {
    return firstNumber(data.resolve(OWNER));
  }

  /** The server's process, as its lock file names it, if that process is still a PostgreSQL. */
  private static Optional<ProcessHandle> postmaster(Path data) {
    return firstNumber(data.resolve("postmaster.pid"))
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        // A pid may have been reused since: only ever stop a postgres.
        .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false));
  }

  /** SIGTERM is PostgreSQL's smart shutdown; nobody is connected any more, so it is quick. */
  private static void stop(ProcessHandle postmaster) {
    postmaster.destroy();
    try {
      postmaster.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      postmaster.destroyForcibly();
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static Optional<Long> firstNumber(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.findFirst().map(String::strip).map(Long::parseLong);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
