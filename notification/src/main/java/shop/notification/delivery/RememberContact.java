package shop.notification.delivery;

import java.util.Objects;

/**
 * Keeps a customer's newest contact details, so that what is sent about their orders reaches them
 * as they are now. Idempotent and order-proof: the change's version decides, not its arrival.
 */
public final class RememberContact {
  private final ContactBook contacts;

  public RememberContact(ContactBook contacts) {
    this.contacts = Objects.requireNonNull(contacts, "contacts");
  }

  public void remember(Command command) {
    contacts.remember(command.userId(), command.contact(), command.version());
  }

  /**
   * @param version the change's number in the customer's history (the event's aggregate version)
   */
  public record Command(String userId, Contact contact, long version) {
    public Command {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(contact, "contact");
      if (version < 1) {
        throw new IllegalArgumentException("version must be positive");
      }
    }
  }
}
