/*
 * os.c - file system and process facts, kept in one module so the rest of
 * the code stays portable (POSIX here; the _WIN32 branches use the CRT).
 */
#if !defined(_WIN32) && !defined(_XOPEN_SOURCE)
#define _XOPEN_SOURCE 700 /* POSIX 2008 + XSI: fileno, lstat, realpath, fsync */
#define _DEFAULT_SOURCE   /* and MAP_ANONYMOUS, MAP_POPULATE where the C library has them */
#endif
#include "os.h"
#include "inflint/alloc.h"
#include "inflint/buf.h"
#include "source.h"
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifdef _WIN32
#include <io.h>
#include <process.h>
#define getpid _getpid
#include <windows.h>
#include <shellapi.h> /* CommandLineToArgvW */
#define isatty _isatty
#define fileno _fileno
#else
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#ifdef _WIN32
/*
 * Windows: inflint keeps every path in UTF-8 and calls the wide-character
 * APIs at this boundary, so that a folder named 日本 is found and opened
 * whatever the ANSI code page. These convert; callers free.
 */
wchar_t *inf_os_wide(const char *utf8)
{
    int n = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, NULL, 0);
    wchar_t *wide = inf_xmalloc((size_t)(n > 0 ? n : 1) * sizeof *wide);
    if (n <= 0 || MultiByteToWideChar(CP_UTF8, 0, utf8, -1, wide, n) <= 0)
        wide[0] = L'\0';
    return wide;
}

static char *utf8_of(const wchar_t *wide)
{
    int n = WideCharToMultiByte(CP_UTF8, 0, wide, -1, NULL, 0, NULL, NULL);
    char *utf8 = inf_xmalloc((size_t)(n > 0 ? n : 1));
    if (n <= 0 || WideCharToMultiByte(CP_UTF8, 0, wide, -1, utf8, n, NULL, NULL) <= 0)
        utf8[0] = '\0';
    return utf8;
}

/* stat() of a UTF-8 path. The CRT's stat fails on "drivers\\": trailing separators go (not
 * the one of a root, "C:\\" or "\\"). */
static int stat_utf8(const char *path, struct _stat64 *st)
{
    wchar_t *w = inf_os_wide(path);
    size_t n = wcslen(w);
    while (n > 1 && (w[n - 1] == L'\\' || w[n - 1] == L'/') && !(n == 3 && w[1] == L':'))
        w[--n] = L'\0';
    int r = _wstat64(w, st);
    free(w);
    return r;
}
#define STAT_T struct _stat64
#define STAT_PATH stat_utf8
#ifndef S_ISDIR /* MSVC's <sys/stat.h> has the bits, not the macros */
#define S_ISDIR(m) (((m)&_S_IFMT) == _S_IFDIR)
#endif
#ifndef S_ISREG
#define S_ISREG(m) (((m)&_S_IFMT) == _S_IFREG)
#endif
#else
#define STAT_T struct stat
#define STAT_PATH stat
#endif

/* Makes room in *BUF (of *CAP bytes, N used) for more and a terminator; EFBIG past the limit. */
static int make_room(unsigned char **buf, size_t *cap, size_t n)
{
    if (n + 1 < *cap)
        return 0;
    if (*cap > INF_SOURCE_MAX_BYTES)
        return EFBIG;
    *buf = inf_xgrow(*buf, cap, *cap + 1, 1);
    return 0;
}

/* Reads all of STREAM; the result has one spare byte for a terminator. */
static int read_stream(FILE *stream, unsigned char **data, size_t *len)
{
    size_t cap = 65536, n = 0;
    unsigned char *buf = inf_xmalloc(cap);
    for (;;) {
        if (make_room(&buf, &cap, n)) {
            free(buf);
            *data = NULL;
            return EFBIG;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, stream);
        n += got;
        if (got == 0) {
            if (ferror(stream)) {
                int err = errno ? errno : EIO;
                free(buf);
                *data = NULL;
                return err;
            }
            break;
        }
    }
    *data = buf;
    *len = n;
    return 0;
}

/* Files from this size on are mapped: below it, one read is cheaper than a mapping. */
#define MAP_THRESHOLD ((size_t)1 << 20)

#ifndef _WIN32
/*
 * Maps LEN bytes of FD privately into a zeroed area one byte longer rounded
 * up to whole pages, so the text always has a terminator after it. Returns
 * 0 on success.
 */
static int map_file(int fd, size_t len, struct inf_input *input)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t total = (len + 1 + page - 1) / page * page;
    void *area = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (area == MAP_FAILED)
        return -1;
#ifdef MAP_POPULATE
    int populate = MAP_POPULATE; /* one call maps all pages instead of a fault per few */
#else
    int populate = 0;
#endif
    /* Read-only while populating (a writable private mapping would copy every page), then
     * writable: only the pages decoding changes get copied. */
    void *file = mmap(area, len, PROT_READ, MAP_PRIVATE | MAP_FIXED | populate, fd, 0);
    if (file == MAP_FAILED || mprotect(area, total, PROT_READ | PROT_WRITE) != 0) {
        munmap(area, total);
        return -1;
    }
    input->bytes = area;
    input->len = len;
    input->mapped = total;
    return 0;
}

