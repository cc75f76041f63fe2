package shop.ops.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import shop.ops.outbox.Outboxes;
import shop.ops.outbox.ParkedEvent;
import shop.platform.domain.UnavailableException;
import shop.platform.http.HttpJson;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Reaches each service's outbox through the service's own outbox function (Lambda Invoke, the
 * platform's {@code OutboxOperations} behind it): ops needs the right to invoke three functions,
 * not the services' database credentials or network.
 */
public final class LambdaOutboxes implements Outboxes {
  /** The alias every function is published under (infra's {@code ShopFunction.ALIAS}). */
  static final String ALIAS = "live";

  private final LambdaClient lambda;
  private final UnaryOperator<String> functionOf;
  private final ObjectMapper json = HttpJson.mapper();

  /**
   * @param functionOf the outbox function of a service ({@code Topology.outboxFunction})
   */
  public LambdaOutboxes(LambdaClient lambda, UnaryOperator<String> functionOf) {
    this.lambda = lambda;
    this.functionOf = functionOf;
  }

  @Override
  public List<ParkedEvent> parked(String service, int limit) {
    JsonNode answer = invoke(service, Map.of("action", "list", "limit", limit));
    List<ParkedEvent> parked = new ArrayList<>();
    for (JsonNode entry : answer.path("parked")) {
      parked.add(
          new ParkedEvent(
              service,
              entry.path("id").asText(),
              entry.path("eventType").asText(),
              entry.path("subject").isNull() ? null : entry.path("subject").asText(null),
              entry.path("attempts").asInt(),
              entry.path("lastError").isNull() ? null : entry.path("lastError").asText(null),
              Instant.parse(entry.path("createdAt").asText())));
    }
    return parked;
  }

  @Override
  public boolean retry(String service, String id) {
    return invoke(service, Map.of("action", "retry", "id", id)).path("retried").asLong() > 0;
  }

  @Override
  public long retryAll(String service) {
    return invoke(service, Map.of("action", "retry-all")).path("retried").asLong();
  }

  private JsonNode invoke(String service, Map<String, Object> request) {
    String function = functionOf.apply(service);
    SdkBytes payload;
    try {
      payload = SdkBytes.fromByteArray(json.writeValueAsBytes(request));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    InvokeResponse response;
    try {
      response = lambda.invoke(r -> r.functionName(function).qualifier(ALIAS).payload(payload));
    } catch (RuntimeException e) {
      throw new UnavailableException(
          "the " + service + " outbox cannot be reached right now; try again",
          "invoking " + function + " failed: " + e.getMessage(),
          e);
    }
    if (response.functionError() != null) {
      throw new IllegalStateException(
          "the outbox function "
              + function
              + " failed ("
              + response.functionError()
              + "): "
              + response.payload().asUtf8String());
    }
    try {
      return json.readTree(response.payload().asByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
