package shop.notification.adapter;

import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Personalization;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import shop.notification.delivery.Email;
import shop.notification.delivery.EmailSender;
import shop.notification.delivery.SendFailure;
import shop.notification.delivery.SendReceipt;

/**
 * Sends email with SendGrid's v3 Mail Send API through sendgrid-java. SendGrid has no idempotency
 * key: the send's reference goes out as the custom argument {@code notification_id} (it comes back
 * in SendGrid's event webhook) and the header {@code X-Shop-Notification-Id}.
 */
public final class SendGridEmailSender implements EmailSender {
  static final String PROVIDER = "sendgrid";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final SendGrid sendGrid;
  private final com.sendgrid.helpers.mail.objects.Email from;

  public SendGridEmailSender(SendGrid sendGrid, String from) {
    this.sendGrid = sendGrid;
    this.from = new com.sendgrid.helpers.mail.objects.Email(from);
  }

  /**
   * A client for the API at {@code baseUrl} (https://api.sendgrid.com, or a sandbox over http),
   * that never sleeps on a 429 (the caller fails over instead).
   */
  public static SendGrid client(String apiKey, String baseUrl) {
    URI uri = URI.create(baseUrl);
    RequestConfig timeouts =
        RequestConfig.custom()
            .setConnectTimeout((int) TIMEOUT.dividedBy(3).toMillis())
            .setSocketTimeout((int) TIMEOUT.toMillis())
            .build();
    CloseableHttpClient http = HttpClients.custom().setDefaultRequestConfig(timeouts).build();
    SendGrid client =
        new SendGrid(
            apiKey, new com.sendgrid.Client(http, "http".equalsIgnoreCase(uri.getScheme())));
    client.setHost(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
    client.setRateLimitRetry(0);
    return client;
  }

  @Override
  public SendReceipt send(Email email) {
    Mail mail = new Mail();
    mail.setFrom(from);
    mail.setSubject(email.content().subject());
    Personalization to = new Personalization();
    to.addTo(new com.sendgrid.helpers.mail.objects.Email(email.to(), email.toName()));
    mail.addPersonalization(to);
    // SendGrid wants text/plain before text/html.
    mail.addContent(new Content("text/plain", email.content().text()));
    mail.addContent(new Content("text/html", email.content().html()));
    mail.addCustomArg("notification_id", email.reference());
    mail.addHeader("X-Shop-Notification-Id", email.reference());

    Response response;
    try {
      Request request = new Request();
      request.setMethod(Method.POST);
      request.setEndpoint("mail/send");
      request.setBody(mail.build());
      response = sendGrid.api(request);
    } catch (IOException e) {
      throw SendFailure.retryable(PROVIDER, "no answer: " + e.getMessage(), e);
    }
    int status = response.getStatusCode();
    if (status >= 200 && status < 300) {
      return new SendReceipt(PROVIDER, header(response, "X-Message-Id"));
    }
    String reason = status + " " + response.getBody();
    if (status >= 500 || status == 429 || status == 408 || status == 401 || status == 403) {
      throw SendFailure.retryable(PROVIDER, reason, null);
    }
    throw SendFailure.permanent(PROVIDER, reason, null);
  }

  private static String header(Response response, String name) {
    return response.getHeaders().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(java.util.Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
