/*
 * baseline.c - reading, applying and writing baseline files.
 */
#include "inflint/baseline.h"
#include "engine_check.h"
#include "inflint/alloc.h"
#include "json_reader.h"
#include "os.h"
#include "write_file.h"
#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare_key(const char *path, const char *rule, const char *fingerprint,
                       const struct inf_baseline_entry *e)
{
    int c = inf_os_path_compare(path, e->path);
    if (!c)
        c = strcmp(rule, e->rule);
    return c ? c : strcmp(fingerprint, e->fingerprint);
}

static int compare_entries(const void *a, const void *b)
{
    const struct inf_baseline_entry *x = a;
    return compare_key(x->path, x->rule, x->fingerprint, b);
}

/* The first unused entry equal to the key (entries are sorted), or NULL. */
static struct inf_baseline_entry *find_entry(struct inf_baseline *baseline, const char *path,
                                             const char *rule, const char *fingerprint)
{
    size_t lo = 0, hi = baseline->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_key(path, rule, fingerprint, &baseline->entries[mid]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (;
         lo < baseline->count && compare_key(path, rule, fingerprint, &baseline->entries[lo]) == 0;
         lo++)
        if (!baseline->entries[lo].used)
            return &baseline->entries[lo];
    return NULL;
}

int inf_baseline_load(const char *path, struct inf_baseline *baseline, char *error,
                      size_t error_size)
{
    memset(baseline, 0, sizeof *baseline);
    unsigned char *bytes;
    size_t len;
    int err = inf_os_read_file(path, &bytes, &len);
    if (err) {
        snprintf(error, error_size, "%s: %s", path, strerror(err));
        return -1;
    }
    char *absolute = inf_os_absolute(path);
    char *dir = absolute ? inf_os_dirname(absolute) : inf_xstrndup(".", 1);
    free(absolute);
    int status =
        inf_baseline_parse(path, dir, (const char *)bytes, len, baseline, error, error_size);
    free(dir);
    free(bytes);
    return status;
}

/* What the streaming parse of a baseline needs to take in one finding. */
struct baseline_reader {
    struct inf_baseline *baseline;
    const char *path;
    char *error;
    size_t error_size;
    int has_findings; /* the "findings" array was met */
};

/* A NUL-terminated copy of TEXT in the baseline's string arena. */
static char *keep(struct inf_baseline *baseline, const char *text)
{
    return inf_arena_strndup(baseline->strings, text, strlen(text));
}

static int take_finding(void *context, const struct inf_json *item, size_t index)
{
    struct baseline_reader *reader = context;
    if (!item) {
        reader->has_findings = 1;
        return 0;
    }
    const struct inf_json *p = inf_json_get(item, "path");
    const struct inf_json *r = inf_json_get(item, "rule");
    const struct inf_json *f = inf_json_get(item, "fingerprint");
    if (!p || !r || !f || p->type != INF_JSON_STRING || r->type != INF_JSON_STRING ||
        f->type != INF_JSON_STRING) {
        snprintf(reader->error, reader->error_size,
                 "%s: finding %zu lacks a \"path\", \"rule\" or \"fingerprint\" string",
                 reader->path, index + 1);
        return -1;
    }
    struct inf_baseline *baseline = reader->baseline;
    baseline->entries = inf_xgrow(baseline->entries, &baseline->cap, baseline->count + 1,
                                  sizeof *baseline->entries);
    struct inf_baseline_entry *e = &baseline->entries[baseline->count++];
    e->path = keep(baseline, p->string);
    e->rule = keep(baseline, r->string);
    e->fingerprint = keep(baseline, f->string);
    e->used = 0;
    return 0;
}

int inf_baseline_parse(const char *path, const char *dir, const char *text, size_t len,
                       struct inf_baseline *baseline, char *error, size_t error_size)
{
    memset(baseline, 0, sizeof *baseline);
    baseline->dir = inf_xstrndup(dir, strlen(dir));
    baseline->strings = inf_xcalloc(1, sizeof *baseline->strings);
    /* The findings are taken one at a time as they are parsed: memory holds the entries, not
     * a tree of the whole document. */
    struct baseline_reader reader = {baseline, path, error, error_size, 0};
    struct inf_json root;
    char why[160];
    why[0] = '\0';
    error[0] = '\0';
    int status = 0;
    if (inf_json_parse_streaming(text, len, "findings", take_finding, &reader, &root, why,
                                 sizeof why) != 0) {
        if (!error[0]) /* "line N: ..." -> "PATH:N: ..." */
            snprintf(error, error_size, "%s:%s", path, why + 5);
        status = -1;
    } else {
        const struct inf_json *tool = inf_json_get(&root, "tool");
        if (!tool || tool->type != INF_JSON_STRING || strcmp(tool->string, "inflint") != 0 ||
            !reader.has_findings) {
            snprintf(error, error_size,
                     "%s: not an inflint baseline (expected \"tool\": \"inflint\" and a "
                     "\"findings\" array)",
                     path);
            status = -1;
        }
    }
    inf_json_free(&root);
    if (status == 0 && baseline->count > 1)
        qsort(baseline->entries, baseline->count, sizeof *baseline->entries, compare_entries);
    return status;
}

void inf_baseline_free(struct inf_baseline *baseline)
{
    if (baseline->strings) {
        inf_arena_free(baseline->strings);
        free(baseline->strings);
    }
    free(baseline->entries);
    free(baseline->dir);
    memset(baseline, 0, sizeof *baseline);
}

void inf_baseline_filter(struct inf_baseline *baseline, const char *relative_path,
                         struct inf_file_result *result)
{
    size_t out = 0;
    for (size_t i = 0; i < result->count; i++) {
        struct inf_finding *f = &result->findings[i];
        struct inf_baseline_entry *e =
            find_entry(baseline, relative_path, f->rule->code, f->fingerprint);
        int hidden = e != NULL;
        if (e)
            e->used = 1;
        if (!hidden)
            result->findings[out++] = *f;
    }
    result->count = out;
}

void inf_baseline_report_stale(const struct inf_baseline *baseline, const char *relative_path,
                               struct inf_file_result *result, int enabled)
{
    const struct inf_rule *rule = inf_rule_find("INF019");
    /* The entries are sorted by path: this file's are one run, found by binary search. */
    size_t lo = 0, hi = baseline->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (inf_os_path_compare(baseline->entries[mid].path, relative_path) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; enabled && rule && k < baseline->count &&
                        inf_os_path_compare(baseline->entries[k].path, relative_path) == 0;
         k++) {
        const struct inf_baseline_entry *e = &baseline->entries[k];
        if (e->used)
            continue;
        result->findings =
            inf_xgrow(result->findings, &result->cap, result->count + 1, sizeof *result->findings);
        struct inf_finding *f = &result->findings[result->count++];
        memset(f, 0, sizeof *f);
        f->rule = rule;
        f->severity = rule->severity;
        f->line = f->column = f->end_line = 1;
        f->end_column = 2;
        struct inf_buf text = INF_BUF_INIT;
        inf_buf_printf(&text,
                       "the baseline entry for %s (fingerprint %s) matches no finding any "
                       "more",
                       e->rule, e->fingerprint);
        inf_finding_set_texts(result, f, text.data, text.len,
                              "run inflint --write-baseline again to drop stale entries", NULL, 0,
                              "", 0);
        f->excerpt_column = 1;
        inf_finding_hash_line(f, "", 0); /* a finding of no line */
        inf_buf_free(&text);
    }
    /* Only the new entries get fingerprints: the others keep those they were linted with. */
    inf_findings_sort(result);
    inf_findings_fingerprint(result);
}

struct written {
    const char *path, *rule, *fingerprint;
};

static int compare_written(const void *a, const void *b)
{
    const struct written *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    if (!c)
        c = strcmp(x->rule, y->rule);
    return c ? c : strcmp(x->fingerprint, y->fingerprint);
}

int inf_baseline_write(const char *path, const struct inf_file_result *results,
                       char *const *relative, size_t count)
{
    size_t total = 0;
    for (size_t i = 0; i < count; i++)
        total += results[i].count;
    struct written *all = inf_xcalloc(total + 1, sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < count; i++)
        for (size_t k = 0; k < results[i].count; k++) {
            if (strcmp(results[i].findings[k].rule->code, "INF019") == 0)
                continue;
            all[n].path = relative[i];
            all[n].rule = results[i].findings[k].rule->code;
            all[n++].fingerprint = results[i].findings[k].fingerprint;
        }
    qsort(all, n, sizeof *all, compare_written);
    struct inf_buf out = INF_BUF_INIT;
    inf_buf_adds(&out, "{\n  \"tool\": \"inflint\",\n  \"version\": 1,\n  \"findings\": [");
    for (size_t i = 0; i < n; i++) {
        inf_buf_adds(&out, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
        inf_buf_add_json_string(&out, all[i].path, strlen(all[i].path));
        inf_buf_printf(&out, ", \"rule\": \"%s\", \"fingerprint\": \"%s\"}", all[i].rule,
                       all[i].fingerprint);
    }
    inf_buf_adds(&out, n ? "\n  ]\n}\n" : "]\n}\n");
    int err = inf_write_file(path, out.data, out.len, INF_WRITE_REPLACE);
    inf_buf_free(&out);
    free(all);
    return err;
}
