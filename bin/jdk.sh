# Sourced by ./shop and .ci/run: run Maven itself on a JDK >= 21 when one is installed, so that the format check
# (google-java-format parses with the running JDK's javac) sees Java 21 syntax. The build's toolchain selection picks
# the JDK for compiling and testing either way.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME" 2>/dev/null || echo 0)" -lt 21 ] 2>/dev/null; then
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$candidate"; break; fi
  done
fi
