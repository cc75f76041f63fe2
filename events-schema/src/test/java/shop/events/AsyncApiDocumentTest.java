package shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AsyncApiDocumentTest {
  private static final JsonNode DOCUMENT = load();

  @ParameterizedTest
  @EnumSource(EventType.class)
  void documentsEveryEventTypeWithItsSchema(EventType type) {
    String name = type.eventName();

    JsonNode channel = DOCUMENT.path("channels").path(name);
    JsonNode message = DOCUMENT.path("components").path("messages").path(name);
    JsonNode typed =
        message.path("payload").path("schema").path("allOf").path(1).path("properties");

    assertThat(channel.path("address").asText())
        .isEqualTo("shop-events/" + type.source() + "/" + name);
    assertThat(DOCUMENT.path("operations").path("receive" + name).path("action").asText())
        .isEqualTo("receive");
    assertThat(typed.path("type").path("const").asText()).isEqualTo(type.type());
    assertThat(typed.path("source").path("const").asText()).isEqualTo(type.source());
    String schemaRef = typed.path("data").path("$ref").asText();
    assertThat(schemaRef).isEqualTo(type.schemaResource());
    assertThat(getClass().getClassLoader().getResource(schemaRef)).as(schemaRef).isNotNull();
  }

  private static JsonNode load() {
    try (InputStream in =
        AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
      JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
      assertThat(doc.path("asyncapi").asText()).startsWith("3.");
      return doc;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
