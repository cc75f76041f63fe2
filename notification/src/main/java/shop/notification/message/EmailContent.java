package shop.notification.message;

import java.util.Objects;

/** A rendered email: subject, HTML body and the plain-text alternative. */
public record EmailContent(String subject, String html, String text) {

  public EmailContent {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(text, "text");
  }
}
