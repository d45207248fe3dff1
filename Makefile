# meetlat - a workshop facilitator for the Sociale media almanak, in the terminal.
#
#   make            build ./meetlat
#   make run        build and start it on the built-in almanac
#   make check      build with ASan+UBSan and run every test (unit, corpus, end-to-end)
#   make install    install the program, its catalogues and manual pages under $(DESTDIR)$(PREFIX)
#   make pot        remake po/meetlat.pot from the sources; make update-po merges it into po/*.po
#
# Packagers: CC, CFLAGS, CPPFLAGS, LDFLAGS, LDLIBS, PKG_CONFIG, OBJCOPY, OBJDUMP, PREFIX and
# DESTDIR are honoured (libyaml and libhyphen are opened at run time: see "Libraries" below);
# warnings are errors only when asked for (`make check WERROR=-Werror`, as .ci/run does).

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
PKG_CONFIG ?= pkg-config
CFLAGS    ?= -O2 -g
PYTHON    ?= /usr/bin/python3

# Where objects go: build/rel for the program, build/san for the sanitized test build.
BUILD     ?= build/rel
SANITIZE  ?=

# Libraries, found with pkg-config (build-aux/deps names the package of a missing one);
# their feature macros are left out, FEATURES sets those.
pc_cflags = $(filter-out -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=%,\
              $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null))
YAML_CFLAGS := $(call pc_cflags,yaml-0.1)
# Linked by the unit tests of content/ and above only (test_session_io compares the session
# writer with libyaml's emitter); the program opens libyaml when it needs it (below).
YAML_LIBS := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null)
MHD_CFLAGS := $(call pc_cflags,libmicrohttpd)
# libmicrohttpd is loaded when phone voting first opens (vote/vote_mhd.c), not linked: only
# its header is needed to build.
CURSES_CFLAGS := $(call pc_cflags,ncursesw)
CURSES_LIBS := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
# libxlsxwriter (libxlsxwriter-dev) writes the xlsx report (report/) and libqrencode
# (libqrencode-dev) the QR code of phone voting: only their headers are needed to build.
XLSX_CFLAGS := $(call pc_cflags,xlsxwriter)
QRENCODE_CFLAGS := $(call pc_cflags,libqrencode)
# No library that the start does not call is linked: libyaml and libhyphen are opened the
# first time a YAML file is read or written and a word is hyphenated (base/dynlib.h; the start
# on the built-in almanac needs neither), libmicrohttpd and libqrencode when phone voting first
# opens, libxlsxwriter (which brings minizip, zlib and libcrypto) when an xlsx report is
# written; by the sonames of the libraries found at build time (objdump -p of the .so that
# -lyaml, -lhyphen, ... would link), else Debian's. A package must depend on them itself
# (dpkg-shlibdeps does not see them): libyaml-0-2, libhyphen0, libmicrohttpd12, libqrencode4
# and libxlsxwriter4 on Debian. DL_LIBS is -ldl where dlopen is not in the C library (glibc
# before 2.34).
OBJDUMP ?= objdump
soname_of = $(shell $(OBJDUMP) -p "$$($(CC) -print-file-name=lib$(1).so)" 2>/dev/null | \
              awk '$$1 == "SONAME" { print $$2 }')
ifeq ($(origin YAML_SONAME),undefined)
YAML_SONAME := $(or $(call soname_of,yaml),libyaml-0.so.2)
endif
ifeq ($(origin HYPHEN_SONAME),undefined)
HYPHEN_SONAME := $(or $(call soname_of,hyphen),libhyphen.so.0)
endif
ifeq ($(origin MHD_SONAME),undefined)
MHD_SONAME := $(or $(call soname_of,microhttpd),libmicrohttpd.so.12)
endif
ifeq ($(origin QRENCODE_SONAME),undefined)
QRENCODE_SONAME := $(or $(call soname_of,qrencode),libqrencode.so.4)
endif
ifeq ($(origin XLSX_SONAME),undefined)
XLSX_SONAME := $(or $(call soname_of,xlsxwriter),libxlsxwriter.so.4)
endif
ifeq ($(origin DL_LIBS),undefined)
DL_LIBS := $(shell printf '\043include <dlfcn.h>\nint main(void) { return !dlopen("", 0); }\n' | \
             $(CC) -x c -o /dev/null - >/dev/null 2>&1 || echo -ldl)
