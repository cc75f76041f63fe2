package shop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.platform.http.HttpJson;

class OutboxOperationsTest {
  private final ParkedOnly store = new ParkedOnly();
  private final OutboxOperations operations = new OutboxOperations(store);

  @Test
  void listsTheParkedEntriesWithWhatAnOperatorNeeds() throws Exception {
    store.parked.add(parked("e-1"));
    store.parked.add(parked("e-2"));

    JsonNode answer = call("{\"action\":\"list\",\"limit\":1}");

    assertThat(answer.get("parked")).hasSize(1);
    JsonNode first = answer.get("parked").get(0);
    assertThat(first.get("id").asText()).isEqualTo("e-1");
    assertThat(first.get("eventType").asText()).isEqualTo("shop.order.created.v1");
    assertThat(first.get("subject").asText()).isEqualTo("order-e-1");
    assertThat(first.get("attempts").asInt()).isEqualTo(12);
    assertThat(first.get("lastError").asText()).isEqualTo("InternalException: down");
    assertThat(first.get("createdAt").asText()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(call("{\"action\":\"list\"}").get("parked")).hasSize(2);
  }

  @Test
  void retriesOneEntryOrEveryEntry() throws Exception {
    store.parked.add(parked("e-1"));
    store.parked.add(parked("e-2"));
    store.parked.add(parked("e-3"));

    assertThat(call("{\"action\":\"retry\",\"id\":\"e-2\"}").get("retried").asInt()).isEqualTo(1);
    assertThat(call("{\"action\":\"retry\",\"id\":\"e-2\"}").get("retried").asInt()).isZero();
    assertThat(call("{\"action\":\"retry-all\"}").get("retried").asInt()).isEqualTo(2);
    assertThat(store.parked).isEmpty();
  }

  @Test
  void refusesARequestItCannotRead() {
    assertThatThrownBy(() -> call("{\"action\":\"purge\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown action 'purge'");
    assertThatThrownBy(() -> call("{\"action\":\"retry\"}"))
        .hasMessageContaining("names the event id");
  }

  private JsonNode call(String request) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    operations.handle(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), out);
    return HttpJson.mapper().readTree(out.toByteArray());
  }

  private static ParkedEntry parked(String id) {
    return new ParkedEntry(
        id,
        "shop.order.created.v1",
        "order-" + id,
        12,
        "InternalException: down",
        Instant.parse("2026-12-01T10:00:00Z"));
  }

  /** The parked side of a store; the relay's side is not what operators use. */
  private static final class ParkedOnly implements OutboxStore {
    final List<ParkedEntry> parked = new ArrayList<>();

    @Override
    public List<ParkedEntry> parked(int max) {
      return parked.stream().limit(max).toList();
    }

    @Override
    public boolean retry(String id) {
      return parked.removeIf(p -> p.id().equals(id));
    }

    @Override
    public OutboxBacklog backlog() {
      return OutboxBacklog.EMPTY;
    }

    @Override
    public long retryAllParked() {
      int count = parked.size();
      parked.clear();
      return count;
    }

    @Override
    public List<OutboxEntry> claim(Collection<String> ids, Duration lease) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<OutboxEntry> claimDue(int max, Duration lease) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void markSent(Collection<String> ids) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void retryLater(String id, String error, Duration delay) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void park(String id, String error) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long deleteSent(Duration age, int max) {
      throw new UnsupportedOperationException();
    }
  }
}
