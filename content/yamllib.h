/* yamllib.h - the functions of libyaml that meetlat calls, loaded when a YAML file is first
 * read or written (base/dynlib.h): the start on the built-in almanac, which is compiled in,
 * maps no libyaml. Called as yamllib.parser_initialize(&parser), after yamllib_load(). */
#ifndef MEETLAT_YAMLLIB_H
#define MEETLAT_YAMLLIB_H

#include <stdbool.h>
#include <yaml.h>

struct yamllib {
	int (*parser_initialize)(yaml_parser_t *parser);
	void (*parser_delete)(yaml_parser_t *parser);
	void (*parser_set_input_string)(yaml_parser_t *parser, const unsigned char *input,
					size_t size);
	void (*parser_set_encoding)(yaml_parser_t *parser, yaml_encoding_t encoding);
	int (*parser_parse)(yaml_parser_t *parser, yaml_event_t *event);
	void (*event_delete)(yaml_event_t *event);
	int (*emitter_initialize)(yaml_emitter_t *emitter);
	void (*emitter_delete)(yaml_emitter_t *emitter);
	void (*emitter_set_output)(yaml_emitter_t *emitter, yaml_write_handler_t *handler,
				   void *data);
	void (*emitter_set_unicode)(yaml_emitter_t *emitter, int unicode);
	void (*emitter_set_width)(yaml_emitter_t *emitter, int width);
	void (*emitter_set_break)(yaml_emitter_t *emitter, yaml_break_t line_break);
	int (*emitter_emit)(yaml_emitter_t *emitter, yaml_event_t *event);
	int (*stream_start_event_initialize)(yaml_event_t *event, yaml_encoding_t encoding);
	int (*stream_end_event_initialize)(yaml_event_t *event);
	int (*document_start_event_initialize)(yaml_event_t *event,
					       yaml_version_directive_t *version_directive,
					       yaml_tag_directive_t *tag_directives_start,
					       yaml_tag_directive_t *tag_directives_end,
					       int implicit);
	int (*document_end_event_initialize)(yaml_event_t *event, int implicit);
	int (*sequence_start_event_initialize)(yaml_event_t *event, const yaml_char_t *anchor,
					       const yaml_char_t *tag, int implicit,
					       yaml_sequence_style_t style);
	int (*sequence_end_event_initialize)(yaml_event_t *event);
	int (*mapping_start_event_initialize)(yaml_event_t *event, const yaml_char_t *anchor,
					      const yaml_char_t *tag, int implicit,
					      yaml_mapping_style_t style);
	int (*mapping_end_event_initialize)(yaml_event_t *event);
};

/* libyaml's functions: NULL until yamllib_load() succeeded. */
extern struct yamllib yamllib;

/* Loads libyaml once (YAML_SONAME); false when it cannot be, with why in yamllib_problem(). */
bool yamllib_load(void);

/* Why libyaml could not be loaded (a sentence naming the library), after yamllib_load failed. */
const char *yamllib_problem(void);

#endif
