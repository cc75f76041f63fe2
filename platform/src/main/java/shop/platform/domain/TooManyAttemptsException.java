package shop.platform.domain;

import java.time.Duration;
import java.util.Objects;

/** Too many attempts in a window; {@link #retryAfter} says when to try again (429). */
public class TooManyAttemptsException extends DomainFailure {
  private final Duration retryAfter;

  public TooManyAttemptsException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
