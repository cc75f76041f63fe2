package shop.user.api;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.user.testing.UserServiceUnderTest.PASSWORD;
import static shop.user.testing.UserServiceUnderTest.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.auth.Caller;
import shop.platform.auth.OneTimeCodes;
import shop.platform.auth.Totp;
import shop.platform.testing.ApiEvents;
import shop.user.testing.UserServiceUnderTest;

/** TOTP enrolment and login over the API, against the real database and signer. */
class TotpIT {
  private static UserServiceUnderTest service;

  @BeforeAll
  static void start() throws Exception {
    service = UserServiceUnderTest.start();
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
  }

  @Test
  void enrolConfirmAndLogInWithACodeWhoseAmrARefreshKeeps() {
    service.verifiedUser("totp@example.com");
    String token = service.accessToken("totp@example.com");

    APIGatewayV2HTTPResponse wrongPasswordEnrolment =
        service.call(
            ApiEvents.request("POST /users/me/mfa/totp")
                .bearer(token)
                .json(Map.of("password", "not the password")));
    assertThat(wrongPasswordEnrolment.getStatusCode()).isEqualTo(400);
    assertThat(service.count("SELECT count(*) FROM totp_factors")).isZero();
    APIGatewayV2HTTPResponse enrolled =
        service.call(
            ApiEvents.request("POST /users/me/mfa/totp")
                .bearer(token)
                .json(Map.of("password", PASSWORD)));
    assertThat(enrolled.getStatusCode()).isEqualTo(201);
    assertThat(enrolled.getHeaders()).containsEntry("Cache-Control", "no-store");
    String secret = json(enrolled).get("secret").asText();
    assertThat(json(enrolled).get("otpauthUri").asText())
        .startsWith("otpauth://totp/Shop:totp%40example.com?secret=" + secret);
    assertThat(service.call(ApiEvents.request("GET /users/me").bearer(token)).getBody())
        .doesNotContain(secret);
    // Stored sealed: the table holds no secret an app could be given.
    assertThat(service.count("SELECT count(*) FROM totp_factors WHERE secret LIKE 'v1:%'")).isOne();
    assertThat(service.count("SELECT count(*) FROM totp_factors WHERE secret = '" + secret + "'"))
        .isZero();

    OneTimeCodes codes = new OneTimeCodes(secret);
    APIGatewayV2HTTPResponse wrong = confirm(token, "000000".equals(now(secret)) ? "1" : "000000");
    assertThat(wrong.getStatusCode()).isIn(400, 422);
    assertThat(confirm(token, codes.next()).getStatusCode()).isEqualTo(204);
    assertThat(
            service
                .call(
                    ApiEvents.request("POST /users/me/mfa/totp")
                        .bearer(token)
                        .json(Map.of("password", PASSWORD)))
                .getStatusCode())
        .isEqualTo(409);

    APIGatewayV2HTTPResponse wrongPassword = login("not the password", null);
    APIGatewayV2HTTPResponse missingCode = login(PASSWORD, null);
    assertThat(missingCode.getStatusCode()).isEqualTo(401);
    assertThat(withoutInstance(missingCode)).isEqualTo(withoutInstance(wrongPassword));

    String code = codes.next();
    APIGatewayV2HTTPResponse loggedIn = login(PASSWORD, code);
    assertThat(loggedIn.getStatusCode()).isEqualTo(200);
    Caller caller = service.module.jwtVerifier().verify(json(loggedIn).get("accessToken").asText());
    assertThat(caller.amr()).containsExactlyInAnyOrder("pwd", "otp");

    APIGatewayV2HTTPResponse replayed = login(PASSWORD, code);
    assertThat(replayed.getStatusCode()).isEqualTo(401);
    assertThat(withoutInstance(replayed)).isEqualTo(withoutInstance(wrongPassword));

    APIGatewayV2HTTPResponse refreshed =
        service.call(
            ApiEvents.request("POST /auth/refresh")
                .json(Map.of("refreshToken", json(loggedIn).get("refreshToken").asText())));
    assertThat(refreshed.getStatusCode()).isEqualTo(200);
    assertThat(
            service.module.jwtVerifier().verify(json(refreshed).get("accessToken").asText()).amr())
        .containsExactlyInAnyOrder("pwd", "otp");
    assertThat(
            service.count(
                "SELECT count(*) FROM totp_factors WHERE activated_at IS NOT NULL"
                    + " AND last_used_step IS NOT NULL"))
        .isEqualTo(1);
  }

  @Test
  void aPasswordLoginCarriesPwdOnly() {
    service.verifiedUser("plain@example.com");
    JsonNode tokens = service.logIn("plain@example.com");

    assertThat(service.module.jwtVerifier().verify(tokens.get("accessToken").asText()).amr())
        .containsExactly("pwd");
  }

  // Each problem names its own request; everything else must be the same.
  private static JsonNode withoutInstance(APIGatewayV2HTTPResponse response) {
    ObjectNode body = (ObjectNode) json(response);
    body.remove("instance");
    return body;
  }

  private static String now(String secret) {
    return Totp.codeAt(secret, Instant.now());
  }

  private static APIGatewayV2HTTPResponse confirm(String token, String otp) {
    return service.call(
        ApiEvents.request("POST /users/me/mfa/totp/confirm")
            .bearer(token)
            .json(Map.of("otp", otp)));
  }

  private static APIGatewayV2HTTPResponse login(String password, String otp) {
    Map<String, String> body = new HashMap<>();
    body.put("email", "totp@example.com");
    body.put("password", password);
    if (otp != null) {
      body.put("otp", otp);
    }
    return service.call(ApiEvents.request("POST /auth/login").json(body));
  }
}
