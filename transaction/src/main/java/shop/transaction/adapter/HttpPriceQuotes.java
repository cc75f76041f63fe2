package shop.transaction.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import shop.platform.http.HttpJson;
import shop.platform.http.SigV4JsonPost;
import shop.transaction.order.ItemRequest;
import shop.transaction.order.PriceQuote;
import shop.transaction.order.PriceQuotes;
import shop.transaction.order.PriceQuotesUnavailable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Product's batch price check, {@code POST /internal/price-quotes}, signed with SigV4 for API
 * Gateway's IAM authorization (service {@code execute-api}). Two seconds per attempt; a connection
 * that cannot be opened is tried once more; anything else that goes wrong makes product unavailable
 * for this checkout.
 */
public final class HttpPriceQuotes implements PriceQuotes {
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final URI endpoint;
  private final SigV4JsonPost signing;
  private final HttpClient http;
  private final ObjectMapper json = HttpJson.mapper();

  /**
   * @param productApiUrl the HTTP API's base URL ({@code PRODUCT_API_URL})
   */
  public HttpPriceQuotes(String productApiUrl, AwsCredentialsProvider credentials, String region) {
    this.endpoint = URI.create(productApiUrl.replaceAll("/+$", "") + "/internal/price-quotes");
    this.signing = new SigV4JsonPost(credentials, region);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
  }

  @Override
  public List<PriceQuote> quote(List<ItemRequest> items) {
    byte[] body = requestBody(items);
    HttpResponse<String> response;
    try {
      response = send(body);
    } catch (ConnectException | HttpConnectTimeoutException e) {
      try {
        response = send(body);
      } catch (IOException retry) {
        retry.addSuppressed(e);
        throw new PriceQuotesUnavailable("product cannot be reached: " + retry, retry);
      }
    } catch (IOException e) {
      throw new PriceQuotesUnavailable("product did not answer the price check: " + e, e);
    }
    if (response.statusCode() != 200) {
      throw new PriceQuotesUnavailable(
          "product answered the price check with " + response.statusCode(), null);
    }
    return parse(response.body());
  }

  private HttpResponse<String> send(byte[] body) throws IOException {
    HttpRequest.Builder request = signing.post(endpoint, body).timeout(TIMEOUT);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PriceQuotesUnavailable("interrupted while waiting for product", e);
    }
  }

  private byte[] requestBody(List<ItemRequest> items) {
    ObjectNode root = json.createObjectNode();
    ArrayNode array = root.putArray("items");
    items.forEach(
        i -> array.addObject().put("productId", i.productId()).put("quantity", i.quantity()));
    try {
      return json.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("price check request cannot be written", e);
    }
  }

  /**
   * Reads product's answer as its openapi.yaml states it: {@code {quotes: [...]}}, one quote per
   * item with {@code status} OK, UNKNOWN_PRODUCT or ARCHIVED and, when OK, sku, name, unitPrice
   * (minor units), currency, availableStock and whether the quantity is {@code available}.
   */
  private List<PriceQuote> parse(String body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      throw new PriceQuotesUnavailable("product's price check answer is not JSON", e);
    }
    JsonNode quotes = root.path("quotes");
    if (!quotes.isArray()) {
      throw new PriceQuotesUnavailable("product's price check answer has no quotes", null);
    }
    List<PriceQuote> result = new ArrayList<>();
    for (JsonNode q : quotes) {
      String status = q.path("status").asText();
      PriceQuote.Availability availability =
          switch (status) {
            case "OK" ->
                q.path("available").asBoolean(false)
                    ? PriceQuote.Availability.AVAILABLE
                    : PriceQuote.Availability.OUT_OF_STOCK;
            case "UNKNOWN_PRODUCT" -> PriceQuote.Availability.UNKNOWN;
            case "ARCHIVED" -> PriceQuote.Availability.ARCHIVED;
            default ->
                throw new PriceQuotesUnavailable(
                    "product's price check answered an unknown status " + status, null);
          };
      result.add(
          new PriceQuote(
              q.path("productId").asText(),
              availability,
              q.path("sku").asText(null),
              q.path("name").asText(null),
              q.path("unitPrice").asLong(0),
              q.path("currency").asText(null),
              q.path("availableStock").asInt(0)));
    }
    return result;
  }
}
