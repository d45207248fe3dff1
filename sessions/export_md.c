/* export_md.c - the report as GitHub-flavoured Markdown: one table cell per text, shown as
 * typed (markup characters escaped, line breaks as <br>). */
#include <string.h>

#include "export_impl.h"

/* Characters with inline meaning in (GitHub-flavoured) Markdown, and the table's pipe. */
static const char md_special[] = "\\`*_[]<|~&#";

/* The report's building blocks in Markdown: the group of a row is a column of its own. */
static const struct markup markdown = {
	.section = "\n## %s\n\n",
	.paragraph = "%s\n",
	.table_note = "\n%s\n",
	.table_begin = "",
	.head = "| %s ",
	.head_end = "|\n",
	.rule = "| --- ",
	.rule_end = "|\n",
	.table_end = "",
	.row_begin = "",
	.row_end = "|\n",
	.cell_begin = "| ",
	.cell_begin_class = "| ",
	.cell_end = " ",
	.list_begin = "",
	.list_end = "",
	.item_begin = "- ",
	.item_label = "**%s:** ",
	.item_end = "\n",
	.vote_detail = " (%s)",
	.group_begin = NULL,
	.group_end = NULL,
};

/* Returns true when the character at I of TEXT would start a block (a list, quote or
 * heading underline) if TEXT began a line: a leading + - = >, or the . or ) of "1. " "2) ". */
static bool md_block_marker(const char *text, size_t i)
{
	if (i == 0)
		return strchr("+-=>", text[0]) != NULL;
	return (text[i] == '.' || text[i] == ')') && strspn(text, "0123456789") == i &&
	       (text[i + 1] == ' ' || text[i + 1] == '\0');
}

/* Writes TEXT for Markdown: markup characters are backslash-escaped and line breaks become
 * " <br>" (GitHub shows a break), so a text stays one table cell and shows as typed. */
static void md_escape(const struct export *e, const char *text)
{
	for (size_t i = 0; text[i]; i++) {
		if (text[i] == '\n') {
			/* the space keeps words apart where HTML is dropped */
			fputs(" <br>", e->out);
			continue;
		}
		if (strchr(md_special, text[i]) || md_block_marker(text, i))
			putc('\\', e->out);
		putc(text[i], e->out);
	}
}

void export_markdown(struct export *e)
{
	e->markup = &markdown;
	e->escape = md_escape;
	export_put(e, "# ");
	export_put_text(e, e->s->meta[META_TITLE]);
	export_put(e, "\n\n");
	export_report_meta(e);
	export_report_tables(e);
}
