package shop.localstack.runtime;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Checks an AWS Signature Version 4 as AWS does (API Gateway on an IAM-authorized route, Lambda on
 * Invoke): the access key must be one of the local ones, the credential scoped to the region and
 * the service, and the signature what AWS's own signer computes with that key's secret for the
 * signed headers, at the request's own X-Amz-Date, within 15 minutes of now.
 */
final class SigV4Check {
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
              + "SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]+)");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Map<String, String> secretsByAccessKey;
  private final String region;
  private final String service;
  private final Clock clock;

  /**
   * @param service the signing name of the service the requests are for: {@code execute-api},
   *     {@code lambda}
   */
  SigV4Check(
      String accessKeyId, String secretAccessKey, String region, String service, Clock clock) {
    this(Map.of(accessKeyId, secretAccessKey), region, service, clock);
  }

  /**
   * @param secretsByAccessKey the local credentials: each access key with its secret
   */
  SigV4Check(Map<String, String> secretsByAccessKey, String region, String service, Clock clock) {
    this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
    this.region = region;
    this.service = service;
    this.clock = clock;
  }

  /** The caller's access key when the signature is good, else why not (as API Gateway words it). */
  Result check(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    String authorization = first(headers, "authorization").orElse(null);
    if (authorization == null) {
      return Result.denied("Missing Authentication Token");
    }
    Matcher m = AUTHORIZATION.matcher(authorization);
    if (!m.matches()) {
      return Result.denied("Authorization header requires a valid AWS4-HMAC-SHA256 signature");
    }
    String accessKeyId = m.group(1);
    String secretAccessKey = secretsByAccessKey.get(accessKeyId);
    if (secretAccessKey == null) {
      return Result.denied("The security token included in the request is invalid.");
    }
    if (!m.group(3).equals(region) || !m.group(4).equals(service)) {
      return Result.denied("Credential should be scoped to " + region + "/" + service);
    }
    Instant signedAt;
    try {
      signedAt = Instant.from(AMZ_DATE.parse(first(headers, "x-amz-date").orElse("")));
    } catch (DateTimeParseException e) {
      return Result.denied("X-Amz-Date is missing or malformed");
    }
    if (Math.abs(signedAt.getEpochSecond() - clock.instant().getEpochSecond()) > 900) {
      return Result.denied("Signature expired");
    }
    Set<String> signedHeaders = Set.of(m.group(5).split(";"));
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    headers.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (signedHeaders.contains(lower) && !lower.equals("authorization")) {
            request.putHeader(lower, values);
          }
        });
    String expected =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(AwsCredentialsIdentity.create(accessKeyId, secretAccessKey))
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(
                            HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
            .request()
            .firstMatchingHeader("Authorization")
            .orElse("");
    Matcher e = AUTHORIZATION.matcher(expected);
    if (!e.matches() || !constantTimeEquals(e.group(6), m.group(6))) {
      return Result.denied(
          "The request signature we calculated does not match the signature you provided.");
    }
    return Result.allowed(m.group(1));
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
        .map(h -> h.getValue().get(0))
        .findFirst();
  }

  private static boolean constantTimeEquals(String a, String b) {
    return java.security.MessageDigest.isEqual(a.getBytes(), b.getBytes());
  }

  /** The outcome: the signer's access key, or the reason it was refused. */
  record Result(String accessKeyId, String denial) {
    static Result allowed(String accessKeyId) {
      return new Result(accessKeyId, null);
    }

    static Result denied(String reason) {
      return new Result(null, reason);
    }

    boolean ok() {
      return denial == null;
    }
  }
}
