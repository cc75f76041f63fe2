package shop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import shop.platform.http.ApiRoute;
import shop.platform.http.HttpApi;
import shop.platform.http.OpenApiRoutes;

/**
 * The contract between a service's openapi.yaml and its handler: every documented route is served
 * and vice versa.
 */
public final class RouteContract {
  private RouteContract() {}

  public static void assertServesExactly(String openApiResource, HttpApi api) {
    var documented =
        OpenApiRoutes.fromClasspath(openApiResource).stream().map(ApiRoute::routeKey).toList();

    assertThat(api.routeKeys())
        .as("routes served by the handler versus " + openApiResource)
        .containsExactlyInAnyOrderElementsOf(documented);
  }
}