static void mapped_input_shrank(int signal_number)
{
    static const char message[] = "inflint: an input file was truncated while it was being read\n";
    (void)signal_number;
    ssize_t ignored = write(2, message, sizeof message - 1);
    (void)ignored;
    _exit(2);
}

/*
 * Reads FD to its end, expecting about SIZE bytes; one spare byte for a
 * terminator. For a regular file (SIZED), a short read that brings the
 * total to SIZE is its end: no further read is needed to see it.
 */
static int read_descriptor(int fd, size_t size, int sized, unsigned char **data, size_t *len)
{
    size_t cap = size + 2 > 4096 ? size + 2 : 4096, n = 0;
    unsigned char *buf = inf_xmalloc(cap);
    for (;;) {
        if (make_room(&buf, &cap, n)) {
            free(buf);
            return EFBIG;
        }
        ssize_t got = read(fd, buf + n, cap - n - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int err = errno;
            free(buf);
            return err;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (sized && n == size && n + 1 < cap)
            break;
    }
    *data = buf;
    *len = n;
    return 0;
}

/* Opens and reads PATH, mapping it when MAP allows and it is large. */
static int read_path(const char *path, int map, struct inf_input *input)
{
    memset(input, 0, sizeof *input);
    /* Non-blocking: opening a FIFO would wait for a writer; this way one nobody writes is empty. */
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0)
        return errno;
    struct stat st;
    int err = 0;
    if (fstat(fd, &st) != 0)
        err = errno;
    else if (S_ISDIR(st.st_mode))
        err = EISDIR;
    else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > INF_SOURCE_MAX_BYTES)
        err = EFBIG;
    else if (map && S_ISREG(st.st_mode) && (size_t)st.st_size >= MAP_THRESHOLD &&
             map_file(fd, (size_t)st.st_size, input) == 0)
        err = 0;
    else {
        if (!S_ISREG(st.st_mode))
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        int regular = S_ISREG(st.st_mode);
        err = read_descriptor(fd, regular ? (size_t)st.st_size : 0, regular, &input->bytes,
                              &input->len);
    }
    close(fd);
    return err;
}
#else
static int read_path(const char *path, int map, struct inf_input *input)
{
    (void)map;
    memset(input, 0, sizeof *input);
    STAT_T st;
    if (STAT_PATH(path, &st) != 0)
        return errno;
    if (S_ISDIR(st.st_mode))
        return EISDIR;
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > INF_SOURCE_MAX_BYTES)
        return EFBIG;
    wchar_t *wide = inf_os_wide(path);
    FILE *f = _wfopen(wide, L"rb");
    free(wide);
    if (!f)
        return errno;
    int err = read_stream(f, &input->bytes, &input->len);
    fclose(f);
    return err;
}
#endif

int inf_os_read_file(const char *path, unsigned char **data, size_t *len)
{
    struct inf_input input;
    int err = read_path(path, 0, &input);
    *data = input.bytes;
    *len = input.len;
    return err;
}

int inf_os_read_input(const char *path, struct inf_input *input)
{
    memset(input, 0, sizeof *input);
    return read_path(path, 1, input);
}

void inf_os_unmap(void *bytes, size_t mapped)
{
#ifndef _WIN32
    munmap(bytes, mapped);
#else
    (void)bytes;
    (void)mapped;
#endif
}

void inf_os_guard_mapped_inputs(void)
{
#ifndef _WIN32
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = mapped_input_shrank;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, NULL);
#endif
}

int inf_os_read_stdin(unsigned char **data, size_t *len)
{
#ifdef _WIN32
    _setmode(_fileno(stdin), 0x8000 /* _O_BINARY */);
#endif
    return read_stream(stdin, data, len);
}

