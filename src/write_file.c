/*
 * write_file.c - atomic replacement of user-named files (write_file.h).
 */
#if !defined(_WIN32) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* mkstemp, lstat, readlink, fchmod, fchown, sigaction */
#endif
#include "write_file.h"
#include "os.h"
#include "inflint/alloc.h"
#include "inflint/buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

const char *inf_write_error_text(int status)
{
    if (status == INF_WRITE_NOT_REGULAR)
        return "not a regular file (inflint replaces only regular files or creates new ones)";
    return strerror(status);
}

#ifdef _WIN32

int inf_write_file(const char *path, const char *data, size_t len, enum inf_write_mode mode)
{
    wchar_t *target = inf_os_wide(path);
    DWORD attributes = GetFileAttributesW(target);
    if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY)) {
        free(target);
        return INF_WRITE_NOT_REGULAR;
    }
    /* A device (NUL, CON) or a named pipe is written as a stream where MODE allows it. */
    HANDLE existing = CreateFileW(target, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                                  OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (existing != INVALID_HANDLE_VALUE) {
        DWORD type = GetFileType(existing);
        if (type != FILE_TYPE_DISK) {
            int err = 0;
            if (mode != INF_WRITE_STREAM_SPECIAL) {
                err = INF_WRITE_NOT_REGULAR;
            } else {
                for (size_t done = 0; done < len && !err;) {
                    DWORD chunk = len - done > 1u << 30 ? 1u << 30 : (DWORD)(len - done), wrote = 0;
                    if (!WriteFile(existing, data + done, chunk, &wrote, NULL) || wrote == 0)
                        err = EIO;
                    done += wrote;
                }
            }
            CloseHandle(existing);
            free(target);
            return err;
        }
        CloseHandle(existing);
    }
    struct inf_buf temp = INF_BUF_INIT;
    wchar_t *temp_wide = NULL;
    HANDLE file = INVALID_HANDLE_VALUE;
    for (unsigned attempt = 0; attempt < 100 && file == INVALID_HANDLE_VALUE; attempt++) {
        inf_buf_clear(&temp);
        inf_buf_printf(&temp, "%s.inflint-%lu-%u", path, (unsigned long)GetCurrentProcessId(),
                       attempt);
        free(temp_wide);
        temp_wide = inf_os_wide(temp.data);
        file =
            CreateFileW(temp_wide, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
        if (file == INVALID_HANDLE_VALUE && GetLastError() != ERROR_FILE_EXISTS)
            break;
    }
    if (file == INVALID_HANDLE_VALUE) {
        DWORD why = GetLastError();
        inf_buf_free(&temp);
        free(temp_wide);
        free(target);
        return why == ERROR_PATH_NOT_FOUND ? ENOENT : EACCES;
    }
    int err = 0;
    for (size_t done = 0; done < len && !err;) {
        DWORD chunk = len - done > 1u << 30 ? 1u << 30 : (DWORD)(len - done), wrote = 0;
        if (!WriteFile(file, data + done, chunk, &wrote, NULL) || wrote == 0)
            err = EIO;
        done += wrote;
    }
    if (!err && !FlushFileBuffers(file))
        err = EIO;
    CloseHandle(file);
    if (!err && !MoveFileExW(temp_wide, target, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        err = EACCES;
    if (err)
        DeleteFileW(temp_wide);
    inf_buf_free(&temp);
    free(temp_wide);
    free(target);
    return err;
}

#else

/* The temporary file being written, for the signal handler (one write at a time). */
static char pending_temp[PATH_MAX + 64];
static volatile sig_atomic_t pending;

static void remove_pending(int signal_number)
{
    if (pending)
        unlink(pending_temp);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number, &action, NULL);
    raise(signal_number);
}

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define SIGNAL_COUNT (sizeof cleanup_signals / sizeof cleanup_signals[0])

static void guard(struct sigaction *saved)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = remove_pending;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < SIGNAL_COUNT; i++)
        sigaction(cleanup_signals[i], &action, &saved[i]);
}

static void unguard(const struct sigaction *saved)
{
    for (size_t i = 0; i < SIGNAL_COUNT; i++)
        sigaction(cleanup_signals[i], &saved[i], NULL);
}

