package shop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.auth.Caller;

class HttpApiPrimingTest {
  @Test
  void primingSendsTheRepresentativeReadThroughItsRouteAsACallerWithNoData() {
    List<String> reads = new ArrayList<>();
    HttpApi api =
        HttpApi.builder()
            .route(
                "GET /orders",
                request -> {
                  Caller caller = request.callerWithRole(Caller.ORDERS);
                  reads.add(caller.userId() + " limit=" + request.query("limit").orElse("-"));
                  return HttpResponse.ok(Map.of("orders", List.of()));
                })
            .primeWith("GET /orders", Map.of("limit", "20"))
            .build();

    api.prime();

    assertThat(reads).containsExactly("00000000-0000-0000-0000-000000000000 limit=20");
  }

  @Test
  void aRequestFromOutsideNeverActsAsThePrimingCaller() {
    HttpApi api =
        HttpApi.builder()
            .route("GET /orders", request -> HttpResponse.ok(request.caller().userId()))
            .primeWith("GET /orders", Map.of())
            .build();

    var response =
        api.handle(
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /orders")
                .withRawPath("/orders")
                .withHeaders(Map.of())
                .build());

    assertThat(response.getStatusCode()).isEqualTo(401);
  }

  @Test
  void primesOnlyARouteItHasThatReads() {
    HttpApi.Builder builder =
        HttpApi.builder().route("GET /orders", request -> HttpResponse.ok(Map.of()));

    assertThatThrownBy(() -> builder.primeWith("POST /orders", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.primeWith("GET /orders/{id}", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.primeWith("GET /products", Map.of()).build())
        .hasMessageContaining("GET /products, which is no route");
  }
}
