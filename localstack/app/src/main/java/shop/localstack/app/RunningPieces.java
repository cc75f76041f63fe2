package shop.localstack.app;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.localstack.runtime.SqsEventSourceMapping;

/**
 * What the local shop started and must stop: closed in the reverse order of their start, so that
 * the pollers and schedules stop before the modules they call, and those before their clients.
 * Every poller is told to stop receiving before anything is closed.
 */
final class RunningPieces implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunningPieces.class);

  private final List<AutoCloseable> pieces = new ArrayList<>();

  synchronized <T extends AutoCloseable> T keep(T piece) {
    pieces.add(piece);
    return piece;
  }

  /** Stops every piece; one that fails to stop is logged and the others still stop. */
  @Override
  public void close() {
    List<AutoCloseable> reversed;
    synchronized (this) {
      reversed = new ArrayList<>(pieces).reversed();
      pieces.clear();
    }
    // Every poller's last long poll ends at once, rather than one after another (a second each).
    for (AutoCloseable piece : reversed) {
      if (piece instanceof SqsEventSourceMapping mapping) {
        mapping.stopReceiving();
      }
    }
    for (AutoCloseable piece : reversed) {
      try {
        piece.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed", piece.getClass().getSimpleName(), e);
      }
    }
  }
}
