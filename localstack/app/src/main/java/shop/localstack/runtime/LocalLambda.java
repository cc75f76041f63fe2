package shop.localstack.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does locally what Lambda's Invoke API does in the cloud, for the functions that are invoked
 * directly rather than through the HTTP API or a queue (the operators' outbox functions): checks
 * the SigV4 signature, runs the function's handler on the payload and answers its output, or a
 * function error (status 200, {@code X-Amz-Function-Error: Unhandled}, {@code errorMessage} and
 * {@code errorType}) when it throws, as Lambda does. The AWS SDK's {@code LambdaClient} and the AWS
 * CLI work against it with the endpoint override.
 */
public final class LocalLambda {
  static final String PATH = "/2015-03-31/functions/";
  private static final Logger LOG = LoggerFactory.getLogger(LocalLambda.class);
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
  // A name, a name:qualifier, or an ARN ending in either.
  private static final Pattern INVOKE =
      Pattern.compile(
          "^/2015-03-31/functions/(?:arn(?::|%3A)[^/]*(?::|%3A)function(?::|%3A))?"
              + "([A-Za-z0-9_-]+)(?:(?::|%3A)[A-Za-z0-9$_-]+)?/invocations$");

  private final Map<String, RequestStreamHandler> functions;
  private final SigV4Check sigV4;
  private final String region;

  private LocalLambda(
      Map<String, RequestStreamHandler> functions, SigV4Check sigV4, String region) {
    this.functions = Map.copyOf(functions);
    this.sigV4 = sigV4;
    this.region = region;
  }

  /** Lambda for {@code functions} by name, accepting signatures of the local credentials. */
  public static LocalLambda of(
      Map<String, RequestStreamHandler> functions,
      String accessKeyId,
      String secretAccessKey,
      String region) {
    return new LocalLambda(
        functions,
        new SigV4Check(accessKeyId, secretAccessKey, region, "lambda", Clock.systemUTC()),
        region);
  }

  void serve(HttpExchange exchange) {
    try (exchange) {
      answer(exchange);
    } catch (IOException | RuntimeException e) {
      LOG.warn("local Lambda could not answer {}", exchange.getRequestURI(), e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    Matcher invoke = INVOKE.matcher(exchange.getRequestURI().getRawPath());
    if (!exchange.getRequestMethod().equals("POST") || !invoke.matches()) {
      error(exchange, 404, "UnknownOperationException", "only Invoke is served here");
      return;
    }
    byte[] payload = exchange.getRequestBody().readNBytes(MAX_PAYLOAD_BYTES + 1);
    if (payload.length > MAX_PAYLOAD_BYTES) {
      error(
          exchange, 413, "RequestTooLargeException", "Request must be smaller than 6291456 bytes");
      return;
    }
    URI uri =
        URI.create(
            "http://" + exchange.getRequestHeaders().getFirst("host") + exchange.getRequestURI());
    SigV4Check.Result signature = sigV4.check("POST", uri, exchange.getRequestHeaders(), payload);
    if (!signature.ok()) {
      error(exchange, 403, "AccessDeniedException", signature.denial());
      return;
    }
    String name = invoke.group(1);
    RequestStreamHandler function = functions.get(name);
    if (function == null) {
      error(
          exchange,
          404,
          "ResourceNotFoundException",
          "Function not found: arn:aws:lambda:" + region + ":000000000000:function:" + name);
      return;
    }
    String requestId = UUID.randomUUID().toString();
    exchange.getResponseHeaders().set("X-Amzn-RequestId", requestId);
    exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      Invocations.timed(
          name,
          "invoke",
          1,
          () -> {
            function.handleRequest(
                new ByteArrayInputStream(payload),
                output,
                new LocalContext(requestId, name, TIMEOUT));
            return null;
          });
    } catch (IOException | RuntimeException e) {
      LOG.warn("function {} failed: {}", name, e.toString());
      exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
      send(
          exchange,
          200,
          ("{\"errorMessage\":"
                  + quoted(String.valueOf(e.getMessage()))
                  + ",\"errorType\":"
                  + quoted(e.getClass().getName())
                  + "}")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    send(exchange, 200, output.toByteArray());
  }

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    exchange.getResponseHeaders().set("X-Amzn-ErrorType", type);
    send(
        exchange,
        status,
        ("{\"Type\":\"User\",\"message\":" + quoted(message) + "}")
            .getBytes(StandardCharsets.UTF_8));
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
