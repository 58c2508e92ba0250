# Sourced by the project's scripts: finds a JDK >= 21 and exports JAVA_HOME and PATH.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      JAVA_HOME=$candidate
      return 0
    fi
  done
  echo "guichet: no JDK 21 or newer found (JAVA_HOME is '${JAVA_HOME:-unset}', none under /usr/lib/jvm)." >&2
  echo "guichet: install one (e.g. 'apt-get install openjdk-21-jdk-headless') or set JAVA_HOME." >&2
  return 1
}

pick_jdk || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
