# lib.sh - what the set-up scripts share (sourced).

# install_packages PACKAGE...: installs them with apt-get when run as root on Debian or
# Ubuntu; returns 1 (installing nothing) otherwise, for the caller to say what to install.
install_packages() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  echo "== installing: $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$@" >/dev/null
}
