package shop.localstack.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvocationsTest {

  @Test
  void aListenerHearsEveryInvocationUntilItStopsListening() throws Exception {
    List<Invocations.Invocation> heard = new ArrayList<>();

    try (AutoCloseable listening = Invocations.listen(heard::add)) {
      assertThat(Invocations.timed("orders", "http", 1, () -> "answer")).isEqualTo("answer");
    }
    Invocations.timed("orders", "http", 1, () -> "unheard");

    assertThat(heard)
        .singleElement()
        .satisfies(i -> assertThat(i.function()).isEqualTo("orders"))
        .satisfies(i -> assertThat(i.kind()).isEqualTo("http"))
        .satisfies(i -> assertThat(i.billedMillis()).isPositive());
  }

  @Test
  void aFailedInvocationIsBilledToo() throws Exception {
    List<Invocations.Invocation> heard = new ArrayList<>();

    try (AutoCloseable listening = Invocations.listen(heard::add)) {
      assertThatThrownBy(
              () ->
                  Invocations.timed(
                      "payments",
                      "sqs",
                      3,
                      () -> {
                        throw new IllegalStateException("down");
                      }))
          .hasMessage("down");
    }

    assertThat(heard).singleElement().satisfies(i -> assertThat(i.items()).isEqualTo(3));
  }

  @Test
  void billingRoundsUpToTheMillisecond() {
    assertThat(new Invocations.Invocation("f", "http", 0, 1_000_001, 0, 1).billedMillis())
        .isEqualTo(2);
    assertThat(new Invocations.Invocation("f", "http", 0, 1_000_000, 0, 1).billedMillis())
        .isEqualTo(1);
    assertThat(new Invocations.Invocation("f", "http", 0, 10, 0, 1).billedMillis()).isEqualTo(1);
  }
}
