package shop.user.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;

class LoggedSecurityEventsTest {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger(LoggedSecurityEvents.LOGGER);
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  @Test
  void writesOneJsonLineWithTheKindUserSourceAndOutcome() {
    UUID id = UUID.fromString("502a7387-ff87-4f2f-ab4e-bc32c2bf3274");

    new LoggedSecurityEvents()
        .record(new SecurityEvent(Kind.REFRESH_TOKEN_REUSED, id, "198.51.100.7", "family revoked"));

    assertThat(lines)
        .containsExactly(
            "{\"securityEvent\":\"REFRESH_TOKEN_REUSED\",\"userId\":\""
                + id
                + "\","
                + "\"source\":\"198.51.100.7\",\"outcome\":\"family revoked\"}");
  }
}
