/*
 * source_check.h - what a source rule (rules/src1xx_*.c) gets: the calls of
 * one C or C++ file, grouped by the function whose body holds them, and
 * questions about their arguments answered with the local data flow of
 * source-rules.md (literals through #define, UNICODE_STRING and
 * OBJECT_ATTRIBUTES). The only header a source rule includes.
 */
#ifndef INFLINT_SOURCE_CHECK_H
#define INFLINT_SOURCE_CHECK_H

#include "inflint/format_check.h"
#include "inflint/rule.h"
#include "text.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* One argument of a call: tokens [first, end) of the file. */
struct src_argument {
    uint32_t first, end;
};

/* A call: a name followed by '(' inside a function body. */
struct src_call {
    const char *name;  /* NUL-terminated copy */
    uint32_t offset;   /* of the name in the text */
    uint32_t function; /* index of the function whose body holds it */
    const struct src_argument *args;
    size_t arg_count;
};

/* A function definition: its name, parameter names, and its calls. */
struct src_function {
    const char *name;
    const char *const *params; /* the last name of each parameter ("" when none) */
    size_t param_count;
    size_t first_call, call_count; /* its calls: calls[first_call, first_call + call_count) */
};

struct src_scan;

struct src_check {
    const struct src_function *functions;
    size_t function_count;
    const struct src_call *calls;
    size_t call_count;
    const struct inf_rule *rule;
    struct src_scan *scan; /* the scanner's own state */
};

/* The calls that open or create a key by OBJECT_ATTRIBUTES (their third argument), and the
 * Rtl*Registry* calls (RelativeTo first, the path second); NULL-terminated, shared by rules. */
extern const char *const src_key_open_calls[];
extern const char *const src_rtl_registry_calls[];

/* The function named NAME, or NULL. */
const struct src_function *src_function(const struct src_check *check, const char *name);

/* The call's argument ARG as the literal it resolves to (through #define, a UNICODE_STRING
 * or OBJECT_ATTRIBUTES set in the same function, or one set at file scope), or NULL. */
const char *src_argument_literal(struct src_check *check, const struct src_call *call, size_t arg);

/* The variable argument ARG names at its root (through &, casts, ->Buffer, and an
 * OBJECT_ATTRIBUTES whose ObjectName was set from a variable), or NULL. */
const char *src_argument_variable(struct src_check *check, const struct src_call *call, size_t arg);

/* Does argument ARG hold identifier NAME anywhere (an OR-ed flag, say)? */
int src_argument_has(const struct src_check *check, const struct src_call *call, size_t arg,
                     const char *name);

/* Is argument ARG the word NULL (or 0, or nullptr)? */
int src_argument_is_null(const struct src_check *check, const struct src_call *call, size_t arg);

/* Reports a finding of the current rule at CALL's name. SEVERITY 0: the rule's own. */
INF_PRINTF(5, 6)
void src_report(struct src_check *check, const struct src_call *call, enum inf_severity severity,
                const char *hint, const char *format, ...);

/* printf into the file's arena (freed with the file). */
INF_PRINTF(2, 3)
char *src_printf(struct src_check *check, const char *format, ...);

/* Case-insensitive ASCII prefix test. */
static inline int src_starts_with(const char *text, const char *prefix)
{
    return inf_text_starts_nocase(text, prefix, strlen(prefix));
}

/* Does TEXT contain PART, in any letter case? */
static inline int src_contains(const char *text, const char *part)
{
    return inf_text_contains_nocase(text, strlen(text), part);
}

/* Is NAME one of the NULL-terminated NAMES? */
static inline int src_name_in(const char *name, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(name, *names) == 0)
            return 1;
    return 0;
}

#endif
