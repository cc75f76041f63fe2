package shop.localstack.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.localstack.stripe.SandboxStripe.offSessionCharge;

import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.Endpoints;
import shop.localstack.LocalCloudExtension;

/** Refunds as transaction's StripePayments makes them, and the limits Stripe keeps. */
@ExtendWith(LocalCloudExtension.class)
class StripeRefundsIT {
  private final SandboxStripe sandbox;

  StripeRefundsIT(Endpoints endpoints) {
    sandbox = new SandboxStripe(endpoints.sandboxUrl());
  }

  @Test
  void refundsWhatIsLeftWhenNoAmountIsGivenAndRemembersTheRefund() throws Exception {
    PaymentIntent paid = sandbox.charge(offSessionCharge(4900, "pm_card_visa", null));

    Refund refund = refund(paid.getId(), null);

    assertThat(refund.getId()).startsWith("re_");
    assertThat(refund.getAmount()).isEqualTo(4900);
    assertThat(refund.getStatus()).isEqualTo("succeeded");
    assertThat(refund.getPaymentIntent()).isEqualTo(paid.getId());
    assertThat(sandbox.stripe.v1().refunds().retrieve(refund.getId()).getAmount()).isEqualTo(4900);
    Charge charge = sandbox.stripe.v1().charges().retrieve(paid.getLatestCharge());
    assertThat(charge.getAmountRefunded()).isEqualTo(4900);
    assertThat(charge.getRefunded()).isTrue();
    assertThatThrownBy(() -> refund(paid.getId(), null))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
  }

  @Test
  void refusesARefundAboveWhatIsLeft() throws Exception {
    PaymentIntent paid = sandbox.charge(offSessionCharge(1000, "pm_card_visa", null));
    refund(paid.getId(), 600L);

    assertThatThrownBy(() -> refund(paid.getId(), 401L))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getStripeError().getParam()).isEqualTo("amount");
            });
    assertThat(refund(paid.getId(), 400L).getAmount()).isEqualTo(400);
  }

  @Test
  void aPartRefundRepeatedWithItsIdempotencyKeyRefundsOnceAndAnswersTheSameRefund()
      throws Exception {
    PaymentIntent paid = sandbox.charge(offSessionCharge(4900, "pm_card_visa", null));
    RefundCreateParams part =
        RefundCreateParams.builder().setPaymentIntent(paid.getId()).setAmount(1250L).build();
    RequestOptions once = RequestOptions.builder().setIdempotencyKey("refund-f1").build();

    Refund first = sandbox.stripe.v1().refunds().create(part, once);
    Refund again = sandbox.stripe.v1().refunds().create(part, once);

    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(first.getAmount()).isEqualTo(1250);
    Charge charge = sandbox.stripe.v1().charges().retrieve(paid.getLatestCharge());
    assertThat(charge.getAmountRefunded()).isEqualTo(1250);
    assertThat(charge.getRefunded()).isFalse();
    RefundCreateParams other =
        RefundCreateParams.builder().setPaymentIntent(paid.getId()).setAmount(100L).build();
    assertThatThrownBy(() -> sandbox.stripe.v1().refunds().create(other, once))
        .isInstanceOf(IdempotencyException.class);
    PaymentIntent readBack =
        sandbox
            .stripe
            .v1()
            .paymentIntents()
            .retrieve(
                paid.getId(),
                com.stripe.param.PaymentIntentRetrieveParams.builder()
                    .addExpand("latest_charge")
                    .build());
    assertThat(readBack.getLatestChargeObject().getAmountRefunded()).isEqualTo(1250);
    Refund rest = refund(paid.getId(), null);
    assertThat(rest.getAmount()).isEqualTo(4900 - 1250);
  }

  @Test
  void listsAnIntentsRefundsNewestFirstPageByPageWithTheirMetadata() throws Exception {
    PaymentIntent paid = sandbox.charge(offSessionCharge(4900, "pm_card_visa", null));
    PaymentIntent elsewhere = sandbox.charge(offSessionCharge(1000, "pm_card_visa", null));
    List<String> made = new ArrayList<>();
    for (long amount = 100; amount <= 300; amount += 100) {
      made.add(
          sandbox
              .stripe
              .v1()
              .refunds()
              .create(
                  RefundCreateParams.builder()
                      .setPaymentIntent(paid.getId())
                      .setAmount(amount)
                      .putMetadata("refund_key", "refund-" + amount)
                      .build())
              .getId());
    }
    refund(elsewhere.getId(), 500L);

    StripeCollection<Refund> first =
        sandbox
            .stripe
            .v1()
            .refunds()
            .list(RefundListParams.builder().setPaymentIntent(paid.getId()).setLimit(2L).build());
    assertThat(first.getHasMore()).isTrue();
    assertThat(first.getData()).extracting(Refund::getId).containsExactly(made.get(2), made.get(1));
    List<String> keys = new ArrayList<>();
    for (Refund refund :
        sandbox
            .stripe
            .v1()
            .refunds()
            .list(RefundListParams.builder().setPaymentIntent(paid.getId()).setLimit(2L).build())
            .autoPagingIterable()) {
      keys.add(refund.getMetadata().get("refund_key"));
    }
    assertThat(keys).containsExactly("refund-300", "refund-200", "refund-100");
    assertThatThrownBy(
            () ->
                sandbox
                    .stripe
                    .v1()
                    .refunds()
                    .list(RefundListParams.builder().setLimit(101L).build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getStripeError().getParam()).isEqualTo("limit"));
  }

  @Test
  void refusesToRefundAnIntentThatDidNotSucceed() throws Exception {
    String declined;
    try {
      sandbox.charge(offSessionCharge(1000, "pm_card_chargeDeclined", null));
      throw new AssertionError("pm_card_chargeDeclined was not declined");
    } catch (CardException e) {
      declined = e.getStripeError().getPaymentIntent().getId();
    }
    String intent = declined;

    assertThatThrownBy(() -> refund(intent, null))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getMessage()).contains("does not have a successful charge"));
    assertThatThrownBy(() -> refund("pi_unknown", null))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("resource_missing"));
  }

  private Refund refund(String paymentIntent, Long amount) throws Exception {
    RefundCreateParams.Builder params =
        RefundCreateParams.builder()
            .setPaymentIntent(paymentIntent)
            .putMetadata("order_id", "o-refund");
    if (amount != null) {
      params.setAmount(amount);
    }
    return sandbox.stripe.v1().refunds().create(params.build());
  }
}
