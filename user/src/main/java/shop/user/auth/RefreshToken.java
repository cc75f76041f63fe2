package shop.user.auth;

import shop.user.account.OpaqueToken;

/** An opaque refresh token; only its hash is stored (see {@link OpaqueToken}). */
record RefreshToken(String value, String hash) {

  public static RefreshToken generate() {
    OpaqueToken token = OpaqueToken.generate();
    return new RefreshToken(token.value(), token.hash());
  }

  public static String hashOf(String value) {
    return OpaqueToken.hashOf(value);
  }

  @Override
  public String toString() {
    return "RefreshToken[hash=" + hash.substring(0, 8) + "...]";
  }
}
