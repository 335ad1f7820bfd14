#!/usr/bin/env bash
# Regenerates Sources/closer/Linker/closer-hot.order: the functions of `closer` that a start runs, placed first
# in the code of release builds (lld --symbol-ordering-file). Runs a release `closer` under
# valgrind's callgrind for `--help`, `leads --limit 22` and the terminal UI's first frame (in tmux),
# both where it was built (next to the checkout's keymaps/ and themes/, which it then reads) and
# from another directory (an installed copy, built-in keymap), and lists every function of the
# executable that ran. Names that no longer exist are ignored by the linker; code that is not
# listed still works, it only lands among the cold code.
# usage: Sources/closer/Linker/hot-order.sh CLOSER_BINARY DATABASE_COPY   (the database may be migrated)
# needs valgrind, tmux, objcopy (binutils) and python3; then relink: rm .build/release/closer && swift build -c release
set -euo pipefail
cd "$(dirname "$0")/.."
closer=$(realpath "$1"); db=$(realpath "$2")
work=$(mktemp -d)
built="$(dirname "$closer")/.closer-hot-order-probe"; installed="$work/closer"
trap 'tmux -L closer-hot-order kill-server 2>/dev/null || true; rm -rf "$work" "$built"' EXIT
# valgrind 3.19 cannot read lld's DWARF 5: the probes are copies without debug info.
objcopy --strip-debug "$closer" "$built"; cp "$built" "$installed"
cg() { valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$1.out" "${@:2}" >/dev/null 2>&1; }
for where in built installed; do
    binary=$built; [ "$where" = installed ] && binary=$installed
    cg "help-$where" "$binary" --help
    cg "leads-$where" "$binary" --db "$db" leads --limit 22
    tmux -L closer-hot-order -f /dev/null new-session -d -s ui -x 80 -y 24 \
        "env TERM=xterm-256color LANG=C.UTF-8 valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/ui-$where.out '$binary' --db '$db' 2>/dev/null; sleep 30"
    for _ in $(seq 1 120); do tmux -L closer-hot-order capture-pane -p -t ui | grep -q '^>' && break; sleep 1; done
    for _ in $(seq 1 60); do [ -s "$work/ui-$where.out" ] && break; tmux -L closer-hot-order send-keys -t ui q; sleep 2; done
    tmux -L closer-hot-order kill-server 2>/dev/null || true
done
profiles=$(find "$work" -name '*.out' -size +0 | wc -l)
[ "$profiles" -eq 6 ] || { echo "hot-order: $profiles of 6 callgrind profiles written" >&2; exit 1; }
python3 - "$built" "$installed" "$work"/*.out > Linker/closer-hot.order <<'PY'
import re, sys
probes, names = set(sys.argv[1:3]), set()
for path in sys.argv[3:]:
    objects, functions, current = {}, {}, ""
    for line in open(path, errors="replace"):
        match = re.match(r"^(c?ob|c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if not match: continue
        kind, ident, name = match.groups()
        table = objects if kind.endswith("ob") else functions
        if name is not None: table[ident] = name
        if kind == "ob": current = objects.get(ident, "")
        elif kind == "fn" and current in probes:
            names.add(re.sub(r"'\d+$", "", functions[ident]))
# The entry point, crtbegin's frame_dummy and the paging constructor first: they run before the advice.
first = ["_start", "frame_dummy", "closer_advise_startup_paging", "closer_advise_executable"]
print("\n".join(first + sorted(n for n in names if not n.startswith("0x") and n not in first)))
PY
echo "Linker/closer-hot.order: $(wc -l < Linker/closer-hot.order) functions"
