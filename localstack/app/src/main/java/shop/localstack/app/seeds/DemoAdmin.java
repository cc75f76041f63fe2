package shop.localstack.app.seeds;

import shop.platform.auth.OneTimeCodes;
import shop.user.UserModule;
import shop.user.adapter.Argon2Passwords;

/**
 * The demo admin that {@code ./shop up} seeds (local only; in the cloud see docs/USERS.md): every
 * staff role, TOTP active. Its password and TOTP secret are printed and written to {@code
 * .shop/local.json} at every start, so that scripts and tests can log in as it; they guard nothing
 * but the developer's own emulators.
 */
public final class DemoAdmin {
  public static final String EMAIL = "admin@example.com";
  public static final String PASSWORD = "local-admin-password-1";

  /** Base32, as an authenticator app takes it. */
  public static final String TOTP_SECRET = "LOCALADMINTOTPSECRETFORTHEDEMO23";

  /**
   * The demo admin's password is printed at every start: hashing it at the production cost (19 MiB,
   * 2 passes, several times slower in a cold JVM than warm) would protect nothing. Every other
   * account gets the production cost.
   */
  private static final int ARGON2_MEMORY_KIB = 1024;

  // One per JVM: the user service accepts each code once, so every login of this process needs a
  // step that no earlier one used.
  private static final OneTimeCodes CODES = new OneTimeCodes(TOTP_SECRET);

  private DemoAdmin() {}

  /**
   * Seeds the admin, its address verified and TOTP active, into {@code user}'s store (idempotent).
   */
  public static void seed(UserModule user) {
    user.openAdminAccount(new Argon2Passwords(ARGON2_MEMORY_KIB, 1))
        .open(EMAIL, "Local Admin", PASSWORD, TOTP_SECRET);
  }

  /**
   * A one-time code for the admin's next login, never one this JVM used before (it may wait for the
   * next 30-second step when logins come faster).
   */
  public static String otp() {
    return CODES.next();
  }
}
