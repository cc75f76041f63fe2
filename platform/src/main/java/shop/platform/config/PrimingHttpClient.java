package shop.platform.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import shop.platform.snapstart.Priming;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The SDK's HTTP client, except on a thread that is running SnapStart's primers ({@link
 * Priming#isPriming()}): there it answers every request itself, without a socket, with an AWS error
 * that no caller can take for success ({@code 400 PrimingRefused}, not one of the codes the SDK
 * retries: throttling, transient, clock skew, 5xx). So a primer runs the SDK's whole request path
 * (marshalling, endpoint, signing, the HTTP request, the error's unmarshalling) for real, and
 * nothing reaches a service: no write, and no idle socket left in the JDK's keep-alive cache, which
 * a snapshot would restore dead.
 */
final class PrimingHttpClient implements SdkHttpClient {
  /** The error code of every answer given while priming. */
  static final String REFUSED = "PrimingRefused";

  private static final AtomicLong REFUSALS = new AtomicLong();

  private static final String MESSAGE = "a SnapStart primer's request is never sent";

  private final SdkHttpClient delegate;

  PrimingHttpClient(SdkHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return Priming.isPriming() ? new Refusal(request) : delegate.prepareRequest(request);
  }

  /** How many requests were answered with a refusal in this JVM. */
  static long refusals() {
    return REFUSALS.get();
  }

  @Override
  public String clientName() {
    return delegate.clientName();
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** The answer to a primer's request: read, never sent. */
  private static final class Refusal implements ExecutableHttpRequest {
    private final HttpExecuteRequest request;

    private Refusal(HttpExecuteRequest request) {
      this.request = request;
    }

    @Override
    public HttpExecuteResponse call() throws IOException {
      REFUSALS.incrementAndGet();
      // Read the body as the real client would write it: its stream is part of the path primed.
      if (request.contentStreamProvider().isPresent()) {
        try (InputStream body = request.contentStreamProvider().get().newStream()) {
          body.transferTo(OutputStream.nullOutputStream());
        }
      }
      boolean json =
          request
              .httpRequest()
              .firstMatchingHeader("Content-Type")
              .map(type -> type.toLowerCase(Locale.ROOT).contains("json"))
              .orElse(false);
      String body =
          json
              ? "{\"__type\":\"" + REFUSED + "\",\"message\":\"" + MESSAGE + "\"}"
              : "<Error><Code>"
                  + REFUSED
                  + "</Code><Message>"
                  + MESSAGE
                  + "</Message><RequestId>priming</RequestId></Error>";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      return HttpExecuteResponse.builder()
          .response(
              SdkHttpResponse.builder()
                  .statusCode(400)
                  .statusText("Bad Request")
                  .putHeader(
                      "Content-Type", json ? "application/x-amz-json-1.0" : "application/xml")
                  .putHeader("Content-Length", Integer.toString(bytes.length))
                  .putHeader("x-amzn-ErrorType", REFUSED)
                  .putHeader("x-amzn-RequestId", "priming")
                  .build())
          .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
          .build();
    }

    @Override
    public void abort() {
      // Nothing in flight: the answer is made in call().
    }
  }
}
