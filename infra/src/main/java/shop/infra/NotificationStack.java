package shop.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.notification.NotificationModule;
import shop.notification.api.NotificationApi;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * Emails and SMS: SES as the primary email provider, SendGrid as the fallback, Twilio for SMS. Only
 * the event consumer gets the provider secrets; the API reads the delivery log.
 */
final class NotificationStack extends ServiceStack {
  NotificationStack(Construct scope, StackProps props, SharedStack shared, LambdaJars jars) {
    super(scope, "notification", props, shared, jars);
    Map<String, String> env = new HashMap<>(tokenEnvironment());
    env.put("NOTIFICATIONS_TABLE", shared.notifications().getTableName());

    ShopFunction api =
        function("api", NotificationApi.class.getName(), Duration.seconds(15), env, null);
    shared.notifications().grantReadData(api);
    serveRoutes(NotificationModule.class, api);

    Map<String, String> senders = new HashMap<>(env);
    senders.put("EMAIL_PRIMARY", "ses");
    senders.put("EMAIL_SECONDARY", "sendgrid");
    senders.put("EMAIL_FROM", config.emailFrom());
    senders.put("APP_BASE_URL", config.appBaseUrl());
    senders.put("SENDGRID_API_KEY", secretSetting(shared.sendGrid(), "apiKey"));
    senders.put("TWILIO_ACCOUNT_SID", secretSetting(shared.twilio(), "accountSid"));
    senders.put("TWILIO_AUTH_TOKEN", secretSetting(shared.twilio(), "authToken"));
    senders.put("TWILIO_FROM", secretSetting(shared.twilio(), "from"));
    for (ShopFunction consumer : consumeEvents(senders, null)) {
      shared.notifications().grantReadWriteData(consumer);
      shared.idempotency().grantReadWriteData(consumer);
      consumer.addToRolePolicy(
          PolicyStatement.Builder.create()
              .actions(List.of("ses:SendEmail"))
              .resources(
                  List.of(
                      formatArn(
                          software.amazon.awscdk.ArnComponents.builder()
                              .service("ses")
                              .resource("identity")
                              .resourceName("*")
                              .build())))
              .build());
      NagFindings.onPolicyParts(
          consumer,
          "AwsSolutions-IAM5",
          "SES authorizes sending by identity: the verified sender domain or address is chosen at"
              + " deploy time (EMAIL_FROM), so any identity of this account and region",
          List.of("Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*"));
    }
  }
}
