package shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * asyncapi.yaml against the official JSON Schema of its AsyncAPI version (from AsyncAPI's specs
 * package, see asyncapi-specs/README.md): what {@code asyncapi validate} checks first, without npm.
 * AsyncApiDocumentTest checks what the document says; this checks that tools can read it.
 */
class AsyncApiSpecificationTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode DOCUMENT = read(YAML, "asyncapi.yaml");
  private static final JsonSchema SPECIFICATION =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
          .getSchema(read(JSON, "asyncapi-specs/asyncapi-3.0.0.schema.json"));

  @Test
  void documentIsTheVersionTheSchemaDescribes() {
    assertThat(DOCUMENT.path("asyncapi").asText()).isEqualTo("3.0.0");
  }

  @Test
  void documentMeetsTheAsyncApiSchema() {
    assertThat(violations(DOCUMENT)).isEmpty();
  }

  @Test
  void aMessageExampleWithoutPayloadBreaksTheSchema() {
    ObjectNode broken = DOCUMENT.deepCopy();
    ((ObjectNode) broken.at("/components/messages/OrderCreated/examples/0")).remove("payload");

    assertThat(violations(broken))
        .contains(
            "$.components.messages.OrderCreated.examples[0]: required property 'payload' not found");
  }

  @Test
  void anUnknownTopLevelFieldBreaksTheSchema() {
    ObjectNode broken = DOCUMENT.deepCopy();
    broken.put("server", "a typo for servers");

    assertThat(violations(broken))
        .containsExactly(
            "$: property 'server' is not defined in the schema and the schema does not allow"
                + " additional properties");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyMessageExampleIsTheEventsSample(EventType type) throws IOException {
    JsonNode example =
        DOCUMENT.at("/components/messages/" + type.eventName() + "/examples/0/payload");

    assertThat(example).isEqualTo(JSON.readTree(EventSamples.json(type)));
  }

  private static List<String> violations(JsonNode document) {
    return SPECIFICATION.validate(document).stream().map(ValidationMessage::getMessage).toList();
  }

  private static JsonNode read(ObjectMapper mapper, String resource) {
    try (InputStream in =
        AsyncApiSpecificationTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the classpath");
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
