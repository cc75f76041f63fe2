package shop.events;

import java.util.List;

/**
 * An event that does not match its contract. It is never published, and a consumer fails that
 * message.
 */
public final class InvalidEventException extends RuntimeException {
  private final List<String> problems;

  public InvalidEventException(String message, List<String> problems) {
    super(problems.isEmpty() ? message : message + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidEventException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
    this.problems = List.of(cause.getMessage());
  }

  public List<String> problems() {
    return problems;
  }
}
