package shop.user.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.user.fakes.RecordingMail.Mail;

/**
 * The account mails the service wrote, read back from its outbox: what notification will send.
 * Tests follow their links as a customer follows the email's.
 */
public final class OutboxMail {
  private static final Map<String, String> KINDS =
      Map.of(
          "shop.user.email-verification-requested.v1", "confirm-address",
          "shop.user.password-reset-requested.v1", "reset-password",
          "shop.user.registration-attempted.v1", "registration-attempted");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedPostgres postgres;

  OutboxMail(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Every account mail in the outbox, oldest first. */
  public List<Mail> sent() {
    String sql =
        "SELECT event_type, payload::text FROM event_outbox WHERE event_type = ANY (?)"
            + " ORDER BY created_at, id";
    List<Mail> mails = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var statement = c.prepareStatement(sql)) {
      statement.setArray(1, c.createArrayOf("text", KINDS.keySet().toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          JsonNode data = JSON.readTree(rs.getString(2)).get("data");
          mails.add(
              new Mail(
                  KINDS.get(rs.getString(1)),
                  data.get("email").asText(),
                  data.hasNonNull("token") ? data.get("token").asText() : null,
                  data.hasNonNull("expiresAt")
                      ? Instant.parse(data.get("expiresAt").asText())
                      : null));
        }
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("the outbox could not be read", e);
    }
    return mails;
  }

  /** The token of the last mail of {@code kind} to {@code email}. */
  public String lastToken(String kind, String email) {
    List<Mail> sent = sent();
    return sent.reversed().stream()
        .filter(m -> m.kind().equals(kind) && m.email().equals(email))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " mail to " + email + ": " + sent))
        .token();
  }
}
