/*
 * source_scan.c - a C or C++ file as functions, calls and local data flow,
 * and the run of the SRC rules over it (source_scan.h, source_check.h).
 *
 * Functions are found by braces: at file scope (or inside extern "C" and
 * namespace blocks) a '{' after a parameter list opens a function body; a
 * call is a name followed by '(' inside one. Macros that hide braces or
 * conditionals that repeat them only make a body longer, never a crash.
 * Data flow is what source-rules.md asks, within one function: a variable
 * takes the value of the last assignment before its use that the scanner
 * understands (RtlInitUnicodeString, DECLARE_CONST_UNICODE_STRING,
 * RTL_CONSTANT_STRING, initializers, InitializeObjectAttributes), and
 * file-scope UNICODE_STRINGs count too.
 */
#include "source_scan.h"
#include "arena.h"
#include "c_lexer.h"
#include "engine_check.h"
#include "inflint/alloc.h"
#include "source.h"
#include "source_check.h"
#include "string_map.h"
#include "suppress.h"
#include "os.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define NO_FUNCTION UINT32_MAX
#define MAX_HOPS 8 /* variable to variable: enough for real code, and an end to any loop */
/* How far a call's arguments, an assignment's value or a parameter list are looked for:
 * real code stays far below, and a hostile file (a million nested parentheses) stays linear. */
#define MAX_SPAN_TOKENS 4096
#define NO_PARTNER UINT32_MAX

/* "NAME = EXPR" as the scanner understood it: at token POSITION, in FUNCTION (or none). */
struct fact {
    const char *name;
    uint32_t function, position;
    uint32_t first, end; /* the value's tokens */
};

/* The shared macros: name -> index in the values. */
struct inf_source_macros {
    struct inf_string_map names;
    char **values;
    size_t count, cap;
};

struct src_scan {
    const char *text;
    const struct inf_source_macros *shared; /* headers named in the run, or NULL */
    const struct c_lexed *lexed;
    struct inf_arena *arena;
    struct inf_finding_sink *sink;
    struct src_function *functions;
    size_t function_count, function_cap;
    struct src_call *calls;
    size_t call_count, call_cap;
    uint32_t *call_token; /* per call: the token of its name */
    uint32_t *partner;    /* per token: the other end of its bracket pair, or NO_PARTNER */
    struct fact *facts;
    size_t fact_count, fact_cap;
    struct inf_string_map last_fact; /* name -> its latest fact at file scope */
    size_t *function_facts;          /* per function: where its facts start (they are together) */
};

/* Records NAME = tokens [FIRST, END) at POSITION of FUNCTION. */
static void add_fact(struct src_scan *s, const char *name, uint32_t function, uint32_t position,
                     uint32_t first, uint32_t end)
{
    s->facts = inf_xgrow(s->facts, &s->fact_cap, s->fact_count + 1, sizeof *s->facts);
    s->facts[s->fact_count] = (struct fact){name, function, position, first, end};
    if (function == NO_FUNCTION) /* the last one at file scope counts */
        inf_string_map_put(&s->last_fact, name, s->fact_count);
    s->fact_count++;
}

static const struct c_token *tok(const struct src_scan *s, uint32_t i)
{
    return &s->lexed->tokens[i];
}

static int is_punct(const struct src_scan *s, uint32_t i, char c)
{
    return i < s->lexed->count && tok(s, i)->kind == C_TOKEN_PUNCT && tok(s, i)->punct == c;
}

static int is_word(const struct src_scan *s, uint32_t i, const char *word)
{
    if (i >= s->lexed->count || tok(s, i)->kind != C_TOKEN_IDENT)
        return 0;
    size_t n = tok(s, i)->end - tok(s, i)->start;
    return n == strlen(word) && memcmp(s->text + tok(s, i)->start, word, n) == 0;
}

