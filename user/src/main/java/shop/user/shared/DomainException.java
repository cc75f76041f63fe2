package shop.user.shared;

import java.time.Duration;
import java.util.Objects;

/**
 * A business rule said no. The {@link Kind} tells the edge how to answer; the message is safe to
 * show to the caller and never carries a password, token or card number.
 */
public final class DomainException extends RuntimeException {

  /** What went wrong, in terms the HTTP edge can map to a status. */
  public enum Kind {
    INVALID,
    UNAUTHENTICATED,
    NOT_FOUND,
    CONFLICT,
    REJECTED,
    TOO_MANY_ATTEMPTS,
    UNAVAILABLE
  }

  private final Kind kind;
  private final String field;
  private final Duration retryAfter;

  private DomainException(
      Kind kind, String message, String field, Duration retryAfter, Throwable cause) {
    super(message, cause, false, false);
    this.kind = Objects.requireNonNull(kind);
    this.field = field;
    this.retryAfter = retryAfter;
  }

  /** Input that breaks a rule; {@code field} names it as the client sent it. */
  public static DomainException invalid(String field, String message) {
    return new DomainException(Kind.INVALID, message, field, null, null);
  }

  public static DomainException unauthenticated(String message) {
    return new DomainException(Kind.UNAUTHENTICATED, message, null, null, null);
  }

  /** Absent, or owned by someone else: the two are never told apart. */
  public static DomainException notFound(String what) {
    return new DomainException(Kind.NOT_FOUND, what + " not found", null, null, null);
  }

  public static DomainException conflict(String message) {
    return new DomainException(Kind.CONFLICT, message, null, null, null);
  }

  /** A third party (the card network, Stripe) refused. */
  public static DomainException rejected(String message) {
    return new DomainException(Kind.REJECTED, message, null, null, null);
  }

  public static DomainException tooManyAttempts(Duration retryAfter) {
    return new DomainException(
        Kind.TOO_MANY_ATTEMPTS, "too many failed attempts", null, retryAfter, null);
  }

  public static DomainException unavailable(String message, Throwable cause) {
    return new DomainException(Kind.UNAVAILABLE, message, null, null, cause);
  }

  public Kind kind() {
    return kind;
  }

  /** The invalid field, for {@link Kind#INVALID}; null otherwise. */
  public String field() {
    return field;
  }

  /** When to try again, for {@link Kind#TOO_MANY_ATTEMPTS}; null otherwise. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
