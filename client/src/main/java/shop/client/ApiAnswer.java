package shop.client;

import java.util.List;
import java.util.Map;

/**
 * A 2xx answer with its status and headers, from a generated client's {@code ...WithHttpInfo}
 * method, whichever service's client made it (each package has an {@code ApiResponse} of its own).
 *
 * @param status the answer's status, e.g. 201
 * @param headers the answer's headers
 * @param data the decoded body; null when there is none
 */
public record ApiAnswer<T>(int status, Map<String, List<String>> headers, T data) {

  @SuppressWarnings("unchecked")
  static <T> ApiAnswer<T> of(Object response) {
    return (ApiAnswer<T>)
        switch (response) {
          case shop.client.product.ApiResponse<?> r ->
              new ApiAnswer<>(r.getStatusCode(), r.getHeaders(), r.getData());
          case shop.client.user.ApiResponse<?> r ->
              new ApiAnswer<>(r.getStatusCode(), r.getHeaders(), r.getData());
          case shop.client.transaction.ApiResponse<?> r ->
              new ApiAnswer<>(r.getStatusCode(), r.getHeaders(), r.getData());
          case shop.client.notification.ApiResponse<?> r ->
              new ApiAnswer<>(r.getStatusCode(), r.getHeaders(), r.getData());
          case shop.client.ops.ApiResponse<?> r ->
              new ApiAnswer<>(r.getStatusCode(), r.getHeaders(), r.getData());
          default ->
              throw new IllegalArgumentException("not a generated client's answer: " + response);
        };
  }
}
