/*
 * engine.h - what linting a file yields and takes: findings, a file's
 * result, and the lint options (rules enabled, severities, profile). The
 * functions that lint are in run.h.
 */
#ifndef INFLINT_ENGINE_H
#define INFLINT_ENGINE_H

#include "inflint/input.h"
#include "inflint/rule.h"

#include <stddef.h>

/* How sure a fix is (issue "fix it for me"): safe fixes keep what the package installs where
 * Windows 10 1809+ runs it; unsafe ones change behaviour that code may rely on. */
enum inf_fix_applicability { INF_FIX_SAFE, INF_FIX_UNSAFE };

/* One edit of a fix: the source from START to END becomes REPLACEMENT. */
struct inf_fix_edit {
    uint32_t start, end;                         /* offsets in the decoded text */
    uint32_t byte_start, byte_end;               /* the same in the file as read */
    uint32_t line, column, end_line, end_column; /* 1-based; end_column exclusive */
    char *replacement; /* UTF-8, with the line endings of the line it goes into */
};

/* A fix attached to a finding: all its edits apply together, or none does. */
struct inf_fix {
    enum inf_fix_applicability applicability;
    char *description; /* what it does; for an unsafe fix, also why it is unsafe */
    struct inf_fix_edit *edits;
    size_t edit_count;
};

struct inf_finding {
    const struct inf_rule *rule;
    enum inf_severity severity;
    uint32_t line, column, end_line, end_column; /* 1-based; end_column exclusive */
    /* The texts live in their result's text arena; each is bounded (INF_TEXT_MAX). */
    char *section; /* name of the section holding it, or NULL */
    char *message;
    char *hint;              /* may be NULL */
    char *excerpt;           /* the line around the finding: the whole line, or a window of it */
    uint32_t excerpt_column; /* the line's column where the excerpt starts (1-based) */
    unsigned excerpt_cut_left : 1; /* the line goes on before the excerpt */
    unsigned excerpt_cut_right : 1;
    char fingerprint[17];
    struct inf_fix *fix; /* the finding's fix, or NULL; in the result's text arena */
    /* The fingerprint's hash of rule, section and line text, taken when the finding is made,
     * its line at hand: fingerprinting after the sort need not read the lines again. */
    uint64_t line_hash;
};

/* The most bytes a finding's message, hint or section name keeps (longer ones end in "..."). */
#define INF_TEXT_MAX 1024
/* An excerpt shows a line whole up to this many code points, else a window this wide. */
#define INF_EXCERPT_MAX 160

/* Where the texts of a file's findings are allocated, a few blocks for all of them. */
struct inf_arena;

struct inf_file_result {
    char *path;           /* owned */
    const char *encoding; /* static name, NULL when unread */
    char *error;          /* why the file could not be read, or NULL; owned */
    /* Where its settings came from (for reports): the profile's name, and the WDK project
     * and configuration(s) that build it, or NULL. Not owned: they live as long as the run. */
    const char *profile, *project, *configuration;
    struct inf_finding *findings;
    size_t count, cap;
    struct inf_arena *texts; /* where the findings' texts and fixes live; owned */
};

struct inf_source_macros;

struct inf_lint_options {
    struct inf_rule_options rule;
    signed char *severity;          /* per rule index: -1 = the finding's own, else a severity */
    unsigned char *enabled;         /* per rule index */
    int report_unused_suppressions; /* INF018 */
    int template_override;          /* 1 or 0: lint as a template or not; -1: by extension */
    unsigned template_arches;       /* what $ARCH$ stands for (INF_ARCH_BIT); 0: any */
    /* Literal #defines of headers named in the run, for the source scan; or NULL. */
    const struct inf_source_macros *source_macros;
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

void inf_file_result_free(struct inf_file_result *result);

#endif
