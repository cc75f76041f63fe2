package shop.user.api;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.testing.RouteContract;
import shop.user.UserModule;

class RouteContractTest {
  @Test
  void servesExactlyTheOperationsOfOpenApi() {
    // Building the module connects to nothing, so placeholder settings are enough here.
    Config config =
        new Config(
            Map.of(
                "DATABASE_URL", "jdbc:postgresql://localhost:1/none",
                "DATABASE_USER", "none",
                "DATABASE_PASSWORD", "none",
                "JWT_ISSUER", "https://shop.test/user",
                "JWT_AUDIENCE", "shop-api",
                "JWT_SIGNING_SECRET_ID", "shop/jwt",
                "STRIPE_API_KEY", "sk_test_none",
                "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test"));
    try (UserModule module = new UserModule(config)) {
      RouteContract.assertServesExactly("openapi.yaml", new UserApi(module).api());
    }
  }
}
