package shop.user.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;

class LoggedSecurityEventsTest {
  private final List<LogEvent> lines = new CopyOnWriteArrayList<>();
  private final Logger logger = (Logger) LogManager.getLogger(LoggedSecurityEvents.LOGGER);
  private final AbstractAppender capture =
      new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
          lines.add(event.toImmutable());
        }
      };
  private Level level;

  @BeforeEach
  void listen() {
    // A test before this one on the same thread may have left a request's context behind.
    ThreadContext.clearMap();
    level = logger.getLevel();
    capture.start();
    logger.addAppender(capture);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void stopListening() {
    logger.removeAppender(capture);
    logger.setLevel(level);
  }

  @Test
  void writesOneLineWhoseContextCarriesTheKindUserSourceAndOutcome() {
    UUID id = UUID.fromString("502a7387-ff87-4f2f-ab4e-bc32c2bf3274");

    new LoggedSecurityEvents()
        .record(new SecurityEvent(Kind.REFRESH_TOKEN_REUSED, id, "198.51.100.7", "family revoked"));

    assertThat(lines)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.getMessage().getFormattedMessage())
                  .isEqualTo("security event REFRESH_TOKEN_REUSED");
              // What the JSON layout writes under "context", and the alarm's filter reads.
              assertThat(line.getContextData().toMap())
                  .containsEntry("securityEvent", "REFRESH_TOKEN_REUSED")
                  .containsEntry("userId", id.toString())
                  .containsEntry("source", "198.51.100.7")
                  .containsEntry("outcome", "family revoked");
            });
    assertThat(ThreadContext.getContext()).as("nothing left for the next line").isEmpty();
  }

  @Test
  void leavesTheInvocationsOwnContextAsItFoundIt() {
    ThreadContext.put("requestId", "r-1");
    ThreadContext.put("userId", "the caller");

    new LoggedSecurityEvents()
        .record(new SecurityEvent(Kind.LOGIN_FAILED, UUID.randomUUID(), "198.51.100.7", "locked"));

    assertThat(lines.getFirst().getContextData().toMap()).containsEntry("requestId", "r-1");
    assertThat(ThreadContext.getContext())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of("requestId", "r-1", "userId", "the caller"));
  }
}