/* The identifier at token I (a backslash-newline inside it dropped). */
static char *word_of(const struct src_scan *s, uint32_t i)
{
    const struct c_token *t = tok(s, i);
    const char *text = s->text + t->start;
    size_t n = t->end - t->start;
    char *word = inf_arena_strndup(s->arena, text, n);
    if (memchr(word, '\\', n)) {
        char *out = word;
        for (const char *p = word; *p; p++)
            if (*p != '\\' && *p != '\r' && *p != '\n')
                *out++ = *p;
        *out = '\0';
    }
    return word;
}

static int opens(const struct c_token *t)
{
    return t->kind == C_TOKEN_PUNCT && (t->punct == '(' || t->punct == '[' || t->punct == '{');
}

static int closes(const struct c_token *t)
{
    return t->kind == C_TOKEN_PUNCT && (t->punct == ')' || t->punct == ']' || t->punct == '}');
}

/*
 * Pairs every bracket with its partner in one pass (a close pairs with the
 * innermost open, whatever its kind: macros that hide brackets only blur
 * the pairs): partner[i] is the other end, or NO_PARTNER.
 */
static void pair_brackets(struct src_scan *s)
{
    size_t n = s->lexed->count;
    s->partner = inf_xmalloc((n + 1) * sizeof *s->partner);
    uint32_t *stack = inf_xmalloc((n + 1) * sizeof *stack);
    size_t depth = 0;
    for (uint32_t i = 0; i < n; i++) {
        s->partner[i] = NO_PARTNER;
        if (opens(tok(s, i))) {
            stack[depth++] = i;
        } else if (closes(tok(s, i)) && depth) {
            uint32_t open = stack[--depth];
            s->partner[open] = i;
            s->partner[i] = open;
        }
    }
    free(stack);
}

/* The token after the bracket that opens at I (the end of the file when it never closes). */
static uint32_t after_matching(const struct src_scan *s, uint32_t i)
{
    return s->partner[i] == NO_PARTNER ? (uint32_t)s->lexed->count : s->partner[i] + 1;
}

/* ---------------------------------------------------------------- structure */

static const char *const not_calls[] = {
    "if",       "while",    "for",        "switch",        "return",
    "sizeof",   "defined",  "__declspec", "__attribute__", "alignof",
    "_Alignof", "decltype", "typeof",     "catch",         NULL};

/* The arguments of the call whose '(' is at OPEN: split at its own commas, nested brackets
 * stepped over whole. Returns the token of its ')'. */
static uint32_t split_arguments(struct src_scan *s, uint32_t open, struct src_call *call)
{
    struct src_argument *args = NULL;
    size_t count = 0, cap = 0;
    uint32_t close = s->partner[open] == NO_PARTNER ? (uint32_t)s->lexed->count : s->partner[open];
    uint32_t start = open + 1, i = open + 1;
    while (i < close) {
        const struct c_token *t = tok(s, i);
        if (opens(t)) {
            i = after_matching(s, i);
            continue;
        }
        if (t->kind == C_TOKEN_PUNCT && t->punct == ',') {
            args = inf_xgrow(args, &cap, count + 1, sizeof *args);
            args[count++] = (struct src_argument){start, i};
            start = i + 1;
        }
        i++;
    }
    if (i > close)
        i = close;
    if (i > start || count > 0) {
        args = inf_xgrow(args, &cap, count + 1, sizeof *args);
        args[count++] = (struct src_argument){start, i};
    }
    /* Into the arena: the scan frees nothing rules hold. */
    struct src_argument *kept = inf_arena_alloc(s->arena, (count + 1) * sizeof *kept);
    if (count)
        memcpy(kept, args, count * sizeof *kept);
    free(args);
    call->args = kept;
    call->arg_count = count;
    return i;
}

static void add_call(struct src_scan *s, uint32_t name, uint32_t function)
{
    size_t old_cap = s->call_cap;
    s->calls = inf_xgrow(s->calls, &s->call_cap, s->call_count + 1, sizeof *s->calls);
    if (s->call_cap != old_cap) /* grown with the calls, not at each one */
        s->call_token = inf_xrealloc(s->call_token, s->call_cap * sizeof *s->call_token);
    struct src_call *c = &s->calls[s->call_count];
    s->call_token[s->call_count++] = name;
    c->name = word_of(s, name);
    c->offset = tok(s, name)->start;
    c->function = function;
    split_arguments(s, name + 1, c);
}

