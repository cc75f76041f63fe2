package shop.user.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import shop.user.UserModule;
import shop.user.account.Account;

/**
 * Makes the first admin in the cloud: grants admin to an account that registered through the API.
 * It has no HTTP route; an operator with IAM permission invokes it directly:
 *
 * <pre>{@code aws lambda invoke --function-name <seed-admin function> \
 *   --payload '{"email":"ops@example.com"}' --cli-binary-format raw-in-base64-out out.json}</pre>
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
    String email = input == null ? null : input.get("email");
    Account admin = module.seedAdmin().seed(email, null, null);
    return "admin: " + admin.id();
  }
}