int inf_os_is_directory(const char *path)
{
    STAT_T st;
    return STAT_PATH(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int inf_os_stdout_is_terminal(void)
{
    return isatty(fileno(stdout));
}

int inf_os_stdout_supports_color(void)
{
    if (!isatty(fileno(stdout)))
        return 0;
#ifdef _WIN32
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    DWORD mode;
    if (!GetConsoleMode(out, &mode))
        return 0;
    return SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0;
#else
    return 1;
#endif
}

void inf_os_prepare_streams(void)
{
#ifdef _WIN32
    _setmode(_fileno(stdout), 0x8000 /* _O_BINARY */);
    _setmode(_fileno(stderr), 0x8000);
    SetConsoleOutputCP(CP_UTF8);
#endif
}

char **inf_os_utf8_arguments(int argc, char **argv)
{
#ifdef _WIN32
    int count = 0;
    wchar_t **wide = CommandLineToArgvW(GetCommandLineW(), &count);
    if (!wide || count != argc)
        return argv; /* cannot happen for a console program; the narrow ones then */
    char **utf8 = inf_xcalloc((size_t)count + 1, sizeof *utf8);
    for (int i = 0; i < count; i++)
        utf8[i] = utf8_of(wide[i]);
    LocalFree(wide);
    return utf8;
#else
    (void)argc;
    return argv;
#endif
}

int inf_os_cpu_count(void)
{
#ifdef _WIN32
    SYSTEM_INFO info;
    GetSystemInfo(&info);
    return info.dwNumberOfProcessors > 0 ? (int)info.dwNumberOfProcessors : 1;
#else
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
#endif
}

void inf_path_list_add(struct inf_path_list *list, const char *path)
{
    list->paths = inf_xgrow(list->paths, &list->cap, list->count + 1, sizeof *list->paths);
    list->paths[list->count++] = inf_xstrndup(path, strlen(path));
}

void inf_path_list_free(struct inf_path_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->paths[i]);
    free(list->paths);
    list->paths = NULL;
    list->count = list->cap = 0;
}

int inf_os_is_inf_name(const char *name)
{
    size_t n = strlen(name);
    if (n < 4 || name[n - 4] != '.')
        return 0;
    char ext[4];
    for (int i = 0; i < 3; i++)
        ext[i] = (char)tolower((unsigned char)name[n - 3 + i]);
    ext[3] = '\0';
    return strcmp(ext, "inf") == 0 || strcmp(ext, "inx") == 0;
}

int inf_os_is_separator(char c)
{
#ifdef _WIN32
    return c == '/' || c == '\\';
#else
    return c == '/';
#endif
}

char inf_os_separator_of(const char *path)
{
#ifdef _WIN32
    for (const char *p = path; *p; p++)
        if (*p == '/' || *p == '\\')
            return *p; /* the first the user typed */
    return '\\';
#else
    (void)path;
    return '/';
#endif
}

void inf_os_normalize_separators(char *path)
{
#ifdef _WIN32
    char sep = inf_os_separator_of(path);
    for (char *p = path; *p; p++)
        if (*p == '/' || *p == '\\')
            *p = sep;
#else
    (void)path;
#endif
}

/* DIR and NAME joined with DIR's own separator (so that a path reads as the user typed it). */
static char *join_path(const char *dir, const char *name)
{
    size_t d = strlen(dir), n = strlen(name);
    int sep = d > 0 && !inf_os_is_separator(dir[d - 1]);
    char *p = inf_xmalloc(d + sep + n + 1);
    memcpy(p, dir, d);
    if (sep)
        p[d] = inf_os_separator_of(dir);
    memcpy(p + d + sep, name, n + 1);
    return p;
}

/* A directory entry and what it is, when the listing already says so. */
struct dir_entry {
    char *name;
    int kind; /* ENTRY_* */
};

enum {
    ENTRY_SKIP = -1,
    ENTRY_FILE = 0,
    ENTRY_DIRECTORY = 1,
    ENTRY_ASK = 2,
    ENTRY_SPECIAL_LINK = 3
};

struct dir_entries {
    struct dir_entry *items;
    size_t count, cap;
};

static void add_entry(struct dir_entries *entries, const char *name, int kind)
{
    entries->items =
        inf_xgrow(entries->items, &entries->cap, entries->count + 1, sizeof *entries->items);
    entries->items[entries->count].name = inf_xstrndup(name, strlen(name));
    entries->items[entries->count].kind = kind;
    entries->count++;
}

static void free_entries(struct dir_entries *entries)
{
    for (size_t i = 0; i < entries->count; i++)
        free(entries->items[i].name);
    free(entries->items);
    memset(entries, 0, sizeof *entries);
}

static int compare_entries(const void *a, const void *b)
{
    return strcmp(((const struct dir_entry *)a)->name, ((const struct dir_entry *)b)->name);
}

#ifdef _WIN32
/* Calls SEEN for each of DIR's entries (without . and ..), in the system's order. */
static int each_entry(const char *dir, void (*seen)(void *context, const char *name, int kind),
                      void *context)
{
    char *pattern = join_path(dir, "*");
    wchar_t *wide = inf_os_wide(pattern);
    WIN32_FIND_DATAW data;
    HANDLE h = FindFirstFileW(wide, &data);
    free(wide);
    free(pattern);
    if (h == INVALID_HANDLE_VALUE)
        return GetLastError() == ERROR_ACCESS_DENIED ? EACCES : ENOENT;
    do {
        if (wcscmp(data.cFileName, L".") && wcscmp(data.cFileName, L"..")) {
            char *name = utf8_of(data.cFileName);
            seen(context, name, ENTRY_ASK);
            free(name);
        }
    } while (FindNextFileW(h, &data));
    FindClose(h);
    return 0;
}

/* What the entry at PATH is. */
static int entry_kind(const char *path)
{
    wchar_t *wide = inf_os_wide(path);
    DWORD attributes = GetFileAttributesW(wide);
    free(wide);
    if (attributes == INVALID_FILE_ATTRIBUTES)
        return ENTRY_SKIP;
    if (attributes & FILE_ATTRIBUTE_DIRECTORY)
        return (attributes & FILE_ATTRIBUTE_REPARSE_POINT) ? ENTRY_SKIP : ENTRY_DIRECTORY;
    return ENTRY_FILE;
}
#else
/*
 * Calls SEEN for each of DIR's entries (without . and ..), in the system's
 * order, as they are read; the kind comes from d_type where it is known.
 */
static int each_entry(const char *dir, void (*seen)(void *context, const char *name, int kind),
                      void *context)
{
    DIR *d = opendir(dir);
    if (!d)
        return errno;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        int kind = ENTRY_ASK; /* a link, or a file system that does not say: lstat later */
#ifdef DT_REG
        if (e->d_type == DT_REG)
            kind = ENTRY_FILE;
        else if (e->d_type == DT_DIR)
            kind = ENTRY_DIRECTORY;
        else if (e->d_type != DT_LNK && e->d_type != DT_UNKNOWN)
            kind = ENTRY_SKIP; /* FIFOs, sockets, devices */
#endif
        seen(context, e->d_name, kind);
    }
    closedir(d);
    return 0;
}

