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
struct src_check;

#define INF_MAX_INFVERIF_CODES 7

enum inf_profile { INF_PROFILE_ISOLATION, INF_PROFILE_UNIVERSAL, INF_PROFILE_WHQL };
#define INF_PROFILE_COUNT 3

/* A rule's severity under one profile when it differs from its default severity. */
struct inf_profile_severity {
    unsigned char differs; /* 0: the rule's default severity applies */
    enum inf_severity severity;
};

struct inf_rule {
    const char *code; /* ISO101 */
    const char *name; /* dest-not-driver-store */
    enum inf_severity severity;
    const char *summary;     /* one line */
    const char *explanation; /* what it checks and why isolation needs it */
    const char *bad_example;
    const char *good_example;
    void (*check)(struct inf_check *check);
    /* Profiles (rules.md "Profiles"): the severity under each where it is not the default,
     * e.g. `.profiles[INF_PROFILE_UNIVERSAL] = {1, INF_SEVERITY_OFF}`; and the profiles under
     * which the check itself lowers or drops some findings (bit per inf_profile). */
    struct inf_profile_severity profiles[INF_PROFILE_COUNT];
    unsigned allowances;
    /* The InfVerif codes this rule covers (rules.md "InfVerif cross-reference"), ending at the
     * first 0: `.infverif = {1320, 1321}`. */
    unsigned short infverif[INF_MAX_INFVERIF_CODES + 1];
    /* A lower level some of its findings take by themselves (INF010's legacy Signature is a
     * warning), or 0 (INF_SEVERITY_OFF) when every finding has the rule's level. */
    enum inf_severity lower_severity;
    /* A source rule (SRC1xx, source-rules.md) checks C and C++ files instead, with this. */
    void (*source_check)(struct src_check *check);
};

/* "error", or "error/warning" for a rule some of whose findings take a lower level, under
 * PROFILE (a profile's allowances are marked apart). Returns OUT (at least 16 bytes). */
const char *inf_rule_levels_text(const struct inf_rule *rule, enum inf_profile profile, char *out,
                                 size_t size);

/* All rules, in code order. */
extern const struct inf_rule *const inf_rules[];
extern const size_t inf_rule_count;

/* Appends the rules reference (rules/README.md) in Markdown to OUT. */
void inf_rules_markdown(struct inf_buf *out);

/* A rule by code or name (case-insensitive), or NULL. */
const struct inf_rule *inf_rule_find(const char *code_or_name);
/* Writes ", "-separated InfVerif codes of RULE into OUT ("-" for none); returns OUT. */
const char *inf_rule_infverif_text(const struct inf_rule *rule, char *out, size_t size);

/* Index of RULE in inf_rules. */
size_t inf_rule_index(const struct inf_rule *rule);

/* The options rules may look at. */
struct inf_rule_options {
    uint32_t min_build;
    enum inf_profile profile;
};
#endif
