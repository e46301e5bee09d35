/*
 * config.c - reads .inflint.ini with the system libinih.
 *
 * Debian's libinih 55 is built with its defaults: the handler gets no line
 * number, ini_parse reports only the first syntax error's line, lines over
 * 199 bytes are split silently, and a section without keys never reaches
 * the handler. So the file is first scanned here with inih's own line rules:
 * that scan rejects over-long lines and unknown (even empty) sections, and
 * records the line of every key the handler will be called for, in order.
 */
#include "inflint/format_check.h"
#include "inflint/config.h"
#include "model.h"
#include "inflint/alloc.h"
#include "glob_match.h"
#include "os.h"
#include "inflint/profile.h"
#include "infverif_switches.h"
#include "inflint/run.h"

#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INIH_MAX_LINE_BYTES 199 /* Debian's INI_MAX_LINE is 200, terminator included */

struct load_state {
    struct inf_config *config;
    const char *path;
    uint32_t *key_lines; /* physical line of each handler call, in order */
    size_t key_count, key_cap, calls;
    int error_line; /* first error found; 0 when none */
    char *error;
    size_t error_size;
};

INF_PRINTF(3, 4)
static void fail(struct load_state *st, int line, const char *format, ...)
{
    if (st->error_line && st->error_line <= line)
        return; /* keep the first error in the file */
    st->error_line = line;
    int n = snprintf(st->error, st->error_size, "%s:%d: ", st->path, line);
    va_list args;
    va_start(args, format);
    if (n >= 0 && (size_t)n < st->error_size)
        vsnprintf(st->error + n, st->error_size - (size_t)n, format, args);
    va_end(args);
}

/* Where an infverif-options value is, for warnings about its switches. */
struct switch_warning {
    const char *path;
    int line;
};

static void warn_switch(void *context, const char *why)
{
    const struct switch_warning *where = context;
    inf_tool_message("warning: %s:%d: infverif-options: %s", where->path, where->line, why);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Scans TEXT with inih's line rules (multi-line values, ';'/'#' comments, BOM). */
static void prescan(struct load_state *st, const char *text)
{
    int line = 0, have_name = 0;
    const char *p = text;
    if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
        p += 3;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        line++;
        if (len > INIH_MAX_LINE_BYTES)
            fail(st, line,
                 "line is longer than %d characters, which libinih would split; shorten it",
                 INIH_MAX_LINE_BYTES);
        const char *s = p, *e = p + len;
        while (s < e && is_space(*s))
            s++;
        int indented = s > p;
        if (s == e || *s == ';' || *s == '#') {
            /* blank or comment */
        } else if (indented && have_name) {
            st->key_lines =
                inf_xgrow(st->key_lines, &st->key_cap, st->key_count + 1, sizeof *st->key_lines);
            st->key_lines[st->key_count++] = (uint32_t)line; /* a continued value */
        } else if (*s == '[') {
            const char *close = memchr(s, ']', (size_t)(e - s));
            have_name = 0;
            if (close) {
                struct inf_text name = {s + 1, (size_t)(close - s - 1)};
                if (!inf_text_equal_nocase(name, "inflint") &&
                    !inf_text_equal_nocase(name, "rules"))
                    fail(st, line, "unknown section [%.*s]; use [inflint] or [rules]",
                         (int)name.len, name.ptr);
            }
        } else if (memchr(s, '=', (size_t)(e - s)) || memchr(s, ':', (size_t)(e - s))) {
            st->key_lines =
                inf_xgrow(st->key_lines, &st->key_cap, st->key_count + 1, sizeof *st->key_lines);
            st->key_lines[st->key_count++] = (uint32_t)line;
            have_name = 1;
        }
        p = end ? end + 1 : e;
    }
}

static void add_excludes(struct inf_config *config, const char *value)
{
    const char *p = value;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        while (len && is_space(*p))
            p++, len--;
        while (len && is_space(p[len - 1]))
            len--;
        if (len) {
            config->exclude = inf_xgrow(config->exclude, &config->exclude_cap,
                                        config->exclude_count + 1, sizeof *config->exclude);
            config->exclude[config->exclude_count++] = inf_xstrndup(p, len);
        }
        if (!comma)
            return;
        p = comma + 1;
    }
}