/* What the entry at PATH is. */
static int entry_kind(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return ENTRY_SKIP;
    if (S_ISDIR(st.st_mode))
        return ENTRY_DIRECTORY;
    if (S_ISLNK(st.st_mode)) {
        /* A link to a regular file is linted; a link to a directory is not followed (so
         * link loops end); a link to a device, FIFO or socket is never opened. */
        if (stat(path, &st) != 0 || S_ISDIR(st.st_mode))
            return ENTRY_SKIP;
        return S_ISREG(st.st_mode) ? ENTRY_FILE : ENTRY_SPECIAL_LINK;
    }
    return S_ISREG(st.st_mode) ? ENTRY_FILE : ENTRY_SKIP;
}
#endif

/* A listing of the entries that may be regular files (a link is checked when it is found) and
 * whose names KEEP takes (all of them without KEEP). */
struct kept_entries {
    struct dir_entries entries;
    int (*keep)(const char *name);
};

static void collect_kept_entry(void *context, const char *name, int kind)
{
    struct kept_entries *kept = context;
    if ((kind == ENTRY_FILE || kind == ENTRY_ASK) && (!kept->keep || kept->keep(name)))
        add_entry(&kept->entries, name, kind);
}

/* What entry E of directory listing at PATH is. */
static int known_kind(const struct dir_entry *e, const char *path)
{
    return e->kind == ENTRY_ASK ? entry_kind(path) : e->kind;
}

/* Does the walk report a file named NAME? */
static int wanted(const struct inf_os_walk_calls *calls, const char *name)
{
    return calls->wanted ? calls->wanted(name) : inf_os_is_inf_name(name);
}

/* One directory of inf_os_walk_inf_files. */
struct walk {
    const char *dir;
    const struct inf_os_walk_calls *calls;
    void *context;
    struct dir_entries later; /* directories, and entries whose kind needs asking */
};

/* An entry as it is read: an INF file is handed on at once, the rest waits for the end. */
static void walk_entry(void *context, const char *name, int kind)
{
    struct walk *w = context;
    if (kind == ENTRY_SKIP || (kind == ENTRY_FILE && !wanted(w->calls, name)))
        return; /* nothing to look at: no path to build */
    if (kind != ENTRY_FILE) {
        add_entry(&w->later, name, kind);
        return;
    }
    char *path = join_path(w->dir, name);
    if (w->calls->skip && w->calls->skip(w->context, path))
        free(path);
    else
        w->calls->found(w->context, path);
}

#if defined(__linux__)
#include <sys/vfs.h>
/* Is the directory at PATH on a file system of the kernel's own making (/proc, /sys, ...)? */
static int on_virtual_file_system(const char *path)
{
    static const unsigned long kinds[] = {
        0x9fa0,     /* proc */
        0x62656572, /* sysfs */
        0x1cd1,     /* devpts */
        0x64626720, /* debugfs */
        0x74726163, /* tracefs */
        0x73636673, /* securityfs */
        0x27e0eb,   /* cgroup */
        0x63677270, /* cgroup2 */
        0xcafe4a11, /* bpf */
        0x42494e4d, /* binfmt_misc */
        0x6e736673, /* nsfs */
        0x19800202, /* mqueue */
        0xde5e81e4, /* efivarfs */
        0x50495045, /* pipefs */
        0x5a3c69f0, /* aafs */
    };
    struct statfs fs;
    if (statfs(path, &fs) != 0)
        return 0;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if ((unsigned long)fs.f_type == kinds[i])
            return 1;
    return 0;
}
#else
static int on_virtual_file_system(const char *path)
{
    (void)path;
    return 0;
}
#endif

int inf_os_config_trusted(const char *path, char *why, size_t size)
{
#ifdef _WIN32
    (void)path, (void)why, (void)size;
    return 1;
#else
    struct stat file, dir;
    char *parent = inf_os_dirname(path);
    int have_dir = stat(parent, &dir) == 0;
    free(parent);
    if (stat(path, &file) != 0 || !have_dir)
        return 1; /* loading it will say what is wrong */
    uid_t me = geteuid();
    if (file.st_uid != me && file.st_uid != 0) {
        snprintf(why, size, "it belongs to another user (uid %lu)", (unsigned long)file.st_uid);
        return 0;
    }
    if ((dir.st_mode & S_IWOTH) && (!(dir.st_mode & S_ISVTX) || file.st_uid != me)) {
        snprintf(why, size, "%s",
                 (dir.st_mode & S_ISVTX)
                     ? "it is in a directory every user can write to, and is not yours"
                     : "it is in a directory every user can write to");
        return 0;
    }
    return 1;
#endif
}

