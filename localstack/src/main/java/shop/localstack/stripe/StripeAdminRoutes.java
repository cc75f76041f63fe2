package shop.localstack.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;

/**
 * The sandbox-only routes under {@code /__admin/stripe}: playing the customer's part of 3-D Secure
 * ({@code POST /payment_intents/{id}/authenticate} with {@code {"outcome":"succeed"|"fail"}}), and
 * the events the sandbox sent with each delivery's HTTP status ({@code GET /events}).
 */
final class StripeAdminRoutes implements AdminApiExtension {
  private final StripeApi api;

  StripeAdminRoutes(StripeApi api) {
    this.api = api;
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(
        RequestMethod.POST,
        "/stripe/payment_intents/{id}/authenticate",
        (admin, serveEvent, pathParams) ->
            authenticate(pathParams.get("id"), serveEvent.getRequest().getBodyAsString()));
    router.add(
        RequestMethod.GET,
        "/stripe/events",
        (admin, serveEvent, pathParams) -> {
          ObjectNode body = StripeJson.object();
          body.set("events", api.events());
          return json(200, body);
        });
  }

  @Override
  public String getName() {
    return "stripe-admin";
  }

  private ResponseDefinition authenticate(String intentId, String body) {
    String outcome;
    try {
      JsonNode json = StripeJson.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
      outcome = json.path("outcome").asText("");
    } catch (IOException e) {
      outcome = "";
    }
    if (!outcome.equals("succeed") && !outcome.equals("fail")) {
      return problem(400, "the body must be {\"outcome\":\"succeed\"} or {\"outcome\":\"fail\"}");
    }
    try {
      return json(200, api.authenticate(intentId, outcome.equals("succeed")));
    } catch (StripeFailure missing) {
      return json(missing.status(), missing.body());
    } catch (IllegalStateException notAwaiting) {
      return problem(409, notAwaiting.getMessage());
    }
  }

  private static ResponseDefinition problem(int status, String message) {
    ObjectNode body = StripeJson.object();
    body.put("message", message);
    return json(status, body);
  }

  private static ResponseDefinition json(int status, ObjectNode body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toPrettyString())
        .build();
  }
}
