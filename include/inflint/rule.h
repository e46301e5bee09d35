/*
 * rule.h - what a rule is, what it reports, and the registry of all rules.
 *
 * A rule is a constant table entry with its stable code and name, default
 * severity, texts for --explain and SARIF, and a check function that asks
 * the graph and the model questions and reports findings. Rules know
 * nothing about output formats, configuration or suppressions.
 */
#ifndef INFLINT_RULE_H
#define INFLINT_RULE_H

#include "inflint/buf.h"
#include "inflint/graph.h"
#include "inflint/model.h"

#include <stddef.h>
#include <stdint.h>

enum inf_severity {
    INF_SEVERITY_OFF = 0,
    INF_SEVERITY_NOTE,
    INF_SEVERITY_WARNING,
    INF_SEVERITY_ERROR
};

/* "error", "warning", "note", "off". */
const char *inf_severity_name(enum inf_severity severity);
/* Parses a severity name; returns -1 when unknown. */
int inf_severity_parse(const char *text);

struct inf_check;

struct inf_rule {
    const char *code; /* ISO101 */
    const char *name; /* dest-not-driver-store */
    enum inf_severity severity;
    const char *summary;     /* one line */
    const char *explanation; /* what it checks and why isolation needs it */
    const char *bad_example;
    const char *good_example;
    void (*check)(struct inf_check *check);
};

/* All rules, in code order. */
extern const struct inf_rule *const inf_rules[];
extern const size_t inf_rule_count;

/* Appends the rules reference (rules/README.md) in Markdown to OUT. */
void inf_rules_markdown(struct inf_buf *out);

/* A rule by code or name (case-insensitive), or NULL. */
const struct inf_rule *inf_rule_find(const char *code_or_name);
/* Index of RULE in inf_rules. */
size_t inf_rule_index(const struct inf_rule *rule);

/* A span of source text by offsets into the decoded text. */
struct inf_span {
    uint32_t start, end;
};

enum inf_profile { INF_PROFILE_ISOLATION, INF_PROFILE_UNIVERSAL, INF_PROFILE_WHQL };

/* The options rules may look at. */
struct inf_rule_options {
    uint32_t min_build;
    enum inf_profile profile;
};

/* What a check function gets. */
struct inf_check {
    const struct inf_model *model;
    const struct inf_graph *graph;
    const struct inf_rule_options *options;
    const struct inf_rule *rule;
    struct inf_buf scratch; /* free for the rule's use */
    void *sink;             /* the engine's collector */
};

/*
 * Reports one finding of the current rule at SPAN. SEVERITY 0 means the
 * rule's default. HINT (may be NULL) says how to fix it. The message is
 * printf-formatted.
 */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
void inf_report(struct inf_check *check, struct inf_span span, enum inf_severity severity,
                const char *hint, const char *format, ...);

/* Spans: a whole entry (its first physical line), one token, a section header, line 1. */
struct inf_span inf_span_line(const struct inf_model *model, const struct inf_line *line);
struct inf_span inf_span_token(const struct inf_model *model, const struct inf_token *token);
struct inf_span inf_span_header(const struct inf_model *model, uint32_t run);
struct inf_span inf_span_file_start(void);

#endif
