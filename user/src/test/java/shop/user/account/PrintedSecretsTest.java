package shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a log line or exception message shows of the account's values: who, never a secret. */
class PrintedSecretsTest {
  private static final String PASSPHRASE = "a long and unusual passphrase";

  @Test
  void anAccountPrintsItsIdAndRolesButNotItsHash() {
    UUID id = UUID.randomUUID();
    Account account =
        new Account(
            id,
            "ada@example.com",
            "plain:" + PASSPHRASE,
            "Ada",
            null,
            false,
            Set.of(Roles.CUSTOMER),
            null,
            Instant.EPOCH,
            null);

    assertThat(account.toString())
        .isEqualTo("Account[id=" + id + ", roles=[customer]]")
        .doesNotContain(PASSPHRASE);
  }

  @Test
  void aTokenPrintsTheStartOfItsHashOnly() {
    OpaqueToken token = OpaqueToken.generate();

    assertThat(token.toString())
        .isEqualTo("OpaqueToken[hash=" + token.hash().substring(0, 8) + "...]")
        .doesNotContain(token.value());
  }

  @Test
  void aFactorPrintsWhetherItIsActiveButNotItsSecret() {
    TotpFactors.Factor factor = new TotpFactors.Factor("JBSWY3DPEHPK3PXP", true, 7L);

    assertThat(factor.toString()).isEqualTo("Factor[active=true]");
  }

  @Test
  void aRegistrationPrintsTheEmailButNotThePassword() {
    assertThat(new RegisterUser.Command("ada@example.com", PASSPHRASE, "Ada", null).toString())
        .isEqualTo("RegisterUser.Command[email=ada@example.com]");
  }
}
