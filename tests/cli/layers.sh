#!/bin/sh
# layers.sh - the build keeps the layers base <- content <- sessions <- vote, report <- tui
# apart (vote/ and report/ side by side, neither including the other):
# build-aux/check-layers passes on the tree and fails, naming file and line, on a copy with a
# wrong include planted in it; the test programs of the layers below tui/ link no curses, and
# those of base/ no libyaml (as the Makefile's TESTS_* lists name them).
. "$(dirname "$0")/lib/cli.sh"
needs BUILD

# planted FILE LINE TEXT EXPECTED - a copy of the tree with TEXT inserted as line LINE of FILE
# fails the check with the message EXPECTED (FILE:LINE: ...) on its first line.
planted() {
	rm -rf "$work/tree" && mkdir "$work/tree" && cp -R base content sessions vote report tui "$work/tree/"
	sed -i "$2i $3" "$work/tree/$1"
	sh build-aux/check-layers "$work/tree" > "$work/out" 2> "$work/err"
	status=$?
	check "$1 with $3: fails (status $status)" [ "$status" -eq 1 ]
	check "$1 with $3: says $4" [ "$(head -n 1 "$work/err")" = "$4" ]
}

sh build-aux/check-layers . > "$work/out" 2> "$work/err"
status=$?
check "the tree passes (status $status)" [ "$status" -eq 0 ]
check "the tree passes without a message" [ ! -s "$work/err" ]
planted content/load.c 11 '#include "session.h"' \
	'content/load.c:11: includes "session.h" from sessions/, but content/ may include only from: base/ content/'
planted sessions/stats.c 3 '#include "app.h"' \
	'sessions/stats.c:3: includes "app.h" from tui/, but sessions/ may include only from: base/ content/ sessions/'
planted report/report.c 3 '#include "vote.h"' \
	'report/report.c:3: includes "vote.h" from vote/, but report/ may include only from: base/ content/ sessions/ report/'
planted vote/vote.c 3 '#include "report.h"' \
	'vote/vote.c:3: includes "report.h" from report/, but vote/ may include only from: base/ content/ sessions/ vote/'
planted base/utf8.c 4 '#include "content.h"' \
	'base/utf8.c:4: includes "content.h" from content/, but base/ may include only from: base/'
planted base/arena.c 4 '#include <yaml.h>' \
	'base/arena.c:4: includes <yaml.h>, but base/ does not use libyaml'
planted sessions/export.c 4 '#include <xlsxwriter.h>' \
	'sessions/export.c:4: includes <xlsxwriter.h>, but only report/ writes xlsx'
planted sessions/export.c 4 '#include <curses.h>' \
	'sessions/export.c:4: includes <curses.h>, but only tui/ may use curses'
planted content/content.c 4 '#include "../sessions/session.h"' \
	'content/content.c:4: includes "../sessions/session.h" by a path; name the header alone (the layer'"'"'s include path finds it)'

# The test programs of each layer, as the Makefile lists them.
layer_tests() {
	printf 'show:\n\t@echo $(TESTS_%s)\n' "$1" |
		env -u MAKEFLAGS -u MAKELEVEL make -s --no-print-directory -f Makefile -f - show
}

# links PROGRAM LIBRARY - true when the program PROGRAM ($BUILD/NAME, or a test program or
# tool by its name) needs LIBRARY.
links() {
	program=$BUILD/$1
	[ -x "$program" ] || program=$BUILD/tests/$1
	[ -x "$program" ] || program=$BUILD/tests/tools/$1
	ldd "$program" | grep -q "$2"
}

for layer in BASE CONTENT SESSIONS REPORT; do
	programs=$(layer_tests "$layer")
	check "the Makefile lists test programs of $layer" [ -n "$programs" ]
	for p in $programs; do
		check "$p ($layer) links no curses" eval '! links "$p" libncurses'
		[ "$layer" = BASE ] && check "$p ($layer) links no libyaml" eval '! links "$p" libyaml'
	done
done
check "meetlat links curses: the check above can tell" links meetlat libncurses
check "test_content (CONTENT) links libyaml: the check above can tell" links test_content libyaml

finish layers "the layers are kept apart, by their includes and by what their tests link"
