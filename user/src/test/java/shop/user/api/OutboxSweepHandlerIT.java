package shop.user.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.testing.ApiEvents;
import shop.user.account.RegisterUser;
import shop.user.testing.UserServiceUnderTest;

/** The outbox's two ways out: the entry point's fast path and the scheduled sweep. */
class OutboxSweepHandlerIT {
  private static UserServiceUnderTest service;

  @BeforeAll
  static void start() {
    service = UserServiceUnderTest.start();
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
  }

  @Test
  void theApiSendsWhatARequestCommittedBeforeItAnswers() {
    service.call(
        ApiEvents.request("POST /auth/register")
            .json(
                Map.of(
                    "email", "fast@example.com",
                    "password", UserServiceUnderTest.PASSWORD,
                    "name", "Fast")));
    String id = service.userId("fast@example.com");

    assertThat(service.eventBridge.accepted()).anyMatch(e -> e.detail().contains(id));
    // The UserRegistered and the mail asking to confirm the address.
    assertThat(sent(id)).isEqualTo(2);
  }

  @Test
  void theSweepSendsWhatNoEntryPointRelayed() {
    // Called outside any entry point, as if the function had died right after the commit.
    service
        .module
        .registerUser()
        .register(
            new RegisterUser.Command(
                "swept@example.com", UserServiceUnderTest.PASSWORD, "Swept", null));
    String id = service.userId("swept@example.com");
    assertThat(service.eventBridge.accepted()).noneMatch(e -> e.detail().contains(id));

    Map<String, Integer> summary = new OutboxSweepHandler(service.module).handleRequest(null, null);

    assertThat(summary).containsEntry("retried", 0).containsEntry("parked", 0);
    assertThat(summary.get("sent")).isPositive();
    assertThat(service.eventBridge.accepted()).anyMatch(e -> e.detail().contains(id));
    // The UserRegistered and the mail asking to confirm the address.
    assertThat(sent(id)).isEqualTo(2);
  }

  @Test
  void theSweepForgetsTheSourceAddressesWhoseThrottleWindowEnded() throws Exception {
    try (java.sql.Connection c = service.postgres.getPostgresDatabase().getConnection()) {
      c.createStatement()
          .executeUpdate(
              "INSERT INTO source_attempts (source, window_start, attempts)"
                  + " VALUES ('192.0.2.99', now() - interval '1 hour', 7),"
                  + " ('192.0.2.100', now() + interval '1 hour', 1)");
    }

    Map<String, Integer> summary = new OutboxSweepHandler(service.module).handleRequest(null, null);

    assertThat(summary.get("sourceAttemptsPruned")).isPositive();
    assertThat(service.count("SELECT count(*) FROM source_attempts WHERE source = '192.0.2.99'"))
        .isZero();
    assertThat(service.count("SELECT count(*) FROM source_attempts WHERE source = '192.0.2.100'"))
        .isOne();
  }

  /** How many of the user's outbox entries were sent. */
  private static long sent(String userId) {
    return service.count(
        "SELECT count(*) FROM event_outbox WHERE status = 'SENT' AND subject = '" + userId + "'");
  }
}
