package shop.localstack.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local credentials and the IAM role they stand for: in the cloud a function signs as a session of
 * its role, and API Gateway names that session as the caller ({@code
 * arn:aws:sts::<account>:assumed-role/<role name>/<session>}); locally the access key tells which
 * role signed.
 *
 * @param roleArn {@code arn:aws:iam::<account>:role/[path/]<name>}
 */
public record LocalSigner(String accessKeyId, String secretAccessKey, String roleArn) {
  private static final Pattern ROLE =
      Pattern.compile("^arn:([a-z-]+):iam::(\\d{12}):role/(?:.*/)?([^/]+)$");

  public LocalSigner {
    if (!ROLE.matcher(roleArn).matches()) {
      throw new IllegalArgumentException("not an IAM role ARN: " + roleArn);
    }
  }

  /** The caller's ARN API Gateway passes for a session of the role. */
  String sessionArn() {
    Matcher role = ROLE.matcher(roleArn);
    role.matches();
    return "arn:"
        + role.group(1)
        + ":sts::"
        + role.group(2)
        + ":assumed-role/"
        + role.group(3)
        + "/"
        + accessKeyId;
  }

  /** The role's account. */
  String accountId() {
    Matcher role = ROLE.matcher(roleArn);
    role.matches();
    return role.group(2);
  }

  @Override
  public String toString() {
    return "LocalSigner[" + accessKeyId + " as " + roleArn + "]";
  }
}
