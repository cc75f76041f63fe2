package shop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {
  private final CloudEventCodec codec = CloudEventCodec.instance();
  private final ObjectMapper mapper = EventJson.mapper();

  @Test
  void encodesTheHouseEnvelope() throws Exception {
    UserRegistered registered =
        new UserRegistered(
            "u-1", "ada@example.com", "Ada", null, Instant.parse("2026-01-01T00:00:00Z"));

    JsonNode json =
        mapper.readTree(codec.encode(EventEnvelope.of(registered, 1, registered.registeredAt())));

    assertThat(json.get("specversion").asText()).isEqualTo("1.0");
    assertThat(json.get("type").asText()).isEqualTo("shop.user.registered.v1");
    assertThat(json.get("source").asText()).isEqualTo("shop.user");
    assertThat(json.get("subject").asText()).isEqualTo("u-1");
    assertThat(json.get("aggregateversion").asInt()).isEqualTo(1);
    assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(json.get("data").get("email").asText()).isEqualTo("ada@example.com");
    assertThat(json.get("data").has("phone")).isFalse();
  }

  @Test
  void acceptsEveryAddressTheUserServiceAcceptsButNotAnEmailWithoutAnAt() {
    // Consumers must not refuse an address the owning service accepted (reserved TLDs included).
    UserRegistered local =
        new UserRegistered("u-1", "ada@shop.example", "Ada", null, Instant.now());
    UserRegistered broken =
        new UserRegistered("u-1", "ada.example.com", "Ada", null, Instant.now());

    assertThat(codec.encode(EventEnvelope.of(local, 1, Instant.now())))
        .contains("ada@shop.example");
    assertThatThrownBy(() -> codec.encode(EventEnvelope.of(broken, 1, Instant.now())))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("email");
  }

  @Test
  void refusesToEncodeAnEventThatBreaksItsSchema() {
    OrderCreated sample = EventSamples.<OrderCreated>envelope(EventType.ORDER_CREATED).data();
    OrderCreated badCurrency =
        new OrderCreated(
            sample.orderId(),
            sample.userId(),
            sample.customer(),
            sample.lines(),
            sample.total(),
            "euro",
            sample.paymentMethodId(),
            null,
            sample.createdAt());

    assertThatThrownBy(() -> codec.encode(EventEnvelope.of(badCurrency, 1, Instant.now())))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("currency");
  }

  @Test
  void refusesAnOrderWithoutLines() {
    OrderCreated sample = EventSamples.<OrderCreated>envelope(EventType.ORDER_CREATED).data();
    OrderCreated empty =
        new OrderCreated(
            sample.orderId(),
            sample.userId(),
            sample.customer(),
            List.of(),
            sample.total(),
            sample.currency(),
            sample.paymentMethodId(),
            null,
            sample.createdAt());

    assertThatThrownBy(() -> codec.encode(EventEnvelope.of(empty, 1, Instant.now())))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("lines");
  }

  @Test
  void decodingIgnoresUnknownDataFields() throws Exception {
    ObjectNode sample = (ObjectNode) mapper.readTree(EventSamples.json(EventType.USER_REGISTERED));
    ((ObjectNode) sample.get("data")).put("favouriteColour", "green");

    EventEnvelope<ShopEvent> decoded = codec.decode(mapper.writeValueAsString(sample));

    assertThat(((UserRegistered) decoded.data()).email()).isEqualTo("ada@example.com");
  }

  @Test
  void rejectsAnUnknownType() throws Exception {
    ObjectNode sample = (ObjectNode) mapper.readTree(EventSamples.json(EventType.USER_REGISTERED));
    sample.put("type", "shop.user.registered.v9");

    assertThatThrownBy(() -> codec.decode(mapper.writeValueAsString(sample)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("unknown event type");
  }

  @Test
  void rejectsDataThatBreaksTheSchema() throws Exception {
    ObjectNode sample = (ObjectNode) mapper.readTree(EventSamples.json(EventType.ORDER_CREATED));
    ((ObjectNode) sample.get("data")).put("total", "forty-nine");

    assertThatThrownBy(() -> codec.decode(mapper.writeValueAsString(sample)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("total");
  }

  @Test
  void rejectsAnEnvelopeWithoutSequenceOrSubject() throws Exception {
    ObjectNode sample = (ObjectNode) mapper.readTree(EventSamples.json(EventType.ORDER_CREATED));
    sample.remove("aggregateversion");
    sample.remove("subject");

    assertThatThrownBy(() -> codec.decode(mapper.writeValueAsString(sample)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("subject is missing")
        .hasMessageContaining("aggregateversion");
  }

  @Test
  void rejectsASubjectThatIsNotTheAggregate() throws Exception {
    ObjectNode sample = (ObjectNode) mapper.readTree(EventSamples.json(EventType.ORDER_CREATED));
    sample.put("subject", "another-order");

    assertThatThrownBy(() -> codec.decode(mapper.writeValueAsString(sample)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("subject");
  }

  @Test
  void rejectsTextThatIsNotACloudEvent() {
    assertThatThrownBy(() -> codec.decode("{\"hello\":\"world\"}"))
        .isInstanceOf(InvalidEventException.class);
    assertThatThrownBy(() -> codec.decode("not json")).isInstanceOf(InvalidEventException.class);
  }

  @Test
  void anEnvelopeCannotCarryAnotherTypesData() {
    UserRegistered registered = new UserRegistered("u-1", "a@b.co", "A", null, Instant.now());

    assertThatThrownBy(
            () ->
                new EventEnvelope<>(
                    "id", EventType.ORDER_CREATED, "u-1", 1, Instant.now(), registered))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
