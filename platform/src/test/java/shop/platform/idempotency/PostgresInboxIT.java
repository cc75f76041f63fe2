package shop.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import shop.platform.testing.EmbeddedDatabase;

class PostgresInboxIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static EmbeddedDatabase db;

  private final PostgresInbox inbox = new PostgresInbox();
  private final String eventId = UUID.randomUUID().toString();

  @BeforeAll
  static void start() {
    db = EmbeddedDatabase.start("classpath:db/platform");
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void marksAnEventHandledOncePerConsumer() {
    assertThat(mark("payments")).isTrue();
    assertThat(mark("payments")).isFalse();
    assertThat(mark("carts")).isTrue();
  }

  @Test
  void forgetsTheMarkWhenTheTransactionRollsBack() {
    assertThatThrownBy(
            () ->
                db.inTransaction(
                        connection ->
                            inbox
                                .markHandled(connection, "payments", eventId)
                                .then(Mono.error(new IllegalStateException("capture failed"))))
                    .block(TIMEOUT))
        .hasMessageContaining("capture failed");

    assertThat(mark("payments")).isTrue();
  }

  private boolean mark(String consumer) {
    AtomicReference<Boolean> first = new AtomicReference<>();
    db.inTransaction(
            connection -> inbox.markHandled(connection, consumer, eventId).doOnNext(first::set))
        .block(TIMEOUT);
    return first.get();
  }
}
