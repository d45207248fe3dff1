/* store_vote.c - the sidecar of phone voting next to a session file (store_vote.h): three
 * lines of text, "meetlat-vote: 1", "url: ADDRESS", "row: ID" (the id left out when only the
 * participants' page is kept open). */
#include "store_vote.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "store_impl.h"
#include "valid.h"

enum { SIDECAR_MAX = 512 }; /* bytes: more than any sidecar written holds */

static const char magic[] = "meetlat-vote: 1\n";

/* Returns true when URL is an address a sidecar may hold: http:// or https:// followed by
 * printable ASCII without spaces, shorter than STORE_VOTE_URL_MAX. */
static bool url_valid(const char *url)
{
	size_t len = strlen(url);

	if (len >= STORE_VOTE_URL_MAX ||
	    !(strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0))
		return false;
	for (size_t i = 0; i < len; i++)
		if (url[i] <= ' ' || url[i] > '~')
			return false;
	return len > 8;
}

/* Returns true when V may be written: a valid address, and a row id or none. */
static bool vote_valid(const struct store_vote *v)
{
	return memchr(v->url, '\0', sizeof(v->url)) && memchr(v->row, '\0', sizeof(v->row)) &&
	       url_valid(v->url) && (v->row[0] == '\0' || ident_valid(v->row));
}

char *store_vote_name(const char *real_path)
{
	return store_hidden_sibling(real_path, ".vote");
}

/* Writes the LEN bytes of TEXT into the new file FD and closes it; false with errno. */
static bool text_written(int fd, const char *text, size_t len)
{
	ssize_t n;
	int err;

	do
		n = write(fd, text, len);
	while (n < 0 && errno == EINTR);
	err = n == (ssize_t)len ? 0 : n < 0 ? errno : EIO; /* far below a pipe's atomic size */
	if (close(fd) != 0 && !err)
		err = errno;
	errno = err;
	return err == 0;
}

bool store_vote_write(const char *real_path, const struct store_vote *v)
{
	char text[SIDECAR_MAX], *name = NULL, *tmp = NULL;
	bool ok = false;
	int fd, len, err = EINVAL;

	if (!vote_valid(v))
		goto cleanup;
	len = snprintf(text, sizeof(text), "%surl: %s\nrow:%s%s\n", magic, v->url,
		       v->row[0] ? " " : "", v->row);
	err = ENOMEM;
	/* the session's own pattern of temporary files: the next holder removes one left */
	if (!(name = store_vote_name(real_path)) ||
	    !(tmp = store_hidden_sibling(real_path, ".tmp-XXXXXX")))
		goto cleanup;
	fd = mkstemp(tmp); /* mode 0600, as the session file; closed before anything runs */
	if (fd < 0 || !text_written(fd, text, (size_t)len) || rename(tmp, name) != 0) {
		err = errno;
		if (fd >= 0)
			unlink(tmp);
		goto cleanup;
	}
	ok = true;
cleanup:
	mem.free(tmp);
	mem.free(name);
	errno = ok ? errno : err;
	return ok;
}

/* Copies the value of line KEY (": " and the value, or ":" and nothing when EMPTY_OK) at
 * *AT into OUT (SIZE bytes) and moves *AT past the line; false when the line is not that. */
static bool take_line(const char **at, const char *key, bool empty_ok, char *out, size_t size)
{
	size_t klen = strlen(key), vlen;
	const char *value, *end;

	if (strncmp(*at, key, klen) != 0 || (*at)[klen] != ':')
		return false;
	value = *at + klen + 1;
	if (*value == '\n' && empty_ok) {
		out[0] = '\0';
		*at = value + 1;
		return true;
	}
	if (*value != ' ' || !(end = strchr(++value, '\n')) || end == value ||
	    (vlen = (size_t)(end - value)) >= size)
		return false;
	memcpy(out, value, vlen);
	out[vlen] = '\0';
	*at = end + 1;
	return true;
}

/* Reads the regular file at PATH, at most SIZE - 1 bytes, into BUF (NUL-terminated); false
 * when it is not there, not a regular file, or longer. */
static bool small_file_read(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	ssize_t n = -1;

	if (fd < 0)
		return false;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (off_t)size)
		n = read(fd, buf, size);
	close(fd);
	if (n < 0 || (size_t)n >= size)
		return false;
	buf[n] = '\0';
	return strlen(buf) == (size_t)n; /* no NUL inside */
}

/* Reads TEXT, a sidecar's whole text, into V; false when it is not one store_vote_write
 * writes. */
static bool vote_parse(const char *text, struct store_vote *v)
{
	const char *at = text + strlen(magic);

	return strncmp(text, magic, strlen(magic)) == 0 &&
	       take_line(&at, "url", false, v->url, sizeof(v->url)) &&
	       take_line(&at, "row", true, v->row, sizeof(v->row)) && *at == '\0' && vote_valid(v);
}

bool store_vote_read(const char *real_path, struct store_vote *v)
{
	char text[SIDECAR_MAX], *name = store_vote_name(real_path);
	bool ok = name && small_file_read(name, text, sizeof(text)) && vote_parse(text, v);

	mem.free(name);
	if (!ok)
		memset(v, 0, sizeof(*v));
	return ok;
}

bool store_vote_remove(const char *real_path)
{
	char *name = store_vote_name(real_path);
	bool gone = name && (unlink(name) == 0 || errno == ENOENT);

	mem.free(name);
	return gone;
}
