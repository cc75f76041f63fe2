package shop.product.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.platform.testing.EventFixtures.batch;
import static shop.platform.testing.EventFixtures.eventBridgeBody;
import static shop.platform.testing.EventFixtures.message;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.events.CloudEventCodec;
import shop.events.Customer;
import shop.events.EventEnvelope;
import shop.events.InventoryRejected;
import shop.events.OrderCancelled;
import shop.events.OrderCreated;
import shop.events.OrderLine;
import shop.events.PaymentCaptured;
import shop.events.ShopEvent;
import shop.events.StockLine;
import shop.platform.outbox.MongoOutboxStore;
import shop.platform.testing.FakeEventBridge;
import shop.product.ProductModule;
import shop.product.TestStack;
import shop.product.api.InventoryEventsHandler;
import shop.product.catalog.NewProduct;
import shop.product.catalog.Product;

/**
 * Reservations through the SQS handler against the Mongo-wire server, with events relayed to a fake
 * EventBridge.
 */
class InventoryIT {
  private static final Customer ADA = new Customer("ada@example.com", "Ada", null, false);
  private static TestStack stack;
  private static ProductModule m;
  private static InventoryEventsHandler handler;
  private static FakeEventBridge bus;
  private static MongoOutboxStore outbox;

  @BeforeAll
  static void start() {
    stack = TestStack.start();
    m = stack.module;
    bus = stack.bus;
    outbox = stack.outbox;
    handler = new InventoryEventsHandler(m);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @AfterEach
  void busWorks() {
    bus.recover();
  }

  @Test
  void reservesOnceWhenTheSameOrderCreatedArrivesThreeTimes() {
    Product mug = product(10);
    String orderId = UUID.randomUUID().toString();
    String body = eventBridgeBody(created(orderId, line(mug, 3)));

    for (int i = 0; i < 3; i++) {
      assertThat(handle(body).getBatchItemFailures()).isEmpty();
    }

    Product after = m.getProduct().get(mug.id());
    assertThat(after.available()).isEqualTo(7);
    assertThat(after.reserved()).isEqualTo(3);
    assertThat(m.inventory().reservation(orderId).orElseThrow().state())
        .isEqualTo(ReservationState.RESERVED);
    assertThat(acceptedFor(orderId)).containsExactly(eventId(orderId, ReservationState.RESERVED));
  }

  @Test
  void reservesExactlyTheStockFor200ConcurrentOrders() throws Exception {
    Product mug = product(50);
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      orders.add(UUID.randomUUID().toString());
    }
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);
    Thread watcher =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (running.get()) {
                    lowest.accumulateAndGet(m.getProduct().get(mug.id()).available(), Math::min);
                  }
                });
    CountDownLatch go = new CountDownLatch(1);
    List<Future<SQSBatchResponse>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      for (String orderId : orders) {
        String body = eventBridgeBody(created(orderId, line(mug, 1)));
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return handle(body);
                }));
      }
      go.countDown();
      for (Future<SQSBatchResponse> result : results) {
        assertThat(result.get().getBatchItemFailures()).isEmpty();
      }
    } finally {
      running.set(false);
      watcher.join();
    }

    Product after = m.getProduct().get(mug.id());
    assertThat(after.onHand()).isEqualTo(50);
    assertThat(after.reserved()).isEqualTo(50);
    assertThat(after.available()).isZero();
    assertThat(lowest.get()).isGreaterThanOrEqualTo(0);
    List<ReservationState> states =
        orders.stream().map(id -> m.inventory().reservation(id).orElseThrow().state()).toList();
    assertThat(states).filteredOn(s -> s == ReservationState.RESERVED).hasSize(50);
    assertThat(states).filteredOn(s -> s == ReservationState.REJECTED).hasSize(150);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              m.sweepOutbox(500);
              assertThat(bus.accepted().stream().filter(a -> orders.contains(subject(a))))
                  .extracting(FakeEventBridge.Accepted::eventId)
                  .doesNotHaveDuplicates()
                  .hasSize(200);
            });
  }

  @Test
  void rejectsTheWholeOrderAndGivesBackWhatItHeldWhenOneLineIsShort() {
    Product mug = product(5);
    Product tee = product(1);
    String orderId = UUID.randomUUID().toString();

    handle(eventBridgeBody(created(orderId, line(mug, 2), line(tee, 3))));

    assertThat(m.getProduct().get(mug.id()).available()).isEqualTo(5);
    assertThat(m.getProduct().get(mug.id()).reserved()).isZero();
    assertThat(m.getProduct().get(tee.id()).available()).isEqualTo(1);
    InventoryRejected rejected = (InventoryRejected) acceptedEvent(orderId).data();
    assertThat(rejected.rejections())
        .containsExactly(new InventoryRejected.Rejection(tee.id(), 3, 1, "OUT_OF_STOCK"));
  }

  @Test
  void namesUnknownProductsInTheRejection() {
    String orderId = UUID.randomUUID().toString();
    String unknown = "0123456789abcdef01234567";

    handle(eventBridgeBody(created(orderId, new OrderLine(unknown, "X-1", "Ghost", 1, 100))));

    InventoryRejected rejected = (InventoryRejected) acceptedEvent(orderId).data();
    assertThat(rejected.rejections())
        .containsExactly(new InventoryRejected.Rejection(unknown, 1, 0, "UNKNOWN_PRODUCT"));
  }

  @Test
  void cancellationReleasesWhatTheOrderHeldExactlyOnce() {
    Product mug = product(10);
    Product other = product(10);
    String orderId = UUID.randomUUID().toString();
    handle(eventBridgeBody(created(orderId, line(mug, 4))));
    handle(eventBridgeBody(created(UUID.randomUUID().toString(), line(other, 1))));

    String cancel = eventBridgeBody(cancelled(orderId, new StockLine(mug.id(), 4)));
    assertThat(handle(cancel).getBatchItemFailures()).isEmpty();
    assertThat(handle(cancel).getBatchItemFailures()).isEmpty();

    Product after = m.getProduct().get(mug.id());
    assertThat(after.available()).isEqualTo(10);
    assertThat(after.reserved()).isZero();
    assertThat(m.inventory().reservation(orderId).orElseThrow().state())
        .isEqualTo(ReservationState.CANCELLED);
  }

  @Test
  void aCancellationThatOvertakesItsOrderLeavesNothingReserved() {
    Product mug = product(10);
    String orderId = UUID.randomUUID().toString();

    handle(eventBridgeBody(cancelled(orderId, new StockLine(mug.id(), 2))));
    handle(eventBridgeBody(created(orderId, line(mug, 2))));

    assertThat(m.getProduct().get(mug.id()).available()).isEqualTo(10);
    assertThat(acceptedFor(orderId)).isEmpty();
  }

  @Test
  void paymentTurnsTheReservationIntoASaleOnce() {
    Product mug = product(10);
    String orderId = UUID.randomUUID().toString();
    handle(eventBridgeBody(created(orderId, line(mug, 2))));

    String paid = eventBridgeBody(captured(orderId));
    assertThat(handle(paid).getBatchItemFailures()).isEmpty();
    assertThat(handle(paid).getBatchItemFailures()).isEmpty();

    Product sold = m.getProduct().get(mug.id());
    assertThat(sold.onHand()).isEqualTo(8);
    assertThat(sold.reserved()).isZero();
    assertThat(sold.available()).isEqualTo(8);

    // Cancelled before anything shipped (and refunded): the sold units never left the shelf.
    String cancelled = eventBridgeBody(cancelled(orderId, new StockLine(mug.id(), 2)));
    handle(cancelled);
    handle(cancelled);
    assertThat(m.getProduct().get(mug.id()).onHand()).isEqualTo(10);
  }

  @Test
  void aPaymentForAnUndecidedOrderIsRetried() {
    String orderId = UUID.randomUUID().toString();
    SQSBatchResponse response = handle(eventBridgeBody(captured(orderId)));

    assertThat(response.getBatchItemFailures()).hasSize(1);
    assertThat(stack.failures)
        .anySatisfy(
            f -> {
              assertThat(f.errorClass()).isEqualTo("ReservationNotReadyException");
              assertThat(f.errorMessage()).contains(orderId);
            });
  }

  @Test
  void keepsEventsInTheOutboxWhileTheBusIsDownAndSendsThemLater() {
    Product mug = product(10);
    String orderId = UUID.randomUUID().toString();
    String eventId = eventId(orderId, ReservationState.RESERVED);
    bus.failRequests(500);

    assertThat(handle(eventBridgeBody(created(orderId, line(mug, 1)))).getBatchItemFailures())
        .isEmpty();
    assertThat(outbox.status(eventId)).contains("PENDING");
    assertThat(acceptedFor(orderId)).isEmpty();

    bus.recover();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              m.sweepOutbox(100);
              assertThat(acceptedFor(orderId)).containsExactly(eventId);
            });
    assertThat(outbox.status(eventId)).contains("SENT");
  }

  @Test
  void relaysRacingOverOverlappingEntriesSendEachEventOnce() {
    Product mug = product(100);
    List<String> orders = new ArrayList<>();
    List<SQSEvent.SQSMessage> messages = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String orderId = UUID.randomUUID().toString();
      orders.add(orderId);
      messages.add(
          message(UUID.randomUUID().toString(), eventBridgeBody(created(orderId, line(mug, 1)))));
    }
    bus.failRequests(500);
    assertThat(
            handler
                .handleRequest(batch(messages.toArray(SQSEvent.SQSMessage[]::new)), null)
                .getBatchItemFailures())
        .isEmpty();
    bus.recover();
    List<String> eventIds =
        orders.stream().map(o -> eventId(o, ReservationState.RESERVED)).toList();

    // The failed fast relay backed the entries off. Until all are sent, four relays race over
    // overlapping windows of them (0-14, 5-19, 10-24, 15-24 and 0-4) and a sweep over all.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    AtomicBoolean done = new AtomicBoolean();
    try (ExecutorService threads = Executors.newFixedThreadPool(5)) {
      for (int i = 0; i < 5; i++) {
        int from = i * 5;
        Runnable relay =
            i == 4
                ? () -> m.sweepOutbox(100)
                : () ->
                    m.outbox()
                        .relay(
                            IntStream.range(from, from + 15)
                                .mapToObj(k -> eventIds.get(k % eventIds.size()))
                                .toList());
        threads.execute(
            () -> {
              while (!done.get() && System.nanoTime() < deadline) {
                relay.run();
                done.compareAndSet(
                    false,
                    eventIds.stream()
                        .allMatch(id -> outbox.status(id).equals(Optional.of("SENT"))));
              }
            });
      }
    }

    for (int i = 0; i < orders.size(); i++) {
      assertThat(acceptedFor(orders.get(i))).containsExactly(eventIds.get(i));
      assertThat(outbox.status(eventIds.get(i))).contains("SENT");
    }
  }

  @Test
  void deletesSentEntriesOnlyOnceTheyAreOlderThanTheCutOff() {
    Product mug = product(10);
    String sentOrder = UUID.randomUUID().toString();
    handle(eventBridgeBody(created(sentOrder, line(mug, 1))));
    String sent = eventId(sentOrder, ReservationState.RESERVED);
    bus.failRequests(500);
    String waitingOrder = UUID.randomUUID().toString();
    handle(eventBridgeBody(created(waitingOrder, line(mug, 1))));
    String waiting = eventId(waitingOrder, ReservationState.RESERVED);

    // Sent before a cut-off an hour ago: no; before a cut-off a minute ahead: yes.
    assertThat(outbox.deleteSent(Duration.ofHours(1), 1000)).isZero();
    assertThat(outbox.status(sent)).contains("SENT");

    assertThat(outbox.deleteSent(Duration.ofMinutes(1).negated(), 1000)).isPositive();
    assertThat(outbox.status(sent)).isEmpty();
    assertThat(outbox.status(waiting)).contains("PENDING");
  }

  /**
   * The id of the event that announces order {@code orderId}'s {@code outcome}: derived from both,
   * so a redelivery records, and a retry publishes, the same event.
   */
  private static String eventId(String orderId, ReservationState outcome) {
    String name = "shop.product/" + orderId + "/" + outcome.name();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static SQSBatchResponse handle(String body) {
    return handler.handleRequest(batch(message(UUID.randomUUID().toString(), body)), null);
  }

  private static Product product(int stock) {
    String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
    return m.createProduct()
        .create(new NewProduct(sku, "Enamel mug", null, 1250L, "EUR", List.of(), stock));
  }

  private static OrderLine line(Product product, int quantity) {
    return new OrderLine(product.id(), product.sku(), product.name(), quantity, product.price());
  }

  private static EventEnvelope<OrderCreated> created(String orderId, OrderLine... lines) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long total = 0;
    for (OrderLine l : lines) {
      total += l.unitPrice() * l.quantity();
    }
    return EventEnvelope.of(
        new OrderCreated(
            orderId, "user-1", ADA, List.of(lines), total, "EUR", "pm_card_visa", null, now),
        1,
        now);
  }

  private static EventEnvelope<OrderCancelled> cancelled(String orderId, StockLine... lines) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return EventEnvelope.of(
        new OrderCancelled(
            orderId, "user-1", ADA, "CUSTOMER_REQUEST", List.of(lines), 0, "EUR", now),
        3,
        now);
  }

  private static EventEnvelope<PaymentCaptured> captured(String orderId) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return EventEnvelope.of(
        new PaymentCaptured(orderId, "user-1", ADA, "pi_1", 2500, "EUR", now), 3, now);
  }

  private static String subject(FakeEventBridge.Accepted accepted) {
    return CloudEventCodec.instance().decode(accepted.detail()).subject();
  }

  private static List<String> acceptedFor(String orderId) {
    return bus.accepted().stream()
        .filter(a -> orderId.equals(subject(a)))
        .map(FakeEventBridge.Accepted::eventId)
        .toList();
  }

  private static EventEnvelope<ShopEvent> acceptedEvent(String orderId) {
    return bus.accepted().stream()
        .filter(a -> orderId.equals(subject(a)))
        .map(a -> CloudEventCodec.instance().decode(a.detail()))
        .findFirst()
        .orElseThrow();
  }
}
