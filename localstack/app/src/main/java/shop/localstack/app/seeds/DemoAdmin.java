package shop.localstack.app.seeds;

import shop.user.UserModule;
import shop.user.adapter.Argon2Passwords;

/** The demo admin that {@code ./shop up} seeds (local only; in the cloud see docs/USERS.md). */
public final class DemoAdmin {
  public static final String EMAIL = "admin@example.com";
  public static final String PASSWORD = "local-admin-password-1";

  /**
   * The demo admin's password is printed at every start: hashing it at the production cost (19 MiB,
   * 2 passes, several times slower in a cold JVM than warm) would protect nothing. Every other
   * account gets the production cost.
   */
  private static final int ARGON2_MEMORY_KIB = 1024;

  private DemoAdmin() {}

  /** Seeds the admin, its address verified, into {@code user}'s store (idempotent). */
  public static void seed(UserModule user) {
    user.openAdminAccount(new Argon2Passwords(ARGON2_MEMORY_KIB, 1))
        .open(EMAIL, "Local Admin", PASSWORD);
  }
}
