package shop.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of integration events. The constant's {@link #eventName()} is the record's simple
 * name, the EventBridge {@code detail-type}, and the base name of its JSON Schema and sample;
 * {@link #type()} is the versioned CloudEvent type; {@link #source()} is the EventBridge source,
 * {@code shop.<service>}. A breaking change is a new constant with a new version.
 */
public enum EventType {
  ORDER_CREATED(OrderCreated.class, "shop.order.created.v1", "transaction"),
  INVENTORY_RESERVED(InventoryReserved.class, "shop.inventory.reserved.v1", "product"),
  INVENTORY_REJECTED(InventoryRejected.class, "shop.inventory.rejected.v1", "product"),
  PAYMENT_CAPTURED(PaymentCaptured.class, "shop.payment.captured.v1", "transaction"),
  PAYMENT_FAILED(PaymentFailed.class, "shop.payment.failed.v1", "transaction"),
  PAYMENT_ACTION_REQUIRED(
      PaymentActionRequired.class, "shop.payment.action-required.v1", "transaction"),
  ORDER_CANCELLED(OrderCancelled.class, "shop.order.cancelled.v1", "transaction"),
  USER_REGISTERED(UserRegistered.class, "shop.user.registered.v1", "user"),
  EMAIL_VERIFICATION_REQUESTED(
      EmailVerificationRequested.class, "shop.user.email-verification-requested.v1", "user"),
  PASSWORD_RESET_REQUESTED(
      PasswordResetRequested.class, "shop.user.password-reset-requested.v1", "user"),
  REGISTRATION_ATTEMPTED(
      RegistrationAttempted.class, "shop.user.registration-attempted.v1", "user"),
  ORDER_SHIPPED(OrderShipped.class, "shop.order.shipped.v1", "transaction"),
  ORDER_DELIVERED(OrderDelivered.class, "shop.order.delivered.v1", "transaction"),
  RETURN_REQUESTED(ReturnRequested.class, "shop.return.requested.v1", "transaction"),
  RETURN_RECEIVED(ReturnReceived.class, "shop.return.received.v1", "transaction"),
  REFUND_ISSUED(RefundIssued.class, "shop.refund.issued.v1", "transaction"),
  CUSTOMER_CONTACT_CHANGED(
      CustomerContactChanged.class, "shop.customer.contact-changed.v1", "user"),
  USER_DELETED(UserDeleted.class, "shop.user.deleted.v1", "user");

  private final Class<? extends ShopEvent> recordType;
  private final String type;
  private final String service;

  EventType(Class<? extends ShopEvent> recordType, String type, String service) {
    this.recordType = recordType;
    this.type = type;
    this.service = service;
  }

  /** The Java record that carries this event's data. */
  public Class<? extends ShopEvent> recordType() {
    return recordType;
  }

  /** The versioned CloudEvent type, e.g. {@code shop.order.created.v1}. */
  public String type() {
    return type;
  }

  /** The event name: EventBridge detail-type and record name, e.g. {@code OrderCreated}. */
  public String eventName() {
    return recordType.getSimpleName();
  }

  /** The EventBridge source and CloudEvent source, {@code shop.<service>}. */
  public String source() {
    return "shop." + service;
  }

  /** The service that owns and alone may publish this event. */
  public String service() {
    return service;
  }

  /** The classpath resource of this event's JSON Schema (for the CloudEvent data). */
  public String schemaResource() {
    return "shop/events/schemas/" + schemaFileName();
  }

  /** The file name of the JSON Schema, e.g. {@code OrderCreated.v1.schema.json}. */
  public String schemaFileName() {
    return eventName() + "." + version() + ".schema.json";
  }

  /** The classpath resource of a sample CloudEvent of this type. */
  public String sampleResource() {
    return "shop/events/samples/" + eventName() + "." + version() + ".json";
  }

  /** The sample event's JSON, read from this module's resources (what priming handles). */
  public String sample() {
    try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(sampleResource())) {
      if (in == null) {
        throw new IllegalStateException("no sample " + sampleResource() + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version suffix of the CloudEvent type, e.g. {@code v1}. */
  public String version() {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  public static Optional<EventType> ofType(String cloudEventType) {
    return Arrays.stream(values()).filter(t -> t.type.equals(cloudEventType)).findFirst();
  }

  public static EventType of(ShopEvent event) {
    return Arrays.stream(values())
        .filter(t -> t.recordType == event.getClass())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no event type for " + event.getClass()));
  }
}
