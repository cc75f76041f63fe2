package shop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider sandbox's request journal (WireMock's {@code /__admin/requests}): when each email or
 * SMS reached its provider, in epoch milliseconds, and what it said.
 */
final class SandboxJournal {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request a provider received; {@code body} is as sent (JSON or a form). */
  record ProviderCall(String url, String body, long loggedAt) {
    /** An email or SMS rather than a Stripe call (Stripe's paths are {@code /v1/...}). */
    boolean notification() {
      return !url.startsWith("/v1/");
    }
  }

  private final HttpClient http;
  private final URI sandbox;

  SandboxJournal(HttpClient http, URI sandbox) {
    this.http = http;
    this.sandbox = sandbox;
  }

  /** Forgets every request so far (the journal keeps at most 10,000). */
  void clear() {
    send(HttpRequest.newBuilder(sandbox.resolve("/__admin/requests")).DELETE().build());
  }

  List<ProviderCall> calls() {
    JsonNode journal;
    try {
      journal =
          JSON.readTree(
              send(HttpRequest.newBuilder(sandbox.resolve("/__admin/requests")).GET().build()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<ProviderCall> calls = new ArrayList<>();
    for (JsonNode entry : journal.path("requests")) {
      JsonNode request = entry.path("request");
      calls.add(
          new ProviderCall(
              request.path("url").asText(),
              request.path("body").asText(""),
              request.path("loggedDate").asLong()));
    }
    return calls;
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            request.method() + " " + request.uri() + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
