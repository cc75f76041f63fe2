package shop.user.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import shop.user.UserModule;
import shop.user.account.Account;

/**
 * Makes the first admin in the cloud: grants every staff role to an account that registered through
 * the API, verified its email and enrolled TOTP ({@code POST /users/me/mfa/totp} and its
 * confirmation), named by its id ({@code GET /users/me} shows it). By id rather than email, and
 * only once verified, so that a stranger who registered the operator's address first cannot be made
 * admin. It has no HTTP route; an operator with IAM permission invokes it directly:
 *
 * <pre>{@code aws lambda invoke --function-name <seed-admin function> \
 *   --payload '{"userId":"<id>"}' --cli-binary-format raw-in-base64-out out.json}</pre>
 *
 * The payload never carries a password, so none ends up in invocation logs.
 */
public final class SeedAdminHandler implements RequestHandler<Map<String, String>, String> {
  private final UserModule module;

  /** For the Lambda runtime: the module of this cold start. */
  public SeedAdminHandler() {
    this(UserModule.instance());
  }

  public SeedAdminHandler(UserModule module) {
    this.module = module;
  }

  @Override
  public String handleRequest(Map<String, String> input, Context context) {
    String userId = input == null ? null : input.get("userId");
    if (userId == null) {
      throw new IllegalArgumentException("the payload must name the account: {\"userId\":\"...\"}");
    }
    Account admin = module.seedAdmin().seed(PathIds.uuid(userId, "user"), "seed-admin function");
    return "admin: " + admin.id();
  }
}
