package shop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemExceptionTest {
  @Test
  void oneInvalidFieldIsNamedInTheDetailAndSeveralAreCounted() {
    Problem one =
        ProblemException.invalid(List.of(new FieldError("email", "must be an email"))).problem();
    Problem two =
        ProblemException.invalid(
                List.of(
                    new FieldError("email", "must be an email"),
                    new FieldError("quantity", "must be at least 1")))
            .problem();

    assertThat(one.status()).isEqualTo(400);
    assertThat(one.detail()).isEqualTo("email: must be an email");
    assertThat(two.detail()).isEqualTo("2 fields are invalid");
    assertThat(two.errors()).extracting(FieldError::field).containsExactly("email", "quantity");
  }
}
