package shop.user.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.user.account.Account;
import shop.user.fakes.InMemoryUserService;

class UpdateProfileTest {
  private final InMemoryUserService users = new InMemoryUserService();
  private final UpdateProfile update = new UpdateProfile(users.accounts);
  private final Account ada = users.registered("ada@example.com");

  @Test
  void changesOnlyTheFieldsGivenAndAnEmptyPhoneRemovesIt() {
    Account withPhone =
        update.update(new UpdateProfile.Command(ada.id(), null, "+447700900123", true));

    assertThat(withPhone.name()).isEqualTo(ada.name());
    assertThat(withPhone.phone()).isEqualTo("+447700900123");
    assertThat(withPhone.smsOptIn()).isTrue();

    Account renamed = update.update(new UpdateProfile.Command(ada.id(), " Ada L. ", null, null));

    assertThat(renamed.name()).isEqualTo("Ada L.");
    assertThat(renamed.phone()).isEqualTo("+447700900123");
    assertThat(renamed.smsOptIn()).isTrue();

    Account noSms = update.update(new UpdateProfile.Command(ada.id(), null, "", false));

    assertThat(noSms.phone()).isNull();
    assertThat(noSms.smsOptIn()).isFalse();
    assertThat(new ViewProfile(users.accounts).view(ada.id())).isEqualTo(noSms);
  }

  @Test
  void smsNeedsAPhoneNumber() {
    assertThatThrownBy(() -> update.update(new UpdateProfile.Command(ada.id(), null, null, true)))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("smsOptIn"));
    assertThat(users.accounts.byId(ada.id()).orElseThrow().smsOptIn()).isFalse();
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertThatThrownBy(
            () -> update.update(new UpdateProfile.Command(UUID.randomUUID(), "Bob", null, null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> new ViewProfile(users.accounts).view(UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aPhoneThatIsNotE164IsRefusedNamingIt() {
    assertThatThrownBy(() -> new UpdateProfile.Command(ada.id(), null, "call me", null))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("phone"));
  }
}
