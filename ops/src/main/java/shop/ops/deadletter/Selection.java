package shop.ops.deadletter;

import java.time.Instant;
import java.util.Set;

/**
 * Which dead letters an operation applies to. Every given criterion must hold; no criterion selects
 * everything.
 *
 * @param ids CloudEvent ids (or SQS message ids for undecodable messages)
 * @param type an event name or CloudEvent type ({@code OrderCreated} or {@code
 *     shop.order.created.v1})
 * @param since only events that happened at or after this time
 * @param until only events that happened before this time
 */
public record Selection(Set<String> ids, String type, Instant since, Instant until) {

  public Selection {
    ids = ids == null ? Set.of() : Set.copyOf(ids);
  }

  public static Selection everything() {
    return new Selection(Set.of(), null, null, null);
  }

  public boolean isEverything() {
    return ids.isEmpty() && type == null && since == null && until == null;
  }

  public boolean matches(DeadLetter letter) {
    if (!ids.isEmpty() && !ids.contains(letter.id()) && !ids.contains(letter.messageId())) {
      return false;
    }
    if (type != null && !typeMatches(letter)) {
      return false;
    }
    Instant time = letter.eventTime() != null ? letter.eventTime() : letter.sentAt();
    if (since != null && (time == null || time.isBefore(since))) {
      return false;
    }
    return until == null || (time != null && time.isBefore(until));
  }

  private boolean typeMatches(DeadLetter letter) {
    return type.equals(letter.type()) || type.equals(letter.eventName());
  }

  @Override
  public String toString() {
    if (isEverything()) {
      return "everything";
    }
    StringBuilder text = new StringBuilder();
    if (!ids.isEmpty()) {
      text.append("ids=").append(String.join(",", ids.stream().sorted().toList())).append(' ');
    }
    if (type != null) {
      text.append("type=").append(type).append(' ');
    }
    if (since != null) {
      text.append("since=").append(since).append(' ');
    }
    if (until != null) {
      text.append("until=").append(until).append(' ');
    }
    return text.toString().strip();
  }
}
