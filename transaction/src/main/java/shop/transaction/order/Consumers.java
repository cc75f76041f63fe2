package shop.transaction.order;

/** The names under which this service records the messages it handled. */
public final class Consumers {
  /** The SQS consumer of product's inventory events (the topology's "payments"). */
  public static final String PAYMENTS = "payments";

  /** The SQS consumer of user's erasures (the topology's "erasures"). */
  public static final String ERASURES = "erasures";

  /** Stripe's webhooks, deduplicated on the Stripe event id. */
  public static final String STRIPE_WEBHOOKS = "stripe-webhooks";

  /** The carriers' delivery webhooks, deduplicated on the carrier's event id. */
  public static final String CARRIER_WEBHOOKS = "carrier-webhooks";

  private Consumers() {}
}
