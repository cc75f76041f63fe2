package shop.user.profile;

import java.util.UUID;
import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.user.account.Account;
import shop.user.account.Accounts;

/**
 * Changes name, phone and SMS opt-in. Absent fields stay as they are; an empty phone removes it.
 * SMS needs a phone number.
 */
public final class UpdateProfile {
  private final Accounts accounts;

  public UpdateProfile(Accounts accounts) {
    this.accounts = accounts;
  }

  public Account update(Command command) {
    Account current = find(command.userId());
    String name = command.name() != null ? command.name() : current.name();
    String phone =
        command.phone() == null
            ? current.phone()
            : command.phone().isEmpty() ? null : command.phone();
    boolean smsOptIn = command.smsOptIn() != null ? command.smsOptIn() : current.smsOptIn();
    if (phone == null && smsOptIn) {
      throw new InvalidFieldException("smsOptIn", "needs a phone number");
    }
    if (!accounts.updateProfile(current.id(), name, phone, smsOptIn)) {
      throw NotFoundException.of("user");
    }
    return find(current.id());
  }

  private Account find(UUID userId) {
    return accounts.byId(userId).orElseThrow(() -> NotFoundException.of("user"));
  }

  /**
   * @param name null to keep
   * @param phone null to keep, empty to remove
   * @param smsOptIn null to keep
   */
  public record Command(UUID userId, String name, String phone, Boolean smsOptIn) {
    public Command {
      if (name != null) {
        name = Fields.text("name", name, 200);
      }
      if (phone != null && !phone.isEmpty()) {
        phone = Fields.phone("phone", phone);
      }
    }
  }
}