/* The parameter names of the list opening at OPEN (the last word of each). */
static void read_params(struct src_scan *s, uint32_t open, uint32_t close, struct src_function *f)
{
    const char **names = inf_arena_alloc(s->arena, ((close - open) / 2 + 2) * sizeof *names);
    size_t count = 0;
    const char *last = "";
    int depth = 0;
    for (uint32_t i = open + 1; i < close; i++) {
        const struct c_token *t = tok(s, i);
        if (t->kind == C_TOKEN_PUNCT && (t->punct == '(' || t->punct == '['))
            depth++;
        else if (t->kind == C_TOKEN_PUNCT && (t->punct == ')' || t->punct == ']'))
            depth--;
        else if (t->kind == C_TOKEN_IDENT && depth == 0)
            last = word_of(s, i);
        else if (t->kind == C_TOKEN_PUNCT && t->punct == ',' && depth == 0)
            names[count++] = last, last = "";
    }
    if (close > open + 1 && !(count == 0 && strcmp(last, "void") == 0))
        names[count++] = last;
    f->params = names;
    f->param_count = count;
}

/*
 * Does the '{' at BRACE open a function body? Then its name and parameters
 * go into F: a ')' before it (qualifiers such as const or noexcept between),
 * and a name before that ')''s '('.
 */
static int function_start(struct src_scan *s, uint32_t brace, struct src_function *f)
{
    uint32_t i = brace;
    while (i > 0 && tok(s, i - 1)->kind == C_TOKEN_IDENT && brace - i < 4)
        i--;
    if (i == 0 || !is_punct(s, i - 1, ')'))
        return 0;
    uint32_t close = i - 1, open = s->partner[close];
    if (open == NO_PARTNER || open == 0 || !is_punct(s, open, '(') ||
        tok(s, open - 1)->kind != C_TOKEN_IDENT)
        return 0;
    const char *name = word_of(s, open - 1);
    if (src_name_in(name, not_calls))
        return 0;
    f->name = name;
    read_params(s, open, close, f);
    return 1;
}

/* Is the '{' at BRACE the body of `extern "C"` or of a namespace (its contents at file scope)? */
static int transparent_block(const struct src_scan *s, uint32_t brace)
{
    if (brace >= 2 && tok(s, brace - 1)->kind == C_TOKEN_STRING && is_word(s, brace - 2, "extern"))
        return 1;
    for (uint32_t i = brace; i > 0 && brace - i < 3; i--)
        if (is_word(s, i - 1, "namespace"))
            return 1;
    return 0;
}

/* A recognised assignment at token I of FUNCTION: "X = ...", "X[] = ...", and "X.Buffer = ..."
 * (or X->Buffer), which sets X's text. */
static void assignment(struct src_scan *s, uint32_t i, uint32_t function)
{
    uint32_t name = i;
    if (is_word(s, i, "Buffer") && i >= 2 && tok(s, i - 2)->kind == C_TOKEN_IDENT &&
        (is_punct(s, i - 1, '.') || (i >= 3 && is_punct(s, i - 1, '>') && is_punct(s, i - 2, '-'))))
        name = is_punct(s, i - 1, '.') ? i - 2 : i - 3;
    if (tok(s, name)->kind != C_TOKEN_IDENT)
        return;
    uint32_t eq = i + 1;
    if (is_punct(s, eq, '[') && is_punct(s, eq + 1, ']'))
        eq += 2;
    if (!is_punct(s, eq, '=') || is_punct(s, eq + 1, '='))
        return;
    /* To the ';' or ',' that ends it, brackets stepped over (a chain "a = b = c = ..." is
     * read again for each name: bounded). */
    uint32_t first = eq + 1, end = first;
    uint32_t limit = s->lexed->count - first > MAX_SPAN_TOKENS ? first + MAX_SPAN_TOKENS
                                                               : (uint32_t)s->lexed->count;
    while (end < limit) {
        const struct c_token *t = tok(s, end);
        if (opens(t)) {
            end = after_matching(s, end);
            continue;
        }
        if (closes(t) || (t->kind == C_TOKEN_PUNCT && (t->punct == ';' || t->punct == ',')))
            break;
        end++;
    }
    if (end > s->lexed->count)
        end = (uint32_t)s->lexed->count;
    add_fact(s, word_of(s, name), function, i, first, end);
}

