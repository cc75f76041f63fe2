package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.http.ApiRoute;
import shop.user.UserModule;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ApiStageStackTest {
  private final SynthesizedShop shop = SynthesizedShop.get();
  private final Template template = shop.template(shop.stacks.apiStage());

  @Test
  void theDefaultStageIsThrottledAutoDeployedAndLogged() {
    template.resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Stage",
        Map.of(
            "StageName",
            "$default",
            "AutoDeploy",
            true,
            "DefaultRouteSettings",
            Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200),
            "AccessLogSettings",
            Match.objectLike(Map.of("Format", Match.stringLikeRegexp(".*sourceIp.*")))));
  }

  @Test
  void everySignInRouteOfTheUserContractHasItsOwnTighterThrottle() {
    List<String> signIn =
        ServiceContract.routes(UserModule.class).stream()
            .filter(route -> route.path().startsWith("/auth/"))
            .map(ApiRoute::routeKey)
            .toList();
    assertThat(signIn).contains("POST /auth/login", "POST /auth/register", "POST /auth/refresh");
    Map<String, Object> settings = routeSettings();
    assertThat(settings.keySet()).containsExactlyInAnyOrderElementsOf(signIn);
    for (Object throttle : settings.values()) {
      assertThat(throttle).isEqualTo(Map.of("ThrottlingRateLimit", 20, "ThrottlingBurstLimit", 40));
    }
  }

  @Test
  void theSignInThrottleIsADeploymentSetting() {
    DeploymentConfig config =
        DeploymentConfig.from(
            App.Builder.create()
                .context(
                    Map.of(
                        DeploymentConfig.CORS_ORIGINS,
                        SynthesizedShop.STOREFRONT,
                        "shop:authRateLimit",
                        "5",
                        "shop:authBurstLimit",
                        "7"))
                .build()
                .getNode());
    assertThat(ApiStageStack.signInThrottles(config).get("POST /auth/login"))
        .isEqualTo(Map.of("ThrottlingRateLimit", 5, "ThrottlingBurstLimit", 7));
  }

  @Test
  void itIsDeployedAfterEveryStackThatAddsRoutes() {
    ShopApp.Stacks stacks = shop.stacks;
    List<Stack> after = stacks.apiStage().getDependencies();
    assertThat(after)
        .contains(
            stacks.product(),
            stacks.user(),
            stacks.transaction(),
            stacks.notification(),
            stacks.ops());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> routeSettings() {
    Map<String, Map<String, Object>> stages = template.findResources("AWS::ApiGatewayV2::Stage");
    Map<?, ?> properties = (Map<?, ?>) stages.values().iterator().next().get("Properties");
    return (Map<String, Object>) properties.get("RouteSettings");
  }
}
