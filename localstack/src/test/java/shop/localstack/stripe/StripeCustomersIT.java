package shop.localstack.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.param.CustomerCreateParams;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.Endpoints;
import shop.localstack.LocalCloudExtension;

/** Customers and their payment methods, as user's StripeCustomers uses them. */
@ExtendWith(LocalCloudExtension.class)
class StripeCustomersIT {
  private final SandboxStripe sandbox;

  StripeCustomersIT(Endpoints endpoints) {
    sandbox = new SandboxStripe(endpoints.sandboxUrl());
  }

  @Test
  void remembersACustomerAndAnswersAnUnknownOneWithResourceMissing() throws Exception {
    Customer created =
        sandbox
            .stripe
            .v1()
            .customers()
            .create(
                CustomerCreateParams.builder()
                    .setEmail("ada@example.com")
                    .setName("Ada")
                    .putMetadata("userId", "u-1")
                    .build());

    Customer retrieved = sandbox.stripe.v1().customers().retrieve(created.getId());

    assertThat(created.getId()).startsWith("cus_");
    assertThat(created.getLastResponse().headers().firstValue("Request-Id"))
        .get()
        .asString()
        .startsWith("req_");
    assertThat(retrieved.getEmail()).isEqualTo("ada@example.com");
    assertThat(retrieved.getMetadata()).containsEntry("userId", "u-1");
    assertThatThrownBy(() -> sandbox.stripe.v1().customers().retrieve("cus_unknown"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getCode()).isEqualTo("resource_missing");
            });
  }

  @Test
  void aDeletedCustomerIsRetrievedAsDeletedAndCannotBeDeletedAgainOrGivenACard() throws Exception {
    String customer = sandbox.customer().getId();

    Customer deleted = sandbox.stripe.v1().customers().delete(customer);

    assertThat(deleted.getDeleted()).isTrue();
    Customer retrieved = sandbox.stripe.v1().customers().retrieve(customer);
    assertThat(retrieved.getDeleted()).isTrue();
    assertThat(retrieved.getMetadata()).as("a deleted customer is a stub").isNull();
    assertThatThrownBy(() -> sandbox.stripe.v1().customers().delete(customer))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    assertThatThrownBy(() -> sandbox.attach("pm_card_visa", customer))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void attachingATestCardMakesANewPaymentMethodEachTime() throws Exception {
    String customer = sandbox.customer().getId();

    PaymentMethod first = sandbox.attach("pm_card_visa", customer);
    PaymentMethod second = sandbox.attach("pm_card_visa", customer);

    assertThat(first.getId()).startsWith("pm_").isNotEqualTo("pm_card_visa");
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(first.getCustomer()).isEqualTo(customer);
    PaymentMethod retrieved = sandbox.stripe.v1().paymentMethods().retrieve(first.getId());
    assertThat(retrieved.getCustomer()).isEqualTo(customer);
    assertThat(retrieved.getCard().getBrand()).isEqualTo("visa");
    assertThat(retrieved.getCard().getLast4()).isEqualTo("4242");
    assertThat(retrieved.getCard().getExpYear()).isPositive();
  }

  @Test
  void aPaymentMethodNamesItsCustomerWhoseMetadataNamesTheUser() throws Exception {
    String customer =
        sandbox
            .stripe
            .v1()
            .customers()
            .create(CustomerCreateParams.builder().putMetadata("userId", "u-ada").build())
            .getId();
    String method = sandbox.attach("pm_card_visa", customer).getId();

    String owner = sandbox.stripe.v1().paymentMethods().retrieve(method).getCustomer();

    assertThat(owner).isEqualTo(customer);
    assertThat(sandbox.stripe.v1().customers().retrieve(owner).getMetadata())
        .containsExactly(Map.entry("userId", "u-ada"));
  }

  @Test
  void anUnknownPaymentMethodIsNotFound() {
    assertThatThrownBy(() -> sandbox.stripe.v1().paymentMethods().retrieve("pm_unknown"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getCode()).isEqualTo("resource_missing");
              assertThat(e.getStripeError().getMessage())
                  .isEqualTo("No such PaymentMethod: 'pm_unknown'");
            });
  }

  @Test
  void refusesToAttachAPaymentMethodAttachedToAnotherCustomer() throws Exception {
    String ada = sandbox.customer().getId();
    String bob = sandbox.customer().getId();
    PaymentMethod adas = sandbox.attach("pm_card_visa", ada);

    assertThatThrownBy(() -> sandbox.attach(adas.getId(), bob))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    assertThat(sandbox.attach(adas.getId(), ada).getId()).isEqualTo(adas.getId());
  }

  @Test
  void refusesToAttachToAnUnknownCustomerOrAnUnknownPaymentMethod() throws Exception {
    String customer = sandbox.customer().getId();

    assertThatThrownBy(() -> sandbox.attach("pm_card_visa", "cus_unknown"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo("resource_missing");
              assertThat(e.getStripeError().getParam()).isEqualTo("customer");
            });
    assertThatThrownBy(() -> sandbox.attach("pm_unknown", customer))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
  }

  @Test
  void aDetachedPaymentMethodCannotBeDetachedOrAttachedAgain() throws Exception {
    String customer = sandbox.customer().getId();
    PaymentMethod method = sandbox.attach("pm_card_visa", customer);

    PaymentMethod detached = sandbox.stripe.v1().paymentMethods().detach(method.getId());

    assertThat(detached.getCustomer()).isNull();
    assertThatThrownBy(() -> sandbox.stripe.v1().paymentMethods().detach(method.getId()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> sandbox.attach(method.getId(), customer))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("may not be used again");
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesOtherParameters() throws Exception {
    String key = "customer-" + UUID.randomUUID();
    CustomerCreateParams ada = CustomerCreateParams.builder().setEmail("ada@example.com").build();

    Customer first = sandbox.stripe.v1().customers().create(ada, SandboxStripe.key(key));
    Customer again = sandbox.stripe.v1().customers().create(ada, SandboxStripe.key(key));

    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed"))
        .contains("true");
    assertThatThrownBy(
            () ->
                sandbox
                    .stripe
                    .v1()
                    .customers()
                    .create(
                        CustomerCreateParams.builder().setEmail("bob@example.com").build(),
                        SandboxStripe.key(key)))
        .isInstanceOf(IdempotencyException.class);
  }
}
