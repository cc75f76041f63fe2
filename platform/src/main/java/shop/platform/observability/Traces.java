package shop.platform.observability;

import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.logging.log4j.ThreadContext;

/**
 * The X-Ray trace header ({@code Root=1-...;Parent=...;Sampled=...}) of the work under way, so that
 * what it writes to the outbox carries it on to PutEvents' {@code TraceHeader}, and from there
 * through the bus and SQS ({@code AWSTraceHeader}) to every consumer: one trace from the request to
 * the last consumer.
 *
 * <p>The header is, in order: the one a handler continues ({@link #continueFrom}: the SQS
 * message's, or the request's {@code X-Amzn-Trace-Id} where the runtime put one), else Lambda's own
 * for this invocation (the Java runtime's system property, then its environment variable).
 */
public final class Traces {
  /** What Lambda's Java runtime sets per invocation. */
  static final String LAMBDA_PROPERTY = "com.amazonaws.xray.traceHeader";

  static final String LAMBDA_VARIABLE = "_X_AMZN_TRACE_ID";

  /** PutEvents takes at most 500 characters; a header must start with its root. */
  private static final Pattern HEADER =
      Pattern.compile("Root=1-[0-9a-fA-F]{8}-[0-9a-fA-F]{24}(;[A-Za-z]+=[^;\\s]{1,64}){0,8}");

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private Traces() {}

  /** The trace header of the work under way, if there is one and it is well-formed. */
  public static Optional<String> current() {
    String continued = CURRENT.get();
    if (continued != null) {
      return Optional.of(continued);
    }
    return lambdas();
  }

  /**
   * Continues the trace of a request: Lambda's own for this invocation where it has one (in the
   * cloud), else {@code requestHeader}, the {@code X-Amzn-Trace-Id} the local runtime adds.
   */
  public static Scope continueRequest(String requestHeader) {
    return continueFrom(lambdas().orElse(requestHeader));
  }

  private static Optional<String> lambdas() {
    return valid(System.getProperty(LAMBDA_PROPERTY))
        .or(() -> valid(System.getenv(LAMBDA_VARIABLE)));
  }

  /**
   * Continues {@code header} on this thread until the scope closes (an absent or malformed header
   * continues nothing); its root goes into the log context as {@code traceId}.
   */
  public static Scope continueFrom(String header) {
    String previous = CURRENT.get();
    String previousId = ThreadContext.get("traceId");
    Optional<String> valid = valid(header);
    valid.ifPresent(
        h -> {
          CURRENT.set(h);
          ThreadContext.put("traceId", root(h));
        });
    return () -> {
      if (valid.isEmpty()) {
        return;
      }
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
      if (previousId == null) {
        ThreadContext.remove("traceId");
      } else {
        ThreadContext.put("traceId", previousId);
      }
    };
  }

  /** The {@code Root=} part's value of {@code header}. */
  public static String root(String header) {
    int end = header.indexOf(';');
    return header.substring("Root=".length(), end < 0 ? header.length() : end);
  }

  static Optional<String> valid(String header) {
    if (header == null || header.length() > 500 || !HEADER.matcher(header.strip()).matches()) {
      return Optional.empty();
    }
    return Optional.of(header.strip());
  }

  /** The end of a continued trace. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
