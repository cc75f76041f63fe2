package shop.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON Schema (draft 2020-12) of every event's data, loaded once from the classpath. */
public final class EventSchemas {
  private static final EventSchemas INSTANCE = new EventSchemas();

  private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

  private EventSchemas() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    for (EventType type : EventType.values()) {
      try (InputStream in = resource(type.schemaResource())) {
        schemas.put(type, factory.getSchema(in, config));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static EventSchemas instance() {
    return INSTANCE;
  }

  /** The problems of {@code data} against the schema of {@code type}; empty when it is valid. */
  public List<String> problems(EventType type, JsonNode data) {
    return schemas.get(type).validate(data).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .toList();
  }

  /**
   * Throws {@link InvalidEventException} when {@code data} does not match the schema of {@code
   * type}.
   */
  public void validate(EventType type, JsonNode data) {
    List<String> problems = problems(type, data);
    if (!problems.isEmpty()) {
      throw new InvalidEventException(type.eventName() + " does not match its schema", problems);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing event schema " + name);
    }
    return in;
  }
}
