/* builtin.c - the almanac compiled into the program (builtin.h). */
#include "builtin.h"

const char content_builtin_name[] = "almanak.yaml";

struct content *content_load_builtin(struct diag *d)
{
	(void)d; /* it cannot fail: the build has loaded it */
	/* Read-only static data with no arena, which content_free leaves alone; a content is
	 * never written after loading (content.h), so the const can go. */
	return (struct content *)&content_builtin;
}

struct content *content_load_builtin_all(struct diag_list *errors)
{
	return content_load_buffer_all(content_builtin_name, (const char *)content_builtin_yaml,
				       content_builtin_yaml_len, errors);
}
