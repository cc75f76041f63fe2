package shop.ops.deadletter;

import java.time.Duration;

/**
 * Waits between steps of a long operation (a rate limit, a progress poll); tests pass one that does
 * not wait.
 */
@FunctionalInterface
public interface Pacer {
  void pause(Duration duration);

  /** Really waits. */
  static Pacer sleeping() {
    return duration -> {
      try {
        Thread.sleep(duration);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    };
  }
}
