package shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Consumer-driven contracts: each consumer declares, in {@code consumers/<consumer>.json} under
 * this module's test resources, the fields it reads of each event it consumes (a path in the
 * CloudEvent: {@code id}, {@code data.lines[].productId}; a trailing {@code ?} when it copes with
 * the field's absence). Every declared field must be in the producer's sample and, under {@code
 * data}, in its JSON Schema, required unless optional: a producer that drops or stops promising a
 * field a consumer reads fails the build here, before any consumer meets an event without it.
 */
class ConsumerContractsTest {
  private static final ObjectMapper JSON = EventJson.mapper();
  private static final List<String> CONSUMERS =
      List.of("inventory", "payments", "notifications", "carts", "erasures", "ops", "trail");

  record Declaration(String consumer, String service, Map<EventType, List<String>> reads) {}

  @Test
  void everySubscriptionOfTheTopologyDeclaresWhatItReadsOfEachEventItConsumes() {
    for (Subscription subscription : Topology.shop().subscriptions()) {
      assertThat(CONSUMERS).as("declared consumers").contains(subscription.consumer());
      Declaration declared = declaration(subscription.consumer());
      assertThat(declared.service()).isEqualTo(subscription.service());
      assertThat(declared.reads().keySet())
          .as("events %s declares", subscription.consumer())
          .containsExactlyInAnyOrderElementsOf(subscription.events());
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFieldAConsumerReadsIsInTheProducersSampleAndSchema() {
    return CONSUMERS.stream()
        .map(ConsumerContractsTest::declaration)
        .flatMap(
            d ->
                d.reads().entrySet().stream()
                    .flatMap(
                        read ->
                            read.getValue().stream()
                                .map(
                                    field ->
                                        DynamicTest.dynamicTest(
                                            d.consumer()
                                                + " reads "
                                                + read.getKey().eventName()
                                                + " "
                                                + field,
                                            () -> assertProvided(read.getKey(), field)))));
  }

  @Test
  void aFieldTheProducerDropsIsCaught() {
    JsonNode sample = sample(EventType.ORDER_CREATED);
    ((com.fasterxml.jackson.databind.node.ObjectNode) sample.get("data").get("lines").get(0))
        .remove("quantity");

    assertThat(missing(sample, path("data.lines[].quantity")))
        .containsExactly("data.lines[0].quantity");
    assertThat(missing(sample, path("data.lines[].productId"))).isEmpty();
  }

  private static void assertProvided(EventType type, String declared) {
    boolean optional = declared.endsWith("?");
    List<String> path = path(declared.replace("?", ""));
    if (!optional) {
      assertThat(missing(sample(type), path))
          .as("%s sample lacks %s at", type.eventName(), declared)
          .isEmpty();
    }
    if (path.getFirst().equals("data")) {
      assertThat(schemaProblems(schema(type), path.subList(1, path.size()), optional))
          .as("%s schema and %s", type.eventName(), declared)
          .isEmpty();
    }
  }

  /** Where in {@code node} the path ends at nothing (or null); every element of an array. */
  private static List<String> missing(JsonNode node, List<String> path) {
    List<String> missing = new ArrayList<>();
    walk(node, path, "", missing);
    return missing;
  }

  private static void walk(JsonNode node, List<String> path, String at, List<String> missing) {
    if (path.isEmpty()) {
      return;
    }
    String step = path.getFirst();
    boolean array = step.endsWith("[]");
    String name = array ? step.substring(0, step.length() - 2) : step;
    String here = at.isEmpty() ? name : at + "." + name;
    JsonNode next = node.get(name);
    if (next == null || next.isNull() || (array && !next.isArray())) {
      missing.add(here);
      return;
    }
    List<String> rest = path.subList(1, path.size());
    if (!array) {
      walk(next, rest, here, missing);
      return;
    }
    for (int i = 0; i < next.size(); i++) {
      walk(next.get(i), rest, here + "[" + i + "]", missing);
    }
  }

  /** What the schema does not promise of {@code path} (within the data). */
  private static List<String> schemaProblems(JsonNode schema, List<String> path, boolean optional) {
    List<String> problems = new ArrayList<>();
    JsonNode at = schema;
    for (String step : path) {
      boolean array = step.endsWith("[]");
      String name = array ? step.substring(0, step.length() - 2) : step;
      JsonNode property = at.path("properties").get(name);
      if (property == null) {
        problems.add(name + " is not a property");
        return problems;
      }
      if (!optional && !required(at).contains(name)) {
        problems.add(name + " is not required");
      }
      at = array ? property.path("items") : property;
    }
    return problems;
  }

  private static Set<String> required(JsonNode schema) {
    Set<String> names = new TreeSet<>();
    schema.path("required").forEach(n -> names.add(n.asText()));
    return names;
  }

  private static List<String> path(String declared) {
    return Arrays.asList(declared.split("\\."));
  }

  static Declaration declaration(String consumer) {
    JsonNode node = read("consumers/" + consumer + ".json");
    Map<EventType, List<String>> reads = new java.util.EnumMap<>(EventType.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.get("reads").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      List<String> fields = new ArrayList<>();
      entry.getValue().forEach(f -> fields.add(f.asText()));
      Set<EventType> types =
          entry.getKey().equals("*")
              ? Set.of(EventType.values())
              : Set.of(
                  Arrays.stream(EventType.values())
                      .filter(t -> t.eventName().equals(entry.getKey()))
                      .findFirst()
                      .orElseThrow(
                          () ->
                              new AssertionError(
                                  consumer + " declares an unknown event " + entry.getKey())));
      types.forEach(t -> reads.put(t, fields));
    }
    return new Declaration(node.get("consumer").asText(), node.get("service").asText(), reads);
  }

  private static JsonNode sample(EventType type) {
    return read(type.sampleResource());
  }

  private static JsonNode schema(EventType type) {
    return read(type.schemaResource());
  }

  private static JsonNode read(String resource) {
    try (InputStream in =
        ConsumerContractsTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("no resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
