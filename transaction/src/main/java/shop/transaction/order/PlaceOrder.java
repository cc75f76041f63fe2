package shop.transaction.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checkout: prices every item with product (the server's prices are the truth), refuses what cannot
 * be sold, and stores the PENDING order with its OrderCreated, once per Idempotency-Key, unless the
 * customer already holds as many unpaid orders as {@link OpenOrderLimit} allows.
 */
public final class PlaceOrder {
  private final OrderRepository orders;
  private final PriceQuotes prices;
  private final OpenOrderLimit limit;
  private final Clock clock;

  public PlaceOrder(OrderRepository orders, PriceQuotes prices, OpenOrderLimit limit, Clock clock) {
    this.orders = orders;
    this.prices = prices;
    this.limit = limit;
    this.clock = clock;
  }

  public PlacedOrder place(PlaceOrderCommand command) {
    String fingerprint = command.fingerprint();
    var earlier = orders.findRequest(command.userId(), command.idempotencyKey());
    if (earlier.isPresent()) {
      return replay(earlier.get(), fingerprint);
    }
    Priced priced = price(command.items());
    // Millisecond precision survives every store, so a replay answers exactly the same time.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Changed placed =
        Order.place(
            UUID.randomUUID().toString(),
            command.userId(),
            command.customer(),
            priced.lines(),
            priced.currency(),
            command.paymentMethodId(),
            command.stripeCustomerId(),
            command.shippingAddress(),
            now);
    Long expected = command.expectedTotal();
    if (expected != null && expected != placed.after().total().amount()) {
      throw new TotalChanged(expected, placed.after().total());
    }
    IdempotentRequest request =
        new IdempotentRequest(
            command.userId(), command.idempotencyKey(), fingerprint, placed.after().id());
    return switch (orders.create(placed, request, limit.max())) {
      case Creation.Created c -> new PlacedOrder(placed.after());
      case Creation.TooManyOpen t -> throw limit.refusal(t.oldestPlacedAt(), now);
      // A concurrent twin with the same key won the race: answer what it answered.
      case Creation.KeyTaken k ->
          replay(
              orders
                  .findRequest(command.userId(), command.idempotencyKey())
                  .orElseThrow(), // the twin's record is committed: it took the key
              fingerprint);
    };
  }

  private PlacedOrder replay(IdempotentRequest earlier, String fingerprint) {
    if (!earlier.requestHash().equals(fingerprint)) {
      throw new IdempotencyKeyReused();
    }
    // The record and its order are written in one transaction: the order is there.
    return new PlacedOrder(orders.find(earlier.orderId()).orElseThrow());
  }

  private record Priced(List<OrderLine> lines, String currency) {}

  private Priced price(List<ItemRequest> items) {
    Map<String, PriceQuote> quotes =
        prices.quote(items).stream()
            .collect(Collectors.toMap(PriceQuote::productId, Function.identity(), (a, b) -> a));
    List<ItemsUnavailable.Item> refused = new ArrayList<>();
    List<OrderLine> lines = new ArrayList<>();
    Set<String> currencies = new TreeSet<>();
    for (int i = 0; i < items.size(); i++) {
      ItemRequest item = items.get(i);
      PriceQuote quote = quotes.get(item.productId());
      if (quote == null || quote.availability() == PriceQuote.Availability.UNKNOWN) {
        refused.add(new ItemsUnavailable.Item(i, item.productId(), "UNKNOWN", 0));
      } else if (quote.availability() == PriceQuote.Availability.ARCHIVED) {
        refused.add(new ItemsUnavailable.Item(i, item.productId(), "ARCHIVED", 0));
      } else if (quote.availability() != PriceQuote.Availability.AVAILABLE
          || quote.availableStock() < item.quantity()) {
        refused.add(
            new ItemsUnavailable.Item(
                i, item.productId(), "OUT_OF_STOCK", Math.max(0, quote.availableStock())));
      } else {
        currencies.add(quote.currency());
        lines.add(
            new OrderLine(
                item.productId(), quote.sku(), quote.name(), item.quantity(), quote.unitPrice()));
      }
    }
    if (!refused.isEmpty()) {
      throw new ItemsUnavailable(refused);
    }
    if (currencies.size() != 1) {
      throw new MixedCurrencies(currencies);
    }
    return new Priced(lines, currencies.iterator().next());
  }
}
