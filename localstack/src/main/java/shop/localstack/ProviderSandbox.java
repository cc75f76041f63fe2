package shop.localstack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The providers' sandbox: one WireMock server answering like Stripe, SendGrid, Twilio and SES v2,
 * from the JSON mappings under {@code sandbox/mappings} on the classpath. Every request stays in
 * its journal ({@code GET /__admin/requests}).
 */
final class ProviderSandbox implements AutoCloseable {
  private final WireMockServer server;

  private ProviderSandbox(WireMockServer server) {
    this.server = server;
  }

  static ProviderSandbox start(String host, int port) {
    WireMockServer server =
        new WireMockServer(
            WireMockConfiguration.options()
                .bindAddress(host)
                .port(port)
                .usingFilesUnderClasspath("sandbox")
                .containerThreads(12)
                .maxRequestJournalEntries(10_000)
                .notifier(new Slf4jNotifier(false)));
    server.start();
    return new ProviderSandbox(server);
  }

  @Override
  public void close() {
    server.stop();
  }
}
