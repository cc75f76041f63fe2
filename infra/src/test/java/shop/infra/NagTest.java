package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

class NagTest {
  private final SynthesizedShop shop = SynthesizedShop.get();

  @Test
  void everyStackPassesTheAwsSolutionsPackOrSaysWhyNot() {
    for (Stack stack : shop.stacks.all()) {
      assertThat(shop.nagFindings(stack)).as(stack.getStackName()).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everySuppressionGivesAReason() {
    int suppressions = 0;
    for (Stack stack : shop.stacks.all()) {
      Map<String, Object> template = (Map<String, Object>) shop.template(stack).toJSON();
      var resources = (Map<String, Map<String, Object>>) template.get("Resources");
      for (var resource : resources.entrySet()) {
        var metadata = (Map<String, Object>) resource.getValue().get("Metadata");
        if (metadata == null || !(metadata.get("cdk_nag") instanceof Map<?, ?> nag)) {
          continue;
        }
        for (var rule : (List<Map<String, Object>>) nag.get("rules_to_suppress")) {
          suppressions++;
          assertThat((String) rule.get("reason"))
              .as(stack.getStackName() + " " + resource.getKey() + " " + rule.get("id"))
              .hasSizeGreaterThan(30);
        }
      }
    }
    assertThat(suppressions).isPositive();
  }
}
