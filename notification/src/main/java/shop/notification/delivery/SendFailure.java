package shop.notification.delivery;

/**
 * A provider did not accept a message. Retryable when trying again (or elsewhere) may work: a 5xx,
 * a timeout, throttling, our own credentials. Permanent when the message itself is refused: an
 * invalid address or number.
 */
public final class SendFailure extends RuntimeException {
  private final String provider;
  private final boolean retryable;

  private SendFailure(String provider, boolean retryable, String reason, Throwable cause) {
    super(provider + ": " + reason, cause);
    this.provider = provider;
    this.retryable = retryable;
  }

  public static SendFailure retryable(String provider, String reason, Throwable cause) {
    return new SendFailure(provider, true, reason, cause);
  }

  public static SendFailure permanent(String provider, String reason, Throwable cause) {
    return new SendFailure(provider, false, reason, cause);
  }

  public String provider() {
    return provider;
  }

  public boolean isRetryable() {
    return retryable;
  }
}
