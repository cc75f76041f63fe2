package shop.user.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.domain.UnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * The signing keys from AWS Secrets Manager (the local cloud runs a Secrets Manager endpoint with a
 * generated key, so this same code runs there). Fetched on first use, not at cold start, and kept
 * for {@code cacheFor}; a token naming a kid we do not know triggers an early refetch (at most
 * every 30 s), so a rotation is seen quickly.
 */
public final class SecretsManagerSigningKeys {
  private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerSigningKeys.class);
  private static final Duration MIN_REFETCH = Duration.ofSeconds(30);

  private final Supplier<SecretsManagerClient> client;
  private final String secretId;
  private final Duration cacheFor;
  private final Clock clock;
  private SigningKeyRing ring;
  private Instant fetchedAt = Instant.MIN;

  /**
   * @param client made on first use (keeps the SDK out of the cold start)
   */
  public SecretsManagerSigningKeys(
      Supplier<SecretsManagerClient> client, String secretId, Duration cacheFor, Clock clock) {
    this.client = client;
    this.secretId = secretId;
    this.cacheFor = cacheFor;
    this.clock = clock;
  }

  /** The current keys, fetched when the cache is empty or stale. */
  public synchronized SigningKeyRing current() {
    Instant now = clock.instant();
    if (ring == null || !now.isBefore(fetchedAt.plus(cacheFor))) {
      fetch(now);
    }
    return ring;
  }

  /** The keys, refetched first if {@code kid} is unknown and the last fetch is not too recent. */
  public synchronized SigningKeyRing knowing(String kid) {
    SigningKeyRing keys = current();
    Instant now = clock.instant();
    if (kid != null && keys.find(kid).isEmpty() && !now.isBefore(fetchedAt.plus(MIN_REFETCH))) {
      fetch(now);
    }
    return ring;
  }

  private void fetch(Instant now) {
    String secret;
    try {
      secret =
          client
              .get()
              .getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build())
              .secretString();
    } catch (SdkException e) {
      if (ring != null) {
        // Keep signing with the keys we have; try again after another cache period.
        LOG.warn("refreshing the signing keys failed, keeping the cached ones: {}", e.toString());
        fetchedAt = now;
        return;
      }
      throw new UnavailableException("the signing keys cannot be read right now", e);
    }
    if (secret == null) {
      throw new IllegalStateException("signing secret " + secretId + " has no SecretString");
    }
    ring = SigningKeyRing.parse(secret);
    fetchedAt = now;
  }
}