/* A call that sets a variable: RtlInitUnicodeString(&X, E) and friends. */
static void setting_call(struct src_scan *s, const struct src_call *c, uint32_t position)
{
    static const char *const initializers[] = {"RtlInitUnicodeString",
                                               "RtlInitUnicodeStringEx",
                                               "RtlUnicodeStringInit",
                                               "RtlCreateUnicodeString",
                                               "RtlInitString",
                                               "RtlInitAnsiString",
                                               "RtlAnsiStringToUnicodeString",
                                               "DECLARE_CONST_UNICODE_STRING",
                                               "DECLARE_GLOBAL_CONST_UNICODE_STRING",
                                               "InitializeObjectAttributes",
                                               NULL};
    if (!src_name_in(c->name, initializers) || c->arg_count < 2)
        return;
    uint32_t v = c->args[0].first;
    while (v < c->args[0].end && tok(s, v)->kind != C_TOKEN_IDENT)
        v++; /* past '&' */
    if (v >= c->args[0].end)
        return;
    add_fact(s, word_of(s, v), c->function, position, c->args[1].first, c->args[1].end);
}

static void scan_structure(struct src_scan *s)
{
    uint32_t function = NO_FUNCTION;
    int body_depth = 0, other_depth = 0;
    size_t n = s->lexed->count;
    for (uint32_t i = 0; i < n; i++) {
        const struct c_token *t = tok(s, i);
        if (t->kind == C_TOKEN_PUNCT && t->punct == '{') {
            if (function != NO_FUNCTION) {
                body_depth++;
            } else if (other_depth > 0) {
                other_depth++;
            } else {
                struct src_function f;
                memset(&f, 0, sizeof f);
                if (function_start(s, i, &f)) {
                    size_t old_cap = s->function_cap;
                    s->functions = inf_xgrow(s->functions, &s->function_cap, s->function_count + 1,
                                             sizeof *s->functions);
                    f.first_call = s->call_count;
                    s->functions[s->function_count] = f;
                    if (s->function_cap != old_cap) /* grown with the functions */
                        s->function_facts = inf_xrealloc(
                            s->function_facts, s->function_cap * sizeof *s->function_facts);
                    s->function_facts[s->function_count] = s->fact_count;
                    function = (uint32_t)s->function_count++;
                    body_depth = 1;
                } else if (!transparent_block(s, i)) {
                    other_depth = 1; /* a struct, an initializer: not code */
                }
            }
            continue;
        }
        if (t->kind == C_TOKEN_PUNCT && t->punct == '}') {
            if (function != NO_FUNCTION && --body_depth == 0) {
                s->functions[function].call_count =
                    s->call_count - s->functions[function].first_call;
                function = NO_FUNCTION;
            } else if (function == NO_FUNCTION && other_depth > 0) {
                other_depth--;
            }
            continue;
        }
        if (t->kind != C_TOKEN_IDENT)
            continue;
        if (other_depth > 0 && function == NO_FUNCTION && !is_punct(s, i + 1, '='))
            continue;
        if (is_punct(s, i + 1, '(') && (function != NO_FUNCTION || other_depth == 0)) {
            char *name = word_of(s, i);
            if (src_name_in(name, not_calls))
                continue;
            if (function != NO_FUNCTION) {
                add_call(s, i, function);
                setting_call(s, &s->calls[s->call_count - 1], i);
            } else { /* a file-scope DECLARE_CONST_UNICODE_STRING(...) */
                struct src_call c;
                memset(&c, 0, sizeof c);
                c.name = name;
                c.function = NO_FUNCTION;
                split_arguments(s, i + 1, &c);
                setting_call(s, &c, i);
            }
            continue;
        }
        assignment(s, i, function);
    }
    if (function != NO_FUNCTION) /* a body the file never closed */
        s->functions[function].call_count = s->call_count - s->functions[function].first_call;
}

