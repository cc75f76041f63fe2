package shop.notification.adapter;

import shop.notification.delivery.Email;
import shop.notification.delivery.EmailSender;
import shop.notification.delivery.SendFailure;
import shop.notification.delivery.SendReceipt;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;

/**
 * Sends email with Amazon SES (API v2, {@code SendEmail}). SES has no idempotency token: the send's
 * reference goes out as the message tag {@code notification_id} and the header {@code
 * X-Shop-Notification-Id}, so a repeat after a crash is visible in SES event data and in the mail.
 */
public final class SesEmailSender implements EmailSender {
  static final String PROVIDER = "ses";

  private final SesV2Client ses;
  private final String from;

  public SesEmailSender(SesV2Client ses, String from) {
    this.ses = ses;
    this.from = from;
  }

  @Override
  public SendReceipt send(Email email) {
    try {
      SendEmailResponse response = ses.sendEmail(request(email));
      return new SendReceipt(PROVIDER, response.messageId());
    } catch (AccountSuspendedException
        | SendingPausedException
        | MailFromDomainNotVerifiedException
        | LimitExceededException e) {
      // Our account cannot send now; another provider can.
      throw SendFailure.retryable(PROVIDER, e.awsErrorDetails().errorCode(), e);
    } catch (SdkServiceException e) {
      throw classify(e);
    } catch (SdkClientException e) {
      throw SendFailure.retryable(PROVIDER, "no answer: " + e.getMessage(), e);
    }
  }

  private SendEmailRequest request(Email email) {
    Message message =
        Message.builder()
            .subject(utf8(email.content().subject()))
            .body(
                Body.builder()
                    .html(utf8(email.content().html()))
                    .text(utf8(email.content().text()))
                    .build())
            .headers(
                MessageHeader.builder()
                    .name("X-Shop-Notification-Id")
                    .value(email.reference())
                    .build())
            .build();
    return SendEmailRequest.builder()
        .fromEmailAddress(from)
        .destination(Destination.builder().toAddresses(email.to()).build())
        .emailTags(MessageTag.builder().name("notification_id").value(email.reference()).build())
        .content(EmailContent.builder().simple(message).build())
        .build();
  }

  private static Content utf8(String data) {
    return Content.builder().data(data).charset("UTF-8").build();
  }

  private static SendFailure classify(SdkServiceException e) {
    String reason = e.statusCode() + " " + e.getMessage();
    boolean retryable =
        e.statusCode() >= 500
            || e.isThrottlingException()
            || e.statusCode() == 429
            || e.statusCode() == 401
            || e.statusCode() == 403;
    return retryable
        ? SendFailure.retryable(PROVIDER, reason, e)
        : SendFailure.permanent(PROVIDER, reason, e);
  }
}
