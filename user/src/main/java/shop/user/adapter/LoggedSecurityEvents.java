package shop.user.adapter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvents;

/**
 * Security events as one log line each on the logger {@value #LOGGER}: the message names the kind,
 * and the fields {@code securityEvent}, {@code userId}, {@code source} and {@code outcome} ride in
 * the line's context, so that a metric filter can count them ({@code { $.context.securityEvent =
 * "REFRESH_TOKEN_REUSED" }}: infra's UserStack alarms on it) and an analyst can query them by user
 * or source.
 */
public final class LoggedSecurityEvents implements SecurityEvents {
  public static final String LOGGER = "shop.user.security";
  private static final Logger LOG = LogManager.getLogger(LOGGER);

  @Override
  public void record(SecurityEvent event) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("securityEvent", event.kind().name());
    if (event.userId() != null) {
      fields.put("userId", event.userId().toString());
    }
    if (event.source() != null) {
      fields.put("source", event.source());
    }
    if (event.outcome() != null) {
      fields.put("outcome", event.outcome());
    }
    try (CloseableThreadContext.Instance context = CloseableThreadContext.putAll(fields)) {
      LOG.info("security event {}", event.kind());
    }
  }
}
