package shop.notification.adapter;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The HTTP client the Twilio SDK calls, on the JDK's client: it sends each request to the same path
 * under a configured base URL instead of {@code https://api.twilio.com}, so that the local cloud
 * and the tests can run a Twilio sandbox. Handles what the Messages API uses: form-encoded and JSON
 * bodies, basic auth.
 */
final class TwilioBaseUrlHttpClient extends com.twilio.http.HttpClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(TIMEOUT.dividedBy(3)).build();

  TwilioBaseUrlHttpClient(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public Response makeRequest(Request request) {
    URL original = request.constructURL();
    String base = baseUrl.toString().replaceAll("/+$", "");
    String target =
        base + original.getPath() + (original.getQuery() == null ? "" : "?" + original.getQuery());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(target))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (request.requiresAuthentication()) {
      builder.header("Authorization", request.getAuthString());
    }
    for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
      header.getValue().forEach(value -> builder.header(header.getKey(), value));
    }
    HttpMethod method = request.getMethod();
    if (method == HttpMethod.POST || method == HttpMethod.PUT) {
      boolean json = request.getContentType() == EnumConstants.ContentType.JSON;
      builder.header(
          "Content-Type", json ? "application/json" : "application/x-www-form-urlencoded");
      String body = json ? request.getBody() : request.encodeFormBody();
      builder.method(
          method.toString(), HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
    } else {
      builder.method(method.toString(), HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.body(), response.statusCode());
    } catch (IOException e) {
      throw new ApiConnectionException("Twilio did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("interrupted while calling Twilio", e);
    }
  }
}
