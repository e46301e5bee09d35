/*
 * main.c - the inflint command line.
 */
#include "inflint/inflint.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void
tool_message(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("inflint: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
}

struct options {
    int dump_model;
    const char *stdin_filename;
    struct inf_path_list inputs;
};

static void usage(FILE *out)
{
    fputs("usage: inflint [OPTIONS] PATH...\n"
          "  --dump-model              print the parsed model as JSON\n"
          "  --stdin-filename NAME     name of the INF read from \"-\"\n"
          "  --version, --help\n",
          out);
}

/* Reads one input (a path or "-") into MODEL. Returns 0 or prints why not and returns 2. */
static int load(const char *path, const struct options *opt, struct inf_model *model)
{
    unsigned char *bytes;
    size_t len;
    const char *name = path;
    int err;
    if (strcmp(path, "-") == 0) {
        name = opt->stdin_filename ? opt->stdin_filename : "<stdin>";
        err = inf_os_read_stdin(&bytes, &len);
    } else {
        err = inf_os_read_file(path, &bytes, &len);
    }
    if (err) {
        tool_message("%s: %s", name, err == EFBIG ? "file too large (over 2 GiB)" : strerror(err));
        return INF_EXIT_FAILURE;
    }
    inf_alloc_set_path(name);
    if (inf_model_parse(model, name, bytes, len) != 0) {
        tool_message("%s: file too large (over 2 GiB)", name);
        inf_model_free(model);
        return INF_EXIT_FAILURE;
    }
    return 0;
}

static void warn_walk(const char *path, int error)
{
    tool_message("%s: %s", path, strerror(error));
}

/* Expands directories into their INF files; returns 2 if some path is unreadable. */
static int expand_inputs(char **args, int count, struct inf_path_list *out)
{
    int status = 0;
    for (int i = 0; i < count; i++) {
        if (strcmp(args[i], "-") != 0 && inf_os_is_directory(args[i])) {
            int err = inf_os_find_inf_files(args[i], out, warn_walk);
            if (err) {
                tool_message("%s: %s", args[i], strerror(err));
                status = INF_EXIT_FAILURE;
            }
        } else {
            inf_path_list_add(out, args[i]);
        }
    }
    return status;
}

static const char *issue_message(enum inf_parse_issue_kind kind)
{
    switch (kind) {
    case INF_ISSUE_TEXT_BEFORE_SECTION:
        return "text before the first section";
    case INF_ISSUE_UNTERMINATED_HEADER:
        return "section header without ']'";
    case INF_ISSUE_SECTION_NAME_TOO_LONG:
        return "section name longer than 255 characters";
    case INF_ISSUE_UNTERMINATED_QUOTE:
        return "quoted string runs to the end of the line";
    case INF_ISSUE_SUSPICIOUS_CONTINUATION:
        return "trailing '\\' joins the next line, which starts a new entry";
    case INF_ISSUE_FIELD_TOO_LONG:
        return "field longer than 4096 characters";
    }
    return "syntax problem";
}

int main(int argc, char **argv)
{
    struct options opt;
    memset(&opt, 0, sizeof opt);
    char **paths = inf_xcalloc((size_t)argc, sizeof *paths);
    int path_count = 0, status = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--dump-model") == 0) {
            opt.dump_model = 1;
        } else if (strcmp(a, "--stdin-filename") == 0 && i + 1 < argc) {
            opt.stdin_filename = argv[++i];
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            free(paths);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("inflint %s\n", INFLINT_VERSION);
            free(paths);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            tool_message("unknown option '%s'", a);
            usage(stderr);
            free(paths);
            return INF_EXIT_FAILURE;
        } else {
            paths[path_count++] = argv[i];
        }
    }
    if (path_count == 0) {
        usage(stderr);
        free(paths);
        return INF_EXIT_FAILURE;
    }
    status = expand_inputs(paths, path_count, &opt.inputs);
    int many = opt.inputs.count != 1 || path_count != 1 || inf_os_is_directory(paths[0]);
    struct inf_buf out = INF_BUF_INIT;
    if (opt.dump_model && many)
        fputs("[", stdout);
    int dumped = 0, found = 0;
    for (size_t i = 0; i < opt.inputs.count; i++) {
        struct inf_model model;
        if (load(opt.inputs.paths[i], &opt, &model) != 0) {
            status = INF_EXIT_FAILURE;
            continue;
        }
        if (opt.dump_model) {
            if (dumped++)
                inf_buf_addc(&out, ',');
            inf_dump_model(&out, &model, stdout);
        } else {
            for (size_t k = 0; k < model.issue_count; k++) {
                const struct inf_parse_issue *issue = &model.issues[k];
                uint32_t line, column;
                inf_source_position(&model.source, issue->offset, &line, &column);
                inf_buf_printf(&out, "%s:%u:%u: warning: %s\n", model.path, (unsigned)line,
                               (unsigned)column, issue_message(issue->kind));
                found = 1;
            }
        }
        fwrite(out.data ? out.data : "", 1, out.len, stdout);
        inf_buf_clear(&out);
        inf_model_free(&model);
    }
    if (opt.dump_model)
        fputs(many ? "]\n" : "\n", stdout);
    inf_buf_free(&out);
    inf_path_list_free(&opt.inputs);
    free(paths);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        tool_message("error writing output");
        return INF_EXIT_FAILURE;
    }
    if (status)
        return status;
    return found && !opt.dump_model ? 1 : 0;
}
