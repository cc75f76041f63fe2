package shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventContractsTest {
  private final ObjectMapper mapper = EventJson.mapper();
  private final CloudEventCodec codec = CloudEventCodec.instance();

  @ParameterizedTest
  @EnumSource(EventType.class)
  void sampleDataMatchesItsSchema(EventType type) throws IOException {
    JsonNode sample = read(type.sampleResource());

    assertThat(sample.get("type").asText()).isEqualTo(type.type());
    assertThat(sample.get("source").asText()).isEqualTo(type.source());
    assertThat(EventSchemas.instance().problems(type, sample.get("data"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void sampleRoundTripsThroughItsRecord(EventType type) throws IOException {
    JsonNode sample = read(type.sampleResource());

    EventEnvelope<ShopEvent> decoded = codec.decode(mapper.writeValueAsString(sample));

    assertThat(decoded.data()).isInstanceOf(type.recordType());
    assertThat(decoded.subject()).isEqualTo(decoded.data().subject());
    assertThat(mapper.readTree(codec.encode(decoded))).isEqualTo(sample);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void recordComponentsAreTheSchemaProperties(EventType type) throws IOException {
    JsonNode schema = read(type.schemaResource());
    Set<String> schemaProperties = new HashSet<>();
    schema.get("properties").fieldNames().forEachRemaining(schemaProperties::add);

    Set<String> components =
        Arrays.stream(type.recordType().getRecordComponents())
            .map(c -> c.getName())
            .collect(Collectors.toSet());

    assertThat(components).isEqualTo(schemaProperties);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void anEventCarryingATokenSaysItIsAOneTimeSecretAndKeepsItOutOfItsText(EventType type)
      throws IOException {
    JsonNode schema = read(type.schemaResource());
    if (!schema.path("properties").has("token")) {
      return;
    }
    assertThat(schema.get("description").asText()).contains("one-time secret");
    assertThat(schema.at("/properties/token/description").asText())
        .contains("one-time secret", "must neither log nor keep it");

    EventEnvelope<ShopEvent> sample =
        codec.decode(mapper.writeValueAsString(read(type.sampleResource())));
    String token = mapper.valueToTree(sample.data()).get("token").asText();
    assertThat(sample.data().toString()).doesNotContain(token);
    assertThat(sample.toString()).doesNotContain(token);
  }

  @Test
  void everyEventRecordHasATypeASchemaAndASample() throws Exception {
    Set<Class<?>> catalogued =
        Arrays.stream(EventType.values()).map(EventType::recordType).collect(Collectors.toSet());

    assertThat(ShopEvent.class.getPermittedSubclasses())
        .allSatisfy(c -> assertThat(catalogued).contains(c));
    for (EventType type : EventType.values()) {
      assertThat(resourceExists(type.schemaResource())).as(type.schemaResource()).isTrue();
      assertThat(resourceExists(type.sampleResource())).as(type.sampleResource()).isTrue();
    }
  }

  @Test
  void everySchemaAndSampleFileBelongsToAnEventType() throws Exception {
    Set<String> expected =
        Arrays.stream(EventType.values())
            .flatMap(t -> Stream.of(t.schemaResource(), t.sampleResource()))
            .map(r -> r.substring(r.lastIndexOf('/') + 1))
            .collect(Collectors.toSet());

    Set<String> present = new HashSet<>();
    for (String dir : new String[] {"shop/events/schemas", "shop/events/samples"}) {
      try (Stream<Path> files = Files.list(resourceDir(dir))) {
        files.map(p -> p.getFileName().toString()).forEach(present::add);
      }
    }

    assertThat(present).isEqualTo(expected);
  }

  @Test
  void eventNamesFollowTheHouseConvention() {
    for (EventType type : EventType.values()) {
      assertThat(type.type()).matches("shop\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");
      assertThat(type.source()).matches("shop\\.(product|user|transaction|notification)");
    }
  }

  private JsonNode read(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return mapper.readTree(in);
    }
  }

  private boolean resourceExists(String resource) {
    return getClass().getClassLoader().getResource(resource) != null;
  }

  private Path resourceDir(String dir) throws URISyntaxException {
    return Path.of(getClass().getClassLoader().getResource(dir).toURI());
  }
}
