package shop.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {
  @Test
  void isFoundByContentTypeOrByExtension() {
    assertThat(ImageFormat.ofContentType("image/webp")).contains(ImageFormat.WEBP);
    assertThat(ImageFormat.ofContentType("image/gif")).isEmpty();
    assertThat(ImageFormat.ofExtension("jpg")).contains(ImageFormat.JPEG);
    assertThat(ImageFormat.ofExtension("jpeg")).isEmpty();
    assertThat(ImageFormat.PNG.contentType()).isEqualTo("image/png");
    assertThat(ImageFormat.PNG.extension()).isEqualTo("png");
  }

  @Test
  void aSignatureIsRecognisedFromItsLastByteOn() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    byte[] webp = "RIFF\0\0\0\0WEBP".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(ImageFormat.detect(png)).contains(ImageFormat.PNG);
    assertThat(ImageFormat.detect(jpeg)).contains(ImageFormat.JPEG);
    assertThat(ImageFormat.detect(webp)).contains(ImageFormat.WEBP);
  }

  @Test
  void aTruncatedSignatureIsNoImage() {
    assertThat(ImageFormat.detect(new byte[] {(byte) 0xff, (byte) 0xd8})).isEmpty();
    assertThat(ImageFormat.detect("RIFF\0\0\0\0WEB".getBytes(StandardCharsets.ISO_8859_1)))
        .isEmpty();
    assertThat(ImageFormat.detect("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1)))
        .isEmpty();
  }
}
