package shop.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void namesWhatItSelectsForTheAuditLog() {
    assertThat(Selection.everything()).hasToString("everything");
    assertThat(new Selection(Set.of("e2", "e1"), "OrderCreated", T0, T0.plusSeconds(60)))
        .hasToString(
            "ids=e1,e2 type=OrderCreated since=2026-11-24T10:00:00Z until=2026-11-24T10:01:00Z");
    assertThat(new Selection(null, null, null, T0)).hasToString("until=2026-11-24T10:00:00Z");
  }

  @Test
  void untilIsExclusiveAndALetterWithoutAnEventTimeIsDatedBySqs() {
    Selection before = new Selection(null, null, null, T0);

    assertThat(before.matches(letter(T0.minusSeconds(1), null))).isTrue();
    assertThat(before.matches(letter(T0, null))).isFalse();
    assertThat(before.matches(letter(null, T0.minusSeconds(1)))).isTrue();
    assertThat(before.matches(letter(null, T0))).isFalse();
    assertThat(before.matches(letter(null, null))).isFalse();
  }

  @Test
  void sinceIsInclusive() {
    Selection after = new Selection(null, null, T0, null);

    assertThat(after.matches(letter(T0, null))).isTrue();
    assertThat(after.matches(letter(T0.minusSeconds(1), null))).isFalse();
    assertThat(after.matches(letter(null, null))).isFalse();
  }

  @Test
  void anUndecodableMessageIsSelectedByItsSqsId() {
    DeadLetter undecodable =
        new DeadLetter("m-1", "rh", null, null, null, null, null, 1, T0, "{", "bad json");

    assertThat(new Selection(Set.of("m-1"), null, null, null).matches(undecodable)).isTrue();
    assertThat(new Selection(Set.of("m-2"), null, null, null).matches(undecodable)).isFalse();
  }

  private static DeadLetter letter(Instant eventTime, Instant sentAt) {
    return new DeadLetter(
        "m-1",
        "rh",
        "e-1",
        "shop.order.created.v1",
        "OrderCreated",
        "order-1",
        eventTime,
        1,
        sentAt,
        "{}",
        null);
  }
}
