/* content_fixtures.h - content files shared by the tests of the loader and of running out of
 * memory. */
#ifndef MEETLAT_TEST_CONTENT_FIXTURES_H
#define MEETLAT_TEST_CONTENT_FIXTURES_H

/* A content with an error in nearly every part: twelve, each found by content_load_*_all
 * (test_content.c's test_every_error_found lists them with their places). */
static const char content_many_errors[] =
	"meetlat_content: 1\n"
	"id: t\n"
	"agenda:\n"
	"  - {kind: score, dimension: q}\n"
	"  - {kind: citizen, phase: 2}\n"
	"  - {kind: welcome, minutes: 601}\n"
	"title: ''\n"
	"phases:\n"
	"  - {number: 1, nmae: a, summary: s, intro: i}\n"
	"  - {number: 2, name: b, summary: s, intro: i, citizen: ''}\n"
	"  - number: 3\n"
	"    name: c\n"
	"    summary: s\n"
	"    intro: i\n"
	"    sources: [{heading: h}, {name: Eerder, heading: ''}]\n"
	"    chapters:\n"
	"      - {title: t, source: Eerder}\n"
	"      - {title: u, source: Elders}\n"
	"      - {authors: [x]}\n"
	"model:\n"
	"  - {group: g, dimensions: [{id: r, name: R, behaviour: {1: x, 2: y, 4: z}},\n"
	"                            {id: r, name: R, behaviour: {1: x, 2: y, 3: z}}]}\n"
	"  - {group: g, dimensions: [{id: s, name: S, behaviour: {1: x, 2: y, 3: z}}]}\n";

#endif
