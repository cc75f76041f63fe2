package shop.bench.coldstart;

/**
 * Loaded by {@link FirstInvocation} right after the handler's constructor returned: in the
 * class-load log, the classes before it are the constructor's and the ones after are the first
 * invocation's.
 */
final class Constructed {
  private Constructed() {}
}
