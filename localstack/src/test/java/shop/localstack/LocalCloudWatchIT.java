package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The local CloudWatch through the AWS SDK's own client (Smithy RPC v2 CBOR). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalCloudWatchIT {
  private final LocalEventBridge bridge;
  private final CloudWatchClient cloudWatch;
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

  LocalCloudWatchIT() throws Exception {
    SqsClient unused =
        SqsClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    bridge = LocalEventBridge.start("127.0.0.1", 0, "us-east-1", "000000000000", unused);
    cloudWatch =
        CloudWatchClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .endpointOverride(URI.create("http://127.0.0.1:" + bridge.port()))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    for (int latency = 1; latency <= 100; latency++) {
      bridge.cloudWatch().ingest(line("GET /products", latency, now.plusSeconds(latency % 50)));
    }
    bridge.cloudWatch().ingest(line("POST /orders", 7, now.plusSeconds(70)));
    bridge.cloudWatch().ingest("not an EMF line");
  }

  @AfterAll
  void close() {
    cloudWatch.close();
    bridge.close();
  }

  @Test
  void answersSumAndP99OfARouteInOnePeriod() {
    GetMetricDataResponse response =
        cloudWatch.getMetricData(
            r ->
                r.startTime(now)
                    .endTime(now.plusSeconds(900))
                    .metricDataQueries(
                        query("requests", "Requests", "Sum", "GET /products", 900),
                        query("p99", "LatencyMs", "p99", "GET /products", 900),
                        query("all", "Requests", "Sum", null, 900)));

    assertThat(response.metricDataResults())
        .extracting(MetricDataResult::id, MetricDataResult::values, MetricDataResult::timestamps)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("requests", List.of(100.0), List.of(now)),
            org.assertj.core.groups.Tuple.tuple("p99", List.of(99.0), List.of(now)),
            org.assertj.core.groups.Tuple.tuple("all", List.of(101.0), List.of(now)));
  }

  @Test
  void aggregatesPerPeriodNewestFirst() {
    GetMetricDataResponse response =
        cloudWatch.getMetricData(
            r ->
                r.startTime(now)
                    .endTime(now.plusSeconds(180))
                    .metricDataQueries(query("requests", "Requests", "Sum", null, 60)));

    MetricDataResult result = response.metricDataResults().getFirst();
    assertThat(result.timestamps()).containsExactly(now.plusSeconds(60), now);
    assertThat(result.values()).containsExactly(1.0, 100.0);
  }

  @Test
  void listsTheRoutesThatHaveMetrics() {
    assertThat(
            cloudWatch
                .listMetrics(
                    r ->
                        r.namespace("Shop")
                            .metricName("Requests")
                            .dimensions(DimensionFilter.builder().name("route").build()))
                .metrics())
        .flatExtracting(m -> m.dimensions())
        .extracting(Dimension::value)
        .containsExactlyInAnyOrder("GET /products", "POST /orders");
  }

  @Test
  void refusesAStatisticItDoesNotKnowAsCloudWatchDoes() {
    assertThatThrownBy(
            () ->
                cloudWatch.getMetricData(
                    r ->
                        r.startTime(now)
                            .endTime(now.plusSeconds(60))
                            .metricDataQueries(query("q", "Requests", "Median", null, 60))))
        .isInstanceOfSatisfying(
            CloudWatchException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
  }

  private static MetricDataQuery query(
      String id, String metric, String stat, String route, int period) {
    return MetricDataQuery.builder()
        .id(id)
        .metricStat(
            s ->
                s.period(period)
                    .stat(stat)
                    .metric(
                        m -> {
                          m.namespace("Shop").metricName(metric);
                          if (route != null) {
                            m.dimensions(d -> d.name("route").value(route));
                          }
                        }))
        .build();
  }

  /** An EMF line as Metrics writes it: under the route and shop-wide. */
  private static String line(String route, int latencyMs, Instant at) {
    return """
        {"_aws":{"Timestamp":%d,"CloudWatchMetrics":[{"Namespace":"Shop",\
        "Dimensions":[["route"],[]],"Metrics":[{"Name":"Requests","Unit":"Count"},\
        {"Name":"LatencyMs","Unit":"Milliseconds"}]}]},\
        "route":"%s","Requests":1.0,"LatencyMs":%d.0}"""
        .formatted(at.toEpochMilli(), route, latencyMs);
  }
}
