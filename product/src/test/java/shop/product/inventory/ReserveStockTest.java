package shop.product.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;
import shop.product.catalog.GetProduct;
import shop.product.catalog.InMemoryCatalog;
import shop.product.catalog.NewProduct;
import shop.product.catalog.Product;
import shop.product.catalog.ProductNotFound;

class ReserveStockTest {
  private final InMemoryCatalog catalog = new InMemoryCatalog();
  private final InMemoryInventory inventory = new InMemoryInventory(catalog);
  private final List<Reservation> recorded = new ArrayList<>();
  private final ReservationEvents events = recorded::add;
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private final ReserveStock reserve = new ReserveStock(inventory, catalog, events, clock);
  private final ReleaseStock release = new ReleaseStock(inventory, events);
  private final SellStock sell = new SellStock(inventory, events);

  private Product product(String sku, int stock) {
    return catalog.insert(new NewProduct(sku, "Mug", null, 100, "EUR", List.of(), stock));
  }

  private static ReserveOrder order(String id, ReservationLine... lines) {
    return new ReserveOrder(id, List.of(lines), 2);
  }

  private int available(Product p) {
    return catalog.product(p.id()).orElseThrow().available();
  }

  @Test
  void reservesEveryLineAndAnnouncesIt() {
    Product mug = product("MUG", 5);
    Product tee = product("TEE", 2);

    Reservation r =
        reserve.reserve(
            order("o1", new ReservationLine(mug.id(), 2), new ReservationLine(tee.id(), 2)));

    assertThat(r.state()).isEqualTo(ReservationState.RESERVED);
    assertThat(r.decidedAt()).isEqualTo(clock.instant());
    assertThat(available(mug)).isEqualTo(3);
    assertThat(available(tee)).isZero();
    assertThat(recorded).containsExactly(r);
  }

  @Test
  void mergesLinesOfTheSameProduct() {
    Product mug = product("MUG", 5);

    reserve.reserve(
        order("o1", new ReservationLine(mug.id(), 2), new ReservationLine(mug.id(), 3)));

    assertThat(available(mug)).isZero();
  }

  @Test
  void rejectsAllOrNothingAndNamesEveryShortLine() {
    Product mug = product("MUG", 5);
    Product tee = product("TEE", 1);
    Product cap = product("CAP", 0);

    Reservation r =
        reserve.reserve(
            order(
                "o1",
                new ReservationLine(mug.id(), 2),
                new ReservationLine(tee.id(), 3),
                new ReservationLine(cap.id(), 1),
                new ReservationLine("ghost", 1)));

    assertThat(r.state()).isEqualTo(ReservationState.REJECTED);
    assertThat(r.rejections())
        .containsExactly(
            new Rejection(tee.id(), 3, 1, Rejection.Reason.OUT_OF_STOCK),
            new Rejection(cap.id(), 1, 0, Rejection.Reason.OUT_OF_STOCK),
            new Rejection("ghost", 1, 0, Rejection.Reason.UNKNOWN_PRODUCT));
    assertThat(available(mug)).isEqualTo(5);
    assertThat(inventory.heldBy(mug.id())).isEmpty();
    assertThat(recorded).extracting(Reservation::state).containsExactly(ReservationState.REJECTED);
  }

  @Test
  void aRedeliveryChangesNothing() {
    Product mug = product("MUG", 5);
    ReserveOrder order = order("o1", new ReservationLine(mug.id(), 2));

    Reservation first = reserve.reserve(order);
    Reservation again = reserve.reserve(order);

    assertThat(again).isEqualTo(first);
    assertThat(available(mug)).isEqualTo(3);
  }

  @Test
  void aRedeliveryAfterACrashMidwayFinishesTheJob() {
    Product mug = product("MUG", 5);
    Product tee = product("TEE", 5);
    ReserveOrder order =
        order("o1", new ReservationLine(mug.id(), 2), new ReservationLine(tee.id(), 2));
    // The first delivery opened the reservation and held one line, then died.
    inventory.open(order.orderId(), order.lines(), order.sequence());
    inventory.hold(order.orderId(), order.lines().get(0));

    Reservation r = reserve.reserve(order);

    assertThat(r.state()).isEqualTo(ReservationState.RESERVED);
    assertThat(available(mug)).isEqualTo(3);
    assertThat(available(tee)).isEqualTo(3);
  }

  @Test
  void cancellingReleasesOnceAndAnOvertakenOrderReservesNothing() {
    Product mug = product("MUG", 5);
    reserve.reserve(order("o1", new ReservationLine(mug.id(), 2)));

    release.release("o1");
    release.release("o1");
    release.release("o2");
    reserve.reserve(order("o2", new ReservationLine(mug.id(), 1)));

    assertThat(available(mug)).isEqualTo(5);
    assertThat(inventory.reservation("o2").orElseThrow().state())
        .isEqualTo(ReservationState.CANCELLED);
  }

  @Test
  void aSaleTakesTheUnitsOffTheShelfOnce() {
    Product mug = product("MUG", 5);
    reserve.reserve(order("o1", new ReservationLine(mug.id(), 2)));

    sell.sell("o1");
    sell.sell("o1");

    Product after = catalog.product(mug.id()).orElseThrow();
    assertThat(after.onHand()).isEqualTo(3);
    assertThat(after.reserved()).isZero();
    assertThatThrownBy(() -> sell.sell("unknown")).isInstanceOf(ReservationNotReadyException.class);
  }