int inf_os_is_virtual_directory(const char *path)
{
    return on_virtual_file_system(path);
}

/* Is directory PATH, below a directory of device PARENT_DEVICE, a virtual file system's? */
static int crosses_into_virtual(const char *path, unsigned long long parent_device)
{
#ifdef _WIN32
    (void)path, (void)parent_device;
    return 0;
#else
    struct stat st;
    if (stat(path, &st) != 0 || (unsigned long long)st.st_dev == parent_device)
        return 0; /* only a mount point can change the file system */
    return on_virtual_file_system(path);
#endif
}

int inf_os_walk_inf_files(const char *dir, const struct inf_os_walk_calls *calls, void *context)
{
    struct walk w = {dir, calls, context, {0}};
    unsigned long long device = 0;
#ifndef _WIN32
    struct stat here;
    if (stat(dir, &here) == 0)
        device = (unsigned long long)here.st_dev;
#endif
    int err = each_entry(dir, walk_entry, &w);
    for (size_t i = 0; !err && i < w.later.count; i++) {
        const struct dir_entry *e = &w.later.items[i];
        char *path = join_path(dir, e->name);
        int kind = known_kind(e, path);
        if (kind != ENTRY_SKIP && calls->skip && calls->skip(context, path))
            kind = ENTRY_SKIP;
        if (kind == ENTRY_DIRECTORY && crosses_into_virtual(path, device)) {
            if (calls->passed_over)
                calls->passed_over(context, path, "a virtual file system (not walked)");
        } else if (kind == ENTRY_DIRECTORY) {
            int sub = inf_os_walk_inf_files(path, calls, context);
            if (sub && calls->warn)
                calls->warn(context, path, sub);
        } else if (kind == ENTRY_SPECIAL_LINK && wanted(calls, e->name)) {
            if (calls->passed_over)
                calls->passed_over(context, path, "a link to something that is not a regular file");
        } else if (kind == ENTRY_FILE && wanted(calls, e->name)) {
            calls->found(context, path);
            continue;
        }
        free(path);
    }
    free_entries(&w.later);
    return err;
}

int inf_os_walk_order(const char *a, const char *b)
{
    size_t i = 0;
    while (a[i] && a[i] == b[i])
        i++;
    /* At the first difference a name that ended (at a '/') sorts first, as it does when
     * directory listings are sorted by name and walked in that order. */
    unsigned x = inf_os_is_separator(a[i]) ? 0 : (unsigned char)a[i];
    unsigned y = inf_os_is_separator(b[i]) ? 0 : (unsigned char)b[i];
    return x < y ? -1 : x > y;
}

