package shop.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: a status, headers and a body that is serialized as JSON (or nothing). */
public record HttpResponse(int status, Map<String, String> headers, Object body) {

  public HttpResponse {
    headers = Map.copyOf(headers);
  }

  public static HttpResponse ok(Object body) {
    return new HttpResponse(200, Map.of(), body);
  }

  public static HttpResponse created(String location, Object body) {
    return new HttpResponse(201, Map.of("Location", location), body);
  }

  public static HttpResponse noContent() {
    return new HttpResponse(204, Map.of(), null);
  }

  public static HttpResponse of(int status, Object body) {
    return new HttpResponse(status, Map.of(), body);
  }

  public HttpResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpResponse(status, copy, body);
  }
}
