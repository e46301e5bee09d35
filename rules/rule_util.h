/*
 * rule_util.h - small helpers shared by the rule files.
 */
#ifndef INFLINT_RULE_UTIL_H
#define INFLINT_RULE_UTIL_H

#include "inflint/alloc.h"
#include "inflint/rule.h"
#include "graph_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Writes " (on x86, arm64)" into OUT when MASK is not every architecture the
 * INF installs on, else "". OUT must hold 64 bytes.
 */
static inline const char *rule_arch_note(const struct inf_graph *graph, unsigned mask, char *out)
{
    out[0] = '\0';
    if ((mask & graph->all_arches) == graph->all_arches)
        return out;
    strcpy(out, " (on ");
    int first = 1;
    for (int a = 0; a < INF_ARCH_COUNT; a++)
        if (mask & INF_ARCH_BIT(a)) {
            if (!first)
                strcat(out, ", ");
            strcat(out, inf_arch_name((enum inf_arch)a));
            first = 0;
        }
    strcat(out, ")");
    return out;
}

/*
 * The next keyed line of a live section that an enforced path reaches, from
 * *INDEX on (which it advances), with its key substituted into *KEY (valid
 * until C's scratch changes). NULL after the last.
 */
static inline const struct inf_live_line *
rule_next_enforced_line(struct inf_check *c, size_t *index, struct inf_text *key)
{
    const struct inf_graph *g = c->graph;
    while (*index < g->live_line_count) {
        const struct inf_live_line *live = &g->live_lines[(*index)++];
        if (!inf_reach_enforced(&live->reach))
            continue;
        *key = inf_token_value(c->model, inf_line_key(c->model, live->line), &c->scratch, NULL);
        return live;
    }
    return NULL;
}

/* Lowest architecture in MASK, or -1. */
static inline int rule_first_arch(unsigned mask)
{
    for (int a = 0; a < INF_ARCH_COUNT; a++)
        if (mask & INF_ARCH_BIT(a))
            return a;
    return -1;
}

/* Substituted field INDEX of LINE as a NUL-terminated copy (caller frees); "" if absent. */
static inline char *rule_field(const struct inf_model *model, const struct inf_line *line,
                               size_t index, struct inf_buf *scratch)
{
    const struct inf_token *t = inf_line_field(model, line, index);
    if (!t)
        return inf_xstrndup("", 0);
    struct inf_text v = inf_token_value(model, t, scratch, NULL);
    return inf_xstrndup(v.ptr, v.len);
}

/* Has the check already reported SUBJECT (a line index, say)? Marks it reported. */
static inline int rule_once(struct inf_key_map *seen, uint64_t subject)
{
    if (inf_key_map_get(seen, subject) != INF_NO_INDEX)
        return 0;
    inf_key_map_put(seen, subject, 0);
    return 1;
}

static inline uint64_t rule_line_id(const struct inf_model *model, const struct inf_line *line)
{
    return (uint64_t)(line - model->lines);
}

/* strcmp ignoring ASCII case. */
static inline int strcasecmp_ascii(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = (*a >= 'A' && *a <= 'Z') ? *a + 32 : (unsigned char)*a;
        int y = (*b >= 'A' && *b <= 'Z') ? *b + 32 : (unsigned char)*b;
        if (x != y || !x)
            return x - y;
    }
}

/* Does TEXT end with SUFFIX, ignoring ASCII case? */
static inline int rule_ends_with(struct inf_text text, const char *suffix)
{
    size_t n = strlen(suffix);
    return text.len >= n && inf_text_equal_nocase2(text.ptr + text.len - n, n, suffix, n);
}

/* Does TEXT contain PART, ignoring ASCII case? */
static inline int rule_contains(struct inf_text text, const char *part)
{
    size_t n = strlen(part);
    for (size_t i = 0; i + n <= text.len; i++)
        if (inf_text_equal_nocase2(text.ptr + i, n, part, n))
            return 1;
    return 0;
}

/* Text form of a subdirectory for messages: "the root" when empty. */
static inline const char *rule_subdir_text(const char *normalized)
{
    return normalized[0] ? normalized : "(the package root)";
}

#endif