/* ---------------------------------------------------------------- data flow */

/* What an expression resolves to. */
struct value {
    const char *literal;  /* NULL when not a literal */
    const char *variable; /* the root variable, when not a literal */
};

static struct value resolve_name(struct src_scan *s, const char *name, uint32_t function,
                                 uint32_t position, int hops);

/* Joins the adjacent string literals from token I (its end in *END). */
static const char *literal_at(struct src_scan *s, uint32_t i, uint32_t end)
{
    const struct c_lexed *l = s->lexed;
    size_t total = 0;
    uint32_t k = i;
    for (; k < end && tok(s, k)->kind == C_TOKEN_STRING; k++)
        total += tok(s, k)->value_len;
    char *joined = inf_arena_alloc(s->arena, total + 1), *at = joined;
    for (k = i; k < end && tok(s, k)->kind == C_TOKEN_STRING; k++) {
        memcpy(at, l->pool.data + tok(s, k)->value, tok(s, k)->value_len);
        at += tok(s, k)->value_len;
    }
    *at = '\0';
    return joined;
}

/* Wrappers that keep a literal as it is: L"" macros and the UNICODE_STRING makers. */
static const char *const literal_wrappers[] = {"RTL_CONSTANT_STRING",
                                               "TEXT",
                                               "_T",
                                               "__TEXT",
                                               "L",
                                               "_TEXT",
                                               "RTL_CONSTANT_OBJECT_ATTRIBUTES",
                                               NULL};

/* Resolves the tokens [FIRST, END) used at POSITION in FUNCTION. */
static struct value resolve(struct src_scan *s, uint32_t first, uint32_t end, uint32_t function,
                            uint32_t position, int hops)
{
    struct value none = {NULL, NULL};
    if (hops > MAX_HOPS)
        return none;
    uint32_t i = first;
    for (;;) { /* past &, *, casts and wrapping parentheses */
        if (i < end && (is_punct(s, i, '&') || is_punct(s, i, '*'))) {
            i++;
        } else if (i < end && is_punct(s, i, '(')) {
            uint32_t after = after_matching(s, i);
            if (after >= end) { /* (expr): the inside */
                i++;
                end = after - 1 > i ? after - 1 : end;
            } else { /* (type)expr */
                i = after;
            }
        } else {
            break;
        }
    }
    if (i >= end)
        return none;
    const struct c_token *t = tok(s, i);
    if (t->kind == C_TOKEN_STRING)
        return (struct value){literal_at(s, i, end), NULL};
    if (t->kind != C_TOKEN_IDENT)
        return none;
    char *name = word_of(s, i);
    if (src_name_in(name, literal_wrappers) && is_punct(s, i + 1, '(')) {
        uint32_t after = after_matching(s, i + 1);
        return resolve(s, i + 2, after - 1, function, position, hops + 1);
    }
    return resolve_name(s, name, function, position, hops);
}

/* An initializer { ..., L"...", ... }: its literal. */
static const char *initializer_literal(struct src_scan *s, uint32_t first, uint32_t end)
{
    if (first >= end || !is_punct(s, first, '{'))
        return NULL;
    for (uint32_t k = first; k < end; k++)
        if (tok(s, k)->kind == C_TOKEN_STRING)
            return literal_at(s, k, end);
    return NULL;
}

