package shop.platform.http;

/** The handler of one route: decode, call one use case, encode. */
@FunctionalInterface
public interface Route {
  HttpResponse handle(HttpRequest request);
}