/* inih handler: one call per key line, in file order. Returns 1 (keep going). */
static int handle(void *user, const char *section, const char *name, const char *value)
{
    struct load_state *st = user;
    struct inf_config *config = st->config;
    int line = st->calls < st->key_count ? (int)st->key_lines[st->calls] : 0;
    st->calls++;
    struct inf_text sec = {section, strlen(section)};
    if (inf_text_equal_nocase(sec, "inflint")) {
        if (strcmp(name, "profile") == 0) {
            int p = inf_profile_parse(value);
            if (p < 0)
                fail(st, line, "profile must be isolation, universal or whql, not '%s'", value);
            config->has_profile = 1, config->profile = (enum inf_profile)(p < 0 ? 0 : p);
        } else if (strcmp(name, "min-build") == 0) {
            uint32_t b = 0;
            if (inf_parse_build(value, &b) != 0)
                fail(st, line, "min-build must be a build number such as 17763, not '%s'", value);
            config->has_min_build = 1, config->min_build = b;
        } else if (strcmp(name, "infverif-options") == 0) {
            struct switch_warning where = {st->path, line};
            if (!config->infverif)
                config->infverif = inf_xmalloc(sizeof *config->infverif);
            inf_infverif_switches_parse(value, config->infverif, warn_switch, &where);
        } else if (strcmp(name, "fail-on") == 0) {
            int level = strcmp(value, "never") == 0 ? INF_FAIL_NEVER : inf_severity_parse(value);
            if (level <= 0)
                fail(st, line, "fail-on must be error, warning, note or never, not '%s'", value);
            config->has_fail_on = 1, config->fail_on = level;
        } else if (strcmp(name, "exclude") == 0) {
            add_excludes(config, value);
        } else if (strcmp(name, "sarif-help-base") == 0) {
            if (strncmp(value, "https://", 8) != 0 && strncmp(value, "http://", 7) != 0)
                fail(st, line, "sarif-help-base must be an http(s) URL, not '%s'", value);
            free(config->sarif_help_base);
            config->sarif_help_base = inf_xstrndup(value, strlen(value));
        } else {
            fail(st, line,
                 "unknown key '%s' in [inflint]; known keys: profile, min-build, "
                 "fail-on, exclude, sarif-help-base, infverif-options",
                 name);
        }
    } else if (inf_text_equal_nocase(sec, "rules")) {
        const struct inf_rule *rule = inf_rule_find(name);
        int level = inf_severity_parse(value);
        if (!rule)
            fail(st, line, "unknown rule '%s' (see inflint --list-rules)", name);
        else if (level < 0)
            fail(st, line, "severity of %s must be error, warning, note or off, not '%s'", name,
                 value);
        else
            config->severity[inf_rule_index(rule)] = (signed char)level;
    } else {
        fail(st, line, "key '%s' outside the [inflint] and [rules] sections", name);
    }
    return 1;
}

int inf_config_parse(const char *path, const char *text, size_t len, struct inf_config *config,
                     char *error, size_t error_size)
{
    memset(config, 0, sizeof *config);
    config->path = inf_xstrndup(path, strlen(path));
    config->dir = inf_os_dirname(path);
    config->severity = inf_xmalloc(inf_rule_count);
    memset(config->severity, -1, inf_rule_count);
    if (memchr(text, '\0', len)) {
        snprintf(error, error_size, "%s: not a text file (it holds NUL bytes)", path);
        return -1;
    }
    char *copy = inf_xstrndup(text, len);
    struct load_state st = {config, path, NULL, 0, 0, 0, 0, error, error_size};
    prescan(&st, copy);
    int syntax = ini_parse_string(copy, handle, &st);
    if (syntax > 0)
        fail(&st, syntax, "not a `key = value` line or a [section] header");
    free(st.key_lines);
    free(copy);
    return st.error_line ? -1 : 0;
}

int inf_config_load(const char *path, struct inf_config *config, char *error, size_t error_size)
{
    unsigned char *bytes;
    size_t len;
    int err = inf_os_read_file(path, &bytes, &len);
    if (err) {
        memset(config, 0, sizeof *config);
        snprintf(error, error_size, "%s: %s", path, strerror(err));
        return -1;
    }
    int status = inf_config_parse(path, (const char *)bytes, len, config, error, error_size);
    free(bytes);
    return status;
}

void inf_config_free(struct inf_config *config)
{
    for (size_t i = 0; i < config->exclude_count; i++)
        free(config->exclude[i]);
    free(config->exclude);
    free(config->severity);
    free(config->sarif_help_base);
    free(config->infverif);
    free(config->path);
    free(config->dir);
    memset(config, 0, sizeof *config);
}

char *inf_config_find(const char *file)
{
    char *absolute = inf_os_absolute(file);
    if (!absolute)
        return NULL;
    char *dir = inf_os_is_directory(absolute) ? inf_xstrndup(absolute, strlen(absolute))
                                              : inf_os_dirname(absolute);
    free(absolute);
    struct inf_buf candidate = INF_BUF_INIT;
    char *found = NULL;
    for (;;) {
        inf_buf_clear(&candidate);
        inf_buf_printf(&candidate, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", INF_CONFIG_NAME);
        if (inf_os_is_file(candidate.data)) {
            found = inf_xstrndup(candidate.data, candidate.len);
            break;
        }
        char *parent = inf_os_dirname(dir);
        int top = strcmp(parent, dir) == 0 || strcmp(parent, ".") == 0;
        free(dir);
        dir = parent;
        if (top)
            break;
    }
    free(dir);
    inf_buf_free(&candidate);
    return found;
}

void inf_config_apply(const struct inf_config *config, struct inf_lint_options *options)
{
    if (config->infverif) /* the keys that name a setting outright come after */
        inf_infverif_switches_apply(config->infverif, options);
    if (config->has_profile)
        options->rule.profile = config->profile;
    if (config->has_min_build)
        options->rule.min_build = config->min_build;
    for (size_t i = 0; i < inf_rule_count; i++)
        if (config->severity[i] >= 0)
            options->severity[i] = config->severity[i];
}

int inf_config_excludes(const struct inf_config *config, const char *path)
{
    if (config->exclude_count == 0)
        return 0;
    char *absolute = inf_os_absolute(path);
    char *base = inf_os_absolute(config->dir);
    int excluded = 0;
    if (absolute && base) {
        char *relative = inf_os_relative(base, absolute);
        for (size_t i = 0; i < config->exclude_count && !excluded; i++)
            excluded = inf_glob_match(config->exclude[i], relative);
        free(relative);
    }
    free(absolute);
    free(base);
    return excluded;
}