  @Test
  void stockCannotBeSetBelowWhatIsHeld() {
    Product mug = product("MUG", 5);
    reserve.reserve(order("o1", new ReservationLine(mug.id(), 4)));

    assertThat(inventory.setOnHand(mug.id(), 3)).isEqualTo(new StockChange.BelowReserved(4));
    assertThat(inventory.setOnHand(mug.id(), 4)).isEqualTo(new StockChange.Done());
  }

  @Test
  void afterTheFirstShortLineALaterLineAskingForExactlyWhatIsLeftIsNotNamed() {
    Product tee = product("TEE", 1);
    Product mug = product("MUG", 2);

    Reservation r =
        reserve.reserve(
            order("o1", new ReservationLine(tee.id(), 3), new ReservationLine(mug.id(), 2)));

    assertThat(r.rejections())
        .containsExactly(new Rejection(tee.id(), 3, 1, Rejection.Reason.OUT_OF_STOCK));
  }

  @Test
  void anArchivedProductLaterInTheOrderIsNamedAsArchived() {
    Product tee = product("TEE", 1);
    Product mug = product("MUG", 2);
    catalog.archive(mug.id());

    Reservation r =
        reserve.reserve(
            order("o1", new ReservationLine(tee.id(), 3), new ReservationLine(mug.id(), 1)));

    assertThat(r.rejections())
        .containsExactly(
            new Rejection(tee.id(), 3, 1, Rejection.Reason.OUT_OF_STOCK),
            new Rejection(mug.id(), 1, 0, Rejection.Reason.ARCHIVED));
  }

  @Test
  void anOrderStartsAtSequenceOne() {
    assertThat(new ReserveOrder("o1", List.of(new ReservationLine("p", 1)), 1).sequence())
        .isEqualTo(1);
    assertThatThrownBy(() -> new ReserveOrder("o1", List.of(new ReservationLine("p", 1)), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void releasingAnswersWithTheCancelledReservation() {
    Product mug = product("MUG", 5);
    reserve.reserve(order("o1", new ReservationLine(mug.id(), 2)));

    assertThat(release.release("o1").state()).isEqualTo(ReservationState.CANCELLED);
  }

  @Test
  void aReservationLeftUndecidedByACrashIsCancelledAndHoldsNothing() {
    Product mug = product("MUG", 5);
    inventory.open("o1", List.of(new ReservationLine(mug.id(), 2)), 2);

    assertThat(release.release("o1").state()).isEqualTo(ReservationState.CANCELLED);
    assertThat(available(mug)).isEqualTo(5);
  }

  @Test
  void aRejectedOrderHasNothingToReleaseAndAnnouncesNothingMore() {
    Product mug = product("MUG", 1);
    reserve.reserve(order("o1", new ReservationLine(mug.id(), 2)));

    Reservation released = release.release("o1");

    assertThat(released.state()).isEqualTo(ReservationState.REJECTED);
    assertThat(recorded).extracting(Reservation::state).containsExactly(ReservationState.REJECTED);
  }

  @Test
  void aSaleAnswersWithTheSoldReservation() {
    Product mug = product("MUG", 5);
    reserve.reserve(order("o1", new ReservationLine(mug.id(), 2)));

    assertThat(sell.sell("o1").state()).isEqualTo(ReservationState.SOLD);
  }

  @Test
  void aSoldOrderCancelledBeforeItShippedPutsItsUnitsBackOnce() {
    Product mug = product("MUG", 5);
    reserve.reserve(order("o1", new ReservationLine(mug.id(), 2)));
    sell.sell("o1");

    assertThat(release.release("o1").state()).isEqualTo(ReservationState.SOLD);
    release.release("o1");

    Product after = catalog.product(mug.id()).orElseThrow();
    assertThat(after.onHand()).isEqualTo(5);
    assertThat(after.available()).isEqualTo(5);
  }

  @Test
  void aCancelledOrderSellsNothing() {
    Product mug = product("MUG", 5);
    reserve.reserve(order("o1", new ReservationLine(mug.id(), 2)));
    release.release("o1");

    assertThat(sell.sell("o1").state()).isEqualTo(ReservationState.CANCELLED);
    assertThat(catalog.product(mug.id()).orElseThrow().onHand()).isEqualTo(5);
  }

  @Test
  void aRejectedOrderSellsNothingAndAnnouncesNothingMore() {
    Product mug = product("MUG", 1);
    reserve.reserve(order("o1", new ReservationLine(mug.id(), 2)));

    assertThat(sell.sell("o1").state()).isEqualTo(ReservationState.REJECTED);
    assertThat(catalog.product(mug.id()).orElseThrow().onHand()).isEqualTo(1);
    assertThat(recorded).extracting(Reservation::state).containsExactly(ReservationState.REJECTED);
  }

  @Test
  void aSaleBeforeTheReservationIsDecidedIsRetriedLater() {
    Product mug = product("MUG", 5);
    inventory.open("o1", List.of(new ReservationLine(mug.id(), 2)), 2);

    assertThatThrownBy(() -> sell.sell("o1")).isInstanceOf(ReservationNotReadyException.class);
  }

  @Test
  void anAdminSetsTheStockOnHandButNotBelowWhatOrdersHold() {
    Product mug = product("MUG", 5);
    reserve.reserve(order("o1", new ReservationLine(mug.id(), 4)));
    SetStock setStock = new SetStock(inventory, new GetProduct(catalog));

    assertThat(setStock.set(mug.id(), 9).onHand()).isEqualTo(9);
    assertThatThrownBy(() -> setStock.set(mug.id(), 3))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("orders hold 4 units");
    assertThatThrownBy(() -> setStock.set("ghost", 3)).isInstanceOf(ProductNotFound.class);
  }
}
