package shop.notification.adapter;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import shop.notification.delivery.SendFailure;
import shop.notification.delivery.SendReceipt;
import shop.notification.delivery.Sms;
import shop.notification.delivery.SmsSender;

/**
 * Sends SMS with Twilio's Messages API through the twilio SDK. Twilio's Messages API takes no
 * idempotency key, so the send ledger's lease is the only guard against a repeat after a crash. A
 * 4xx other than 401/403/429 (invalid or unreachable number, opted out) is permanent: retrying
 * would only repeat the refusal.
 */
public final class TwilioSmsSender implements SmsSender {
  static final String PROVIDER = "twilio";

  private final TwilioRestClient twilio;
  private final PhoneNumber from;

  public TwilioSmsSender(TwilioRestClient twilio, String from) {
    this.twilio = twilio;
    this.from = new PhoneNumber(from);
  }

  /**
   * A client for the account {@code accountSid} whose requests go to {@code baseUrl}
   * (https://api.twilio.com, or a sandbox): the SDK's supported extension point, a custom {@link
   * com.twilio.http.HttpClient}.
   */
  public static TwilioRestClient client(String accountSid, String authToken, String baseUrl) {
    return new TwilioRestClient.Builder(accountSid, authToken)
        .httpClient(new TwilioBaseUrlHttpClient(URI.create(baseUrl)))
        .build();
  }

  @Override
  public SendReceipt send(Sms sms) {
    try {
      Message message = Message.creator(new PhoneNumber(sms.to()), from, sms.body()).create(twilio);
      return new SendReceipt(PROVIDER, message.getSid());
    } catch (ApiConnectionException e) {
      throw SendFailure.retryable(PROVIDER, "no answer: " + e.getMessage(), e);
    } catch (ApiException e) {
      Integer status = e.getStatusCode();
      String reason = status + " (Twilio error " + e.getCode() + ") " + e.getMessage();
      if (status == null
          || status >= 500
          || status == 429
          || status == 408
          || status == 401
          || status == 403) {
        throw SendFailure.retryable(PROVIDER, reason, e);
      }
      throw SendFailure.permanent(PROVIDER, reason, e);
    }
  }
}
