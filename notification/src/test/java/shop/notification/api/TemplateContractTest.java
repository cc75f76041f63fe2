package shop.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.notification.message.Template;

/**
 * The contract's list of templates is what clients generated from it accept: a template the service
 * sends but the contract does not list breaks them (the generated Java client refused verify-email
 * in ./shop demo before it was listed).
 */
class TemplateContractTest {

  @Test
  void theContractListsEveryTemplateTheServiceSends() throws IOException {
    JsonNode contract =
        new ObjectMapper(new YAMLFactory())
            .readTree(getClass().getClassLoader().getResource("openapi.yaml"));
    List<String> listed = new ArrayList<>();
    contract
        .at("/components/schemas/Notification/properties/template/enum")
        .forEach(t -> listed.add(t.asText()));

    assertThat(listed)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Template.values()).map(Template::id).toList());
  }
}
