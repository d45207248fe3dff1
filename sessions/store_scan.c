/* store_scan.c - what the report asks of a session read from a file (store_scan.h), from the
 * document that the session's origin keeps. */
#include "store_scan.h"

#include "store_impl.h"

bool store_row_listed(const struct session *s, size_t i)
{
	const struct store_origin *o = s->origin;

	return o && o->scores && i < o->n_scores && o->scores[i];
}

const char *store_file_content_sha256(const struct session *s)
{
	const struct store_origin *o = s->origin;
	const struct ynode *sha = o && o->content ? ynode_get(o->content, "sha256") : NULL;

	return sha && sha->kind == YNODE_SCALAR ? sha->text : "";
}
