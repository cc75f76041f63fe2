package shop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service's openapi.yaml as outside tools read it. {@link OpenApiRoutes} reads only paths and
 * security, so a description that YAML splits into keys, or a reference to nothing, passes there;
 * swagger-parser (the parser behind most OpenAPI generators) reports them, except inside a schema,
 * where OpenAPI 3.1 allows any keyword and only the prose key shows the split.
 */
class OpenApiContractsTest {
  /** Surefire runs platform's tests in platform's folder; the services are its siblings. */
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(strings = {"product", "user", "transaction", "notification", "ops"})
  void serviceContractParsesWithoutMessages(String service) {
    assertThat(parserMessages(contractOf(service))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"product", "user", "transaction", "notification", "ops"})
  void serviceContractHasNoKeySplitOffADescription(String service) throws IOException {
    assertThat(keysWithSpaces(contractOf(service))).isEmpty();
  }

  @Test
  void reportsKeysSplitOffDescriptionsAndAReferenceToNothing()
      throws IOException, URISyntaxException {
    Path broken =
        Path.of(
            Objects.requireNonNull(getClass().getResource("/openapi-contracts/broken-openapi.yaml"))
                .toURI());

    assertThat(parserMessages(broken))
        .anySatisfy(m -> assertThat(m).contains("description or sku case-insensitively"))
        .anySatisfy(m -> assertThat(m).contains("#/components/responses/NoSuchProblem"))
        .noneSatisfy(m -> assertThat(m).contains("valid 30 days"));
    assertThat(keysWithSpaces(broken))
        .containsExactly(
            "/paths/~1products/get/parameters/0/description or sku case-insensitively",
            "/components/schemas/Tokens/properties/refreshToken/valid 30 days");
  }

  private static Path contractOf(String service) {
    Path contract = REPOSITORY.resolve(service).resolve("src/main/resources/openapi.yaml");
    assertThat(contract).as("run from platform's folder, as Maven does").isRegularFile();
    return contract;
  }

  private static List<String> parserMessages(Path contract) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readLocation(contract.toUri().toString(), null, options);
    return result.getMessages() == null ? List.of() : result.getMessages();
  }

  /**
   * The JSON pointers of keys with whitespace: no OpenAPI field, path, status, media type or
   * property name here has one, so such a key is prose that YAML split off a description.
   */
  private static List<String> keysWithSpaces(Path contract) throws IOException {
    List<String> found = new ArrayList<>();
    collectKeysWithSpaces(YAML.readTree(contract.toFile()), "", found);
    return found;
  }

  private static void collectKeysWithSpaces(JsonNode node, String pointer, List<String> found) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
        if (field.getKey().chars().anyMatch(Character::isWhitespace)) {
          found.add(at);
        }
        collectKeysWithSpaces(field.getValue(), at, found);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectKeysWithSpaces(node.get(i), pointer + "/" + i, found);
      }
    }
  }
}
