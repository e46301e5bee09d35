/*
 * check.h - everything a rule file needs, and the only header it includes.
 *
 * A rule's check function gets a struct inf_check: the graph's typed facts
 * (file copies, destinations, registry writes, services, live lines,
 * sections; every text already substituted), the options, and the file's
 * arena. Rules allocate from the arena (inf_check_printf, name sets) and
 * free nothing; they report with inf_report. See docs/adding-a-rule.md.
 */
#ifndef INFLINT_CHECK_H
#define INFLINT_CHECK_H

#include "inflint/format_check.h"
#include "buf_cursor.h" /* texts written by hand (INF004) */
#include "directives.h"
#include "graph.h"
#include "model.h"
#include "setup_classes.h"
#include "inflint/engine.h"
#include "inflint/rule.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct inf_arena;
struct inf_name_set;
struct inf_move_plan;

/* What a check function gets. */
struct inf_check {
    const struct inf_model *model;
    const struct inf_graph *graph;
    const struct inf_rule_options *options;
    const struct inf_rule *rule;
    struct inf_arena *arena;         /* the file's: everything allocated here is freed with it */
    struct inf_buf scratch;          /* for inf_token_value; the engine frees it */
    struct inf_buf format;           /* where inf_report formats (one allocation a file) */
    void *sink;                      /* the engine's collector */
    struct inf_name_set *name_sets;  /* made by inf_name_set_new, released with the file */
    const char *path;                /* the INF's path as named */
    int on_disk;                     /* it has a directory to look in (not standard input) */
    struct inf_move_plan *move_plan; /* the driver-store move, once asked for (check_move.c) */
};

/*
 * Reports one finding of the current rule at SPAN. SEVERITY 0 means the
 * rule's default under the profile. HINT (may be NULL) says how to fix it.
 * The message is printf-formatted.
 */
INF_PRINTF(5, 6)
void inf_report(struct inf_check *check, struct inf_span span, enum inf_severity severity,
                const char *hint, const char *format, ...);

/*
 * Says that about COUNT findings follow (a rule that knows how many it
 * reports): the file's findings get room for them at once, not through
 * doublings that each copy them into fresh memory.
 */
void inf_report_expect(struct inf_check *check, size_t count);

/*
 * Fixes. A rule that knows the one mechanical fix of a finding describes it
 * before reporting: inf_fix_begin, then its edits (offsets of the decoded
 * text, as spans are; "\n" in a replacement becomes the line ending of the
 * line it goes into), then inf_report, which attaches it to its finding.
 * DESCRIPTION says what the fix does; for an unsafe one also why it is.
 */
void inf_fix_begin(struct inf_check *check, enum inf_fix_applicability applicability,
                   const char *description);
void inf_fix_replace(struct inf_check *check, struct inf_span span, const char *replacement);
/* Inserts TEXT at offset AT. */
void inf_fix_insert(struct inf_check *check, uint32_t at, const char *text);
/* Makes the fix being built unsafe, saying why (appended to its description). */
void inf_fix_unsafe(struct inf_check *check, const char *why);
/* Drops the fix being built (a rule found it cannot make one after all). */
void inf_fix_cancel(struct inf_check *check);
/* Adds "KEY = VALUE" as the last entry of SECTION, spaced like the section's entries. */
void inf_fix_add_entry(struct inf_check *check, uint32_t section, const char *key,
                       const char *value);
/* Inserts TEXT (whole sections) before [Strings], kept last by convention, or at the end. */
void inf_fix_add_sections(struct inf_check *check, const char *text);
/* The keys of [Strings] as written, in the file's arena (*COUNT of them; NULL when none). */
const char *const *inf_check_string_keys(struct inf_check *check, size_t *count);

/* The offset where the physical line after entry LINE starts (the text's end for the last). */
uint32_t inf_check_after_entry(const struct inf_check *check, const struct inf_line *line);

/*
 * The driver-store move (check_move.c), the fix of ISO101, ISO108 and ISO109:
 * destination D goes to DIRID 13 and every reference to its files follows.
 * Begins that fix and returns 1, or returns 0 when there is none.
 */
int inf_fix_move_destination(struct inf_check *check, const struct inf_destination *d);
/*
 * The fix for LINE's reference to FILE (FILE_LEN bytes), a file this INF
 * copies: the move of its destination, or, when it is in DIRID 13 already,
 * LINE pointed at it. Begins it and returns 1, or returns 0.
 */
int inf_fix_move_reference(struct inf_check *check, const struct inf_line *line, const char *file,
                           size_t file_len);
/*
 * Finds in LOW (LEN bytes, lower case) a path through a global location
 * (%10%\, %11%\, %12%\, %systemroot%\, \systemroot\, c:\windows\): it runs from
 * *START to *END (a quote, comma or blank ends it), its file name from
 * *FILE_START. Returns non-zero when there is one with a file name.
 */
int inf_check_global_path(const char *low, size_t len, size_t *start, size_t *end,
                          size_t *file_start);
/* The candidate closest to WORD, as "did you mean" judges (NULL: none is close). */
const char *inf_check_suggest(const char *word, const char *const *candidates, size_t count);

/* Frees the move plan (inf_check_release does). */
void inf_check_move_plan_free(struct inf_check *check);

/*
 * Non-zero when the INF is part of a built package: a file that a [Version]
 * CatalogFile entry (any decoration) names exists in the INF's directory,
 * compared without case. Never for an INF read from standard input.
 */
int inf_check_built_package(struct inf_check *check);

/* Frees what the check's name sets hold; the engine calls it once the rules have run. */
void inf_check_release(struct inf_check *check);

