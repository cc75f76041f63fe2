package shop.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.events.Subscription;
import shop.events.Topology;
import shop.platform.observability.Metrics;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.synthetics.Canary;
import software.amazon.awscdk.services.synthetics.Code;
import software.amazon.awscdk.services.synthetics.Runtime;
import software.amazon.awscdk.services.synthetics.Schedule;
import software.amazon.awscdk.services.synthetics.Test;
import software.constructs.Construct;

/**
 * What on-call looks at: one CloudWatch dashboard over the handlers' EMF metrics (namespace {@value
 * Metrics#NAMESPACE}) and the queues, alarms on the shop-wide 5xx rate and on the outbox's oldest
 * pending entry, and a Synthetics canary that lists the catalogue and reads a product every five
 * minutes, alarmed when it fails. The dead-letter queues' alarms live with their queues ({@code
 * EventConsumer}); docs/RUNBOOK.md says what each alarm means.
 */
final class MonitoringStack extends Stack {
  static final String DASHBOARD = "shop";
  static final String CANARY = "shop-catalogue";

  /** 5xx answers above this share of requests (percent), in two of three 5-minute periods. */
  static final int ERROR_RATE_PERCENT = 5;

  /** An outbox entry pending longer than this means the relay is stuck or the bus refuses it. */
  static final Duration OUTBOX_AGE = Duration.minutes(5);

  /** The canary's script: the catalogue's first page, then its first product. */
  private static final String CANARY_SCRIPT =
      """
      const synthetics = require('Synthetics');
      const https = require('https');

      function get(path) {
        return new Promise((resolve, reject) => {
          https.get(process.env.API_URL + path, (res) => {
            let body = '';
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => {
              if (res.statusCode !== 200) {
                reject(new Error('GET ' + path + ' answered ' + res.statusCode));
              } else {
                resolve(JSON.parse(body));
              }
            });
          }).on('error', reject);
        });
      }

      exports.handler = async () => {
        const page = await synthetics.executeStep('listCatalogue', () => get('/products?limit=1'));
        if (!page.items || page.items.length === 0) {
          throw new Error('the catalogue is empty');
        }
        await synthetics.executeStep('readProduct', () =>
          get('/products/' + encodeURIComponent(page.items[0].id)));
      };
      """;

  private final Canary canary;

  MonitoringStack(Construct scope, StackProps props, SharedStack shared) {
    super(scope, "shop-monitoring", props);
    SnsAction notify = new SnsAction(shared.alarms());

    Alarm errorRate =
        Alarm.Builder.create(this, "ErrorRate")
            .alarmName("shop-5xx-rate")
            .alarmDescription(
                "More than "
                    + ERROR_RATE_PERCENT
                    + "% of API requests answered 5xx: see docs/RUNBOOK.md")
            .metric(
                MathExpression.Builder.create()
                    .expression("IF(requests > 0, 100 * errors / requests, 0)")
                    .usingMetrics(
                        Map.of(
                            "errors", shop("Errors5xx", "Sum", Duration.minutes(5)),
                            "requests", shop("Requests", "Sum", Duration.minutes(5))))
                    .label("5xx rate (%)")
                    .period(Duration.minutes(5))
                    .build())
            .threshold(ERROR_RATE_PERCENT)
            .evaluationPeriods(3)
            .datapointsToAlarm(2)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    errorRate.addAlarmAction(notify);

    Alarm outboxAge =
        Alarm.Builder.create(this, "OutboxAge")
            .alarmName("shop-outbox-oldest-pending")
            .alarmDescription(
                "An outbox entry has waited more than "
                    + OUTBOX_AGE.toMinutes()
                    + " minutes for the bus: see docs/RUNBOOK.md")
            .metric(shop("OutboxOldestPendingAgeMs", "Maximum", Duration.minutes(5)))
            .threshold(OUTBOX_AGE.toMilliseconds())
            .evaluationPeriods(1)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    outboxAge.addAlarmAction(notify);

    canary = canary(shared);
    Alarm canaryFailed =
        Alarm.Builder.create(this, "CanaryFailed")
            .alarmName("shop-canary-catalogue")
            .alarmDescription(
                "The canary could not list the catalogue or read a product: see docs/RUNBOOK.md")
            .metric(
                canary.metricSuccessPercent(
                    software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                        .period(Duration.minutes(5))
                        .statistic("Average")
                        .build()))
            .threshold(100)
            .evaluationPeriods(2)
            .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
            // No data means no run: the canary itself is broken.
            .treatMissingData(TreatMissingData.BREACHING)
            .build();
    canaryFailed.addAlarmAction(notify);

    dashboard();
  }

