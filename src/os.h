/*
 * os.h - the only place that talks to the operating system: reading files
 * and standard input, walking directories, terminals and CPU count.
 */
#ifndef INFLINT_OS_H
#define INFLINT_OS_H

#include <stddef.h>

/*
 * Reads the whole file PATH into *DATA (malloc'd, caller frees) and its size
 * into *LEN. Returns 0, or an errno value (and *DATA is NULL).
 */
int inf_os_read_file(const char *path, unsigned char **data, size_t *len);

/* Same for standard input. */
int inf_os_read_stdin(unsigned char **data, size_t *len);

struct inf_input;

/*
 * Reads file PATH for linting into *INPUT: large regular files are mapped
 * (private and writable, so decoding can use them in place), others read as
 * by inf_os_read_file. Returns 0 or an errno value.
 */
int inf_os_read_input(const char *path, struct inf_input *input);

/* Releases a mapping made by inf_os_read_input. */
void inf_os_unmap(void *bytes, size_t mapped);

/*
 * Makes a mapped input that shrinks while it is read end the process with a
 * message and exit status 2 instead of a crash (SIGBUS). For programs.
 */
void inf_os_guard_mapped_inputs(void);

/* Non-zero when PATH names a directory (following symlinks). */
int inf_os_is_directory(const char *path);

/* A list of paths; free with inf_path_list_free. */
struct inf_path_list {
    char **paths;
    size_t count, cap;
};

void inf_path_list_add(struct inf_path_list *list, const char *path);
void inf_path_list_free(struct inf_path_list *list);

/* What inf_os_walk_inf_files reports to; each is called with the walk's CONTEXT. */
struct inf_os_walk_calls {
    void (*found)(void *context, char *path); /* an INF file; the callee owns PATH */
    void (*warn)(void *context, const char *path, int error); /* an unreadable subdirectory */
    int (*skip)(void *context, const char *path); /* non-zero leaves PATH (and all below) out */
    /* An INF name the walk does not read, and why: a link to something that is not a regular
     * file, or a directory on a virtual file system (may be NULL). */
    void (*passed_over)(void *context, const char *path, const char *why);
    /* Which file names the walk reports (may be NULL: *.inf and *.inx, any letter case). */
    int (*wanted)(const char *name);
};

/* Does NAME end in .inf or .inx, in any letter case? */
int inf_os_is_inf_name(const char *name);

/*
 * Reports every *.inf and *.inx file (any letter case) below directory DIR
 * to CALLS->found as soon as its directory listing shows it, in the order
 * the system lists them (inf_os_walk_order sorts them), without following
 * symbolic links to directories (so link loops end). CALLS->warn (may be
 * NULL) hears of unreadable subdirectories, CALLS->skip (may be NULL) is
 * asked about every file and directory found. Returns 0, or an errno value
 * for DIR itself.
 */
int inf_os_walk_inf_files(const char *dir, const struct inf_os_walk_calls *calls, void *context);

/*
 * Orders two paths one walk found (or the walk's warnings) as sorted
 * directory listings walked depth first would: name by name, a directory's
 * files at the directory's place. strcmp-like result.
 */
int inf_os_walk_order(const char *a, const char *b);

/*
 * NAME as directory DIR spells it (malloc'd): NAME itself when a regular
 * file has that exact name, else the first (in byte order) whose name
 * differs from it in ASCII case alone, as Windows finds it; NULL when there
 * is none. Listings are kept between calls (see os.c).
 */
char *inf_os_spelled_in_directory(const char *dir, const char *name);

/* Non-zero when inf_os_spelled_in_directory finds NAME in DIR. */
int inf_os_file_in_directory(const char *dir, const char *name);

/* Is C a path separator here ('/', and on Windows '\\' too)? */
int inf_os_is_separator(char c);

/*
 * The separator PATH uses, for paths made from it: '/' on POSIX; on Windows
 * the first one typed in PATH, '\\' when it has none.
 */
char inf_os_separator_of(const char *path);

/* On Windows, makes every separator of PATH the one inf_os_separator_of chooses (in place). */
void inf_os_normalize_separators(char *path);

/*
 * Orders two paths as the file system tells them apart: strcmp on POSIX;
 * on Windows ASCII case and the two separators are ignored (a baseline
 * written for DRIVERS\SENSOR.INF matches drivers/sensor.inf).
 */
