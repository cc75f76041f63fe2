package shop.user.auth;

import java.util.List;

/** The public halves of the token signing keys, for the JWKS document (port). */
public interface SigningKeys {

  /** Every key a valid token may name: the active one and those still published after rotation. */
  List<PublicKey> publicKeys();

  /**
   * An RSA public key as a JWK.
   *
   * @param modulus base64url, unpadded
   * @param exponent base64url, unpadded
   */
  record PublicKey(String kid, String modulus, String exponent) {}
}
