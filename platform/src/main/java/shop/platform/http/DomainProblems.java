package shop.platform.http;

import shop.platform.domain.ConflictException;
import shop.platform.domain.DomainFailure;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.platform.domain.PreconditionFailedException;
import shop.platform.domain.RejectedException;
import shop.platform.domain.TooManyAttemptsException;
import shop.platform.domain.UnauthenticatedException;
import shop.platform.domain.UnavailableException;

/** How the shared kernel's failures read as problem+json, the same in every service. */
final class DomainProblems {
  private DomainProblems() {}

  /** The problem for {@code failure}, or null for a failure the kernel does not define. */
  static ProblemException of(DomainFailure failure) {
    return switch (failure) {
      case InvalidFieldException e -> ProblemException.invalidField(e.field(), e.getMessage());
      case UnauthenticatedException e -> ProblemException.unauthorized(e.getMessage());
      case NotFoundException e -> ProblemException.notFound(e.getMessage());
      case ConflictException e -> ProblemException.conflict(e.getMessage());
      case PreconditionFailedException e -> ProblemException.preconditionFailed(e.getMessage());
      case RejectedException e -> ProblemException.unprocessable(e.getMessage());
      case TooManyAttemptsException e ->
          ProblemException.tooManyRequests(e.getMessage(), e.retryAfter());
      case UnavailableException e -> ProblemException.unavailable(e.getMessage());
      default -> null;
    };
  }
}
