package shop.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.assertions.Template;

/**
 * Which secrets each named function of a template may read: its role's policy statements that allow
 * {@code secretsmanager:GetSecretValue}, their resources as JSON (logical ids and export names of
 * the secrets: {@code StripeUser...}, {@code Credentialsuserruntime...}).
 */
final class SecretReads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretReads() {}

  @SuppressWarnings("unchecked")
  static Map<String, String> byFunction(Template template) {
    Map<String, Map<String, Object>> policies =
        template.findResources("AWS::IAM::Policy", Map.of());
    Map<String, String> reads = new TreeMap<>();
    template
        .findResources("AWS::Lambda::Function", Map.of())
        .values()
        .forEach(
            function -> {
              Map<String, Object> properties = (Map<String, Object>) function.get("Properties");
              if (!(properties.get("FunctionName") instanceof String name)) {
                return;
              }
              Object role = ((Map<String, List<Object>>) properties.get("Role")).get("Fn::GetAtt");
              String roleId = (String) ((List<Object>) role).get(0);
              StringBuilder resources = new StringBuilder();
              for (Map<String, Object> policy : policies.values()) {
                Map<String, Object> props = (Map<String, Object>) policy.get("Properties");
                if (!((List<Object>) props.get("Roles")).contains(Map.of("Ref", roleId))) {
                  continue;
                }
                Map<String, Object> document = (Map<String, Object>) props.get("PolicyDocument");
                for (Map<String, Object> statement :
                    (List<Map<String, Object>>) document.get("Statement")) {
                  if (json(statement.get("Action")).contains("secretsmanager:GetSecretValue")) {
                    resources.append(json(statement.get("Resource")));
                  }
                }
              }
              reads.put(name, resources.toString());
            });
    return reads;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
