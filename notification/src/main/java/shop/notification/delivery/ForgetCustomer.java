package shop.notification.delivery;

import java.util.Objects;

/**
 * An account was erased: forgets the customer's contact details and takes their addresses and
 * numbers out of the send ledger. What was sent, when and about which order stays (the delivery log
 * of an order kept for accounting), addressed to nobody. Running it twice changes nothing more.
 */
public final class ForgetCustomer {
  private final ContactBook contacts;
  private final SendLedger ledger;

  public ForgetCustomer(ContactBook contacts, SendLedger ledger) {
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  public void forget(Command command) {
    contacts.forget(command.userId(), command.version());
    ledger.eraseRecipients(command.userId());
  }

  /**
   * @param version the erasure's place in the customer's history (the event's aggregate version)
   */
  public record Command(String userId, long version) {
    public Command {
      Objects.requireNonNull(userId, "userId");
    }
  }
}
