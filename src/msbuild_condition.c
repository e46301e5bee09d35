/*
 * msbuild_condition.c - MSBuild condition expressions, the forms project
 * files use: 'a'=='b', 'a'!='b' (compared without case, after property
 * expansion), true/false, Exists('path'), HasTrailingSlash('path'), !,
 * and, or, parentheses. Anything else (numeric comparisons, property
 * functions) is "not understood", and the caller decides what that means.
 */
#include "msbuild_internal.h"
#include "text.h"

#include <string.h>

struct cond_parser {
    const char *p;
    struct msbuild_eval *eval;
    int not_understood;
};

static void skip_blanks(struct cond_parser *c)
{
    while (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' || *c->p == '\n')
        c->p++;
}

/* Is the next word KEYWORD (any case), not followed by a name character? */
static int take_keyword(struct cond_parser *c, const char *keyword)
{
    skip_blanks(c);
    size_t n = strlen(keyword);
    if (!inf_text_starts_nocase(c->p, keyword, n))
        return 0;
    char next = c->p[n];
    if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
        (next >= '0' && next <= '9') || next == '_')
        return 0;
    c->p += n;
    return 1;
}

/* A quoted string ('...'), expanded; NULL (and not understood) when malformed. */
static char *quoted(struct cond_parser *c)
{
    skip_blanks(c);
    if (*c->p != '\'') {
        c->not_understood = 1;
        return NULL;
    }
    const char *start = ++c->p;
    while (*c->p && *c->p != '\'')
        c->p++;
    if (!*c->p) {
        c->not_understood = 1;
        return NULL;
    }
    char *raw = inf_xstrndup(start, (size_t)(c->p - start));
    c->p++;
    int unresolved = 0;
    char *value = msbuild_expand(c->eval, raw, &unresolved);
    free(raw);
    if (unresolved == MSBUILD_UNSUPPORTED)
        c->not_understood = 1;
    return value;
}

/* A function call's single quoted argument: "('...')". */
static char *argument(struct cond_parser *c)
{
    skip_blanks(c);
    if (*c->p != '(') {
        c->not_understood = 1;
        return NULL;
    }
    c->p++;
    char *value = quoted(c);
    skip_blanks(c);
    if (*c->p != ')') {
        c->not_understood = 1;
        free(value);
        return NULL;
    }
    c->p++;
    return value;
}

static int expression(struct cond_parser *c);

/* A comparison, a function, a parenthesized expression, a negation, or a boolean word. */
static int operand(struct cond_parser *c)
{
    skip_blanks(c);
    if (*c->p == '!' && c->p[1] != '=') {
        c->p++;
        return !operand(c);
    }
    if (*c->p == '(') {
        c->p++;
        int value = expression(c);
        skip_blanks(c);
        if (*c->p == ')')
            c->p++;
        else
            c->not_understood = 1;
        return value;
    }
    if (take_keyword(c, "true"))
        return 1;
    if (take_keyword(c, "false"))
        return 0;
    if (take_keyword(c, "Exists")) {
        char *path = argument(c);
        int value = path && msbuild_exists(c->eval, path);
        free(path);
        return value;
    }
    if (take_keyword(c, "HasTrailingSlash")) {
        char *text = argument(c);
        size_t n = text ? strlen(text) : 0;
        int value = n && (text[n - 1] == '\\' || text[n - 1] == '/');
        free(text);
        return value;
    }
    char *left = quoted(c);
    if (!left)
        return 0;
    skip_blanks(c);
    int equal;
    if (c->p[0] == '=' && c->p[1] == '=')
        equal = 1;
    else if (c->p[0] == '!' && c->p[1] == '=')
        equal = 0;
    else { /* a lone string: true or false */
        int value = msbuild_equal_nocase(left, "true");
        if (!value && !msbuild_equal_nocase(left, "false"))
            c->not_understood = 1;
        free(left);
        return value;
    }
    c->p += 2;
    char *right = quoted(c);
    int same = right && msbuild_equal_nocase(left, right);
    free(left);
    free(right);
    return equal ? same : !same;
}

static int conjunction(struct cond_parser *c)
{
    int value = operand(c);
    while (take_keyword(c, "and"))
        value = operand(c) && value; /* both sides are read whatever the first gave */
    return value;
}

static int expression(struct cond_parser *c)
{
    int value = conjunction(c);
    while (take_keyword(c, "or"))
        value = conjunction(c) || value;
    return value;
}

int msbuild_condition(struct msbuild_eval *eval, const char *condition, int *understood)
{
    *understood = 1;
    if (!condition)
        return 1;
    struct cond_parser c = {condition, eval, 0};
    skip_blanks(&c);
    if (!*c.p)
        return 1; /* an empty condition holds */
    int value = expression(&c);
    skip_blanks(&c);
    if (*c.p || c.not_understood) {
        *understood = 0;
        return 0;
    }
    return value;
}
