# meetlat - a workshop facilitator for the Sociale media almanak, in the terminal.
#
#   make            build ./meetlat
#   make run        build and start it on the built-in almanac
#   make check      build with ASan+UBSan and run every test (unit, corpus, end-to-end)
#   make install    install the program and its manual pages under $(DESTDIR)$(PREFIX)
#
# Packagers: CC, CFLAGS, CPPFLAGS, LDFLAGS, LDLIBS, PKG_CONFIG, PREFIX and DESTDIR are honoured;
# warnings are errors only when asked for (`make check WERROR=-Werror`, as .ci/run does).

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
CFLAGS    ?= -O2 -g
PYTHON    ?= /usr/bin/python3

# Where objects go: build/rel for the program, build/san for the sanitized test build.
BUILD     ?= build/rel
SANITIZE  ?=

# Libraries, found with pkg-config (build-aux/deps names the package of a missing one).
LIBS_PC    = ncursesw yaml-0.1
PC_CFLAGS := $(filter-out -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=%,\
               $(shell $(PKG_CONFIG) --cflags $(LIBS_PC) 2>/dev/null))
YAML_LIBS := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null)
CURSES_LIBS := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

WARNINGS   = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wformat=2 -Wno-format-nonliteral
FEATURES   = -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -DMEETLAT_VERSION='"$(VERSION)"'
ifeq ($(SANITIZE),1)
SANFLAGS   = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif
ALL_CFLAGS = $(WARNINGS) $(FEATURES) -Icontent -Isessions -Itui $(PC_CFLAGS) \
             $(CPPFLAGS) $(CFLAGS) $(SANFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

# The three rooms; each is a static library so that tests link only what they need.
CONTENT_SRC  = $(sort $(wildcard content/*.c))
# Generated sources live in the build folder, never in the source tree.
BUILTIN_SRC  = $(BUILD)/gen/builtin_yaml.c
SESSIONS_SRC = $(wildcard sessions/*.c)
# tui/ is two libraries: the windows that draw on a terminal (the only code that includes
# curses) and the interface's state, key handler and screens, which the tests link without it.
TUI_SRC      = $(addprefix tui/,app.c draw.c start_screen.c term.c)
UI_SRC       = $(filter-out tui/main.c $(TUI_SRC),$(wildcard tui/*.c))
CONTENT_LIB  = $(BUILD)/libcontent.a
SESSIONS_LIB = $(BUILD)/libsessions.a
TUI_LIB      = $(BUILD)/libtui.a
UI_LIB       = $(BUILD)/libui.a
obj = $(patsubst %.c,$(BUILD)/%.o,$(1))

UNIT_TESTS   = $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))
TEST_TOOLS   = $(patsubst tests/tools/%.c,$(BUILD)/tests/tools/%,$(wildcard tests/tools/*.c))

.PHONY: all run check deps deps-known install uninstall clean test-programs run-tests bench fuzz man-keys golden-pages
.DEFAULT_GOAL := all

all: meetlat

# The program is linked in $(BUILD) and copied to ./meetlat.
meetlat: $(BUILD)/meetlat
	cp -f $< $@

$(BUILD)/meetlat: $(call obj,tui/main.c) $(TUI_LIB) $(UI_LIB) $(SESSIONS_LIB) $(CONTENT_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CURSES_LIBS) $(YAML_LIBS) $(LDLIBS)

$(CONTENT_LIB): $(call obj,$(CONTENT_SRC)) $(BUILD)/gen/builtin_yaml.o
$(SESSIONS_LIB): $(call obj,$(SESSIONS_SRC))
$(UI_LIB): $(call obj,$(UI_SRC))
$(TUI_LIB): $(call obj,$(TUI_SRC))
$(CONTENT_LIB) $(SESSIONS_LIB) $(UI_LIB) $(TUI_LIB):
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/%.o: %.c | deps-known
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILTIN_SRC): content/almanak.yaml content/embed.sh
	@mkdir -p $(@D)
	sh content/embed.sh content/almanak.yaml > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/builtin_yaml.o: $(BUILTIN_SRC) | deps-known
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Unit tests: one program per tests/test_*.c; test tools: one per tests/tools/*.c. None links
# curses: the interface's state, keys and screens are tested without a terminal.
$(BUILD)/tests/%: $(BUILD)/tests/%.o $(UI_LIB) $(SESSIONS_LIB) $(CONTENT_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(YAML_LIBS) $(LDLIBS)
$(BUILD)/tests/%.o: tests/%.c | deps-known
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests -c -o $@ $<

# A missing library stops the build with the command that installs it.
deps-known:
	@sh build-aux/deps check

# Installs what building and testing need (Debian: apt-get, through sudo when not root).
deps:
	@sh build-aux/deps install

run:
	@sh build-aux/deps install build
	@$(MAKE) --no-print-directory all
	./meetlat

# The test build: the same sources with ASan+UBSan, in build/san; first the program as it
# ships (optimised, without sanitizers), in build/strict: with WERROR=-Werror (as CI builds
# it) a warning fails the check; a packager's newer compiler only warns.
WERROR    ?=
check:
	@sh build-aux/deps install test
	@$(MAKE) --no-print-directory BUILD=build/strict CFLAGS="$(CFLAGS) $(WERROR)" build/strict/meetlat
	@$(MAKE) --no-print-directory BUILD=build/san SANITIZE=1 test-programs
	@$(MAKE) --no-print-directory BUILD=build/san SANITIZE=1 run-tests

test-programs: $(BUILD)/meetlat $(UNIT_TESTS) $(TEST_TOOLS)

run-tests:
	@sh tests/run-all $(BUILD) $(PYTHON)

MAN1 = $(wildcard man/*.1)
MAN5 = $(wildcard man/*.5)

install: $(BUILD)/meetlat
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BUILD)/meetlat $(DESTDIR)$(BINDIR)/meetlat
	$(if $(MAN1),install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/)
	$(if $(MAN5),install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/meetlat $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1))) \
	      $(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(MAN5)))

# The key section of meetlat(1) is generated from the table of bindings (tui/actions.c).
man-keys: $(BUILD)/tests/tools/keys_man
	sh build-aux/man-keys $(BUILD)/tests/tools/keys_man man/meetlat.1

# The golden pages of the screens (tests/golden/pages/) are written by a tool; review the
# difference (git diff tests/golden/pages) before committing it.
golden-pages: $(BUILD)/tests/tools/screens_golden
	$(BUILD)/tests/tools/screens_golden tests/golden/pages

# Benchmarks print figures (time, memory, bytes); they are not tests.
bench: all
	@for b in bench/*; do [ -f "$$b" ] && [ -x "$$b" ] && echo "== $$b" && "$$b"; done; true

# Fuzz targets (fuzz/*.c, libFuzzer): built with clang; run e.g. build/fuzz/fuzz_content fuzz/corpus.
FUZZ_TARGETS = $(patsubst fuzz/%.c,build/fuzz/%,$(wildcard fuzz/*.c))
fuzz: $(FUZZ_TARGETS)
build/fuzz/%: fuzz/%.c $(CONTENT_SRC) $(SESSIONS_SRC) build/fuzz/gen/builtin_yaml.c
	@mkdir -p $(@D)
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(WARNINGS) $(FEATURES) -Icontent \
	      -Isessions $(PC_CFLAGS) -o $@ $< $(CONTENT_SRC) build/fuzz/gen/builtin_yaml.c $(SESSIONS_SRC) \
	      $(YAML_LIBS) $(LDLIBS)
build/fuzz/gen/builtin_yaml.c: content/almanak.yaml content/embed.sh
	@mkdir -p $(@D)
	sh content/embed.sh content/almanak.yaml > $@.tmp && mv $@.tmp $@

clean:
	rm -rf build meetlat

.SECONDARY:

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
