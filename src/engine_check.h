/*
 * engine_check.h - the engine inside the library: run the rules over one
 * file, and the passes over its findings (severity overrides here,
 * suppressions in suppress.h, the baseline in baseline.h) that run.c
 * composes into inf_lint_input.
 */
#ifndef INFLINT_ENGINE_CHECK_H
#define INFLINT_ENGINE_CHECK_H

#include "inflint/engine.h"
#include "model.h"
#include "source.h"

/*
 * Parses the input (ownership taken) as file PATH, builds its graph and runs
 * the enabled rules (and EXTRA_COUNT rules outside the registry, such as a
 * rule being written in a test) into RESULT, at each rule's severity under
 * the profile: the raw findings, before overrides, suppressions and sorting
 * (run.h's inf_lint_input does all of it). MODEL is kept for those passes;
 * the caller frees it and RESULT. Returns 0, or -1 when the input could not
 * be read as an INF at all (RESULT->error says why; MODEL is then freed).
 */
int inf_engine_check(const char *path, struct inf_input input,
                     const struct inf_lint_options *options,
                     const struct inf_rule *const *extra_rules, size_t extra_count,
                     struct inf_file_result *result, struct inf_model *model);

/*
 * The severity overrides (--severity, [rules] of the configuration) over the
 * findings of R from index FROM on; findings that end up off are dropped.
 */
void inf_findings_apply_overrides(struct inf_file_result *r, const struct inf_lint_options *options,
                                  size_t from);

/* Where the engine's findings go: a file's result, with its model for positions and excerpts. */
struct inf_finding_sink {
    struct inf_file_result *result;
    const struct inf_source *source; /* the text findings are positioned in */
    const struct inf_model *model;   /* the INF's model (sections), or NULL for C sources */
    struct inf_source_cursor cursor; /* findings on one long line cost what lies between them */
    uint32_t run;                    /* the model run the last finding was in (section_at) */
    struct inf_fix *pending;         /* the fix the next finding takes (inf_fix_begin), or NULL */
    /* The last line hash worked out (a rule's findings often share a line): for which line,
     * rule and section (compared by text). */
    uint32_t hashed_line;
    const struct inf_rule *hashed_rule;
    const char *hashed_section;
    uint64_t hashed;
};

void inf_finding_sink_init(struct inf_finding_sink *sink, struct inf_file_result *result,
                           const struct inf_source *source, const struct inf_model *model);

/* Makes room for COUNT findings more than the sink's result holds. */
void inf_finding_expect(struct inf_finding_sink *sink, size_t count);

/* Records one finding of RULE at SPAN of the sink's model, its texts bounded and copied. */
void inf_finding_add(struct inf_finding_sink *sink, const struct inf_rule *rule,
                     struct inf_span span, enum inf_severity severity, const char *hint,
                     const char *message, size_t message_len);

/*
 * Gives F, a finding of RESULT, copies of its texts in RESULT's text arena:
 * MESSAGE, HINT and SECTION (both may be NULL; each kept to INF_TEXT_MAX
 * bytes) and EXCERPT_LEN bytes of EXCERPT (the caller bounds it).
 */
void inf_finding_set_texts(struct inf_file_result *result, struct inf_finding *f,
                           const char *message, size_t message_len, const char *hint,
                           const char *section, size_t section_len, const char *excerpt,
                           size_t excerpt_len);

/* Sorts findings by line, column, code and message, equal ones in the order reported, and
 * removes exact duplicates (the first reported stays). */
void inf_findings_sort(struct inf_file_result *result);

/*
 * Sets F's line_hash, the start of its fingerprint: its rule's code, its
 * section and its line's TEXT (LEN bytes; "" for a finding of no line).
 * Every finding gets it when it is made (inf_finding_add does it).
 */
void inf_finding_hash_line(struct inf_finding *f, const char *text, size_t len);

/*
 * Gives every finding of RESULT that has none its fingerprint (conventions.md
 * 5), in array order, from its line hash and how many came before it with
 * the same.
 */
void inf_findings_fingerprint(struct inf_file_result *result);

/* inf_findings_sort, then inf_findings_fingerprint. */
void inf_findings_finish(struct inf_file_result *result);
/*
 * RESULT's text arena (made at the first call), where its findings' texts
 * and fixes live until inf_finding_texts_free.
 */
struct inf_arena *inf_finding_texts(struct inf_file_result *result);
/* Frees the text arena of RESULT's findings (inf_file_result_free_findings does). */
void inf_finding_texts_free(struct inf_file_result *result);
/* How many blocks RESULT's text arena has taken. */
size_t inf_finding_texts_block_count(const struct inf_file_result *result);

/* Frees the findings of RESULT and their texts alone (path, encoding and error stay). */
void inf_file_result_free_findings(struct inf_file_result *result);

/*
 * Gives the edits of FIX their positions: line and column (from the sink's
 * model) and byte offsets in the file as read. Returns 0, or -1 when the
 * file's bytes cannot be told from its text (UTF-16BE, UTF-8 with invalid
 * data): then the fix cannot be applied and is dropped.
 */
int inf_fix_locate(struct inf_finding_sink *sink, struct inf_fix *fix);

#endif