/*
 * Where a write to PATH lands: PATH itself, or the file its chain of
 * symbolic links ends at (which need not exist yet). Caller frees.
 */
static char *resolve_links(const char *path, int *err)
{
    char *current = inf_xstrndup(path, strlen(path));
    for (int hops = 0; hops < 40; hops++) {
        struct stat st;
        if (lstat(current, &st) != 0 || !S_ISLNK(st.st_mode))
            return current;
        char target[PATH_MAX];
        ssize_t n = readlink(current, target, sizeof target - 1);
        if (n < 0) {
            *err = errno;
            free(current);
            return NULL;
        }
        target[n] = '\0';
        struct inf_buf next = INF_BUF_INIT;
        const char *slash = strrchr(current, '/');
        if (target[0] != '/' && slash) /* relative to the link's directory */
            inf_buf_add(&next, current, (size_t)(slash - current + 1));
        inf_buf_adds(&next, target);
        free(current);
        current = next.data;
    }
    *err = ELOOP;
    free(current);
    return NULL;
}

/* Writes all of DATA to FD; 0 or an errno value. */
static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? errno : EIO;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

int inf_write_file(const char *path, const char *data, size_t len, enum inf_write_mode mode)
{
    int err = 0;
    char *target = resolve_links(path, &err);
    if (!target)
        return err;
    struct stat old;
    int exists = stat(target, &old) == 0;
    if (exists && !S_ISREG(old.st_mode)) {
        if (mode == INF_WRITE_STREAM_SPECIAL && (S_ISFIFO(old.st_mode) || S_ISCHR(old.st_mode))) {
            int fd = open(target, O_WRONLY | O_NOCTTY);
            err = fd < 0 ? errno : write_all(fd, data, len);
            if (fd >= 0 && close(fd) != 0 && !err)
                err = errno;
        } else {
            err = INF_WRITE_NOT_REGULAR;
        }
        free(target);
        return err;
    }
    /* A temporary file beside the target, created exclusively: a planted name fails. */
    const char *slash = strrchr(target, '/');
    struct inf_buf temp = INF_BUF_INIT;
    if (slash)
        inf_buf_add(&temp, target, (size_t)(slash - target + 1));
    inf_buf_printf(&temp, ".%s.inflint-XXXXXX", slash ? slash + 1 : target);
    if (temp.len >= sizeof pending_temp) {
        inf_buf_free(&temp);
        free(target);
        return ENAMETOOLONG;
    }
    struct sigaction saved[SIGNAL_COUNT];
    guard(saved);
    int fd = mkstemp(temp.data);
    if (fd < 0) {
        err = errno;
    } else {
        memcpy(pending_temp, temp.data, temp.len + 1);
        pending = 1;
        mode_t mask = umask(0);
        umask(mask);
        err = write_all(fd, data, len);
        /* Test hook: INFLINT_TEST_WRITE_PAUSE_MS holds the run here, with the temporary file
         * written and not yet renamed, so that a test can signal it (cli.write_file). */
        const char *pause_ms = getenv("INFLINT_TEST_WRITE_PAUSE_MS");
        if (pause_ms) {
            long ms = atol(pause_ms);
            struct timespec wait = {ms / 1000, (ms % 1000) * 1000000L};
            while (nanosleep(&wait, &wait) != 0 && errno == EINTR)
                ;
        }
        if (!err && fchmod(fd, exists ? (old.st_mode & 07777) : (0666 & ~mask)) != 0)
            err = errno;
        if (!err && exists && (old.st_uid != geteuid() || old.st_gid != getegid()))
            (void)!fchown(fd, old.st_uid, old.st_gid); /* where allowed: root, or the group */
        if (!err && fsync(fd) != 0)
            err = errno;
        if (close(fd) != 0 && !err)
            err = errno;
        if (!err && rename(temp.data, target) != 0)
            err = errno;
        if (err)
            unlink(temp.data);
        pending = 0;
    }
    unguard(saved);
    inf_buf_free(&temp);
    free(target);
    return err;
}

#endif
