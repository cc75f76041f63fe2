package shop.notification.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.events.CloudEventCodec;
import shop.events.EventEnvelope;
import shop.events.EventJson;
import shop.events.EventType;
import shop.events.ShopEvent;
import shop.notification.NotificationModule;
import shop.notification.api.EventNotifications;
import shop.notification.delivery.Notification;
import shop.notification.message.AccountLinks;
import shop.notification.message.EmailContent;
import shop.notification.message.Template;

/**
 * Renders every template from the events-schema samples and compares it with the checked-in text
 * under {@code src/test/resources/expected/<case>/}. After a deliberate change, regenerate with
 * {@code -Dexpected.update=true} and review the diff.
 */
class MustacheTemplatesTest {
  private static final Path EXPECTED = Path.of("src/test/resources/expected");
  private static final boolean UPDATE = Boolean.getBoolean("expected.update");
  // The tokens of the events-schema samples.
  private static final String SAMPLE_VERIFY_TOKEN = "q3Zx9Lr0bN7sVh2KcT5yW8eJ1mP4uF6dA0gS3iO9kXw";
  private static final String SAMPLE_RESET_TOKEN = "Hk4pQ8wZ2nR7tY1vB5xC9mL3sD6fG0jK2aE8uI4oP7c";

  private final MustacheTemplates templates = new MustacheTemplates();
  private final EventNotifications notifications =
      new EventNotifications(Locale.ENGLISH, new AccountLinks("https://shop.example"));

  static Stream<Arguments> cases() {
    Stream<Arguments> samples =
        NotificationModule.SUBSCRIPTION.events().stream()
            .filter(type -> !NotificationModule.CUSTOMER_FACTS.contains(type))
            .sorted()
            .map(type -> Arguments.of(caseName(type), sample(type)));
    // The sample cancellation refunded nothing; this one refunded the whole order.
    Stream<Arguments> refunded =
        Stream.of(
            Arguments.of(
                "order-cancelled-refunded",
                withData(sample(EventType.ORDER_CANCELLED), Map.of("refundedAmount", 4900))));
    return Stream.concat(samples, refunded);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersTheSampleAsExpected(String name, String cloudEvent) throws IOException {
    EventEnvelope<ShopEvent> event = CloudEventCodec.instance().decode(cloudEvent);
    Notification notification = notifications.of(event);

    EmailContent email = templates.email(notification.template(), notification.model());
    String sms = templates.sms(notification.template(), notification.model());

    compare(name, "subject.txt", email.subject() + "\n");
    compare(name, "email.html", email.html());
    compare(name, "email.txt", email.text());
    compare(name, "sms.txt", sms + "\n");
  }

  @Test
  void theConfirmationMailLinksToTheAppsVerifyPageWithTheTokenAndItsExpiry() {
    Notification notification =
        notifications.of(decode(sample(EventType.EMAIL_VERIFICATION_REQUESTED)));
    String link = "https://shop.example/verify-email?token=" + SAMPLE_VERIFY_TOKEN;

    EmailContent email = templates.email(notification.template(), notification.model());

    assertThat(email.html())
        .contains("<a href=\"" + inHtml(link) + "\"", "25 November 2026, 09:00 UTC");
    assertThat(email.text()).contains(link, "25 November 2026, 09:00 UTC");
    assertThat(notification.contact().wantsSms()).isFalse();
  }

  @Test
  void theResetMailLinksToTheAppsResetPageWithTheTokenAndItsExpiry() {
    Notification notification =
        notifications.of(decode(sample(EventType.PASSWORD_RESET_REQUESTED)));
    String link = "https://shop.example/reset-password?token=" + SAMPLE_RESET_TOKEN;

    EmailContent email = templates.email(notification.template(), notification.model());

    assertThat(email.html())
        .contains("<a href=\"" + inHtml(link) + "\"", "24 November 2026, 11:30 UTC");
    assertThat(email.text()).contains(link, "24 November 2026, 11:30 UTC");
    assertThat(notification.contact().wantsSms()).isFalse();
  }

  @Test
  void theNoticeOfARepeatedRegistrationCarriesNoLink() {
    Notification notification = notifications.of(decode(sample(EventType.REGISTRATION_ATTEMPTED)));

    EmailContent email = templates.email(notification.template(), notification.model());

    assertThat(notification.contact().email()).isEqualTo("ada@example.com");
    assertThat(email.subject()).isEqualTo("Someone tried to open an account with your address");
    assertThat(email.text()).contains("24 November 2026, 12:00 UTC").doesNotContain("token=");
    assertThat(email.html()).doesNotContain("<a ");
  }

  @Test
  void escapesValuesInHtmlButNotInText() {
    Map<String, Object> model = Map.of("name", "<b>Ada</b> & Co", "email", "ada@example.com");

    EmailContent email = templates.email(Template.WELCOME, model);

    assertThat(email.html())
        .contains("&lt;b&gt;Ada&lt;/b&gt; &amp; Co")
        .doesNotContain("<b>Ada</b>");
    assertThat(email.text()).contains("<b>Ada</b> & Co");
    assertThat(email.subject()).isEqualTo("Welcome to the shop, <b>Ada</b> & Co");
  }

  // jmustache escapes '=' too; a mail client reads the attribute back as the link.
  private static String inHtml(String link) {
    return link.replace("=", "&#x3D;");
  }

  private static EventEnvelope<ShopEvent> decode(String cloudEvent) {
    return CloudEventCodec.instance().decode(cloudEvent);
  }

  private static void compare(String name, String file, String actual) throws IOException {
    Path path = EXPECTED.resolve(name).resolve(file);
    if (UPDATE) {
      Files.createDirectories(path.getParent());
      Files.writeString(path, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(path.toString())
        .isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
  }

  private static String caseName(EventType type) {
    return type.eventName();
  }

  private static String sample(EventType type) {
    try (InputStream in =
        MustacheTemplatesTest.class.getClassLoader().getResourceAsStream(type.sampleResource())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withData(String cloudEvent, Map<String, Object> changes) {
    try {
      ObjectNode json = (ObjectNode) EventJson.mapper().readTree(cloudEvent);
      ObjectNode data = (ObjectNode) json.get("data");
      changes.forEach((field, value) -> data.set(field, EventJson.mapper().valueToTree(value)));
      return EventJson.mapper().writeValueAsString(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