static struct value resolve_name(struct src_scan *s, const char *name, uint32_t function,
                                 uint32_t position, int hops)
{
    /* The last fact of NAME before POSITION in FUNCTION (its facts are together), else the
     * last one at file scope. */
    const struct fact *best = NULL;
    if (function != NO_FUNCTION) {
        size_t end =
            function + 1 < s->function_count ? s->function_facts[function + 1] : s->fact_count;
        for (size_t k = end; k-- > s->function_facts[function] && !best;) {
            const struct fact *f = &s->facts[k];
            if (f->function == function && f->position < position && strcmp(f->name, name) == 0)
                best = f;
        }
    }
    size_t k;
    if (!best && inf_string_map_get(&s->last_fact, name, &k))
        best = &s->facts[k];
    if (best) {
        const char *init = initializer_literal(s, best->first, best->end);
        if (init)
            return (struct value){init, NULL};
        struct value v =
            resolve(s, best->first, best->end, best->function, best->position, hops + 1);
        if (v.literal || v.variable)
            return v;
    }
    const struct c_macro *m = c_find_macro(s->lexed, s->text, name, strlen(name));
    size_t shared;
    if (!m && s->shared && inf_string_map_get(&s->shared->names, name, &shared))
        return (struct value){s->shared->values[shared], NULL};
    if (m && m->is_literal)
        return (struct value){s->lexed->pool.data + m->value, NULL};
    if (m && !m->is_literal && hops < MAX_HOPS) {
        char *alias = inf_arena_strndup(s->arena, s->text + m->alias, m->alias_len);
        return resolve_name(s, alias, function, position, hops + 1);
    }
    return (struct value){NULL, name};
}

/* ---------------------------------------------------------------- the rule API */

const char *const src_key_open_calls[] = {"ZwOpenKey",     "ZwOpenKeyEx", "ZwCreateKey",
                                          "ZwCreateKeyEx", "NtOpenKey",   "NtOpenKeyEx",
                                          "NtCreateKey",   NULL};
const char *const src_rtl_registry_calls[] = {"RtlQueryRegistryValues",
                                              "RtlQueryRegistryValuesEx",
                                              "RtlWriteRegistryValue",
                                              "RtlCheckRegistryKey",
                                              "RtlCreateRegistryKey",
                                              "RtlDeleteRegistryValue",
                                              NULL};

static struct value argument_value(struct src_check *check, const struct src_call *call, size_t arg)
{
    struct src_scan *s = check->scan;
    struct value none = {NULL, NULL};
    if (arg >= call->arg_count)
        return none;
    uint32_t position = s->call_token[call - s->calls];
    return resolve(s, call->args[arg].first, call->args[arg].end, call->function, position, 0);
}

const char *src_argument_literal(struct src_check *check, const struct src_call *call, size_t arg)
{
    return argument_value(check, call, arg).literal;
}

const char *src_argument_variable(struct src_check *check, const struct src_call *call, size_t arg)
{
    return argument_value(check, call, arg).variable;
}

int src_argument_has(const struct src_check *check, const struct src_call *call, size_t arg,
                     const char *name)
{
    const struct src_scan *s = check->scan;
    if (arg >= call->arg_count)
        return 0;
    for (uint32_t i = call->args[arg].first; i < call->args[arg].end; i++)
        if (is_word(s, i, name))
            return 1;
    return 0;
}

int src_argument_is_null(const struct src_check *check, const struct src_call *call, size_t arg)
{
    const struct src_scan *s = check->scan;
    if (arg >= call->arg_count)
        return 0;
    const struct src_argument *a = &call->args[arg];
    if (a->end != a->first + 1)
        return 0;
    const struct c_token *t = tok(s, a->first);
    size_t n = t->end - t->start;
    const char *text = s->text + t->start;
    return (n == 4 && memcmp(text, "NULL", 4) == 0) || (n == 1 && text[0] == '0') ||
           (n == 7 && memcmp(text, "nullptr", 7) == 0) ||
           (n == 13 && memcmp(text, "WDF_NO_HANDLE", 13) == 0);
}

const struct src_function *src_function(const struct src_check *check, const char *name)
{
    for (size_t i = 0; i < check->function_count; i++)
        if (strcmp(check->functions[i].name, name) == 0)
            return &check->functions[i];
    return NULL;
}

char *src_printf(struct src_check *check, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *text = inf_arena_vprintf(check->scan->arena, format, args);
    va_end(args);
    return text;
}

