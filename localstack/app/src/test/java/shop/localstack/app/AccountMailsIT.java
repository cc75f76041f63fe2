package shop.localstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.localstack.CloudPorts;

/**
 * The account mails end to end on the local cloud, as a customer meets them: the user service
 * writes the mail's event, notification emails it through the providers' sandbox, and the link's
 * token, read from the email in the sandbox's journal, does what it says.
 */
class AccountMailsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "a long enough password";
  private static LocalShop shop;

  @BeforeAll
  static void start() {
    shop = LocalShop.start(CloudPorts.ephemeral(), 0);
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  @Test
  void theLinkInTheConfirmationEmailVerifiesTheAddress() throws Exception {
    String email = "verify-" + System.nanoTime() + "@example.com";
    assertThat(
            post(
                    "/auth/register",
                    Map.of("email", email, "password", PASSWORD, "name", "Vera"),
                    null)
                .statusCode())
        .isEqualTo(201);
    String access = accessToken(email, PASSWORD);
    assertThat(me(access).get("emailVerified").asBoolean()).isFalse();

    String token = tokenFromEmail(email, "verify-email");
    HttpResponse<String> verified = post("/auth/verify-email", Map.of("token", token), null);

    assertThat(verified.statusCode()).isEqualTo(204);
    assertThat(me(access).get("emailVerified").asBoolean()).isTrue();
  }

  @Test
  void theLinkInTheResetEmailSetsTheNewPassword() throws Exception {
    String email = "reset-" + System.nanoTime() + "@example.com";
    String newPassword = "another quite unusual passphrase";
    post("/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Rosa"), null);

    assertThat(post("/auth/password-reset", Map.of("email", email), null).statusCode())
        .isEqualTo(202);
    String token = tokenFromEmail(email, "reset-password");
    HttpResponse<String> reset =
        post(
            "/auth/password-reset/confirm",
            Map.of("token", token, "newPassword", newPassword),
            null);

    assertThat(reset.statusCode()).isEqualTo(204);
    assertThat(logIn(email, PASSWORD).statusCode()).isEqualTo(401);
    assertThat(logIn(email, newPassword).statusCode()).isEqualTo(200);
  }

  @Test
  void registeringATakenAddressEmailsItsOwner() throws Exception {
    String email = "taken-" + System.nanoTime() + "@example.com";
    post("/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Alan"), null);

    HttpResponse<String> again =
        post("/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Eve"), null);

    assertThat(again.statusCode()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(emailsTo(email))
                    .anySatisfy(
                        body ->
                            assertThat(body)
                                .contains("Someone tried to open an account with your address")));
  }

  /** The token of the link {@code <APP_BASE_URL>/<page>?token=...} in an email to {@code email}. */
  private static String tokenFromEmail(String email, String page) {
    Pattern link = Pattern.compile("/" + page + "\\?token=([A-Za-z0-9_-]+)");
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                emailsTo(email).stream()
                    .map(link::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst()
                    .orElse(null),
            token -> token != null);
  }

  /** The request bodies of the emails the providers' sandbox received for {@code email}. */
  private static java.util.List<String> emailsTo(String email) throws Exception {
    String criteria =
        JSON.writeValueAsString(
            Map.of(
                "method",
                "POST",
                "urlPattern",
                "/(v2/email/outbound-emails|v3/mail/send)",
                "bodyPatterns",
                java.util.List.of(Map.of("contains", email))));
    URI find = shop.cloud().endpoints().sandboxUrl().resolve("/__admin/requests/find");
    HttpResponse<String> found = send("POST", find, criteria, null);
    java.util.List<String> bodies = new java.util.ArrayList<>();
    for (JsonNode request : JSON.readTree(found.body()).path("requests")) {
      bodies.add(request.path("body").asText());
    }
    return bodies;
  }

  private static String accessToken(String email, String password) throws Exception {
    HttpResponse<String> response = logIn(email, password);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("accessToken").asText();
  }

  private static HttpResponse<String> logIn(String email, String password) throws Exception {
    return post("/auth/login", Map.of("email", email, "password", password), null);
  }

  private static JsonNode me(String accessToken) throws Exception {
    HttpResponse<String> response =
        send("GET", shop.apiUrl().resolve("/users/me"), null, accessToken);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> post(String path, Map<String, String> body, String bearer)
      throws Exception {
    return send("POST", shop.apiUrl().resolve(path), JSON.writeValueAsString(body), bearer);
  }

  private static HttpResponse<String> send(String method, URI uri, String json, String bearer)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
