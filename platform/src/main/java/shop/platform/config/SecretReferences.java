package shop.platform.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Settings kept in AWS Secrets Manager, resolved once: {@code config} with every reference ({@code
 * secretsmanager:<secret id or ARN>#<JSON field>}, see {@link SecretCache}) replaced by its value.
 * For what is held for the life of the function (a database pool's credentials, a connection
 * string); a value that may be used anew per request is read through {@link SecretCache#live}
 * instead, so that rotating it needs no redeployment.
 */
public final class SecretReferences {
  private SecretReferences() {}

  /**
   * The setting that stands for {@code field} of the JSON secret {@code secretId} (name or ARN).
   */
  public static String reference(String secretId, String field) {
    return SecretCache.PREFIX + secretId + "#" + field;
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
   * {@code config} with every secret reference replaced by its value, each secret fetched once;
   * {@code client} is only called when there is a reference.
   */
  public static Config resolve(Config config, Supplier<SecretsManagerClient> client) {
    return new SecretCache(client, SecretCache.DEFAULT_TTL, Clock.systemUTC()).resolve(config);
  }
}
