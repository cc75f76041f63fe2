package shop.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Settings kept in AWS Secrets Manager, read through a cache: a setting whose value is {@code
 * secretsmanager:<secret id or ARN>#<JSON field>} stands for that field of the secret's JSON
 * (without {@code #field}: the whole secret string). A secret is fetched again once its value is
 * older than the time to live, and after a SnapStart restore, so a rotated provider key reaches a
 * running function within the TTL instead of with the next deployment. Settings without a reference
 * are plain values and cost no call, so tests can give them directly.
 *
 * <p>Callers that hold a secret for the life of the function (a connection pool's password) read it
 * once through {@link SecretReferences#resolve}; callers that can use a new value per request (an
 * API key) hold a {@link #live} supplier.
 */
public final class SecretCache implements Resource {
  static final String PREFIX = "secretsmanager:";

  /** How long a fetched secret is used before it is fetched again. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<SecretsManagerClient> client;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Fetched> secrets = new ConcurrentHashMap<>();

  private record Fetched(String value, Instant at) {}

  public SecretCache(Supplier<SecretsManagerClient> client, Duration ttl, Clock clock) {
    this.client = client;
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * The cache of a function: a Secrets Manager client configured from {@code config} ({@link
   * AwsClients}), built on the first fetch; TTL {@code SECRETS_TTL} (PT5M). It drops what it holds
   * after a SnapStart restore; CRaC holds it weakly, so keep it (or a {@link #live} supplier).
   */
  public static SecretCache from(Config config) {
    Supplier<SecretsManagerClient> client =
        Lazy.of(
            () -> new AwsClients(config).build(SecretsManagerClient.builder(), "SECRETS_MANAGER"));
    SecretCache cache =
        new SecretCache(client, config.getDuration("SECRETS_TTL", DEFAULT_TTL), Clock.systemUTC());
    Core.getGlobalContext().register(cache);
    return cache;
  }

  /**
   * The current value of setting {@code name}, refused unless {@code shape} accepts it, read again
   * whenever the cached secret has expired. A function given the setting reads it now, so that a
   * malformed secret stops it at start; a function without it (one that never calls that provider:
   * each function is given only the secrets it may read) fails only if it asks for the value.
   */
  public Supplier<String> live(Config config, String name, SecretShape shape) {
    Optional<String> setting = config.optional(name);
    Supplier<String> live =
        () ->
            shape.check(
                name,
                setting.orElseThrow(() -> new MissingConfigException(name)),
                value(name, setting.get()));
    setting.ifPresent(present -> live.get());
    return live;
  }

  /** {@code config} with every secret reference replaced by its current value. */
  public Config resolve(Config config) {
    Map<String, String> resolved = new HashMap<>();
    config
        .asMap()
        .forEach(
            (name, setting) -> {
              if (setting.startsWith(PREFIX)) {
                resolved.put(name, value(name, setting));
              }
            });
    return resolved.isEmpty() ? config : config.with(resolved);
  }

  /** The value {@code setting} of {@code name} stands for (itself unless it is a reference). */
  public String value(String name, String setting) {
    if (!setting.startsWith(PREFIX)) {
      return setting;
    }
    String reference = setting.substring(PREFIX.length());
    int hash = reference.lastIndexOf('#');
    String secretId = hash < 0 ? reference : reference.substring(0, hash);
    String secret = secret(name, secretId);
    return hash < 0 ? secret : field(name, secretId, secret, reference.substring(hash + 1));
  }

  /** Forgets every secret: the next read fetches it again. */
  private void clear() {
    secrets.clear();
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    // A secret in the snapshot would outlive its rotation in every restored copy of it.
    clear();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    clear();
  }

  private String secret(String name, String secretId) {
    Instant now = clock.instant();
    Fetched fetched = secrets.get(secretId);
    if (fetched == null || !now.isBefore(fetched.at().plus(ttl))) {
      fetched = new Fetched(fetch(name, secretId), now);
      secrets.put(secretId, fetched);
    }
    return fetched.value();
  }

  private String fetch(String name, String secretId) {
    try {
      return client.get().getSecretValue(r -> r.secretId(secretId)).secretString();
    } catch (SdkException e) {
      throw new MissingConfigException(
          name, PREFIX + secretId, "a readable Secrets Manager secret (" + e.getMessage() + ")");
    }
  }

  private static String field(String name, String secretId, String secret, String field) {
    String reference = PREFIX + secretId + "#" + field;
    JsonNode value;
    try {
      value = JSON.readTree(secret).path(field);
    } catch (IOException e) {
      throw new MissingConfigException(
          name, reference, "a secret holding a JSON object (" + secretId + " is not)");
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw new MissingConfigException(
          name, reference, "a secret with a non-empty field '" + field + "'");
    }
    return value.asText();
  }
}
