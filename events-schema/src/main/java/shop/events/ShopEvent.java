package shop.events;

/**
 * The payload of one integration event: the CloudEvent {@code data}. Every event record names the
 * aggregate it is about, which becomes the CloudEvent {@code subject}.
 */
public sealed interface ShopEvent
    permits OrderCreated,
        InventoryReserved,
        InventoryRejected,
        PaymentCaptured,
        PaymentFailed,
        PaymentActionRequired,
        OrderCancelled,
        UserRegistered,
        EmailVerificationRequested,
        PasswordResetRequested,
        RegistrationAttempted,
        OrderShipped,
        OrderDelivered,
        ReturnRequested,
        ReturnReceived,
        RefundIssued,
        CustomerContactChanged,
        UserDeleted {

  /** The id of the aggregate this event is about: the CloudEvent subject. */
  String subject();
}
