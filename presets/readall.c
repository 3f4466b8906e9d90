/*
 * readall.c: read a file whole, growing the buffer as it comes, so that a
 * small file costs little and a pipe works like a file.
 *
 * A file found by listing a directory must be a regular one, and is checked
 * before it is opened: opening a FIFO for reading waits for a writer,
 * forever if none comes (a FIFO named *.yaml in a preset directory hung
 * every command), and opening a device can do things. A file the user named
 * is opened as cat would: a FIFO waits for its writer.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "readall.h"

/* A phrase for a file that is not a regular one: "a directory", "a FIFO", ... */
static const char *file_type(mode_t mode)
{
	return S_ISDIR(mode)    ? "a directory"
	       : S_ISFIFO(mode) ? "a FIFO"
	       : S_ISCHR(mode)  ? "a character device"
	       : S_ISBLK(mode)  ? "a block device"
	       : S_ISSOCK(mode) ? "a socket"
	                        : "not a regular file";
}

/*
 * Open path for reading, refusing what cannot be read as asked: a directory
 * always; with `regular`, anything but a regular file, before it is opened
 * (and again after, with O_NONBLOCK, should it be swapped in between).
 */
static int open_checked(const char *path, bool regular, char *why, size_t whysize)
{
	struct stat st;
	int fd = -1;

	if (regular && stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		goto refuse;
	fd = open(path, O_RDONLY | O_CLOEXEC | (regular ? O_NONBLOCK : 0));
	if (fd < 0 || fstat(fd, &st) != 0) {
		snprintf(why, whysize, "cannot open: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode) || (regular && !S_ISREG(st.st_mode)))
		goto refuse;
	return fd; /* O_NONBLOCK means nothing to a regular file's reads */
refuse:
	snprintf(why, whysize, "is %s, not %s", file_type(st.st_mode),
	         S_ISDIR(st.st_mode) ? "a file" : "a regular file");
	if (fd >= 0)
		close(fd);
	return -1;
}

unsigned char *read_all(const char *path, size_t max, bool regular, size_t *len, char *why,
                        size_t whysize)
{
	int std_in = strcmp(path, "-") == 0;
	int fd = std_in ? STDIN_FILENO : open_checked(path, regular, why, whysize);
	size_t cap = 1 << 16, n = 0;
	unsigned char *buf;
	int bad = 0;

	*len = 0;
	if (fd < 0)
		return NULL;
	buf = malloc(cap + 1);
	while (buf != NULL && n <= max) {
		if (n == cap) {
			unsigned char *grown = realloc(buf, cap * 2 + 1);
			if (grown == NULL) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = grown;
			cap *= 2;
		}
		/* never more than max + 1 in all */
		size_t want = cap - n < max + 1 - n ? cap - n : max + 1 - n;
		ssize_t got = read(fd, buf + n, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			bad = errno;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	if (!std_in)
		close(fd);
	if (buf == NULL) {
		snprintf(why, whysize, "out of memory");
		return NULL;
	}
	if (bad) {
		free(buf);
		snprintf(why, whysize, "read error: %s", strerror(bad));
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}
