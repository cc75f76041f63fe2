package shop.user.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvents;

/**
 * Security events as one JSON log line each on the logger {@value #LOGGER}, so that a metric filter
 * can count them by {@code securityEvent} (for example {@code { $.securityEvent =
 * "REFRESH_TOKEN_REUSED" }}) and an analyst can query them by user or source.
 */
public final class LoggedSecurityEvents implements SecurityEvents {
  public static final String LOGGER = "shop.user.security";
  private static final System.Logger LOG = System.getLogger(LOGGER);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void record(SecurityEvent event) {
    Map<String, String> line = new LinkedHashMap<>();
    line.put("securityEvent", event.kind().name());
    line.put("userId", event.userId() == null ? null : event.userId().toString());
    line.put("source", event.source());
    line.put("outcome", event.outcome());
    LOG.log(System.Logger.Level.INFO, json(line));
  }

  private static String json(Map<String, String> line) {
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }
}
