package shop.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretFieldsTest {
  private static final String TOKEN = "Hk4pQ8wZ2nR7tY1vB5xC9mL3sD6fG0jK2aE8uI4oP7c";

  @Test
  void redactsEveryTokenValueAndKeepsTheRest() {
    String body =
        "{\"detail\":{\"data\":{\"email\":\"ada@example.com\",\"token\" : \""
            + TOKEN
            + "\",\"expiresAt\":\"2026-11-24T11:30:00Z\"}},\"token\":\"a \\\" b\"}";

    String shown = SecretFields.redact(body);

    assertThat(shown)
        .isEqualTo(
            "{\"detail\":{\"data\":{\"email\":\"ada@example.com\",\"token\" : \"[redacted]\","
                + "\"expiresAt\":\"2026-11-24T11:30:00Z\"}},\"token\":\"[redacted]\"}");
  }

  @Test
  void redactsATokenInsideACloudEventCarriedAsAString() {
    String body =
        "{\"detail\":\"{\\\"data\\\":{\\\"token\\\":\\\"" + TOKEN + "\\\",\\\"x\\\":1}}\"}";

    assertThat(SecretFields.redact(body))
        .doesNotContain(TOKEN)
        .isEqualTo(
            "{\"detail\":\"{\\\"data\\\":{\\\"token\\\":\\\"[redacted]\\\",\\\"x\\\":1}}\"}");
  }

  @Test
  void leavesBodiesWithoutATokenAsTheyAre() {
    assertThat(SecretFields.redact("not json, no secret")).isEqualTo("not json, no secret");
    assertThat(SecretFields.redact("{\"tokens\":3,\"refreshToken\":1}"))
        .isEqualTo("{\"tokens\":3,\"refreshToken\":1}");
    assertThat(SecretFields.redact(null)).isNull();
  }
}
