# Sourced by ./hotline and scripts/test: finds a JDK >= 21 and exports JAVA_HOME and PATH.
# Order: JAVA_HOME if new enough, else the newest JDK under /usr/lib/jvm, else javac on the PATH.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    local v; v=$(java_major "$JAVA_HOME/bin/java")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null; then echo "$JAVA_HOME"; return; fi
  fi
  local best="" bestv=0 d v
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d/bin/java")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(java_major "$d/bin/java")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null; then best=$d; fi
  fi
  if [ -z "$best" ]; then
    echo "OpenHotline needs a JDK 21 or newer. Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+)" >&2
    echo "and set JAVA_HOME to it; none was found in JAVA_HOME, /usr/lib/jvm or on the PATH." >&2
    exit 1
  fi
  echo "$best"
}

JAVA_HOME="$(find_jdk)" || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
