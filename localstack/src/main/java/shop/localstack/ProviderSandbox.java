package shop.localstack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import shop.localstack.stripe.StripeSandbox;

/**
 * The providers' sandbox: one WireMock server answering like Stripe, SendGrid, Twilio and SES v2,
 * from the JSON mappings under {@code sandbox/mappings} on the classpath; Stripe's mapping hands
 * every {@code /v1/...} call to the stateful {@link StripeSandbox}. Every request stays in its
 * journal ({@code GET /__admin/requests}).
 */
public final class ProviderSandbox implements AutoCloseable {
  private final WireMockServer server;
  private final StripeSandbox stripe;

  private ProviderSandbox(WireMockServer server, StripeSandbox stripe) {
    this.server = server;
    this.stripe = stripe;
  }

  /** Starts the sandbox on {@code host:port} (0: any free port). */
  public static ProviderSandbox start(String host, int port) {
    StripeSandbox stripe = new StripeSandbox();
    WireMockServer server =
        new WireMockServer(
            WireMockConfiguration.options()
                .bindAddress(host)
                .port(port)
                .usingFilesUnderClasspath("sandbox")
                .containerThreads(12)
                .maxRequestJournalEntries(10_000)
                .notifier(new Slf4jNotifier(false))
                .extensions(stripe.extensions()));
    try {
      server.start();
    } catch (RuntimeException e) {
      stripe.close();
      throw e;
    }
    return new ProviderSandbox(server, stripe);
  }

  /** Where it listens, e.g. {@code http://127.0.0.1:4570}. */
  public java.net.URI url() {
    return java.net.URI.create("http://127.0.0.1:" + server.port());
  }

  @Override
  public void close() {
    server.stop();
    stripe.close();
  }
}
