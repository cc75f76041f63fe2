package shop.user.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.events.InvalidEventException;
import shop.platform.outbox.OutboxWriter;
import shop.platform.postgres.PostgresDatabase;
import shop.user.account.Account;
import shop.user.account.OpaqueToken;
import shop.user.account.RegisterUser;
import shop.user.testing.UserServiceUnderTest;

/**
 * Each account mail is an outbox event, written in the transaction that stores its token: the token
 * and the mail exist together or not at all.
 */
class PostgresAccountMailIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static UserServiceUnderTest service;
  private static PostgresDatabase database;
  private static PostgresAccountMail mail;

  @BeforeAll
  static void start() {
    service = UserServiceUnderTest.start();
    database = PostgresDatabase.pooled(service.config);
    mail = new PostgresAccountMail(database, new OutboxWriter(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
    service.close();
  }

  @Test
  void registrationWritesTheConfirmationMailWithTheTokenItCarries() {
    String id = service.register("confirm@example.com");

    JsonNode event = onlyEvent("shop.user.email-verification-requested.v1", id);
    JsonNode data = event.get("data");
    assertThat(event.get("source").asText()).isEqualTo("shop.user");
    assertThat(data.get("email").asText()).isEqualTo("confirm@example.com");
    assertThat(data.get("name").asText()).isEqualTo("User confirm@example.com");
    assertThat(token(data.get("token").asText()))
        .containsExactly(id + " VERIFY_EMAIL " + seconds(data.get("expiresAt")));
    assertThat(Instant.parse(data.get("expiresAt").asText()))
        .isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(60));
  }

  @Test
  void aPasswordResetWritesTheResetMailWithTheTokenItCarries() {
    String id = service.register("forgot@example.com");

    service.module.requestPasswordReset().request("forgot@example.com", "198.51.100.7");

    JsonNode data = onlyEvent("shop.user.password-reset-requested.v1", id).get("data");
    assertThat(data.get("email").asText()).isEqualTo("forgot@example.com");
    assertThat(token(data.get("token").asText()))
        .containsExactly(id + " RESET_PASSWORD " + seconds(data.get("expiresAt")));
    assertThat(Instant.parse(data.get("expiresAt").asText()))
        .isCloseTo(Instant.now().plus(30, ChronoUnit.MINUTES), within(60));
  }

  @Test
  void registeringATakenAddressWritesANoticeToItsOwnerAndNoToken() {
    String id = service.register("owner@example.com");
    long tokens = service.count("SELECT count(*) FROM account_tokens");

    service
        .module
        .registerUser()
        .register(
            new RegisterUser.Command(
                "owner@example.com", UserServiceUnderTest.PASSWORD, "A Stranger", null));

    JsonNode data = onlyEvent("shop.user.registration-attempted.v1", id).get("data");
    assertThat(data.get("email").asText()).isEqualTo("owner@example.com");
    assertThat(data.get("name").asText()).isEqualTo("User owner@example.com");
    assertThat(data.has("token")).isFalse();
    assertThat(service.count("SELECT count(*) FROM account_tokens")).isEqualTo(tokens);
  }

  @Test
  void aMailThatCannotBeWrittenLeavesNoTokenBehind() {
    // An address the event's schema refuses: the outbox append fails after the token's insert
    // (for a real account), inside the same transaction.
    UUID id = UUID.fromString(service.register("rollback@example.com"));
    Account account =
        new Account(
            id,
            "no-at-sign",
            "hash",
            "Nobody",
            null,
            false,
            Set.of("customer"),
            null,
            Instant.now(),
            null);
    String token = OpaqueToken.generate().value();
    long outbox = service.count("SELECT count(*) FROM event_outbox");

    assertThatThrownBy(
            () -> mail.confirmAddress(account, token, Instant.now().plus(1, ChronoUnit.HOURS)))
        .isInstanceOf(InvalidEventException.class);

    assertThat(token(token)).isEmpty();
    assertThat(service.count("SELECT count(*) FROM event_outbox")).isEqualTo(outbox);
  }

  private static Instant seconds(JsonNode time) {
    return Instant.parse(time.asText()).truncatedTo(ChronoUnit.SECONDS);
  }

  private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
    return org.assertj.core.api.Assertions.within(seconds, ChronoUnit.SECONDS);
  }

  /** The one outbox event of {@code type} about user {@code id}, as the CloudEvent JSON. */
  private static JsonNode onlyEvent(String type, String id) {
    List<JsonNode> events =
        rows(
            "SELECT payload::text FROM event_outbox WHERE event_type = ? AND subject = ?",
            rs -> JSON.readTree(rs.getString(1)),
            type,
            id);
    assertThat(events).as(type + " about " + id).hasSize(1);
    return events.getFirst();
  }

  /** The stored token whose value is {@code value}: "user purpose expiresAt", or nothing. */
  private static List<String> token(String value) {
    return rows(
        "SELECT user_id, purpose, expires_at FROM account_tokens WHERE token_hash = ?",
        rs ->
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getTimestamp(3).toInstant().truncatedTo(ChronoUnit.SECONDS),
        OpaqueToken.hashOf(value));
  }

  private interface Row<T> {
    T map(ResultSet rs) throws Exception;
  }

  private static <T> List<T> rows(String sql, Row<T> row, String... args) {
    try (Connection c = service.postgres.getPostgresDatabase().getConnection();
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setString(i + 1, args[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        List<T> result = new java.util.ArrayList<>();
        while (rs.next()) {
          result.add(row.map(rs));
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
