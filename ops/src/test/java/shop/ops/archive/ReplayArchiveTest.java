package shop.ops.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.ops.audit.AuditEntry;
import shop.ops.audit.AuditLog;
import shop.ops.deadletter.Consumer;
import shop.ops.deadletter.Consumers;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;

class ReplayArchiveTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private final List<String> started = new ArrayList<>();
  private final List<AuditEntry> audited = new ArrayList<>();
  private final ReplayArchive replay =
      new ReplayArchive(
          new Consumers(
              List.of(new Consumer("carts", "shop-carts", "shop-carts-dlq", "shop-carts"))),
          new ArchiveReplays() {
            @Override
            public void start(String name, Instant from, Instant to, Optional<String> rule) {
              started.add(name + " " + rule.orElse("all"));
            }

            @Override
            public ReplayProgress progress(String name) {
              return new ReplayProgress("COMPLETED", NOW, null);
            }
          },
          new AuditLog() {
            @Override
            public void record(AuditEntry entry) {
              audited.add(entry);
            }

            @Override
            public List<AuditEntry> latest(int limit) {
              return audited;
            }
          },
          Clock.fixed(NOW, ZoneOffset.UTC),
          duration -> {},
          Duration.ofMinutes(1));

  @Test
  void replaysAWindowToOneConsumersRule() {
    var last =
        replay.replay(NOW.minusSeconds(3600), NOW, Optional.of("carts"), "ada", progress -> {});

    assertThat(last.state()).isEqualTo("COMPLETED");
    assertThat(started).singleElement().asString().endsWith("shop-carts");
    assertThat(audited).extracting(AuditEntry::result).containsExactly("intent", "ok");
  }

  @Test
  void aWindowThatEndsBeforeItStartsNamesFrom() {
    assertThatThrownBy(
            () -> replay.replay(NOW, NOW.minusSeconds(60), Optional.empty(), "ada", p -> {}))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("from");
    assertThat(started).isEmpty();
  }

  @Test
  void aWindowThatEndsInTheFutureNamesTo() {
    assertThatThrownBy(
            () ->
                replay.replay(
                    NOW.minusSeconds(60), NOW.plusSeconds(60), Optional.empty(), "ada", p -> {}))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("to");
  }

  @Test
  void anUnknownConsumerIsNotFound() {
    assertThatThrownBy(
            () ->
                replay.replay(
                    NOW.minusSeconds(60), NOW, Optional.of("stock"), "ada", progress -> {}))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("carts");
  }
}
