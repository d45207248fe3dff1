/* yamllib.c - libyaml's functions, loaded when first needed. */
#include "yamllib.h"

#include "dynlib.h"

#ifndef YAML_SONAME
#define YAML_SONAME "libyaml-0.so.2"
#endif

struct yamllib yamllib;
static struct dynlib library = { .name = "libyaml", .soname = YAML_SONAME };

/* Fails to compile when a pointer of struct yamllib has another type than libyaml's function
 * (an assignment in sizeof is checked, not run: the program does not link libyaml). */
static void check_types(void)
{
	(void)sizeof(yamllib.parser_initialize = yaml_parser_initialize);
	(void)sizeof(yamllib.parser_delete = yaml_parser_delete);
	(void)sizeof(yamllib.parser_set_input_string = yaml_parser_set_input_string);
	(void)sizeof(yamllib.parser_set_encoding = yaml_parser_set_encoding);
	(void)sizeof(yamllib.parser_parse = yaml_parser_parse);
	(void)sizeof(yamllib.event_delete = yaml_event_delete);
	(void)sizeof(yamllib.emitter_initialize = yaml_emitter_initialize);
	(void)sizeof(yamllib.emitter_delete = yaml_emitter_delete);
	(void)sizeof(yamllib.emitter_set_output = yaml_emitter_set_output);
	(void)sizeof(yamllib.emitter_set_unicode = yaml_emitter_set_unicode);
	(void)sizeof(yamllib.emitter_set_width = yaml_emitter_set_width);
	(void)sizeof(yamllib.emitter_set_break = yaml_emitter_set_break);
	(void)sizeof(yamllib.emitter_emit = yaml_emitter_emit);
	(void)sizeof(yamllib.stream_start_event_initialize = yaml_stream_start_event_initialize);
	(void)sizeof(yamllib.stream_end_event_initialize = yaml_stream_end_event_initialize);
	(void)sizeof(yamllib.document_start_event_initialize = yaml_document_start_event_initialize);
	(void)sizeof(yamllib.document_end_event_initialize = yaml_document_end_event_initialize);
	(void)sizeof(yamllib.sequence_start_event_initialize = yaml_sequence_start_event_initialize);
	(void)sizeof(yamllib.sequence_end_event_initialize = yaml_sequence_end_event_initialize);
	(void)sizeof(yamllib.mapping_start_event_initialize = yaml_mapping_start_event_initialize);
	(void)sizeof(yamllib.mapping_end_event_initialize = yaml_mapping_end_event_initialize);
}

bool yamllib_load(void)
{
	static const struct dynlib_symbol symbols[] = {
		{ "yaml_parser_initialize", (void **)&yamllib.parser_initialize },
		{ "yaml_parser_delete", (void **)&yamllib.parser_delete },
		{ "yaml_parser_set_input_string", (void **)&yamllib.parser_set_input_string },
		{ "yaml_parser_set_encoding", (void **)&yamllib.parser_set_encoding },
		{ "yaml_parser_parse", (void **)&yamllib.parser_parse },
		{ "yaml_event_delete", (void **)&yamllib.event_delete },
		{ "yaml_emitter_initialize", (void **)&yamllib.emitter_initialize },
		{ "yaml_emitter_delete", (void **)&yamllib.emitter_delete },
		{ "yaml_emitter_set_output", (void **)&yamllib.emitter_set_output },
		{ "yaml_emitter_set_unicode", (void **)&yamllib.emitter_set_unicode },
		{ "yaml_emitter_set_width", (void **)&yamllib.emitter_set_width },
		{ "yaml_emitter_set_break", (void **)&yamllib.emitter_set_break },
		{ "yaml_emitter_emit", (void **)&yamllib.emitter_emit },
		{ "yaml_stream_start_event_initialize", (void **)&yamllib.stream_start_event_initialize },
		{ "yaml_stream_end_event_initialize", (void **)&yamllib.stream_end_event_initialize },
		{ "yaml_document_start_event_initialize", (void **)&yamllib.document_start_event_initialize },
		{ "yaml_document_end_event_initialize", (void **)&yamllib.document_end_event_initialize },
		{ "yaml_sequence_start_event_initialize", (void **)&yamllib.sequence_start_event_initialize },
		{ "yaml_sequence_end_event_initialize", (void **)&yamllib.sequence_end_event_initialize },
		{ "yaml_mapping_start_event_initialize", (void **)&yamllib.mapping_start_event_initialize },
		{ "yaml_mapping_end_event_initialize", (void **)&yamllib.mapping_end_event_initialize },
	};

	check_types();
	return dynlib_load(&library, symbols, sizeof symbols / sizeof symbols[0]);
}

const char *yamllib_problem(void)
{
	return library.problem;
}
