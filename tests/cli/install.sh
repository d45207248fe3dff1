#!/bin/sh
# install.sh - `make install` puts the program, its Dutch catalogue and its manual pages under
# DESTDIR/PREFIX, the installed program runs, and `make uninstall` leaves nothing behind.
. "$(dirname "$0")/lib/cli.sh"
needs BUILD
dest=$work/root
make --no-print-directory -s BUILD="$BUILD" SANITIZE=1 DESTDIR="$dest" PREFIX=/usr install \
	> "$work/log" 2>&1 || { cat "$work/log"; echo "FAIL - make install"; exit 1; }
for f in usr/bin/meetlat usr/share/man/man1/meetlat.1 usr/share/man/man5/meetlat.5 \
	usr/share/man/man5/meetlat-session.5 usr/share/locale/nl/LC_MESSAGES/meetlat.mo \
	usr/share/man/nl/man1/meetlat.1; do
	[ -f "$dest/$f" ] || { echo "FAIL - $f was not installed"; exit 1; }
done
[ "$(stat -c %a "$dest/usr/bin/meetlat")" = 755 ] || { echo "FAIL - the program is not mode 755"; exit 1; }
msgunfmt "$dest/usr/share/locale/nl/LC_MESSAGES/meetlat.mo" | grep -q '^msgstr "onbekende optie"' ||
	{ echo "FAIL - the installed catalogue is not the Dutch translation"; exit 1; }
"$dest/usr/bin/meetlat" --version | grep -q '^meetlat ' || { echo "FAIL - the installed program does not run"; exit 1; }
make --no-print-directory -s BUILD="$BUILD" SANITIZE=1 DESTDIR="$dest" PREFIX=/usr uninstall \
	> "$work/log" 2>&1 || { cat "$work/log"; echo "FAIL - make uninstall"; exit 1; }
left=$(find "$dest" -type f | wc -l)
[ "$left" -eq 0 ] || { find "$dest" -type f; echo "FAIL - make uninstall left $left file(s)"; exit 1; }
echo "install.sh: install puts 6 files in place, uninstall removes them all"
