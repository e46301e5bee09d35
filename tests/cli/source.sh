#!/usr/bin/env bash
# The driver-source front end on the command line: what --source walks, C files named
# explicitly, headers lending their #defines, and the same configuration, suppressions,
# baseline and formats as INFs.
# usage: source.sh INFLINT
set -u
inflint=$1
source "$(dirname "$0")/lib.sh"
slash_insensitive_paths
samples=$(cd "$(dirname "$0")/../../samples" && pwd)
cd "$tmp"
mkdir -p tree/drv tree/tests
cp "$samples/source/src102-bad.c" tree/drv/query.c
cp "$samples/source/src104-bad.c" tree/tests/trace.cpp
cp "$samples/rules/iso114-bad.inf" tree/drv/acme.inf
printf '#define ACME_KEY L"\\\\Registry\\\\Machine\\\\Software\\\\Acme"\n' > tree/drv/acme.h
printf 'void f(void) {\n  RtlInitUnicodeString(&n, ACME_KEY);\n  InitializeObjectAttributes(&oa, &n, 0, NULL, NULL);\n  ZwOpenKey(&h, KEY_READ, &oa);\n}\n' > tree/drv/key.c

expect walk-inf-only 1 "$inflint" -q -f gcc tree
contains walk-inf-only-inf out 'acme.inf'
lacks walk-inf-only-c out 'query.c'
expect walk-source 1 "$inflint" -q -f gcc --source tree
contains walk-source-inf out 'tree/drv/acme.inf'
contains walk-source-c out 'tree/drv/query.c:13:12: error: '
contains walk-source-cpp out 'tree/tests/trace.cpp:14:12: error: '
lacks walk-source-no-header-macros out 'key.c'
expect named-c 1 "$inflint" -q -f gcc tree/drv/query.c
contains named-c-finding out '[SRC102]'
expect header-named 1 "$inflint" -q -f gcc tree/drv/key.c tree/drv/acme.h
contains header-macro out "tree/drv/key.c:4:3: error: ZwOpenKey opens '"
contains header-macro-value out "Machine" # (the path's separators differ in the Windows check)
contains header-macro-name out "Software"
expect json 1 "$inflint" -q -f json tree/drv/query.c
contains json-rule out '"rule": "SRC102", "name": "global-rtl-registry-root", "severity": "error", "infverif": []'
contains json-encoding out '"path": "tree/drv/query.c", "encoding": "ansi"'
expect sarif 1 "$inflint" -q -f sarif tree/drv/query.c
contains sarif-rule out '"ruleId": "SRC102"'

# Configuration: [rules] and exclude, as for INFs; -j gives the same output.
printf '[inflint]\nexclude = tests/**\n[rules]\nSRC106 = off\nSRC102 = warning\n' > tree/.inflint.ini
cp "$samples/source/src106-bad.c" tree/drv/count.c
expect config 1 "$inflint" -q -f gcc --source tree
contains config-warning out 'tree/drv/query.c:13:12: warning: '
lacks config-off out 'count.c'
lacks config-exclude out 'trace.cpp'
"$inflint" -q -f gcc --source -j 1 tree > j1.txt 2>/dev/null
"$inflint" -q -f gcc --source -j 4 tree > j4.txt 2>/dev/null
cmp -s j1.txt j4.txt && ok || fail "-j 4 differs from -j 1"
rm tree/.inflint.ini

# A baseline hides the findings it records, and new ones still fail.
expect write-baseline 0 "$inflint" -q --source --write-baseline base.json tree/drv
expect baseline 0 "$inflint" -q --source --baseline base.json tree/drv
cp "$samples/source/src101-bad.c" tree/drv/new.c
expect baseline-new 1 "$inflint" -q -f gcc --source --baseline base.json tree/drv
contains baseline-new-finding out 'tree/drv/new.c:17:14: error: '

# Not C at all, named .c: read, scanned, nothing found, no crash.
awk 'BEGIN { srand(11); for (i = 0; i < 20000; i++) printf "%c", int(rand() * 256) }' > tree/junk.c
printf '"never closed\nR"x(never closed\n' > tree/broken.cpp
expect junk 0 "$inflint" -q -f gcc tree/junk.c tree/broken.cpp
finish