int inf_os_path_compare(const char *a, const char *b);
/* A copy of PATH (malloc'd) that equals another path's copy exactly when inf_os_path_compare
 * finds the two the same: a key for exact-match maps of paths. */
char *inf_os_path_key(const char *path);

/*
 * The program's arguments in UTF-8: ARGV itself on POSIX; on Windows the
 * wide command line converted (the narrow argv is in the ANSI code page and
 * loses characters outside it). Kept for the life of the process.
 */
char **inf_os_utf8_arguments(int argc, char **argv);

/*
 * Readies standard output and error: on Windows, binary mode (reports end
 * lines with \n on every system, not \r\n) and a UTF-8 console.
 */
void inf_os_prepare_streams(void);

/*
 * Whether ANSI colours can be written to standard output: a terminal, and on
 * Windows one whose virtual-terminal processing could be turned on.
 */
int inf_os_stdout_supports_color(void);

#ifdef _WIN32
#include <wchar.h>
/* UTF-8 TEXT as a wide string for the W APIs (malloc'd; "" when it is not UTF-8). */
wchar_t *inf_os_wide(const char *text);
#endif

/* Non-zero when PATH names an existing regular file. */
int inf_os_is_file(const char *path);

/* The absolute, canonical form of existing PATH with '/' separators (caller frees), or NULL. */
char *inf_os_absolute(const char *path);

/*
 * PATH (absolute, '/'-separated) relative to directory BASE (the same
 * form), e.g. "drv/x.inf" or "../other/x.inf" (caller frees).
 */
char *inf_os_relative(const char *base, const char *path);

/*
 * May a configuration file found at PATH (not named by the user) steer the
 * run? Not when another user than the one running (or root) owns it, nor
 * when it lies in a directory every user can write to, unless that
 * directory is sticky and the file is the runner's own: otherwise another
 * user could turn a failing run green. Writes the reason into WHY.
 */
int inf_os_config_trusted(const char *path, char *why, size_t size);

/* Is directory PATH on a virtual file system (proc, sysfs, devpts, ...)? The walk does not
 * enter one below the directory it was given. */
int inf_os_is_virtual_directory(const char *path);

/* The directory part of PATH ("." when it has none; caller frees). */
char *inf_os_dirname(const char *path);

/* Appends every regular file directly in DIR to LIST, sorted. Returns 0 or an errno value. */
int inf_os_list_files(const char *dir, struct inf_path_list *list);

/* The same for the files whose names (without a directory) KEEP returns non-zero for. */
int inf_os_list_files_named(const char *dir, int (*keep)(const char *name),
                            struct inf_path_list *list);

/* Non-zero when standard output is a terminal. */
int inf_os_stdout_is_terminal(void);

/*
 * Calls WORK(CONTEXT, i, w) for every i in [0, COUNT) on up to JOBS threads
 * (JOBS <= 1, or COUNT <= 1: on this thread, in order). W, in [0, JOBS),
 * names the thread making the call: what belongs to a worker may be touched
 * through it. Returns when all are done. WORK must otherwise only touch what
 * belongs to its index.
 */
void inf_os_parallel(size_t count, int jobs, void (*work)(void *context, size_t index, int worker),
                     void *context);

/*
 * inf_os_parallel for work still being found. PRODUCE(feed, CONTEXT) runs on
 * this thread (worker 0) while JOBS - 1 others call WORK(CONTEXT, i, w) for
 * each index i it publishes; when PRODUCE returns, this thread works too
 * until every published index is done.
 */
struct inf_os_feed;
void inf_os_parallel_fed(int jobs, void (*produce)(struct inf_os_feed *feed, void *context),
                         void (*work)(void *context, size_t index, int worker), void *context);

/* Lets WORK run on every index below COUNT (indexes are published in order, never taken back). */
void inf_os_feed_publish(struct inf_os_feed *feed, size_t count);

/*
 * Returns when every published index is done, working on them meanwhile:
 * until the next publish, nothing WORK reads can be in use (arrays may move).
 */
void inf_os_feed_drain(struct inf_os_feed *feed);

/* Number of online processors (at least 1). */
int inf_os_cpu_count(void);

#endif
