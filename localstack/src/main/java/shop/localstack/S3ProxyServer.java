package shop.localstack;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3: S3Proxy over its transient (in-memory) blob store. It checks SigV4 signatures with the local
 * access key and secret, so presigned URLs behave as in AWS (a tampered one gets 403).
 */
final class S3ProxyServer implements AutoCloseable {
  private final S3Proxy proxy;

  private S3ProxyServer(S3Proxy proxy) {
    this.proxy = proxy;
  }

  static S3ProxyServer start(String host, int port, String accessKey, String secretKey)
      throws Exception {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .endpoint(URI.create("http://" + host + ":" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
            .jettyMaxThreads(16)
            .build();
    proxy.start();
    if (!"STARTED".equals(proxy.getState())) {
      proxy.stop();
      throw new IllegalStateException("S3Proxy did not start on port " + port);
    }
    return new S3ProxyServer(proxy);
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    }
  }
}
