package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.events.Subscription;
import shop.events.Topology;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class MonitoringStackTest {
  private final SynthesizedShop shop = SynthesizedShop.get();
  private final Template template = shop.template(shop.stacks.monitoring());

  @Test
  void theDashboardShowsRoutesConsumersDeadLettersOutboxOrdersAndColdStarts() {
    Map<String, Map<String, Object>> dashboards =
        template.findResources("AWS::CloudWatch::Dashboard");
    assertThat(dashboards).hasSize(1);
    String body = String.valueOf(dashboards.values().iterator().next().get("Properties"));
    assertThat(body)
        .contains("Route p99 latency", "LatencyMs", "p99", "Errors5xx")
        .contains("MessageAgeMs", "Failures")
        .contains("OutboxOldestPendingAgeMs", "OrdersPlaced", "ColdStarts");
    for (Subscription subscription : Topology.shop().subscriptions()) {
      assertThat(body).as("DLQ depth").contains(subscription.deadLetterQueue());
    }
  }

  @Test
  void alarmsOnTheFiveHundredsRateAndTheOutboxAgeNotifyOnCall() {
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "AlarmName",
            "shop-5xx-rate",
            "Threshold",
            MonitoringStack.ERROR_RATE_PERCENT,
            "Metrics",
            Match.arrayWith(
                List.of(
                    Match.objectLike(
                        Map.of("Expression", "IF(requests > 0, 100 * errors / requests, 0)")))),
            "AlarmActions",
            Match.anyValue()));
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "AlarmName", "shop-outbox-oldest-pending",
            "Namespace", "Shop",
            "MetricName", "OutboxOldestPendingAgeMs",
            "Statistic", "Maximum",
            "Threshold", 300_000,
            "AlarmActions", Match.anyValue()));
  }

  @Test
  void aCanaryReadsTheCatalogueEveryFiveMinutesAndIsAlarmed() {
    template.hasResourceProperties(
        "AWS::Synthetics::Canary",
        Match.objectLike(
            Map.of(
                "Name", MonitoringStack.CANARY,
                "Schedule", Match.objectLike(Map.of("Expression", "rate(5 minutes)")),
                "Code",
                    Match.objectLike(
                        Map.of(
                            "Script",
                            Match.stringLikeRegexp("[\\s\\S]*/products\\?limit=1[\\s\\S]*"))),
                "RunConfig",
                    Match.objectLike(
                        Map.of(
                            "EnvironmentVariables",
                            Match.objectLike(Map.of("API_URL", Match.anyValue())))))));
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "AlarmName", "shop-canary-catalogue",
            "Namespace", "CloudWatchSynthetics",
            "MetricName", "SuccessPercent",
            "ComparisonOperator", "LessThanThreshold",
            "AlarmActions", Match.anyValue()));
  }

  @Test
  void consumersMaySendToTheirOwnDeadLetterQueue() {
    Template notification = shop.template(shop.stacks.notification());
    notification.hasResourceProperties(
        "AWS::IAM::Policy",
        Map.of(
            "PolicyDocument",
            Match.objectLike(
                Map.of(
                    "Statement",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Action",
                                    Match.arrayWith(List.of("sqs:SendMessage")),
                                    "Effect",
                                    "Allow"))))))));
  }
}
