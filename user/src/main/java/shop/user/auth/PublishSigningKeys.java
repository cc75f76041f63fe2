package shop.user.auth;

import java.util.List;

/** Lists the keys other services verify access tokens with. */
public final class PublishSigningKeys {
  private final SigningKeys keys;

  public PublishSigningKeys(SigningKeys keys) {
    this.keys = keys;
  }

  public List<SigningKeys.PublicKey> publish() {
    return keys.publicKeys();
  }
}
