package shop.product.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import shop.product.catalog.ImageFormat;
import shop.product.catalog.ProductImages;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Product images in an S3 bucket. Uploads go straight from the admin's client to S3 with a
 * presigned PUT whose content type and length are signed; attaching reads the object's size and
 * first bytes back.
 */
public final class S3ProductImages implements ProductImages {
  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;
  private final String publicBaseUrl;
  private final Clock clock;

  /**
   * @param publicBaseUrl where clients load images from (a CDN in front of the bucket), or null for
   *     the bucket's own URL
   */
  public S3ProductImages(
      S3Client s3, S3Presigner presigner, String bucket, String publicBaseUrl, Clock clock) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
    this.publicBaseUrl =
        publicBaseUrl == null || publicBaseUrl.endsWith("/") ? publicBaseUrl : publicBaseUrl + "/";
    this.clock = clock;
  }

  @Override
  public PresignedUpload presignUpload(
      String key, ImageFormat format, long contentLength, Duration validFor) {
    PresignedPutObjectRequest presigned =
        presigner.presignPutObject(
            p ->
                p.signatureDuration(validFor)
                    .putObjectRequest(
                        put ->
                            put.bucket(bucket)
                                .key(key)
                                .contentType(format.contentType())
                                .contentLength(contentLength)));
    return new PresignedUpload(
        presigned.url().toString(),
        presigned.expiration() != null ? presigned.expiration() : clock.instant().plus(validFor));
  }

  @Override
  public Optional<StoredImage> inspect(String key, int headBytes) {
    HeadObjectResponse head;
    try {
      head = s3.headObject(h -> h.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    long size = head.contentLength() == null ? 0 : head.contentLength();
    if (size == 0) {
      return Optional.of(new StoredImage(0, new byte[0]));
    }
    try (ResponseInputStream<GetObjectResponse> in =
        s3.getObject(g -> g.bucket(bucket).key(key).range("bytes=0-" + (headBytes - 1)))) {
      return Optional.of(new StoredImage(size, readUpTo(in, headBytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + key + " from " + bucket, e);
    }
  }

  private static byte[] readUpTo(InputStream in, int max) throws IOException {
    return in.readNBytes(max);
  }

  @Override
  public String url(String key) {
    if (publicBaseUrl != null) {
      return publicBaseUrl + key;
    }
    return s3.utilities().getUrl(u -> u.bucket(bucket).key(key)).toString();
  }
}
