package shop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.domain.NotFoundException;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpResponse;

class ContractCheckTest {
  private static final String CONTRACT =
      """
      openapi: 3.1.0
      info: {title: mugs, version: 1.0.0}
      paths:
        /mugs/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: A mug.
                content:
                  application/json:
                    schema:
                      type: object
                      required: [id, price]
                      additionalProperties: false
                      properties:
                        id: {type: string}
                        price: {type: integer, minimum: 0}
              '404':
                description: No such mug.
                headers:
                  Cache-Control: {required: true, schema: {type: string}}
                content:
                  application/problem+json:
                    schema:
                      type: object
                      required: [status, title]
                      properties:
                        type: {type: string}
                        title: {type: string}
                        status: {type: integer}
                        detail: {type: string}
                        instance: {type: string}
        /mugs:
          post:
            requestBody:
              required: true
              content:
                application/json:
                  schema:
                    type: object
                    required: [name]
                    properties: {name: {type: string}}
            responses:
              '201':
                description: Made.
                content:
                  application/json:
                    schema: {type: object, properties: {id: {type: string}}}
              '400': {description: Refused.}
      """;

  private final ContractCheck contract = ContractCheck.inline("mugs", CONTRACT);

  private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> serving(
      Object mug) {
    HttpApi api =
        HttpApi.builder()
            .route(
                "GET /mugs/{id}",
                r -> {
                  if (r.path("id").equals("none")) {
                    throw new NotFoundException("no such mug");
                  }
                  return HttpResponse.ok(mug);
                })
            .route("POST /mugs", r -> HttpResponse.created("/mugs/1", Map.of("id", "1")))
            .build();
    return (event, context) -> api.handle(event);
  }

  @Test
  void passesAHandlerThatKeepsItsContract() {
    var handler = contract.around(serving(Map.of("id", "m-1", "price", 1250)));

    var ok =
        handler.handleRequest(ApiEvents.request("GET /mugs/{id}").path("id", "m-1").build(), null);

    assertThat(ok.getStatusCode()).isEqualTo(200);
  }

  @Test
  void failsAProblemWithoutAHeaderItsContractRequires() {
    var handler = contract.around(serving(Map.of()));

    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    ApiEvents.request("GET /mugs/{id}").path("id", "none").build(), null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("404")
        .hasMessageContaining("Cache-Control");
  }

  @Test
  void readsTheConstOfAnOpenApi31Document() {
    String converted =
        ContractCheck.asOpenApi30(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
                + "components: {schemas: {A: {type: boolean, const: true}}}\n");

    assertThat(converted).contains("3.0.3").contains("enum:").doesNotContain("const");
  }

  @Test
  void failsAHandlerWhoseBodyDriftsFromItsContract() {
    var handler = contract.around(serving(Map.of("id", "m-1", "price", "12.50")));

    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    ApiEvents.request("GET /mugs/{id}").path("id", "m-1").build(), null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("response breaks the contract")
        .hasMessageContaining("price");
  }

  @Test
  void failsAHandlerThatAnswersAnUndocumentedField() {
    var handler = contract.around(serving(Map.of("id", "m-1", "price", 1250, "colour", "red")));

    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    ApiEvents.request("GET /mugs/{id}").path("id", "m-1").build(), null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("colour");
  }

  @Test
  void failsAHandlerThatAcceptsARequestItsContractForbids() {
    var handler = contract.around(serving(Map.of()));

    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    ApiEvents.request("POST /mugs").json(Map.of("colour", "red")).build(), null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a request the contract forbids was accepted");
  }
}
