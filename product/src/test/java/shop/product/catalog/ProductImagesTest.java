package shop.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.product.catalog.CatalogTest.assertField;
import static shop.product.catalog.CatalogTest.mug;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;

class ProductImagesTest {
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13
  };
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};

  private final InMemoryCatalog catalog = new InMemoryCatalog();
  private final InMemoryImages images = new InMemoryImages();
  private final RequestImageUpload request = new RequestImageUpload(catalog, images);
  private final AttachImage attach = new AttachImage(catalog, images);
  private final Product product = catalog.insert(mug("S1", 100));

  @Test
  void anUploadIsSignedForOneKeyUnderTheProductWithItsTypeAndLength() {
    ImageUpload upload = request.request(product.id(), "image/png", 2048L);

    assertThat(upload.key()).matches("products/" + product.id() + "/[0-9a-f-]{36}\\.png");
    assertThat(upload.uploadUrl()).contains(upload.key(), "type=image/png", "length=2048");
    assertThat(upload.expiresAt()).isEqualTo(InMemoryImages.NOW.plus(RequestImageUpload.VALID_FOR));
  }

  @Test
  void anUploadIsOneByteToFiveMebibytesOfJpegPngOrWebp() {
    assertThat(request.request(product.id(), "image/jpeg", 1L).key()).endsWith(".jpg");
    assertThat(request.request(product.id(), "image/webp", RequestImageUpload.MAX_BYTES).key())
        .endsWith(".webp");
    assertField(() -> request.request(product.id(), "image/png", 0L), "contentLength");
    assertField(
        () -> request.request(product.id(), "image/png", RequestImageUpload.MAX_BYTES + 1),
        "contentLength");
    assertField(() -> request.request(product.id(), "image/png", null), "contentLength");
    assertField(() -> request.request(product.id(), "image/gif", 10L), "contentType");
  }

  @Test
  void noUploadForAProductThatIsGoneOrUnknown() {
    catalog.archive(product.id());

    assertThatThrownBy(() -> request.request(product.id(), "image/png", 10L))
        .isInstanceOf(ProductNotFound.class);
    assertThatThrownBy(() -> request.request("ghost", "image/png", 10L))
        .isInstanceOf(ProductNotFound.class);
  }

  @Test
  void attachesAnUploadThatIsWhatItsKeyPromises() {
    String key = request.request(product.id(), "image/png", 10L).key();
    images.upload(key, PNG, RequestImageUpload.MAX_BYTES);

    Product attached = attach.attach(product.id(), key);

    assertThat(attached.images()).containsExactly(key);
    assertThat(attached.version()).isEqualTo(product.version() + 1);
  }

  @Test
  void refusesAKeyNotIssuedForThisProduct() {
    Product other = catalog.insert(mug("S2", 100));
    String othersKey = request.request(other.id(), "image/png", 10L).key();
    images.upload(othersKey, PNG, 10);

    assertField(() -> attach.attach(product.id(), othersKey), "key");
    assertField(() -> attach.attach(product.id(), null), "key");
    assertField(
        () -> attach.attach(product.id(), "products/" + product.id() + "/../secret.png"), "key");
  }

  @Test
  void refusesWhatWasNeverUploadedIsTooBigOrIsAnotherFormat() {
    String missing = key("png");
    String tooBig = key("png");
    images.upload(tooBig, PNG, RequestImageUpload.MAX_BYTES + 1);
    String jpegAsPng = key("png");
    images.upload(jpegAsPng, JPEG, 10);

    assertField(() -> attach.attach(product.id(), missing), "key");
    assertField(() -> attach.attach(product.id(), tooBig), "key");
    assertThatThrownBy(() -> attach.attach(product.id(), jpegAsPng))
        .hasMessageContaining("not a image/png");
  }

  @Test
  void anArchivedProductTakesNoImage() {
    String key = key("png");
    images.upload(key, PNG, 10);
    catalog.archive(product.id());

    assertThatThrownBy(() -> attach.attach(product.id(), key)).isInstanceOf(ProductNotFound.class);
  }

  @Test
  void aProductShowsAtMostTenImages() {
    for (int i = 0; i < AttachImage.MAX_IMAGES; i++) {
      String key = key("png");
      images.upload(key, PNG, 10);
      attach.attach(product.id(), key);
    }
    String eleventh = key("png");
    images.upload(eleventh, PNG, 10);

    assertThatThrownBy(() -> attach.attach(product.id(), eleventh))
        .isInstanceOf(ConflictException.class);
  }

  private String key(String extension) {
    return RequestImageUpload.keyPrefix(product.id()) + UUID.randomUUID() + "." + extension;
  }
}
