/*
 * write_file.h - the one way inflint writes a file the user names
 * (conventions.md 6a): --write-baseline now, --output-file and --fix later.
 */
#ifndef INFLINT_WRITE_FILE_H
#define INFLINT_WRITE_FILE_H

#include <stddef.h>

/* A target that is neither a regular file nor a new path, where a stream is not allowed. */
#define INF_WRITE_NOT_REGULAR (-1)

enum inf_write_mode {
    INF_WRITE_REPLACE,       /* regular files and new paths only (baselines, --fix) */
    INF_WRITE_STREAM_SPECIAL /* FIFOs and character devices are written as streams (output) */
};

/*
 * Writes LEN bytes at DATA to PATH. A regular file or a new path gets a
 * temporary file created exclusively (never following a planted link) in
 * the same directory, written, flushed, given the old file's mode and (where
 * allowed) owner, and renamed over it: readers see the old or the new file,
 * never a part. A symbolic link is resolved first and its target replaced;
 * the link stays. A special file is refused (INF_WRITE_NOT_REGULAR) unless
 * MODE allows streams. On any failure the temporary file is removed (also
 * when SIGINT, SIGTERM or SIGHUP end the run while it exists) and the
 * target is untouched. Returns 0, INF_WRITE_NOT_REGULAR or an errno value.
 */
int inf_write_file(const char *path, const char *data, size_t len, enum inf_write_mode mode);

/* The message for a status of inf_write_file. */
const char *inf_write_error_text(int status);

#endif