void src_report(struct src_check *check, const struct src_call *call, enum inf_severity severity,
                const char *hint, const char *format, ...)
{
    if (severity == INF_SEVERITY_OFF)
        severity = check->rule->severity;
    va_list args;
    va_start(args, format);
    char *message = inf_arena_vprintf(check->scan->arena, format, args);
    va_end(args);
    struct inf_span span = {call->offset, call->offset + (uint32_t)strlen(call->name)};
    inf_finding_add(check->scan->sink, check->rule, span, severity, hint, message, strlen(message));
}

/* ---------------------------------------------------------------- the run */

int inf_lint_source_input(const char *path, struct inf_input input,
                          const struct inf_lint_options *options, struct inf_file_result *result)
{
    memset(result, 0, sizeof *result);
    result->path = inf_xstrndup(path, strlen(path));
    struct inf_source text;
    memset(&text, 0, sizeof text);
    if (inf_source_decode_source_input(&text, input) != 0) {
        const char *why = "file too large (over 2 GiB)";
        result->error = inf_xstrndup(why, strlen(why));
        return -1;
    }
    inf_source_map_lines(&text);
    result->encoding = inf_encoding_name(text.encoding);
    struct c_lexed lexed;
    c_lex(text.text, text.len, &text, &lexed);
    struct inf_arena arena = INF_ARENA_INIT;
    struct inf_finding_sink sink;
    inf_finding_sink_init(&sink, result, &text, NULL);
    struct src_scan scan;
    memset(&scan, 0, sizeof scan);
    scan.text = text.text;
    scan.shared = options->source_macros;
    scan.lexed = &lexed;
    scan.arena = &arena;
    scan.sink = &sink;
    pair_brackets(&scan);
    scan_structure(&scan);
    struct src_check check = {
        scan.functions, scan.function_count, scan.calls, scan.call_count, NULL, &scan};
    for (size_t i = 0; i < inf_rule_count; i++) {
        const struct inf_rule *rule = inf_rules[i];
        if (!rule->source_check || !options->enabled[i] || options->severity[i] == INF_SEVERITY_OFF)
            continue;
        check.rule = rule;
        rule->source_check(&check);
    }
    inf_findings_apply_overrides(result, options, 0);
    inf_suppressions_apply(&text, lexed.comments, lexed.comment_count, NULL, result, options);
    inf_findings_finish(result);
    free(scan.functions);
    free(scan.calls);
    free(scan.call_token);
    free(scan.partner);
    free(scan.facts);
    free(scan.function_facts);
    inf_string_map_free(&scan.last_fact);
    inf_arena_free(&arena);
    c_lexed_free(&lexed);
    inf_source_free(&text);
    return 0;
}

struct inf_source_macros *inf_source_macros_read(char *const *paths, size_t count)
{
    struct inf_source_macros *macros = inf_xcalloc(1, sizeof *macros);
    for (size_t i = 0; i < count; i++) {
        struct inf_input input;
        if (inf_os_read_input(paths[i], &input) != 0)
            continue;
        struct inf_source text;
        if (inf_source_decode_source_input(&text, input) != 0)
            continue;
        inf_source_map_lines(&text);
        struct c_lexed lexed;
        c_lex(text.text, text.len, &text, &lexed);
        for (size_t k = 0; k < lexed.macro_count; k++) {
            const struct c_macro *m = &lexed.macros[k];
            if (!m->is_literal)
                continue;
            char *name = inf_xstrndup(text.text + m->name, m->name_len);
            size_t at;
            if (!inf_string_map_get(&macros->names, name, &at)) {
                macros->values =
                    inf_xgrow(macros->values, &macros->cap, macros->count + 1, sizeof(char *));
                at = macros->count++;
                macros->values[at] = NULL;
                inf_string_map_put(&macros->names, name, at);
            }
            free(macros->values[at]); /* the last definition counts */
            macros->values[at] = inf_xstrndup(lexed.pool.data + m->value, m->value_len);
            free(name);
        }
        c_lexed_free(&lexed);
        inf_source_free(&text);
    }
    return macros;
}

void inf_source_macros_free(struct inf_source_macros *macros)
{
    if (!macros)
        return;
    for (size_t i = 0; i < macros->count; i++)
        free(macros->values[i]);
    free(macros->values);
    inf_string_map_free(&macros->names);
    free(macros);
}
