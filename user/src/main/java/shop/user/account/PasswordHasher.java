package shop.user.account;

/** Slow, salted password hashing (port). */
public interface PasswordHasher {

  /** A self-describing encoded hash (algorithm, parameters, salt, digest). */
  String hash(String password);

  /**
   * Whether {@code password} matches {@code encodedHash}, in time independent of where they differ.
   */
  boolean matches(String password, String encodedHash);

  /**
   * Whether {@code encodedHash} was made with other parameters (an older cost) than new hashes get:
   * it still {@link #matches}, but should be replaced by a fresh hash once the password is known.
   */
  boolean needsRehash(String encodedHash);
}
