package shop.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the first event as its trigger would send it, from the command line:
 *
 * <ul>
 *   <li>{@code http <METHOD> <path> <query or -> <bearer token or ->}: an API Gateway v2 request
 *       routed to {@code METHOD path}
 *   <li>{@code sqs <file> <queue ARN>}: an SQS batch of one message whose body (the EventBridge
 *       envelope) is the file's content
 *   <li>{@code scheduled}: an EventBridge scheduled event
 *   <li>{@code map [key=value ...]}: a JSON object, for handlers invoked directly
 * </ul>
 */
final class FirstEvents {
  private static final String ACCOUNT = "000000000000";

  private FirstEvents() {}

  static Object of(String handler, String... args) throws IOException {
    return switch (args[0]) {
      case "http" -> http(args[1], args[2], args[3], args[4]);
      case "sqs" -> sqs(Files.readString(Path.of(args[1])), args[2]);
      case "scheduled" -> scheduled(handler);
      case "map" -> map(List.of(args).subList(1, args.length));
      default -> throw new IllegalArgumentException("unknown event kind " + args[0]);
    };
  }

  private static APIGatewayV2HTTPEvent http(
      String method, String path, String query, String token) {
    Map<String, String> headers = new HashMap<>();
    headers.put("host", "api.shop.example");
    headers.put("accept", "application/json");
    headers.put("user-agent", "cold-start-benchmark");
    if (!token.equals("-")) {
      headers.put("authorization", "Bearer " + token);
    }
    Map<String, String> parameters = new HashMap<>();
    String rawQuery = query.equals("-") ? "" : query;
    for (String pair : rawQuery.split("&")) {
      if (pair.contains("=")) {
        parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    Instant now = Instant.now();
    String routeKey = method + " " + path;
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(path)
        .withRawQueryString(rawQuery)
        .withHeaders(headers)
        .withQueryStringParameters(parameters.isEmpty() ? null : parameters)
        .withIsBase64Encoded(false)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(ACCOUNT)
                .withApiId("coldstart")
                .withDomainName("api.shop.example")
                .withStage("$default")
                .withRouteKey(routeKey)
                .withRequestId(UUID.randomUUID().toString())
                .withTime(now.toString())
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp("127.0.0.1")
                        .withUserAgent("cold-start-benchmark")
                        .build())
                .build())
        .build();
  }

  private static SQSEvent sqs(String body, String queueArn) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(UUID.randomUUID().toString());
    message.setReceiptHandle(UUID.randomUUID().toString());
    message.setBody(body);
    message.setAttributes(
        Map.of(
            "ApproximateReceiveCount", "1",
            "SentTimestamp", Long.toString(System.currentTimeMillis()),
            "ApproximateFirstReceiveTimestamp", Long.toString(System.currentTimeMillis())));
    message.setMessageAttributes(Map.of());
    message.setEventSource("aws:sqs");
    message.setEventSourceArn(queueArn);
    message.setAwsRegion("us-east-1");
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }

  private static ScheduledEvent scheduled(String handler) {
    ScheduledEvent event = new ScheduledEvent();
    event.setId(UUID.randomUUID().toString());
    event.setAccount(ACCOUNT);
    event.setRegion("us-east-1");
    event.setSource("aws.scheduler");
    event.setDetailType("Scheduled Event");
    event.setResources(List.of("arn:aws:scheduler:us-east-1:" + ACCOUNT + ":schedule/" + handler));
    event.setDetail(new HashMap<>());
    return event;
  }

  private static Map<String, Object> map(List<String> pairs) {
    Map<String, Object> input = new HashMap<>();
    for (String pair : pairs) {
      input.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return input;
  }
}
