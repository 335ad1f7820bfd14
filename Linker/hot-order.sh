#!/usr/bin/env bash
# Regenerates Linker/closer-hot.order: the functions of `closer` that a start runs, hottest code
# first in release builds (lld --symbol-ordering-file). Runs a release `closer` under valgrind's
# callgrind for `--help`, `leads --limit 22` and the terminal UI's first frame (in tmux), and lists
# every function of the executable that ran. Names missing later are ignored by the linker; code
# that is not listed still works, it only lands among the cold code.
# usage: Linker/hot-order.sh CLOSER_BINARY DATABASE_COPY   (the database may be migrated)
set -euo pipefail
cd "$(dirname "$0")/.."
closer=$(realpath "$1"); db=$(realpath "$2")
work=$(mktemp -d); trap 'tmux -L closer-hot-order kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cg() { valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$1.out" "${@:2}" >/dev/null 2>&1; }
cg help "$closer" --help
cg leads "$closer" --db "$db" leads --limit 22
tmux -L closer-hot-order -f /dev/null new-session -d -s ui -x 80 -y 24 \
    "env TERM=xterm-256color LANG=C.UTF-8 valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/ui.out '$closer' --db '$db' 2>/dev/null; sleep 30"
for _ in $(seq 1 120); do tmux -L closer-hot-order capture-pane -p -t ui | grep -q '^>' && break; sleep 1; done
for _ in $(seq 1 60); do [ -s "$work/ui.out" ] && break; tmux -L closer-hot-order send-keys -t ui q; sleep 2; done
python3 - "$work"/*.out > Linker/closer-hot.order <<'PY'
import re, sys
names = set()
for path in sys.argv[1:]:
    objects, functions, current = {}, {}, None
    for line in open(path, errors="replace"):
        match = re.match(r"^(c?ob|c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if not match: continue
        kind, ident, name = match.groups()
        table = objects if kind.endswith("ob") else functions
        if name is not None: table[ident] = name
        if kind == "ob": current = objects.get(ident, "")
        elif kind == "fn" and current.endswith("/closer"):
            names.add(re.sub(r"'\d+$", "", functions[ident]))
# The entry point and the paging constructor first: they run before the constructor's advice.
first = ["_start", "closer_advise_startup_paging", "closer_advise_executable"]
print("\n".join(first + sorted(n for n in names if not n.startswith("0x") and n not in first)))
PY
echo "Linker/closer-hot.order: $(wc -l < Linker/closer-hot.order) functions"
