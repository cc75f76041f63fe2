package shop.platform.http;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Jakarta Bean Validation of request objects. Uses the parameter-only message interpolator so that
 * no expression language implementation is needed (smaller jar, faster cold start).
 */
public final class BeanValidation {
  private final Validator validator;

  public BeanValidation() {
    ValidatorFactory factory =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    this.validator = factory.getValidator();
  }

  /** Throws a 400 problem listing every invalid field of {@code value}. */
  public void validate(Object value) {
    Set<ConstraintViolation<Object>> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      List<FieldError> errors =
          violations.stream()
              .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
              .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
              .toList();
      throw ProblemException.invalid(errors);
    }
  }
}
