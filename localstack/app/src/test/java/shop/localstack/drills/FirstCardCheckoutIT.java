package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.client.transaction.model.PlaceOrderRequest;
import shop.localstack.app.LocalShop;

/**
 * A customer's first card pays with the token they already hold, on the local cloud with the
 * stateful Stripe sandbox: the token was issued before the card made their Stripe customer, and
 * transaction finds the customer through the card, at Stripe, only because the user service made it
 * for them. Someone else who learns the card's {@code pm_} id cannot charge it that way.
 */
@ExtendWith(DrillShop.class)
class FirstCardCheckoutIT {

  @Test
  void theFirstCardPaysWithTheTokenFromBeforeItAndNoOneElseCanChargeIt(LocalShop shop) {
    ShopClient api = new ShopClient(shop);
    Sandbox sandbox = new Sandbox(shop, api);
    String product = api.product(api.adminToken(), "first-card", 5, 1500);
    // Registers, logs in, saves the first card: the token is the one from before the card.
    ShopClient.Customer ada = api.customer("first-card");
    assertThat(claims(ada.token())).doesNotContain("stripeCustomerId");

    String adas = placed(api, ada, ShopClient.order(product, 1, ada.paymentMethodId()));

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> api.status(ada, adas).equals("PAID"));

    // Another customer, whose token carries no Stripe customer either, tries Ada's card.
    String email = "prober-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    api.register(email, "a long enough drill password");
    ShopClient.Customer prober =
        new ShopClient.Customer(
            email, api.login(email, "a long enough drill password"), ada.paymentMethodId());
    String probers = placed(api, prober, ShopClient.order(product, 1, ada.paymentMethodId()));

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> api.status(prober, probers).equals("CANCELLED"));
    assertThat(sandbox.charges())
        .filteredOn(c -> ada.paymentMethodId().equals(c.paymentMethod()))
        .extracting(Sandbox.Charge::orderId)
        .as("Ada's card is charged for Ada's order only")
        .containsExactly(adas);
  }

  private static String placed(
      ShopClient api, ShopClient.Customer customer, PlaceOrderRequest order) {
    return api.expect(201, api.checkout(customer, UUID.randomUUID().toString(), order))
        .get("id")
        .asText();
  }

  private static String claims(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }
}