/* printf into the file's arena. */
INF_PRINTF(2, 3)
char *inf_check_printf(struct inf_check *check, const char *format, ...);

/* A NUL-terminated copy of LEN bytes at TEXT, in the file's arena. */
char *inf_check_copy(struct inf_check *check, const char *text, size_t len);
/* The same, lower-cased (ASCII letters). */
char *inf_check_lower(struct inf_check *check, const char *text, size_t len);

/* COUNT zeroed items of SIZE bytes in the file's arena. */
void *inf_arena_array(struct inf_check *check, size_t count, size_t size);
/* ARRAY (COUNT items of SIZE bytes, in the file's arena) with room for one more; grown only
 * this way, it needs no capacity of its own (inf_arena_grow). */
void *inf_check_grow(struct inf_check *check, void *array, size_t count, size_t size);

/* " (on x86, arm64)" when MASK is not every architecture the INF installs on, else "". */
const char *inf_check_arch_note(struct inf_check *check, unsigned mask);

/* PATH compared the INF way: no edge or repeated '\', '/' as '\', lower case. */
const char *inf_check_normalize_path(struct inf_check *check, const char *path);

/*
 * A case-insensitive set of names, each with the line it came from. Lives
 * as long as the file; the rule does not free it.
 */
struct inf_name_set *inf_name_set_new(struct inf_check *check, size_t expected);
/* Adds NAME unless present; returns the line stored for NAME (LINE when it is new). */
const struct inf_line *inf_name_set_add(struct inf_name_set *set, const char *name, size_t len,
                                        const struct inf_line *line);
/* The line stored for NAME, or NULL. */
const struct inf_line *inf_name_set_find(const struct inf_name_set *set, const char *name,
                                         size_t len);
/* The keys of SECTION (may be INF_NO_INDEX), substituted, each with its first line. */
struct inf_name_set *inf_section_keys(struct inf_check *check, uint32_t section);

/* Field INDEX of LINE, substituted, in the arena ("" when absent). */
struct inf_field inf_check_field(struct inf_check *check, const struct inf_line *line,
                                 size_t index);

/* The entries of SECTION whose key is KEY (any case, substituted), in file order. */
struct inf_entries {
    struct inf_check *check;
    struct inf_line_iter lines;
    const char *key;
};
void inf_entries_init(struct inf_entries *entries, struct inf_check *check, uint32_t section,
                      const char *key);
/* The next such line, or NULL. */
const struct inf_line *inf_entries_next(struct inf_entries *entries);

/*
 * The next line of IT with a key (inf_line_key: a key, or the one field of a
 * line without '='), that key substituted in *KEY (in the check's scratch,
 * until the next call); NULL after the last.
 */
const struct inf_line *inf_check_next_keyed(struct inf_check *check, struct inf_line_iter *it,
                                            struct inf_text *key);

/* Every section named by a directive anywhere in the file (inf_graph_directive_uses). */
const struct inf_directive_use *inf_check_directive_uses(struct inf_check *check, size_t *count);
/* Missing sections named where the live walk did not go (inf_graph_reachable_missing). */
const struct inf_missing_target *inf_check_reachable_missing(struct inf_check *check,
                                                             size_t *count);

/* Every existing Models section the [Manufacturer] lines name, once each (decorations and
 * stamped NT$ARCH$ included), in the arena; *COUNT gets their number. */
const uint32_t *inf_check_models_sections(struct inf_check *check, size_t *count);

/* The section whose lines hold LINE. */
uint32_t inf_check_section_of(const struct inf_check *check, const struct inf_line *line);

/* The section named NAME, INF_NO_INDEX when there is none. */
static inline uint32_t inf_check_section(const struct inf_check *c, const char *name)
{
    return inf_model_find_section(c->model, name, strlen(name));
}

/* Is TEXT (LEN bytes) equal to NAME, ignoring ASCII case? */
static inline int inf_is(const char *text, size_t len, const char *name)
{
    struct inf_text t = {text, len};
    return inf_text_equal_nocase(t, name);
}

/* Is FIELD's text NAME, ignoring ASCII case? */
static inline int inf_field_is(struct inf_field field, const char *name)
{
    return inf_is(field.text, field.len, name);
}

/* Does TEXT end with SUFFIX, ignoring ASCII case? */
static inline int inf_ends_with(struct inf_text text, const char *suffix)
{
    size_t n = strlen(suffix);
    return text.len >= n && inf_text_equal_nocase2(text.ptr + text.len - n, n, suffix, n);
}

/* Does TEXT contain PART, ignoring ASCII case? */
static inline int inf_contains(struct inf_text text, const char *part)
{
    return inf_text_contains_nocase(text.ptr, text.len, part);
}

/* A normalized subdirectory as messages say it: "'amd64'" (quoted), or "the package root"
 * in words when it is empty. In the arena. */
const char *inf_check_place(struct inf_check *check, const char *normalized);

/* The next live line (keyed entry of a live section) on an enforced path, from *INDEX on. */
static inline const struct inf_live_line *inf_next_enforced_line(const struct inf_check *c,
                                                                 size_t *index)
{
    const struct inf_graph *g = c->graph;
    while (*index < g->live_line_count) {
        const struct inf_live_line *live = &g->live_lines[(*index)++];
        if (inf_reach_enforced(&live->reach))
            return live;
    }
    return NULL;
}

/* Lowest architecture in MASK, or -1. */
static inline int inf_first_arch(unsigned mask)
{
    for (int a = 0; a < INF_ARCH_COUNT; a++)
        if (mask & INF_ARCH_BIT(a))
            return a;
    return -1;
}

#endif
