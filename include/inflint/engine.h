/*
 * engine.h - lint one file: parse, build the graph, run the enabled rules,
 * apply severities, then deduplicate, sort and fingerprint the findings.
 */
#ifndef INFLINT_ENGINE_H
#define INFLINT_ENGINE_H

#include "inflint/rule.h"

#include <stddef.h>

struct inf_finding {
    const struct inf_rule *rule;
    enum inf_severity severity;
    uint32_t line, column, end_line, end_column; /* 1-based; end_column exclusive */
    /* The texts live in one block, owned through message (see inf_finding_set_texts). */
    char *section; /* name of the section holding it, or NULL */
    char *message;
    char *hint;        /* may be NULL */
    char *source_line; /* the physical line's text, for excerpts */
    char fingerprint[17];
};

struct inf_file_result {
    char *path;           /* owned */
    const char *encoding; /* static name, NULL when unread */
    char *error;          /* why the file could not be read, or NULL; owned */
    struct inf_finding *findings;
    size_t count, cap;
};

struct inf_lint_options {
    struct inf_rule_options rule;
    signed char *severity;          /* per rule index: -1 = the finding's own, else a severity */
    unsigned char *enabled;         /* per rule index */
    int report_unused_suppressions; /* INF018 */
};

/* Defaults: every rule enabled at its own severity, --min-build 17763. Free with _free. */
void inf_lint_options_init(struct inf_lint_options *options);
void inf_lint_options_free(struct inf_lint_options *options);

/*
 * Chooses the enabled rules. SELECT and IGNORE are comma-separated lists of
 * codes, names or families ("ISO", "INF"), or NULL. With SELECT only the
 * rules it names are enabled; IGNORE then disables the rules it names.
 * Returns 0, or -1 and copies the first unknown item into BAD (BAD_SIZE bytes).
 */
int inf_lint_options_filter(struct inf_lint_options *options, const char *select,
                            const char *ignore, char *bad, size_t bad_size);

/* Sets the severity of one rule (code or name). Returns 0, or -1 when unknown. */
int inf_lint_options_set_severity(struct inf_lint_options *options, const char *rule,
                                  enum inf_severity severity);

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

/* Records one finding of RULE at SPAN of M's source, with its texts copied. */
void inf_finding_add(struct inf_file_result *r, const struct inf_model *m,
                     const struct inf_rule *rule, struct inf_span span, enum inf_severity severity,
                     const char *hint, const char *message, size_t message_len);

void inf_file_result_free(struct inf_file_result *result);
/* Frees the findings of RESULT alone (path, encoding and error stay). */
void inf_file_result_free_findings(struct inf_file_result *result);

/* Frees what finding F owns (not F itself). */
void inf_finding_free(struct inf_finding *f);

/*
 * Gives F copies of its texts, in one allocation: MESSAGE, HINT and SECTION
 * (both may be NULL) and the source line (LINE_LEN bytes at LINE).
 */
void inf_finding_set_texts(struct inf_finding *f, const char *message, size_t message_len,
                           const char *hint, const char *section, size_t section_len,
                           const char *line, size_t line_len);

/* Sorts findings by line, column, code and removes exact duplicates. */
void inf_findings_finish(struct inf_file_result *result);

#endif
