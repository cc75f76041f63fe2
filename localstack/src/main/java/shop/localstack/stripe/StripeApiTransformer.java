package shop.localstack.stripe;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The WireMock side of the Stripe API: the sandbox's catch-all {@code /v1/...} mapping names this
 * transformer ({@code "transformers": ["stripe"]}), which answers from {@link StripeApi}. Being a
 * mapping, every call stays in WireMock's journal, and a drill's own mapping of a higher priority
 * still answers in its place.
 */
final class StripeApiTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "stripe";

  private final StripeApi api;

  StripeApiTransformer(StripeApi api) {
    this.api = api;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    String url = request.getUrl();
    int query = url.indexOf('?');
    String method = request.getMethod().getName();
    StripeRequest call =
        StripeRequest.of(
            method,
            query < 0 ? url : url.substring(0, query),
            method.equals("GET") || method.equals("DELETE")
                ? (query < 0 ? "" : url.substring(query + 1))
                : request.getBodyAsString(),
            header(request, "Authorization"),
            header(request, "Idempotency-Key"));
    StripeResponse response = api.handle(call);
    ResponseDefinitionBuilder answer =
        ResponseDefinitionBuilder.responseDefinition()
            .withStatus(response.status())
            .withHeader("Content-Type", "application/json")
            .withHeader("Request-Id", call.id())
            .withHeader("Stripe-Version", Events.API_VERSION)
            .withBody(response.body().toPrettyString())
            // A delay set on the mapping (a benchmark's provider latency) holds for the answer too.
            .withFixedDelay(serveEvent.getResponseDefinition().getFixedDelayMilliseconds());
    if (call.idempotencyKey() != null) {
      answer.withHeader("Idempotency-Key", call.idempotencyKey());
    }
    if (response.replayed()) {
      answer.withHeader("Idempotent-Replayed", "true");
    }
    return answer.build();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }

  private static String header(Request request, String name) {
    return request.containsHeader(name) ? request.getHeader(name) : null;
  }
}
