package shop.user.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.user.UserModule;
import shop.user.account.RegisterUser;
import shop.user.auth.LogIn;
import shop.user.auth.Session;
import shop.user.auth.SigningKeys;

/**
 * Registration, email verification, login, token refresh, logout, password reset and the JWKS. The
 * routes that take a password or a one-time token count against the caller's address first.
 */
final class AuthRoutes {
  private final UserModule m;

  AuthRoutes(UserModule module) {
    this.m = module;
  }

  void register(HttpApi.Builder api) {
    api.route("POST /auth/register", this::registerUser)
        .route("POST /auth/login", this::logIn)
        .route("POST /auth/refresh", this::refresh)
        .route("POST /auth/logout", this::logOut)
        .route("POST /auth/verify-email", this::verifyEmail)
        .route("POST /auth/password-reset", this::requestPasswordReset)
        .route("POST /auth/password-reset/confirm", this::resetPassword)
        .route("GET /.well-known/jwks.json", this::signingKeys)
        .route("GET /.well-known/openid-configuration", this::openIdConfiguration);
  }

  // The same answer whether or not the address was free (openapi.yaml says why).
  private HttpResponse registerUser(HttpRequest req) {
    m.sourceThrottle().admit(req.sourceIp());
    RegisterRequest body = req.body(RegisterRequest.class);
    RegisterUser.Registered registered =
        m.registerUser()
            .register(
                new RegisterUser.Command(body.email(), body.password(), body.name(), body.phone()));
    return HttpResponse.created(
        "/users/me", new Registered(registered.email(), registered.name(), false));
  }

  private HttpResponse logIn(HttpRequest req) {
    m.sourceThrottle().admit(req.sourceIp());
    LoginRequest body = req.body(LoginRequest.class);
    var command = new LogIn.Command(body.email(), body.password(), body.otp(), req.sourceIp());
    return HttpResponse.ok(tokens(m.logIn().logIn(command)))
        .withHeader("Cache-Control", "no-store");
  }

  private HttpResponse refresh(HttpRequest req) {
    String refreshToken = req.body(RefreshRequest.class).refreshToken();
    return HttpResponse.ok(tokens(m.refreshSession().refresh(refreshToken, req.sourceIp())))
        .withHeader("Cache-Control", "no-store");
  }

  private HttpResponse verifyEmail(HttpRequest req) {
    m.sourceThrottle().admit(req.sourceIp());
    m.verifyEmail().verify(req.body(TokenRequest.class).token());
    return HttpResponse.noContent();
  }

  private HttpResponse requestPasswordReset(HttpRequest req) {
    m.sourceThrottle().admit(req.sourceIp());
    m.requestPasswordReset().request(req.body(ResetRequest.class).email(), req.sourceIp());
    return HttpResponse.of(202, null);
  }

  private HttpResponse resetPassword(HttpRequest req) {
    m.sourceThrottle().admit(req.sourceIp());
    ResetConfirmation body = req.body(ResetConfirmation.class);
    m.resetPassword().reset(body.token(), body.newPassword(), req.sourceIp());
    return HttpResponse.noContent();
  }

  private HttpResponse logOut(HttpRequest req) {
    m.logOut().logOut(req.body(RefreshRequest.class).refreshToken());
    return HttpResponse.noContent();
  }

  private HttpResponse signingKeys(HttpRequest req) {
    return HttpResponse.ok(
            Map.of("keys", m.publishSigningKeys().publish().stream().map(Jwk::of).toList()))
        .withHeader("Cache-Control", "public, max-age=300");
  }

  private HttpResponse openIdConfiguration(HttpRequest req) {
    return HttpResponse.ok(OpenIdConfiguration.of(m.issuer()))
        .withHeader("Cache-Control", "public, max-age=300");
  }

  private static Tokens tokens(Session s) {
    return new Tokens(s.accessToken(), s.refreshToken(), "Bearer", s.expiresIn());
  }

  record RegisterRequest(
      @NotBlank @Size(max = 320) String email,
      @NotNull @Size(min = 12, max = 128) String password,
      @NotBlank @Size(max = 200) String name,
      @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$", message = "must be an E.164 phone number")
          String phone) {
    @Override
    public String toString() {
      return "RegisterRequest[email=" + email + "]";
    }
  }

  record LoginRequest(
      @NotBlank @Size(max = 254) String email,
      @NotBlank @Size(max = 1024) String password,
      @Size(max = 10) String otp) {
    @Override
    public String toString() {
      return "LoginRequest[email=" + email + "]";
    }
  }

  record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    @Override
    public String toString() {
      return "RefreshRequest[]";
    }
  }

  record TokenRequest(@NotBlank @Size(max = 200) String token) {
    @Override
    public String toString() {
      return "TokenRequest[]";
    }
  }

  record ResetRequest(@NotBlank @Size(max = 320) String email) {}

  record ResetConfirmation(
      @NotBlank @Size(max = 200) String token,
      @NotNull @Size(min = 12, max = 128) String newPassword) {
    @Override
    public String toString() {
      return "ResetConfirmation[]";
    }
  }

  /** Says nothing the caller did not send: a taken address must look like a free one. */
  record Registered(String email, String name, boolean emailVerified) {}

  record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    @Override
    public String toString() {
      return "Tokens[]";
    }
  }

  /**
   * The OIDC discovery document: API Gateway's JWT authorizer reads it at {@code
   * <issuer>/.well-known/openid-configuration} to find the keys. Only what a resource server needs;
   * this service issues access tokens through its own login, not through OIDC flows.
   */
  record OpenIdConfiguration(
      String issuer,
      @JsonProperty("jwks_uri") String jwksUri,
      @JsonProperty("id_token_signing_alg_values_supported") List<String> signingAlgorithms,
      @JsonProperty("response_types_supported") List<String> responseTypes,
      @JsonProperty("subject_types_supported") List<String> subjectTypes) {
    static OpenIdConfiguration of(String issuer) {
      String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
      return new OpenIdConfiguration(
          issuer,
          base + "/.well-known/jwks.json",
          List.of("RS256"),
          List.of("token"),
          List.of("public"));
    }
  }

  record Jwk(String kty, String use, String alg, String kid, String n, String e) {
    static Jwk of(SigningKeys.PublicKey key) {
      return new Jwk("RSA", "sig", "RS256", key.kid(), key.modulus(), key.exponent());
    }
  }
}
