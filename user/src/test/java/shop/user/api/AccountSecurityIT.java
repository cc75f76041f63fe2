package shop.user.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.user.testing.UserServiceUnderTest.PASSWORD;
import static shop.user.testing.UserServiceUnderTest.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;
import shop.platform.testing.ApiEvents;
import shop.user.account.SecondFactorMissing;
import shop.user.adapter.Argon2Passwords;
import shop.user.testing.CountingPasswords;
import shop.user.testing.UserServiceUnderTest;

/**
 * Issue #19's account flows through the Lambda handler against embedded PostgreSQL: a stranger can
 * neither tell which addresses have accounts nor which are locked, cannot slip concurrent guesses
 * past the lockout, and is throttled per address; owners verify, reset and change passwords.
 */
class AccountSecurityIT {
  private static final String NEW_PASSWORD = "another quite unusual phrase";
  private static final CountingPasswords passwords =
      new CountingPasswords(new Argon2Passwords(1024, 1));
  private static UserServiceUnderTest service;

  @BeforeAll
  static void start() {
    service = UserServiceUnderTest.start(passwords, Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
  }

  @Test
  void fiftyConcurrentWrongPasswordsCheckTheAccountsHashAtMostFiveTimes() throws Exception {
    service.register("guessed@example.com");
    String hash = storedHash("guessed@example.com");
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String guess = "wrong guess number " + i;
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return login("guessed@example.com", guess);
              }));
    }
    go.countDown();
    for (Future<APIGatewayV2HTTPResponse> answer : answers) {
      assertThat(answer.get().getStatusCode()).isEqualTo(401);
    }
    pool.shutdown();

    assertThat(passwords.checksOf(hash)).isEqualTo(5);
    assertThat(
            service.count(
                "SELECT failures FROM login_attempts a JOIN users u ON u.id = a.user_id"
                    + " WHERE u.email = 'guessed@example.com'"))
        .isEqualTo(5);
  }

  @Test
  void aLockedAccountAnswersExactlyLikeAWrongPasswordAfterTheSameHashing() {
    service.register("locked@example.com");
    APIGatewayV2HTTPResponse wrong = null;
    for (int i = 0; i < 5; i++) {
      wrong = login("locked@example.com", "wrong password " + i);
    }
    int checksBefore = passwords.checks();

    APIGatewayV2HTTPResponse locked = login("locked@example.com", PASSWORD);

    assertThat(passwords.checks() - checksBefore).isEqualTo(1);
    assertThat(locked.getStatusCode()).isEqualTo(401).isEqualTo(wrong.getStatusCode());
    assertThat(locked.getHeaders()).isEqualTo(wrong.getHeaders());
    assertThat(withoutInstance(json(locked))).isEqualTo(withoutInstance(json(wrong)));
  }

  @Test
  void registeringATakenAddressAnswersLikeAFreeOneAndMailsItsOwner() {
    service.register("taken@example.com");
    int mailsBefore = service.mail.sent().size();

    APIGatewayV2HTTPResponse taken = register("taken@example.com");
    APIGatewayV2HTTPResponse free = register("free@example.com");

    assertThat(taken.getStatusCode()).isEqualTo(201).isEqualTo(free.getStatusCode());
    assertThat(taken.getHeaders()).isEqualTo(free.getHeaders());
    assertThat(json(taken).get("email").asText()).isEqualTo("taken@example.com");
    assertThat(fieldNames(json(taken))).isEqualTo(fieldNames(json(free)));
    assertThat(service.mail.sent().subList(mailsBefore, service.mail.sent().size()))
        .extracting(m -> m.kind() + " " + m.email())
        .containsExactly(
            "registration-attempted taken@example.com", "confirm-address free@example.com");
    assertThat(
            service.count(
                "SELECT count(*) FROM event_outbox"
                    + " WHERE event_type = 'shop.user.registered.v1' AND payload::text LIKE '%taken@%'"))
        .isEqualTo(1);
  }

  @Test
  void theConfirmationLinkVerifiesTheAddressOnce() {
    service.register("verify@example.com");
    String access = service.accessToken("verify@example.com");
    assertThat(profile(access).get("emailVerified").asBoolean()).isFalse();
    String token = service.mail.lastToken("confirm-address", "verify@example.com");

    APIGatewayV2HTTPResponse verified = verify(token);
    APIGatewayV2HTTPResponse again = verify(token);

    assertThat(verified.getStatusCode()).isEqualTo(204);
    assertThat(profile(access).get("emailVerified").asBoolean()).isTrue();
    assertThat(again.getStatusCode()).isEqualTo(401);
  }

  @Test
  void aPasswordResetSetsTheNewPasswordAndEndsEverySession() {
    service.register("reset@example.com");
    String refreshToken = service.logIn("reset@example.com").get("refreshToken").asText();

    assertThat(requestReset("nobody@example.com").getStatusCode()).isEqualTo(202);
    assertThat(requestReset("reset@example.com").getStatusCode()).isEqualTo(202);
    String token = service.mail.lastToken("reset-password", "reset@example.com");
    APIGatewayV2HTTPResponse weak = confirmReset(token, "Password1234");
    APIGatewayV2HTTPResponse reset = confirmReset(token, NEW_PASSWORD);

    assertThat(weak.getStatusCode()).isEqualTo(400);
    assertThat(json(weak).get("errors").get(0).get("field").asText()).isEqualTo("newPassword");
    assertThat(reset.getStatusCode()).isEqualTo(204);
    assertThat(refresh(refreshToken).getStatusCode()).isEqualTo(401);
    assertThat(login("reset@example.com", PASSWORD).getStatusCode()).isEqualTo(401);
    assertThat(login("reset@example.com", NEW_PASSWORD).getStatusCode()).isEqualTo(200);
    assertThat(confirmReset(token, "yet another unusual phrase").getStatusCode()).isEqualTo(401);
  }

  @Test
  void changingThePasswordEndsOtherSessionsAndReturnsANewOne() {
    service.register("change@example.com");
    String other = service.logIn("change@example.com").get("refreshToken").asText();
    String access = service.accessToken("change@example.com");

    APIGatewayV2HTTPResponse wrong = changePassword(access, "not the password", NEW_PASSWORD);
    APIGatewayV2HTTPResponse changed = changePassword(access, PASSWORD, NEW_PASSWORD);

    assertThat(wrong.getStatusCode()).isEqualTo(400);
    assertThat(json(wrong).get("errors").get(0).get("field").asText()).isEqualTo("currentPassword");
    assertThat(changed.getStatusCode()).isEqualTo(200);
    assertThat(refresh(other).getStatusCode()).isEqualTo(401);
    assertThat(refresh(json(changed).get("refreshToken").asText()).getStatusCode()).isEqualTo(200);
    assertThat(login("change@example.com", NEW_PASSWORD).getStatusCode()).isEqualTo(200);
  }

  @Test
  void theSeedAdminFunctionTakesAVerifiedAccountWithTotpById() {
    String unverified = service.register("early-bird@example.com");
    String verified = service.verifiedUser("operator@example.com");
    SeedAdminHandler seed = new SeedAdminHandler(service.module);

    assertThatThrownBy(() -> seed.handleRequest(Map.of("userId", unverified), null))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> seed.handleRequest(Map.of("userId", verified), null))
        .isInstanceOf(SecondFactorMissing.class);
    service.enrolTotp("operator@example.com");
    assertThat(seed.handleRequest(Map.of("userId", verified), null)).contains(verified);
    assertThat(
            service.count(
                "SELECT count(*) FROM user_roles WHERE user_id = '"
                    + verified
                    + "' AND role IN ('catalog', 'orders', 'ops', 'users')"))
        .isEqualTo(4);
    assertThat(
            service.count(
                "SELECT count(*) FROM user_roles WHERE role <> 'customer' AND user_id = '"
                    + unverified
                    + "'"))
        .isZero();
  }

  @Test
  void revokingARoleEndsTheUsersSessions() {
    var rootCodes = service.staff("root@example.com");
    String demoted = service.verifiedUser("demoted@example.com");
    var demotedCodes = service.enrolTotp("demoted@example.com");
    String adminToken =
        service.logIn("root@example.com", rootCodes.next()).get("accessToken").asText();
    service.call(
        ApiEvents.request("POST /admin/users/{id}/roles")
            .path("id", demoted)
            .bearer(adminToken)
            .json(Map.of("role", "catalog")));
    String refreshToken =
        service.logIn("demoted@example.com", demotedCodes.next()).get("refreshToken").asText();

    APIGatewayV2HTTPResponse revoked =
        service.call(
            ApiEvents.request("DELETE /admin/users/{id}/roles/{role}")
                .path("id", demoted)
                .path("role", "catalog")
                .bearer(adminToken));

    assertThat(revoked.getStatusCode()).isEqualTo(204);
    assertThat(refresh(refreshToken).getStatusCode()).isEqualTo(401);
  }

  @Test
  void oneAddressIsThrottledAcrossAccountsAndOthersAreNot() throws Exception {
    try (UserServiceUnderTest strict =
        UserServiceUnderTest.start(
            null, Map.of("AUTH_ATTEMPTS_PER_SOURCE", "3", "AUTH_SOURCE_WINDOW", "PT1H"))) {
      for (int i = 0; i < 3; i++) {
        APIGatewayV2HTTPResponse answer =
            strict.call(
                ApiEvents.request("POST /auth/login")
                    .sourceIp("203.0.113.5")
                    .json(Map.of("email", "victim" + i + "@example.com", "password", PASSWORD)));
        assertThat(answer.getStatusCode()).isEqualTo(401);
      }

      APIGatewayV2HTTPResponse throttled =
          strict.call(
              ApiEvents.request("POST /auth/password-reset")
                  .sourceIp("203.0.113.5")
                  .json(Map.of("email", "victim@example.com")));
      APIGatewayV2HTTPResponse other =
          strict.call(
              ApiEvents.request("POST /auth/password-reset")
                  .sourceIp("203.0.113.6")
                  .json(Map.of("email", "victim@example.com")));

      assertThat(throttled.getStatusCode()).isEqualTo(429);
      assertThat(Long.parseLong(throttled.getHeaders().get("Retry-After"))).isBetween(0L, 3600L);
      assertThat(other.getStatusCode()).isEqualTo(202);
    }
  }

  private static APIGatewayV2HTTPResponse login(String email, String password) {
    return service.call(
        ApiEvents.request("POST /auth/login").json(Map.of("email", email, "password", password)));
  }

  private static APIGatewayV2HTTPResponse register(String email) {
    return service.call(
        ApiEvents.request("POST /auth/register")
            .json(Map.of("email", email, "password", PASSWORD, "name", "Someone")));
  }

  private static APIGatewayV2HTTPResponse verify(String token) {
    return service.call(ApiEvents.request("POST /auth/verify-email").json(Map.of("token", token)));
  }

  private static APIGatewayV2HTTPResponse requestReset(String email) {
    return service.call(
        ApiEvents.request("POST /auth/password-reset").json(Map.of("email", email)));
  }

  private static APIGatewayV2HTTPResponse confirmReset(String token, String newPassword) {
    return service.call(
        ApiEvents.request("POST /auth/password-reset/confirm")
            .json(Map.of("token", token, "newPassword", newPassword)));
  }

  private static APIGatewayV2HTTPResponse changePassword(
      String access, String current, String newPassword) {
    return service.call(
        ApiEvents.request("POST /users/me/password")
            .bearer(access)
            .json(Map.of("currentPassword", current, "newPassword", newPassword)));
  }

  private static APIGatewayV2HTTPResponse refresh(String refreshToken) {
    return service.call(
        ApiEvents.request("POST /auth/refresh").json(Map.of("refreshToken", refreshToken)));
  }

  private static JsonNode profile(String access) {
    return json(service.call(ApiEvents.request("GET /users/me").bearer(access)));
  }

  private static String storedHash(String email) {
    return service.module.viewProfile().view(UUID.fromString(service.userId(email))).passwordHash();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // The problem's instance names the request, which differs between any two requests.
  private static JsonNode withoutInstance(JsonNode problem) {
    ObjectNode copy = problem.deepCopy();
    copy.remove("instance");
    return copy;
  }
}
