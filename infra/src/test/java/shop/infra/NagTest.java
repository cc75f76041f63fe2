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
    // Every stack's findings at once: one run shows all there are to fix.
    assertThat(shop.stacks.all().stream().flatMap(stack -> shop.nagFindings(stack).stream()))
        .isEmpty();
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

  /**
   * The IAM rules report each wildcard of a policy apart; a suppression names the ones it accepts,
   * so a wildcard added later is still reported.
   */
  @Test
  @SuppressWarnings("unchecked")
  void everyIamSuppressionNamesTheWildcardsItAccepts() {
    int iam = 0;
    for (Stack stack : shop.stacks.all()) {
      Map<String, Object> template = (Map<String, Object>) shop.template(stack).toJSON();
      List<Map<String, Object>> metadata = new java.util.ArrayList<>();
      metadata.add((Map<String, Object>) template.get("Metadata"));
      ((Map<String, Map<String, Object>>) template.get("Resources"))
          .values()
          .forEach(resource -> metadata.add((Map<String, Object>) resource.get("Metadata")));
      for (Map<String, Object> entry : metadata) {
        if (entry == null || !(entry.get("cdk_nag") instanceof Map<?, ?> nag)) {
          continue;
        }
        for (var rule : (List<Map<String, Object>>) nag.get("rules_to_suppress")) {
          if (((String) rule.get("id")).startsWith("AwsSolutions-IAM")) {
            iam++;
            assertThat((List<Object>) rule.get("applies_to"))
                .as(stack.getStackName() + " " + rule.get("id") + ": " + rule.get("reason"))
                .isNotEmpty();
          }
        }
      }
    }
    assertThat(iam).isPositive();
  }
}