int inf_os_is_file(const char *path)
{
    STAT_T st;
    return STAT_PATH(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *inf_os_absolute(const char *path)
{
#ifdef _WIN32
    if (!inf_os_is_file(path) && !inf_os_is_directory(path))
        return NULL; /* as realpath: only what exists */
    wchar_t *wide = inf_os_wide(path);
    wchar_t *full_wide = _wfullpath(NULL, wide, 0);
    free(wide);
    if (!full_wide)
        return NULL;
    char *full = utf8_of(full_wide);
    free(full_wide);
    /* "samples\" keeps its separator in _fullpath: drop it (not the root's, "C:\"). */
    size_t n = strlen(full);
    while (n > 3 && (full[n - 1] == '\\' || full[n - 1] == '/'))
        full[--n] = '\0';
#else
    char *full = realpath(path, NULL);
    if (!full)
        return NULL;
#endif
    char *copy = inf_xstrndup(full, strlen(full));
    free(full);
    for (char *p = copy; *p; p++)
        if (*p == '\\')
            *p = '/';
    return copy;
}

int inf_os_path_compare(const char *a, const char *b)
{
#ifdef _WIN32
    /* Windows file systems ignore case (ASCII letters here; other letters compare as bytes)
     * and take either separator. */
    for (;; a++, b++) {
        int x = *a == '\\' ? '/' : tolower((unsigned char)*a);
        int y = *b == '\\' ? '/' : tolower((unsigned char)*b);
        if (x != y || !x)
            return x - y;
    }
#else
    return strcmp(a, b);
#endif
}

char *inf_os_path_key(const char *path)
{
    size_t len = strlen(path);
    char *key = inf_xstrndup(path, len);
#ifdef _WIN32
    for (size_t i = 0; i < len; i++) /* as inf_os_path_compare reads each character */
        key[i] = key[i] == '\\' ? '/' : (char)tolower((unsigned char)key[i]);
#endif
    return key;
}

/* Are A and B the same path character (case ignored on Windows)? */
static int same_path_char(char a, char b)
{
#ifdef _WIN32
    return tolower((unsigned char)a) == tolower((unsigned char)b);
#else
    return a == b;
#endif
}

char *inf_os_relative(const char *base, const char *path)
{
    /* The longest common run of whole components ("/tmp" is not a prefix of "/tmp.x"). */
    size_t common = 0, i = 0;
    for (;; i++) {
        int base_end = base[i] == '\0' || base[i] == '/';
        int path_end = path[i] == '\0' || path[i] == '/';
        if (base_end && path_end)
            common = i; /* both at a boundary after equal text */
        if (base[i] == '\0' || path[i] == '\0' || !same_path_char(base[i], path[i]))
            break;
    }
    struct inf_buf out = INF_BUF_INIT;
    /* One ".." per component of BASE after the common part. */
    for (const char *p = base + common; *p; p++)
        if (*p != '/' && (p == base + common || p[-1] == '/'))
            inf_buf_adds(&out, "../");
    const char *rest = path + common;
    while (*rest == '/')
        rest++;
    inf_buf_adds(&out, rest);
    if (!out.data || !out.len)
        inf_buf_adds(&out, ".");
    return out.data;
}

/*
 * A case-insensitive lookup of a name in a directory lists the directory,
 * and a tree of INFs asks the same directory once per file: with 500 INFs
 * beside each other that was quadratic. The last few listings are kept,
 * each with its directory's identity and time of last change, so that a
 * directory that gained or lost an entry since is listed anew; the entry
 * found is checked on disk each time. Shared by the workers under one lock,
 * kept for the life of the process.
 */
struct dir_stamp {
    unsigned long long device, inode, seconds, fraction;
};

struct dir_listing {
    char *dir;
    struct dir_stamp stamp;
    char **names; /* "lowered\0spelled": sorted by the lowered name, which ends at its NUL */
    size_t count;
};

#define DIR_LISTINGS 4
static struct dir_listing dir_listings[DIR_LISTINGS];
static size_t dir_listing_next; /* the slot the next new listing takes */
#ifdef _WIN32
static SRWLOCK dir_listing_lock = SRWLOCK_INIT;
#define LISTING_LOCK() AcquireSRWLockExclusive(&dir_listing_lock)
#define LISTING_UNLOCK() ReleaseSRWLockExclusive(&dir_listing_lock)
#else
static pthread_mutex_t dir_listing_lock = PTHREAD_MUTEX_INITIALIZER;
#define LISTING_LOCK() pthread_mutex_lock(&dir_listing_lock)
#define LISTING_UNLOCK() pthread_mutex_unlock(&dir_listing_lock)
#endif

/* DIR's identity and time of last change: 0, or -1 when it cannot be read. */
static int read_dir_stamp(const char *dir, struct dir_stamp *stamp)
{
    memset(stamp, 0, sizeof *stamp);
#ifdef _WIN32
    wchar_t *wide = inf_os_wide(dir);
    WIN32_FILE_ATTRIBUTE_DATA data;
    BOOL ok = GetFileAttributesExW(wide, GetFileExInfoStandard, &data);
    free(wide);
    if (!ok)
        return -1;
    /* no inode: the creation time tells a directory made anew in the same place */
    stamp->device = data.ftCreationTime.dwHighDateTime;
    stamp->inode = data.ftCreationTime.dwLowDateTime;
    stamp->seconds = data.ftLastWriteTime.dwHighDateTime;
    stamp->fraction = data.ftLastWriteTime.dwLowDateTime;
#else
    struct stat st;
    if (stat(dir, &st) != 0)
        return -1;
    stamp->device = (unsigned long long)st.st_dev;
    stamp->inode = (unsigned long long)st.st_ino;
    stamp->seconds = (unsigned long long)st.st_mtim.tv_sec;
    stamp->fraction = (unsigned long long)st.st_mtim.tv_nsec;
#endif
    return 0;
}

/* By the lowered name, then (names that lower alike) by the spelling. */
static int compare_lowered(const void *a, const void *b)
{
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    int c = strcmp(x, y);
    return c ? c : strcmp(x + strlen(x) + 1, y + strlen(y) + 1);
}

/* Replaces listing L by DIR's entries, as of STAMP. */
static void fill_listing(struct dir_listing *l, const char *dir, const struct dir_stamp *stamp)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->names[i]);
    free(l->names);
    free(l->dir);
    struct kept_entries kept = {{0}, NULL};
    each_entry(dir, collect_kept_entry, &kept);
    struct dir_entries entries = kept.entries;
    l->names = inf_xcalloc(entries.count ? entries.count : 1, sizeof *l->names);
    for (size_t i = 0; i < entries.count; i++) {
        size_t n = strlen(entries.items[i].name);
        char *both = inf_xmalloc(2 * n + 2);
        memcpy(both, entries.items[i].name, n + 1);
        inf_text_lower(both);
        memcpy(both + n + 1, entries.items[i].name, n + 1);
        l->names[i] = both;
    }
    l->count = entries.count;
    free_entries(&entries);
    qsort(l->names, l->count, sizeof *l->names, compare_lowered);
    l->dir = inf_xstrndup(dir, strlen(dir));
    l->stamp = *stamp;
}

