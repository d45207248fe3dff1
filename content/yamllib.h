/* yamllib.h - the functions of libyaml that meetlat calls, loaded when a YAML file is first
 * read or written (base/dynlib.h): the start on the built-in almanac, which is compiled in,
 * maps no libyaml. Called as yamllib.parser_initialize(&parser), after yamllib_load(). */
#ifndef MEETLAT_YAMLLIB_H
#define MEETLAT_YAMLLIB_H

#include <stdbool.h>
#include <yaml.h>

/* The functions: X(FIELD, NAME) for each, NAME its name in the library. */
#define YAMLLIB_FUNCTIONS(X) \
	X(parser_initialize, yaml_parser_initialize) \
	X(parser_delete, yaml_parser_delete) \
	X(parser_set_input_string, yaml_parser_set_input_string) \
	X(parser_set_encoding, yaml_parser_set_encoding) \
	X(parser_parse, yaml_parser_parse) \
	X(event_delete, yaml_event_delete) \
	X(emitter_initialize, yaml_emitter_initialize) \
	X(emitter_delete, yaml_emitter_delete) \
	X(emitter_set_output, yaml_emitter_set_output) \
	X(emitter_set_unicode, yaml_emitter_set_unicode) \
	X(emitter_set_width, yaml_emitter_set_width) \
	X(emitter_set_break, yaml_emitter_set_break) \
	X(emitter_emit, yaml_emitter_emit) \
	X(stream_start_event_initialize, yaml_stream_start_event_initialize) \
	X(stream_end_event_initialize, yaml_stream_end_event_initialize) \
	X(document_start_event_initialize, yaml_document_start_event_initialize) \
	X(document_end_event_initialize, yaml_document_end_event_initialize) \
	X(sequence_start_event_initialize, yaml_sequence_start_event_initialize) \
	X(sequence_end_event_initialize, yaml_sequence_end_event_initialize) \
	X(mapping_start_event_initialize, yaml_mapping_start_event_initialize) \
	X(mapping_end_event_initialize, yaml_mapping_end_event_initialize)

/* A pointer of the library's own type for each function (yamllib.FIELD). */
struct yamllib {
#define YAMLLIB_POINTER(field, name) __typeof__(name) *field;
	YAMLLIB_FUNCTIONS(YAMLLIB_POINTER)
#undef YAMLLIB_POINTER
};

/* libyaml's functions: NULL until yamllib_load() succeeded. */
extern struct yamllib yamllib;

/* Loads libyaml once (YAML_SONAME); false when it cannot be, with why in yamllib_problem(). */
bool yamllib_load(void);

/* Why libyaml could not be loaded (a sentence naming the library), after yamllib_load failed. */
const char *yamllib_problem(void);

#endif
