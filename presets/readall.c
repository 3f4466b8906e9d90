/*
 * readall.c: read a file whole, growing the buffer as it comes, so that a
 * small file costs little and a pipe works like a file.
 *
 * The file is opened with O_NONBLOCK and checked with fstat before any read:
 * opening a FIFO for reading without it waits for a writer, forever if none
 * comes, and a FIFO named *.yaml in a preset directory hung every command.
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
 * Open path for reading without blocking, and refuse what cannot be read
 * as asked: a directory always, anything but a regular file when `regular`.
 * A pipe the user named goes back to blocking reads, as standard input does.
 */
static int open_checked(const char *path, bool regular, char *why, size_t whysize)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0) {
		snprintf(why, whysize, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		snprintf(why, whysize, "cannot open: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode) || (regular && !S_ISREG(st.st_mode))) {
		snprintf(why, whysize, "is %s, not %s", file_type(st.st_mode),
		         S_ISDIR(st.st_mode) ? "a file" : "a regular file");
		close(fd);
		return -1;
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
		snprintf(why, whysize, "cannot open: %s", strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
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