/* The listing of DIR as it is now, listed if no kept one is current; under the lock. */
static const struct dir_listing *current_listing(const char *dir, const struct dir_stamp *stamp)
{
    for (size_t i = 0; i < DIR_LISTINGS; i++) {
        struct dir_listing *l = &dir_listings[i];
        if (l->dir && strcmp(l->dir, dir) == 0) {
            if (memcmp(&l->stamp, stamp, sizeof *stamp) != 0)
                fill_listing(l, dir, stamp);
            return l;
        }
    }
    struct dir_listing *l = &dir_listings[dir_listing_next];
    dir_listing_next = (dir_listing_next + 1) % DIR_LISTINGS;
    fill_listing(l, dir, stamp);
    return l;
}

char *inf_os_spelled_in_directory(const char *dir, const char *name)
{
    if (!name[0] || strchr(name, '/') || strchr(name, '\\'))
        return NULL; /* a path, not a name in DIR */
    char *path = join_path(dir, name);
    int exact = inf_os_is_file(path); /* the exact spelling: no listing needed */
    free(path);
    struct dir_stamp stamp;
    if (exact)
        return inf_xstrndup(name, strlen(name));
    if (read_dir_stamp(dir, &stamp) != 0)
        return NULL;
    char *lowered = inf_xstrndup(name, strlen(name));
    inf_text_lower(lowered);
    char *found = NULL;
    LISTING_LOCK();
    const struct dir_listing *l = current_listing(dir, &stamp);
    size_t lo = 0, hi = l->count; /* the first name not below LOWERED */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(l->names[mid], lowered) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* several spellings may lower alike: the first that is a regular file now */
    for (; !found && lo < l->count && strcmp(l->names[lo], lowered) == 0; lo++) {
        const char *spelled = l->names[lo] + strlen(l->names[lo]) + 1;
        char *candidate = join_path(dir, spelled);
        if (inf_os_is_file(candidate))
            found = inf_xstrndup(spelled, strlen(spelled));
        free(candidate);
    }
    LISTING_UNLOCK();
    free(lowered);
    return found;
}

int inf_os_file_in_directory(const char *dir, const char *name)
{
    char *spelled = inf_os_spelled_in_directory(dir, name);
    free(spelled);
    return spelled != NULL;
}

char *inf_os_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
#ifdef _WIN32
    const char *back = strrchr(path, '\\');
    if (back && (!slash || back > slash))
        slash = back;
#endif
    if (!slash)
        return inf_xstrndup(".", 1);
    if (slash == path)
        return inf_xstrndup("/", 1);
    return inf_xstrndup(path, (size_t)(slash - path));
}

/*
 * Shared by the threads of inf_os_parallel_fed: which indexes are published,
 * taken and done, under one lock; MORE wakes workers when indexes are
 * published (or none will be), IDLE wakes a drain when all are done.
 */
struct inf_os_feed {
    size_t published, next, done;
    int closed;
    void (*work)(void *context, size_t index, int worker);
    void *context;
#ifdef _WIN32
    CRITICAL_SECTION lock;
    CONDITION_VARIABLE more, idle;
#else
    pthread_mutex_t lock;
    pthread_cond_t more, idle;
#endif
};

#ifdef _WIN32
#define FEED_LOCK(f) EnterCriticalSection(&(f)->lock)
#define FEED_UNLOCK(f) LeaveCriticalSection(&(f)->lock)
#define FEED_WAIT(f, cond) SleepConditionVariableCS(&(f)->cond, &(f)->lock, INFINITE)
#define FEED_WAKE(f, cond) WakeAllConditionVariable(&(f)->cond)
#else
#define FEED_LOCK(f) pthread_mutex_lock(&(f)->lock)
#define FEED_UNLOCK(f) pthread_mutex_unlock(&(f)->lock)
#define FEED_WAIT(f, cond) pthread_cond_wait(&(f)->cond, &(f)->lock)
#define FEED_WAKE(f, cond) pthread_cond_broadcast(&(f)->cond)
#endif

/* Takes the next published index, waiting for one; 0 once the feed is closed and empty. */
static int take_index(struct inf_os_feed *f, size_t *index)
{
    FEED_LOCK(f);
    while (f->next == f->published && !f->closed)
        FEED_WAIT(f, more);
    int more = f->next < f->published;
    if (more)
        *index = f->next++;
    FEED_UNLOCK(f);
    return more;
}

/* Works index INDEX on the calling thread, worker NUMBER, and counts it done. */
static void work_index(struct inf_os_feed *f, size_t index, int number)
{
    f->work(f->context, index, number);
    FEED_LOCK(f);
    if (++f->done == f->published)
        FEED_WAKE(f, idle);
    FEED_UNLOCK(f);
}

void inf_os_feed_publish(struct inf_os_feed *f, size_t count)
{
    FEED_LOCK(f);
    if (count > f->published) {
        f->published = count;
        FEED_WAKE(f, more);
    }
    FEED_UNLOCK(f);
}