endif

WARNINGS   = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wformat=2 -Wno-format-nonliteral
# The languages of the interface besides English: one catalogue po/LANG.po for each.
LINGUAS   := $(shell cat po/LINGUAS)
FEATURES   = -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -DMEETLAT_VERSION='"$(VERSION)"' \
             -DLOCALEDIR='"$(LOCALEDIR)"' -DMEETLAT_LINGUAS='"$(LINGUAS)"' \
             -DYAML_SONAME='"$(YAML_SONAME)"' -DHYPHEN_SONAME='"$(HYPHEN_SONAME)"' \
             -DMHD_SONAME='"$(MHD_SONAME)"' -DQRENCODE_SONAME='"$(QRENCODE_SONAME)"' \
             -DXLSX_SONAME='"$(XLSX_SONAME)"'
ifeq ($(SANITIZE),1)
SANFLAGS   = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif
# LAYER_CFLAGS is the include path of the layer being compiled (below).
ALL_CFLAGS = $(WARNINGS) $(FEATURES) $(LAYER_CFLAGS) $(LAYOUT_CFLAGS) $(CPPFLAGS) $(CFLAGS) \
             $(SANFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

# ---- The start's memory: the program's layout (issue 10) -----------------------------------
# The kernel maps a program's file in 64 KiB windows around each page the program touches
# (fault-around), so what the start costs in memory is the number of windows its code and data
# fall in. Each function and variable gets a section of its own, and each object is passed
# through objcopy with the options of build-aux/start-sections (written by `make start-layout`),
# which renames
# the functions that start -> first frame -> quit runs into .text.hot.*, which the linker puts
# together at the front of the text, and the read-only data the start never reads into .rodata1,
# after the rest. The segments are aligned to 64 KiB so that the windows begin where the layout
# does, and relative relocations are packed (DT_RELR) for the loader to read fewer pages: each
# linker flag only when $(CC) $(LDFLAGS) links with it. START_SECTIONS= START_LDFLAGS= turn
# the layout off (a function missing from the list only costs the start a window).
OBJCOPY       ?= objcopy
LAYOUT_CFLAGS  = -ffunction-sections -fdata-sections
START_SECTIONS = build-aux/start-sections
ALIGN_64K      = -Wl,-z,max-page-size=0x10000
PACKED_RELOCS  = -Wl,-z,pack-relative-relocs
# The flags of the variable named $(1) when a program links with them, else nothing.
links_with = $(shell printf 'int main(void) { return 0; }\n' | \
               $(CC) $(LDFLAGS) $($(1)) -x c -o /dev/null - >/dev/null 2>&1 && echo '$($(1))')
ifeq ($(origin START_LDFLAGS),undefined)
START_LDFLAGS := $(call links_with,ALIGN_64K) $(call links_with,PACKED_RELOCS)
endif
# ---- end of the layout ---------------------------------------------------------------------

# ---- The layers: base <- content <- sessions <- vote, report <- tui ------------------------
# Each folder is a layer and a static library. A layer's code sees the headers of its own
# folder and of the layers below it, nothing else, and a program links the library of its
# layer and those below it: a model test links no curses, a base test no libyaml.
# `make check-layers` (build-aux/check-layers) checks every #include in the same terms.
# For each layer L:  INC_L   what its sources compile with (include path, library flags)
#                    LIBS_L  the libraries a program of L links, in link order
#                    EXT_L   the system libraries it links after them
LAYERS       = BASE CONTENT SESSIONS VOTE REPORT UI TUI
BASE_SRC     = $(sort $(wildcard base/*.c))
# content/gen_builtin.c is a build tool, not part of the library (see "The built-in almanac").
CONTENT_SRC  = $(sort $(filter-out content/gen_builtin.c,$(wildcard content/*.c)))
# The generated built-in almanac (the generator, its C source and its object), in the build folder.
GEN_BUILTIN  = $(BUILD)/gen/gen_builtin
BUILTIN_SRC  = $(BUILD)/gen/builtin_content.c
BUILTIN_OBJ  = $(BUILD)/gen/builtin_content.o
SESSIONS_SRC = $(sort $(wildcard sessions/*.c))
# vote/ is the phone-vote server (libmicrohttpd, its own thread); it uses base/ only.
VOTE_SRC     = $(sort $(wildcard vote/*.c))
# report/: one report over many session files (meetlat report), above sessions, below tui.
REPORT_SRC   = $(sort $(wildcard report/*.c))
# tui/ is two layers: the interface's state, key handler and screens (UI, without curses,
# which the tests link), and the windows that draw it on a terminal (TUI, the only code that
# includes curses).
TUI_SRC      = $(addprefix tui/,app.c draw.c follow.c start_screen.c term.c)
UI_SRC       = $(sort $(filter-out tui/main.c $(TUI_SRC),$(wildcard tui/*.c)))
BASE_LIB     = $(BUILD)/libbase.a
CONTENT_LIB  = $(BUILD)/libcontent.a
SESSIONS_LIB = $(BUILD)/libsessions.a
VOTE_LIB     = $(BUILD)/libvote.a
REPORT_LIB   = $(BUILD)/libreport.a
UI_LIB       = $(BUILD)/libui.a
TUI_LIB      = $(BUILD)/libtui.a

INC_BASE      = -Ibase
INC_CONTENT   = -Icontent $(INC_BASE) $(YAML_CFLAGS)
INC_SESSIONS  = -Isessions $(INC_CONTENT)
INC_VOTE      = -Ivote $(INC_SESSIONS) $(MHD_CFLAGS)
INC_REPORT    = -Ireport $(INC_SESSIONS) $(XLSX_CFLAGS)
INC_UI        = -Itui -Ivote -Ireport $(INC_SESSIONS) $(MHD_CFLAGS) $(XLSX_CFLAGS) \
                $(QRENCODE_CFLAGS)
INC_TUI       = $(INC_UI) $(CURSES_CFLAGS)
LIBS_BASE     = $(BASE_LIB)
LIBS_CONTENT  = $(CONTENT_LIB) $(LIBS_BASE)
LIBS_SESSIONS = $(SESSIONS_LIB) $(LIBS_CONTENT)
LIBS_VOTE     = $(VOTE_LIB) $(LIBS_SESSIONS)
LIBS_REPORT   = $(REPORT_LIB) $(LIBS_SESSIONS)
LIBS_UI       = $(UI_LIB) $(VOTE_LIB) $(REPORT_LIB) $(LIBS_SESSIONS)
LIBS_TUI      = $(TUI_LIB) $(LIBS_UI)
EXT_BASE      = $(DL_LIBS) -lpthread
EXT_CONTENT   = $(EXT_BASE)
EXT_SESSIONS  = $(EXT_CONTENT)
EXT_VOTE      = $(EXT_SESSIONS)
EXT_REPORT    = $(EXT_SESSIONS)
EXT_UI        = $(EXT_SESSIONS)
EXT_TUI       = $(CURSES_LIBS) $(EXT_UI)

$(BUILD)/base/%.o:     LAYER_CFLAGS = $(INC_BASE)
$(BUILD)/content/%.o:  LAYER_CFLAGS = $(INC_CONTENT)
$(BUILD)/gen/%.o:      LAYER_CFLAGS = $(INC_CONTENT)
$(BUILD)/sessions/%.o: LAYER_CFLAGS = $(INC_SESSIONS)
$(BUILD)/vote/%.o:     LAYER_CFLAGS = $(INC_VOTE)
$(BUILD)/report/%.o:   LAYER_CFLAGS = $(INC_REPORT)
$(BUILD)/tui/%.o:      LAYER_CFLAGS = $(INC_TUI)
$(call obj,$(UI_SRC)): LAYER_CFLAGS = $(INC_UI)

# The layer each unit test (tests/test_*.c) and test tool (tests/tools/*.c) belongs to: the
# lowest layer whose code it needs. It compiles with that layer's include path (and tests/)
# and links that layer's libraries. A new test program is named in one of these lists.
TESTS_BASE     = test_date test_dynlib test_hyphen test_html test_i18n test_text test_utf8 test_valid
TESTS_CONTENT  = test_almanak test_builtin test_content test_content_corpus test_ynode builtin_load
TESTS_SESSIONS = test_export test_session_corpus test_session_io test_session_ops test_stats \
                 test_store test_alloc_fail export_fixture session_fixture test_baseline \
                 test_store_vote test_ysubset
TESTS_VOTE     = test_vote vote_serve vote_load
TESTS_REPORT   = test_report report_sessions
TESTS_UI       = test_tui_text test_screens test_ui_keys test_room test_follower test_presenter \
                 test_config test_vote_screen test_ui_phone keys_man screens_golden test_followup
TESTS_TUI      =
# The layer of the test program named $(1) (a path; its folder does not matter), or nothing.
test_layer = $(firstword $(foreach L,$(LAYERS),$(if $(filter $(notdir $(1)),$(TESTS_$(L))),$(L))))
# Stops make when the test program $(1) is in no layer's list.
need_layer = $(if $(call test_layer,$(1)),,$(error tests/$(1).c is in no layer: name it in one \
               of the lists $(addprefix TESTS_,$(LAYERS)) in the Makefile))

obj = $(patsubst %.c,$(BUILD)/%.o,$(1))
UNIT_TESTS   = $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))
TEST_TOOLS   = $(patsubst tests/tools/%.c,$(BUILD)/tests/tools/%,$(wildcard tests/tools/*.c))

# A recipe that fails part way (objcopy after the compile, say) leaves no target that looks
# up to date.
.DELETE_ON_ERROR:

.PHONY: all run check check-layers check-po deps deps-known install uninstall clean \
        test-programs run-tests bench fuzz man-keys golden-pages pot update-po catalogues \
        start-layout
.DEFAULT_GOAL := all

all: meetlat catalogues

# The program is linked in $(BUILD) and copied to ./meetlat; its catalogues go beside both
# ($(BUILD)/locale and ./locale), where an uninstalled program finds them (base/i18n.h).
meetlat: $(BUILD)/meetlat
	cp -f $< $@

# ---- Translations (po/) ------------------------------------------------------------------
# po/meetlat.pot is made by xgettext from every source file that holds messages; po/LANG.po
# translates it; msgfmt compiles each into a catalogue. `make check` fails when the template
# is older than the sources or a translation misses or doubts a message (build-aux/check-po).
MO_NAME       = LC_MESSAGES/meetlat.mo
CATALOGUES    = $(foreach L,$(LINGUAS),$(BUILD)/locale/$(L)/$(MO_NAME) locale/$(L)/$(MO_NAME))
MESSAGE_SRC   = $(BASE_SRC) $(CONTENT_SRC) $(SESSIONS_SRC) $(VOTE_SRC) $(REPORT_SRC) $(UI_SRC) \
                $(TUI_SRC) tui/main.c \
                tests/tools/keys_man.c
XGETTEXT_OPTS = --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
                --keyword=ngettext:1,2 --add-comments=TRANSLATORS: --sort-by-file --add-location=file \
                --package-name=meetlat --package-version=$(VERSION) --no-wrap
catalogues: $(CATALOGUES)
$(BUILD)/locale/%/$(MO_NAME): po/%.po
	@mkdir -p $(@D)
	msgfmt --check --output-file=$@ $<
locale/%/$(MO_NAME): $(BUILD)/locale/%/$(MO_NAME)
	@mkdir -p $(@D)
	cp -f $< $@
pot:
	xgettext $(XGETTEXT_OPTS) --output=po/meetlat.pot $(MESSAGE_SRC)
	sed -i "/^\"POT-Creation-Date:/d" po/meetlat.pot
update-po: pot
	for l in $(LINGUAS); do msgmerge --quiet --update --backup=none --no-wrap --add-location=file po/$$l.po po/meetlat.pot && msgattrib --no-obsolete --no-wrap --output-file=po/$$l.po po/$$l.po; done
check-po:
	@sh build-aux/check-po "$(XGETTEXT_OPTS)" "$(LINGUAS)" $(MESSAGE_SRC)
# ---- end of the translations -------------------------------------------------------------

$(BUILD)/meetlat: $(call obj,tui/main.c) $(LIBS_TUI)
	$(CC) $(ALL_LDFLAGS) $(START_LDFLAGS) -o $@ $^ $(EXT_TUI) $(LDLIBS)

# Rewrites build-aux/start-sections from what the release build's start runs (valgrind's
# callgrind); review the difference (the objects are then compiled again with it).
start-layout: $(BUILD)/meetlat
	$(PYTHON) build-aux/start-layout $(BUILD)/meetlat build-aux/start-sections

$(BASE_LIB): $(call obj,$(BASE_SRC))
$(CONTENT_LIB): $(call obj,$(CONTENT_SRC)) $(BUILTIN_OBJ)
$(SESSIONS_LIB): $(call obj,$(SESSIONS_SRC))
$(VOTE_LIB): $(call obj,$(VOTE_SRC))
$(REPORT_LIB): $(call obj,$(REPORT_SRC))
$(UI_LIB): $(call obj,$(UI_SRC))
$(TUI_LIB): $(call obj,$(TUI_SRC))
$(BASE_LIB) $(CONTENT_LIB) $(SESSIONS_LIB) $(VOTE_LIB) $(REPORT_LIB) $(UI_LIB) $(TUI_LIB):
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/%.o: %.c $(START_SECTIONS) | deps-known
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
	$(if $(START_SECTIONS),$(OBJCOPY) @$(START_SECTIONS) $@)

# ---- The built-in almanac, compiled at build time -----------------------------------------
# The generator (content/gen_builtin.c) loads content/almanak.yaml with the loader that
# `meetlat --check` uses, so an invalid shipped file stops the build with its
# file:line:column messages, and writes C source into the build folder (never the source
# tree): the file's bytes (which --check without a file checks) and the content model itself as
# static data, with its indexes and its SHA-256, which content_load_builtin returns at no cost.
# It links the objects of the content layer but builtin.o (which needs what it generates) and
# libbase; it is built with $(CC), so a cross build needs a native one.
$(GEN_BUILTIN): $(call obj,content/gen_builtin.c $(filter-out content/builtin.c,$(CONTENT_SRC))) \
                $(BASE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(EXT_CONTENT) $(LDLIBS)
$(BUILTIN_SRC): content/almanak.yaml $(GEN_BUILTIN)
	$(GEN_BUILTIN) content/almanak.yaml > $@.tmp || { rm -f $@.tmp; exit 1; }
	mv $@.tmp $@
$(BUILTIN_OBJ): $(BUILTIN_SRC) $(START_SECTIONS) | deps-known
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
	$(if $(START_SECTIONS),$(OBJCOPY) @$(START_SECTIONS) $@)
# ---- end of the built-in almanac ----------------------------------------------------------

# Unit tests: one program per tests/test_*.c; test tools: one per tests/tools/*.c; each
# compiled and linked as its layer (TESTS_* above) says. None links curses: the interface's
# state, keys and screens are tested without a terminal.
.SECONDEXPANSION:
$(BUILD)/tests/%: $(BUILD)/tests/%.o $$(LIBS_$$(call test_layer,$$*))
	$(call need_layer,$*)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(if $(filter BASE,$(call test_layer,$*)),,$(YAML_LIBS)) \
	      $(EXT_$(call test_layer,$*)) $(LDLIBS)
$(BUILD)/tests/%.o: LAYER_CFLAGS = $(INC_$(call test_layer,$*)) -Itests $(CMOCKA_CFLAGS)
$(BUILD)/tests/%.o: tests/%.c | deps-known
	$(call need_layer,$*)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Fails when an #include crosses the layers the wrong way (see build-aux/check-layers).
check-layers:
	@sh build-aux/check-layers .

# build-aux/deps, told the libraries the program opens when it needs them (by their sonames):
# it installs their packages for running.
DEPS = MEETLAT_SONAMES="$(YAML_SONAME) $(HYPHEN_SONAME) $(MHD_SONAME) $(QRENCODE_SONAME) \
       $(XLSX_SONAME)" sh build-aux/deps

# A missing library stops the build with the command that installs it.
deps-known:
	@$(DEPS) check

# Installs what building and testing need (Debian: apt-get, through sudo when not root).
deps:
	@$(DEPS) install

run:
	@$(DEPS) install build
	@$(MAKE) --no-print-directory all
	./meetlat

# The test build: the same sources with ASan+UBSan, in build/san; first the program as it
# ships (optimised, without sanitizers), in build/strict: with WERROR=-Werror (as CI builds
# it) a warning fails the check; a packager's newer compiler only warns.
WERROR    ?=
check:
	@$(DEPS) install test
	@$(MAKE) --no-print-directory check-layers
	@$(MAKE) --no-print-directory check-po
	@$(MAKE) --no-print-directory BUILD=build/strict CFLAGS="$(CFLAGS) $(WERROR)" build/strict/meetlat
	@$(MAKE) --no-print-directory BUILD=build/san SANITIZE=1 test-programs
	@$(MAKE) --no-print-directory BUILD=build/san SANITIZE=1 run-tests

test-programs: $(BUILD)/meetlat $(UNIT_TESTS) $(TEST_TOOLS) catalogues

run-tests:
	@sh tests/run-all $(BUILD) $(PYTHON)

MAN1 = $(wildcard man/*.1)
MAN5 = $(wildcard man/*.5)
# Translated manual pages: man/LANG/NAME.SECTION, installed as MANDIR/LANG/manSECTION/NAME.SECTION.
MAN_TRANSLATED = $(wildcard $(addprefix man/,$(addsuffix /*.[1-8],$(LINGUAS))))
man_dest = $(DESTDIR)$(MANDIR)/$(patsubst man/%/,%,$(dir $(1)))/man$(subst .,,$(suffix $(1)))
INSTALLED_MO = $(foreach L,$(LINGUAS),$(DESTDIR)$(LOCALEDIR)/$(L)/$(MO_NAME))

install: $(BUILD)/meetlat $(filter $(BUILD)/%,$(CATALOGUES))
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BUILD)/meetlat $(DESTDIR)$(BINDIR)/meetlat
	$(if $(MAN1),install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/)
	$(if $(MAN5),install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/)
	$(foreach m,$(MAN_TRANSLATED),install -d $(call man_dest,$(m)) && \
	  install -m 644 $(m) $(call man_dest,$(m))/ &&) true
	$(foreach L,$(LINGUAS),install -d $(DESTDIR)$(LOCALEDIR)/$(L)/LC_MESSAGES && \
	  install -m 644 $(BUILD)/locale/$(L)/$(MO_NAME) $(DESTDIR)$(LOCALEDIR)/$(L)/$(MO_NAME) &&) true

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/meetlat $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1))) \
	      $(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(MAN5))) $(INSTALLED_MO) \
	      $(foreach m,$(MAN_TRANSLATED),$(call man_dest,$(m))/$(notdir $(m)))

# The key section of meetlat(1) is generated from the table of bindings (tui/actions.c); that of
# each translation man/LANG/meetlat.1 from the same table through the catalogue of LANG.
MAN_KEYS_TRANSLATED = $(filter %/meetlat.1,$(MAN_TRANSLATED))
man-keys: $(BUILD)/tests/tools/keys_man $(filter $(BUILD)/%,$(CATALOGUES))
	sh build-aux/man-keys man/meetlat.1 $(BUILD)/tests/tools/keys_man
	$(foreach p,$(MAN_KEYS_TRANSLATED),sh build-aux/man-keys $(p) $(BUILD)/tests/tools/keys_man \
	  $(notdir $(patsubst %/,%,$(dir $(p)))) $(BUILD)/locale &&) true

# The golden pages of the screens (tests/golden/pages/) are written by a tool; review the
# difference (git diff tests/golden/pages) before committing it.
golden-pages: $(BUILD)/tests/tools/screens_golden
	$(BUILD)/tests/tools/screens_golden tests/golden/pages

# Benchmarks print figures (time, memory, bytes); they are not tests.
bench: all
	@for b in bench/*; do [ -f "$$b" ] && [ -x "$$b" ] && echo "== $$b" && "$$b"; done; true

# Fuzz targets (fuzz/*.c, libFuzzer): built with clang; run e.g. build/fuzz/fuzz_content fuzz/corpus.
FUZZ_TARGETS = $(patsubst fuzz/%.c,build/fuzz/%,$(wildcard fuzz/*.c))
# (fuzz_vote needs only the vote server's page and parsers; fuzz_vote_http the server too,
# libmicrohttpd loaded as the program loads it)
FUZZ_SRC     = $(BASE_SRC) $(CONTENT_SRC) $(SESSIONS_SRC) $(VOTE_SRC)
fuzz: $(FUZZ_TARGETS)
# The generated built-in almanac is plain C: the targets compile the one of $(BUILD).
build/fuzz/%: fuzz/%.c $(FUZZ_SRC) $(BUILTIN_SRC)
	@mkdir -p $(@D)
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(WARNINGS) $(FEATURES) \
	      $(INC_VOTE) -o $@ $< $(FUZZ_SRC) $(BUILTIN_SRC) $(EXT_VOTE) $(LDLIBS)

clean:
	rm -rf build meetlat locale

.SECONDARY:

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
