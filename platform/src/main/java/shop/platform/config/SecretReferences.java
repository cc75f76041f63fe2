package shop.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Settings kept in AWS Secrets Manager instead of the function's environment, where anyone allowed
 * to read the function's configuration would see them. A setting whose value is {@code
 * secretsmanager:<secret id or ARN>#<JSON field>} is replaced by that field of the secret's JSON
 * (without {@code #field}: by the whole secret string). Each secret is fetched once, when the
 * composition root resolves its config; settings without a reference are left alone and cost no
 * call, so tests can give plain values.
 *
 * <p>With SnapStart the fetched values are part of the snapshot: a rotated provider key reaches the
 * functions with the next deployment, as the environment did before.
 */
public final class SecretReferences {
  static final String PREFIX = "secretsmanager:";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretReferences() {}

  /**
   * The setting that stands for {@code field} of the JSON secret {@code secretId} (name or ARN).
   */
  public static String reference(String secretId, String field) {
    return PREFIX + secretId + "#" + field;
  }

  /**
   * {@code config} with every secret reference replaced by its value, read with a Secrets Manager
   * client configured from {@code config} ({@link AwsClients}) and made only if there is one.
   */
  public static Config resolve(Config config) {
    List<SecretsManagerClient> made = new ArrayList<>(1);
    try {
      return resolve(
          config,
          () -> {
            if (made.isEmpty()) {
              made.add(
                  new AwsClients(config).build(SecretsManagerClient.builder(), "SECRETS_MANAGER"));
            }
            return made.get(0);
          });
    } finally {
      made.forEach(SecretsManagerClient::close);
    }
  }

  /**
   * {@code config} with every secret reference replaced by its value; {@code client} is only called
   * when there is a reference.
   */
  public static Config resolve(Config config, Supplier<SecretsManagerClient> client) {
    Map<String, String> resolved = new HashMap<>();
    Map<String, String> secrets = new HashMap<>();
    config
        .asMap()
        .forEach(
            (name, value) -> {
              if (!value.startsWith(PREFIX)) {
                return;
              }
              String reference = value.substring(PREFIX.length());
              int hash = reference.lastIndexOf('#');
              String secretId = hash < 0 ? reference : reference.substring(0, hash);
              String secret =
                  secrets.computeIfAbsent(secretId, id -> fetch(client.get(), name, id));
              resolved.put(name, hash < 0 ? secret : field(name, secretId, secret, reference));
            });
    return resolved.isEmpty() ? config : config.with(resolved);
  }

  private static String fetch(SecretsManagerClient client, String setting, String secretId) {
    try {
      return client.getSecretValue(r -> r.secretId(secretId)).secretString();
    } catch (SdkException e) {
      throw new MissingConfigException(
          setting, PREFIX + secretId, "a readable Secrets Manager secret (" + e.getMessage() + ")");
    }
  }

  private static String field(String setting, String secretId, String secret, String reference) {
    String field = reference.substring(reference.lastIndexOf('#') + 1);
    JsonNode value;
    try {
      value = JSON.readTree(secret).path(field);
    } catch (IOException e) {
      throw new MissingConfigException(
          setting, PREFIX + reference, "a secret holding a JSON object (" + secretId + " is not)");
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw new MissingConfigException(
          setting, PREFIX + reference, "a secret with a non-empty field '" + field + "'");
    }
    return value.asText();
  }
}
