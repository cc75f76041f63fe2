package shop.platform.http;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Failures that say a dependency (the database, above all) cannot serve right now, not that the
 * request or our code is wrong: no connection to be had from the pool in time, a connection the
 * server refused or closed, a read that timed out, MongoDB out of reach. The client may retry: they
 * are answered 503 with {@code Retry-After}, not 500.
 */
final class Unavailable {
  private Unavailable() {}

  static boolean is(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof R2dbcTransientException
          || cause instanceof R2dbcNonTransientResourceException
          || cause instanceof ConnectException
          || cause instanceof TimeoutException
          || isMongoUnreachable(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * MongoDB out of reach: no server selected in time, a connection lost. Named rather than typed:
   * only a MongoDB service has the driver on its classpath.
   */
  private static boolean isMongoUnreachable(Throwable failure) {
    for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
      String name = type.getName();
      if (name.equals("com.mongodb.MongoTimeoutException")
          || name.equals("com.mongodb.MongoSocketException")) {
        return true;
      }
    }
    return false;
  }
}
