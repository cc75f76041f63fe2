package shop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiRoutesTest {
  @Test
  void readsRoutesAndTheirAuthorization() {
    List<ApiRoute> routes = OpenApiRoutes.fromClasspath("sample-openapi.yaml");

    assertThat(routes)
        .extracting(ApiRoute::routeKey, ApiRoute::auth)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("GET /products", ApiRoute.Auth.NONE),
            org.assertj.core.groups.Tuple.tuple("POST /products", ApiRoute.Auth.JWT),
            org.assertj.core.groups.Tuple.tuple("POST /internal/price-quotes", ApiRoute.Auth.IAM));
  }
}
