package shop.notification.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.events.EventJson;

/**
 * SES v2, SendGrid and Twilio on one WireMock server, answering as the real APIs do, with their
 * journal for assertions.
 */
final class ProviderSandbox implements AutoCloseable {
  static final String TWILIO_SID = "AC" + "0123456789abcdef0123456789abcdef";
  static final String SES_PATH = "/v2/email/outbound-emails";
  static final String SENDGRID_PATH = "/v3/mail/send";
  static final String TWILIO_PATH = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";

  private final WireMockServer server = new WireMockServer(options().dynamicPort());

  ProviderSandbox() {
    server.start();
  }

  String baseUrl() {
    return server.baseUrl();
  }

  /** Every provider accepts everything. */
  void acceptAll() {
    server.resetAll();
    server.stubFor(
        post(urlEqualTo(SES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                    .withBody(
                        "{\"MessageId\":\"0102018c"
                            + UUID.randomUUID().toString().replace("-", "")
                            + "-000000\"}")));
    server.stubFor(
        post(urlEqualTo(SENDGRID_PATH))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("X-Message-Id", "W4Yn7oJfT3aO0QRg6lYb3A")
                    .withHeader("Content-Length", "0")));
    server.stubFor(
        post(urlEqualTo(TWILIO_PATH))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(twilioMessage())));
  }

  /** SES answers 500 InternalFailure. */
  void sesFails() {
    server.stubFor(
        post(urlEqualTo(SES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "InternalFailure")
                    .withBody("{\"message\":\"An internal failure occurred.\"}")));
  }

  /** Twilio refuses {@code number} as it refuses a number that cannot receive SMS (21211). */
  void twilioRefuses(String number) {
    server.stubFor(
        post(urlEqualTo(TWILIO_PATH))
            .withRequestBody(containing("To=" + URLEncoder.encode(number, StandardCharsets.UTF_8)))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number: "
                            + number
                            + "\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\","
                            + "\"status\":400}")));
  }

  /** The SES SendEmail requests, as JSON. */
  List<JsonNode> sesEmails() {
    return requests(SES_PATH).stream().map(r -> json(r.getBodyAsString())).toList();
  }

  /** The SendGrid Mail Send requests, as JSON. */
  List<JsonNode> sendGridEmails() {
    return requests(SENDGRID_PATH).stream().map(r -> json(r.getBodyAsString())).toList();
  }

  /** The Twilio Messages requests, as form fields. */
  List<Map<String, String>> twilioMessages() {
    return requests(TWILIO_PATH).stream().map(r -> form(r.getBodyAsString())).toList();
  }

  private List<LoggedRequest> requests(String path) {
    return server.findAll(postRequestedFor(urlEqualTo(path)));
  }

  @Override
  public void close() {
    server.stop();
  }

  private static JsonNode json(String body) {
    try {
      return EventJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return fields;
  }

  private static String twilioMessage() {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    return """
        {"account_sid":"%1$s","api_version":"2010-04-01","body":"Sent from the sandbox",
         "date_created":"Tue, 24 Nov 2026 10:15:34 +0000","date_sent":null,
         "date_updated":"Tue, 24 Nov 2026 10:15:34 +0000","direction":"outbound-api",
         "error_code":null,"error_message":null,"from":"+15005550006",
         "messaging_service_sid":null,"num_media":"0","num_segments":"1","price":null,
         "price_unit":"USD","sid":"%2$s","status":"queued",
         "subresource_uris":{"media":"/2010-04-01/Accounts/%1$s/Messages/%2$s/Media.json"},
         "to":"+447700900123","uri":"/2010-04-01/Accounts/%1$s/Messages/%2$s.json"}
        """
        .formatted(TWILIO_SID, sid);
  }
}