void inf_os_feed_drain(struct inf_os_feed *f)
{
    for (;;) { /* the producer (worker 0) works what nobody has taken, then waits */
        FEED_LOCK(f);
        if (f->next < f->published) {
            size_t index = f->next++;
            FEED_UNLOCK(f);
            work_index(f, index, 0);
            continue;
        }
        while (f->done < f->published)
            FEED_WAIT(f, idle);
        FEED_UNLOCK(f);
        return;
    }
}

/* What one thread of a feed starts with. */
struct worker_start {
    struct inf_os_feed *feed;
    int number;
};

#ifdef _WIN32
static DWORD WINAPI worker(LPVOID arg)
#else
static void *worker(void *arg)
#endif
{
    struct worker_start *w = arg;
    size_t index;
    while (take_index(w->feed, &index))
        work_index(w->feed, index, w->number);
#ifdef _WIN32
    return 0;
#else
    return NULL;
#endif
}

/*
 * Runs FEED on JOBS threads: JOBS - 1 new ones work from the start, this one
 * runs PRODUCE (when not NULL), closes the feed and works too.
 */
static void run_feed(struct inf_os_feed *feed, int jobs,
                     void (*produce)(struct inf_os_feed *feed, void *context), void *context)
{
#ifdef _WIN32
    InitializeCriticalSection(&feed->lock);
    InitializeConditionVariable(&feed->more);
    InitializeConditionVariable(&feed->idle);
    HANDLE *threads = inf_xcalloc((size_t)jobs, sizeof *threads);
#else
    pthread_mutex_init(&feed->lock, NULL);
    pthread_cond_init(&feed->more, NULL);
    pthread_cond_init(&feed->idle, NULL);
    pthread_t *threads = inf_xcalloc((size_t)jobs, sizeof *threads);
#endif
    struct worker_start *starts = inf_xcalloc((size_t)jobs, sizeof *starts);
    for (int i = 0; i < jobs; i++) {
        starts[i].feed = feed;
        starts[i].number = i;
    }
    int started = 0;
    for (int i = 1; i < jobs; i++) {
#ifdef _WIN32
        if ((threads[started] = CreateThread(NULL, 0, worker, &starts[i], 0, NULL)) != NULL)
            started++;
#else
        if (pthread_create(&threads[started], NULL, worker, &starts[i]) == 0)
            started++;
#endif
    }
    if (produce)
        produce(feed, context);
    FEED_LOCK(feed);
    feed->closed = 1;
    FEED_WAKE(feed, more);
    FEED_UNLOCK(feed);
    worker(&starts[0]); /* this thread works too; if no thread started, it does everything */
    for (int i = 0; i < started; i++) {
#ifdef _WIN32
        WaitForSingleObject(threads[i], INFINITE);
        CloseHandle(threads[i]);
#else
        pthread_join(threads[i], NULL);
#endif
    }
#ifdef _WIN32
    DeleteCriticalSection(&feed->lock);
#else
    pthread_cond_destroy(&feed->more);
    pthread_cond_destroy(&feed->idle);
    pthread_mutex_destroy(&feed->lock);
#endif
    free(threads);
    free(starts);
}

void inf_os_parallel_fed(int jobs, void (*produce)(struct inf_os_feed *feed, void *context),
                         void (*work)(void *context, size_t index, int worker), void *context)
{
    struct inf_os_feed feed;
    memset(&feed, 0, sizeof feed);
    feed.work = work, feed.context = context;
    run_feed(&feed, jobs < 1 ? 1 : jobs, produce, context);
}

void inf_os_parallel(size_t count, int jobs, void (*work)(void *context, size_t index, int worker),
                     void *context)
{
    if (jobs <= 1 || count <= 1) {
        for (size_t i = 0; i < count; i++)
            work(context, i, 0);
        return;
    }
    struct inf_os_feed feed;
    memset(&feed, 0, sizeof feed);
    feed.work = work, feed.context = context;
    feed.published = count; /* everything at once */
    run_feed(&feed, (size_t)jobs > count ? (int)count : jobs, NULL, NULL);
}

int inf_os_list_files(const char *dir, struct inf_path_list *list)
{
    return inf_os_list_files_named(dir, NULL, list);
}

int inf_os_list_files_named(const char *dir, int (*keep)(const char *name),
                            struct inf_path_list *list)
{
    /* Names are looked at as they are read: a directory of thousands of INFs costs no path,
     * copy or sort for each when only its few projects are wanted. */
    struct kept_entries kept = {{0}, keep};
    int err = each_entry(dir, collect_kept_entry, &kept);
    struct dir_entries entries = kept.entries;
    if (err) {
        free_entries(&entries);
        return err;
    }
    if (entries.count)
        qsort(entries.items, entries.count, sizeof *entries.items, compare_entries);
    for (size_t i = 0; i < entries.count; i++) {
        char *path = join_path(dir, entries.items[i].name);
        if (known_kind(&entries.items[i], path) == ENTRY_FILE)
            inf_path_list_add(list, path);
        free(path);
    }
    free_entries(&entries);
    return 0;
}