  private Canary canary(SharedStack shared) {
    Bucket artifacts =
        Bucket.Builder.create(this, "CanaryArtifacts")
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            .removalPolicy(RemovalPolicy.DESTROY)
            .autoDeleteObjects(false)
            .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(14)).build()))
            .build();
    NagFindings.onResource(
        artifacts,
        "AwsSolutions-S1",
        "Holds only the canary's own screenshots and logs, expiring after 14 days; nobody but the"
            + " canary writes there");
    Canary built =
        Canary.Builder.create(this, "Canary")
            .canaryName(CANARY)
            .runtime(Runtime.SYNTHETICS_NODEJS_PUPPETEER_9_1)
            .test(
                Test.custom(
                    software.amazon.awscdk.services.synthetics.CustomTestOptions.builder()
                        .code(Code.fromInline(CANARY_SCRIPT))
                        .handler("index.handler")
                        .build()))
            .schedule(Schedule.rate(Duration.minutes(5)))
            .environmentVariables(Map.of("API_URL", shared.api().getApiEndpoint()))
            .artifactsBucketLocation(
                software.amazon.awscdk.services.synthetics.ArtifactsBucketLocation.builder()
                    .bucket(artifacts)
                    .build())
            .build();
    NagFindings.onPolicyParts(
        built.getRole(),
        "AwsSolutions-IAM5",
        "The canary writes its screenshots under keys it names per run, in its own bucket only, and"
            + " its logs to the log groups Synthetics names cwsyn-<canary>-<id> (the CDK's canary role)",
        List.of(
            "Resource::<CanaryArtifacts16B34762.Arn>/*",
            "Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/lambda/cwsyn-*"));
    return built;
  }

  private void dashboard() {
    List<IMetric> deadLetters = new ArrayList<>();
    for (Subscription subscription : Topology.shop().subscriptions()) {
      deadLetters.add(
          Metric.Builder.create()
              .namespace("AWS/SQS")
              .metricName("ApproximateNumberOfMessagesVisible")
              .dimensionsMap(Map.of("QueueName", subscription.deadLetterQueue()))
              .statistic("Maximum")
              .period(Duration.minutes(1))
              .label(subscription.consumer())
              .build());
    }
    List<List<IWidget>> rows =
        List.of(
            List.of(
                graph("Route p99 latency (ms)", search("route", "LatencyMs", "p99")),
                graph("Route 5xx answers", search("route", "Errors5xx", "Sum"))),
            List.of(
                graph("Consumer message age p99 (ms)", search("consumer", "MessageAgeMs", "p99")),
                graph("Consumer failures", search("consumer", "Failures", "Sum"))),
            List.of(
                GraphWidget.Builder.create()
                    .title("Dead-letter queue depths")
                    .left(deadLetters)
                    .width(12)
                    .build(),
                graph(
                    "Outbox oldest pending (ms)",
                    search("outbox", "OutboxOldestPendingAgeMs", "Maximum"))),
            List.of(
                GraphWidget.Builder.create()
                    .title("Orders per minute")
                    .left(
                        List.of(
                            shop("OrdersPlaced", "Sum", Duration.minutes(1)),
                            shop("OrdersPaid", "Sum", Duration.minutes(1)),
                            shop("OrdersCancelled", "Sum", Duration.minutes(1))))
                    .width(12)
                    .build(),
                graph("Cold starts", search("function", "ColdStarts", "Sum"))));
    Dashboard.Builder.create(this, "Dashboard").dashboardName(DASHBOARD).widgets(rows).build();
  }

  /**
   * The shop-wide figure of a metric (the EMF lines publish every point without dimensions too).
   */
  private static Metric shop(String name, String statistic, Duration period) {
    return Metric.Builder.create()
        .namespace(Metrics.NAMESPACE)
        .metricName(name)
        .statistic(statistic)
        .period(period)
        .build();
  }

  /**
   * One line per value of {@code dimension} (per route, per consumer), as CloudWatch finds them.
   */
  private static MathExpression search(String dimension, String name, String statistic) {
    return MathExpression.Builder.create()
        .expression(
            "SEARCH('{"
                + Metrics.NAMESPACE
                + ","
                + dimension
                + "} MetricName=\""
                + name
                + "\"', '"
                + statistic
                + "', 60)")
        .usingMetrics(Map.of())
        .period(Duration.minutes(1))
        .build();
  }

  private static GraphWidget graph(String title, IMetric metric) {
    return GraphWidget.Builder.create().title(title).left(List.of(metric)).width(12).build();
  }

  Canary canary() {
    return canary;
  }
}
