#!/usr/bin/env bash
# Prints the path of a Python 3.12+ interpreter: python3.13, python3.12, a pyenv-installed 3.12+,
# or the default python3 when it is new enough. Exits 1 with one line when none is found.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
real() { "$1" -c 'import sys; print(sys.executable)'; }
for cand in python3.13 python3.12; do
  if command -v "$cand" >/dev/null 2>&1 && ok "$cand"; then real "$cand"; exit 0; fi
done
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])(\.[0-9]+)?$' | sort -rV); do
    cand="$(pyenv root)/versions/$v/bin/python3"
    if [ -x "$cand" ] && ok "$cand"; then real "$cand"; exit 0; fi
  done
fi
if command -v python3 >/dev/null 2>&1 && ok python3; then real python3; exit 0; fi
echo "Geen Python 3.12 of nieuwer gevonden: installeer python3.12 of python3.13." >&2
exit 1
