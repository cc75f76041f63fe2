package shop.user.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.postgres.PostgresDatabase;
import shop.user.auth.Lockout;
import shop.user.testing.UserServiceUnderTest;

/** The lockout's SQL applies the same rule as {@link Lockout}, at instants the test chooses. */
class PostgresSessionsIT {
  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private static UserServiceUnderTest service;
  private static PostgresDatabase database;
  private static PostgresSessions sessions;

  @BeforeAll
  static void start() {
    service = UserServiceUnderTest.start();
    database = PostgresDatabase.pooled(service.config);
    sessions = new PostgresSessions(database, Lockout.DEFAULT);
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
    service.close();
  }

  @Test
  void locksAfterFiveFailuresAndDoublesTheLockWithEachFurtherOne() {
    UUID id = UUID.fromString(service.register("backoff@example.com"));
    for (int i = 1; i <= 5; i++) {
      assertThat(sessions.claim(id, T0)).hasValue(i);
    }

    assertThat(sessions.claim(id, T0.plusSeconds(59))).isEmpty();
    assertThat(sessions.claim(id, T0.plusSeconds(60))).hasValue(6);
    assertThat(sessions.claim(id, T0.plusSeconds(60 + 119))).isEmpty();
    assertThat(sessions.claim(id, T0.plusSeconds(60 + 120))).hasValue(7);
    // The seventh failure locks for 4 minutes; a success forgets everything.
    sessions.succeeded(id);
    assertThat(sessions.claim(id, T0.plusSeconds(60 + 121))).hasValue(1);
  }

  @Test
  void neverLocksLongerThanAnHour() {
    UUID id = UUID.fromString(service.register("patient@example.com"));
    Instant at = T0;
    OptionalInt failures = OptionalInt.empty();
    for (int i = 0; i < 12; i++) {
      failures = sessions.claim(id, at);
      at = at.plus(Lockout.DEFAULT.lockAfter(failures.getAsInt()));
    }

    assertThat(failures).hasValue(12);
    assertThat(sessions.claim(id, at.minusSeconds(1))).isEmpty();
    assertThat(Duration.between(T0, at)).isLessThan(Duration.ofHours(4));
    assertThat(sessions.claim(id, at)).hasValue(13);
  }

  @Test
  void forgetsFailuresADayOld() {
    UUID id = UUID.fromString(service.register("forgotten@example.com"));
    for (int i = 0; i < 4; i++) {
      sessions.claim(id, T0);
    }

    assertThat(sessions.claim(id, T0.plus(Duration.ofDays(1)))).hasValue(1);
  }
}
