/*
 * c_lexer.c - C and C++ tokens (c_lexer.h).
 *
 * One pass over the text. A backslash before a newline joins lines
 * anywhere; a '#' that starts a line (after blanks) starts a directive,
 * read to its end. String values are decoded (simple escapes, octal, \x,
 * \u as UTF-8) so that rules compare what the program holds, not how it is
 * written.
 */
#include "c_lexer.h"
#include "inflint/alloc.h"
#include "source.h"

#include <stdlib.h>
#include <string.h>

static int is_ident_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int is_ident_char(unsigned char c)
{
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

int c_is_source_name(const char *name)
{
    static const char *const extensions[] = {".c", ".cc", ".cpp", ".cxx",
                                             ".h", ".hh", ".hpp", ".hxx"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++) {
        size_t e = strlen(extensions[i]);
        if (n > e && inf_text_equal_nocase2(name + n - e, e, extensions[i], e))
            return 1;
    }
    return 0;
}

struct lexer {
    const char *text;
    size_t len, pos;
    const struct inf_source *lines;
    struct c_lexed *out;
};

/* Skips a backslash-newline (CR LF too) at POS; returns the position after it. */
static size_t splice(const char *text, size_t len, size_t pos)
{
    while (pos < len && text[pos] == '\\') {
        size_t q = pos + 1;
        if (q < len && text[q] == '\r')
            q++;
        if (q < len && text[q] == '\n')
            pos = q + 1;
        else
            break;
    }
    return pos;
}

static struct c_token *add_token(struct lexer *lx, enum c_token_kind kind, size_t start, size_t end)
{
    struct c_lexed *o = lx->out;
    o->tokens = inf_xgrow(o->tokens, &o->cap, o->count + 1, sizeof *o->tokens);
    struct c_token *t = &o->tokens[o->count++];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    return t;
}

/* Appends code point CP as UTF-8. */
static void add_code_point(struct inf_buf *pool, uint32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80)
        b[0] = (char)cp, n = 1;
    else if (cp < 0x800)
        b[0] = (char)(0xC0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000)
        b[0] = (char)(0xE0 | cp >> 12), b[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
        b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    else
        b[0] = (char)(0xF0 | cp >> 18), b[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    inf_buf_add(pool, b, n);
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/*
 * A quoted literal whose opening QUOTE is at lx->pos: to the closing quote
 * (or the end of its line, unterminated). Decodes it into the pool when
 * DECODE. Returns the position after it.
 */
static size_t quoted(struct lexer *lx, char quote, int decode, uint32_t *value, uint32_t *value_len)
{
    const char *t = lx->text;
    size_t p = lx->pos + 1, len = lx->len;
    struct inf_buf *pool = &lx->out->pool;
    size_t before = pool->len;
    while (p < len) {
        p = splice(t, len, p);
        if (p >= len || t[p] == quote || t[p] == '\n')
            break;
        if (t[p] != '\\') {
            if (decode)
                inf_buf_addc(pool, t[p]);
            p++;
            continue;
        }
        p = splice(t, len, p + 1); /* (a backslash-newline is no escape) */
        if (p >= len)
            break;
        char e = t[p++];
        if (!decode)
            continue;
        uint32_t cp = (unsigned char)e;
        switch (e) {
        case 'n':
            cp = '\n';
            break;
        case 't':
            cp = '\t';
            break;
        case 'r':
            cp = '\r';
            break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
            cp = (uint32_t)(e - '0');
            for (int k = 0; k < 2 && p < len && t[p] >= '0' && t[p] <= '7'; k++)
                cp = cp * 8 + (uint32_t)(t[p++] - '0');
            break;
        case 'x':
        case 'u':
        case 'U': {
            int max = e == 'x' ? 8 : e == 'u' ? 4 : 8, digits = 0, h;
            cp = 0;
            while (digits < max && p < len && (h = hex_value(t[p])) >= 0)
                cp = cp * 16 + (uint32_t)h, p++, digits++;
            break;
        }
        default:
            break; /* \\ \' \" \? and the rest stand for themselves */
        }
        add_code_point(pool, cp);
    }
    if (decode) {
        *value = (uint32_t)before;
        *value_len = (uint32_t)(pool->len - before);
        inf_buf_addc(pool, '\0');
    }
    return p < len && t[p] == quote ? p + 1 : p;
}

/* A raw string R"delim( ... )delim" whose '"' is at lx->pos. Returns the position after it. */
static size_t raw_string(struct lexer *lx, uint32_t *value, uint32_t *value_len)
{
    const char *t = lx->text;
    size_t len = lx->len, p = lx->pos + 1, d = p;
    while (p < len && t[p] != '(' && t[p] != '\n' && p - d < 16)
        p++;
    if (p >= len || t[p] != '(')
        return quoted(lx, '"', 1, value, value_len); /* not a raw string after all */
    size_t delim_len = p - d, body = p + 1;
    struct inf_buf *pool = &lx->out->pool;
    for (size_t q = body; q < len; q++) {
        if (t[q] == ')' && q + 1 + delim_len < len && memcmp(t + q + 1, t + d, delim_len) == 0 &&
            t[q + 1 + delim_len] == '"') {
            *value = (uint32_t)pool->len;
            *value_len = (uint32_t)(q - body);
            inf_buf_add(pool, t + body, q - body);
            inf_buf_addc(pool, '\0');
            return q + 2 + delim_len;
        }
    }
    *value = (uint32_t)pool->len;
    *value_len = 0;
    inf_buf_addc(pool, '\0');
    return len; /* unterminated: to the end */
}

/* A comment at lx->pos ("//" or "/" "*"); records it when it holds "inflint:". */
static size_t comment(struct lexer *lx)
{
    const char *t = lx->text;
    size_t len = lx->len, start = lx->pos, end, text_end;
    if (t[start + 1] == '/') {
        end = start + 2;
        while (end < len && t[end] != '\n') {
            if (t[end] == '\\')
                end = splice(t, len, end) == end ? end + 1 : splice(t, len, end);
            else
                end++;
        }
        text_end = end;
    } else {
        const char *close = len - start > 2 ? strstr(t + start + 2, "*/") : NULL;
        end = close ? (size_t)(close - t) + 2 : len;
        text_end = close ? (size_t)(close - t) : len;
    }
    const char *mark = memchr(t + start, 'i', text_end - start);
    for (; mark && (size_t)(mark - t) + 8 <= text_end;
         mark = memchr(mark + 1, 'i', text_end - (size_t)(mark + 1 - t)))
        if (memcmp(mark, "inflint:", 8) == 0)
            break;
    if (mark && (size_t)(mark - t) + 8 <= text_end) {
        struct c_lexed *o = lx->out;
        o->comments =
            inf_xgrow(o->comments, &o->comment_cap, o->comment_count + 1, sizeof *o->comments);
        struct inf_comment *c = &o->comments[o->comment_count++];
        uint32_t line, column;
        inf_source_position(lx->lines, start, &line, &column);
        size_t first = start; /* anything but blanks before it on its line? */
        while (first > 0 && (t[first - 1] == ' ' || t[first - 1] == '\t'))
            first--;
        c->line = line;
        c->offset = (uint32_t)(start + 1); /* its text starts after "//" or after the star */
        c->end = (uint32_t)text_end;
        c->alone = first == 0 || t[first - 1] == '\n';
    }
    return end;
}

/* The rest of a directive line from P (continuations included): its end. */
static size_t line_end(const char *t, size_t len, size_t p)
{
    while (p < len && t[p] != '\n') {
        if (t[p] == '\\')
            p = splice(t, len, p) == p ? p + 1 : splice(t, len, p);
        else if (t[p] == '/' && p + 1 < len && t[p + 1] == '*') {
            const char *close = strstr(t + p + 2, "*/");
            p = close ? (size_t)(close - t) + 2 : len;
        } else
            p++;
    }
    return p;
}

/* Past blanks and backslash-newlines from P (not beyond END). */
static size_t skip_blanks(const char *t, size_t len, size_t p, size_t end)
{
    for (;;) {
        while (p < end && (t[p] == ' ' || t[p] == '\t' || t[p] == '\r'))
            p++;
        size_t after = p < end ? splice(t, len, p) : p;
        if (after == p || after > end)
            return p;
        p = after;
    }
}

/* The end of the identifier at P (backslash-newlines inside it included). */
static size_t word_end(const char *t, size_t p, size_t end)
{
    for (;;) {
        while (p < end && is_ident_char((unsigned char)t[p]))
            p++;
        size_t after = p < end ? splice(t, end, p) : p;
        if (after == p || after >= end || !is_ident_char((unsigned char)t[after]))
            return p;
        p = after;
    }
}

/* `#define NAME value`: records a literal value or an alias. */
static void define(struct lexer *lx, size_t p, size_t end)
{
    const char *t = lx->text;
    p = skip_blanks(t, lx->len, p, end);
    size_t name = p, name_end = word_end(t, p, end);
    if (name_end == name || (name_end < end && t[name_end] == '('))
        return; /* no name, or a function-like macro */
    p = skip_blanks(t, lx->len, name_end, end);
    struct c_macro m = {(uint32_t)name, (uint32_t)(name_end - name), 0, 0, 0, 0, 0};
    /* Literals, maybe prefixed (L"", u8"") and adjacent, maybe in parentheses. */
    size_t q = p;
    int parenthesized = q < end && t[q] == '(';
    if (parenthesized)
        q = skip_blanks(t, lx->len, q + 1, end);
    struct inf_buf joined = INF_BUF_INIT;
    int literal = 0;
    for (;;) {
        size_t s = q;
        while (s < end && (t[s] == 'L' || t[s] == 'u' || t[s] == 'U' || t[s] == '8'))
            s++;
        if (s >= end || t[s] != '"')
            break;
        uint32_t value, value_len;
        lx->pos = s;
        q = quoted(lx, '"', 1, &value, &value_len);
        inf_buf_add(&joined, lx->out->pool.data + value, value_len);
        literal = 1;
        q = skip_blanks(t, lx->len, q, end);
    }
    if (literal) {
        m.is_literal = 1;
        m.value = (uint32_t)lx->out->pool.len;
        m.value_len = (uint32_t)joined.len;
        inf_buf_add(&lx->out->pool, joined.data ? joined.data : "", joined.len);
        inf_buf_addc(&lx->out->pool, '\0');
    } else if (p < end && is_ident_start((unsigned char)t[p])) {
        size_t alias_end = word_end(t, p, end);
        if (skip_blanks(t, lx->len, alias_end, end) < end)
            return; /* more than a name */
        m.alias = (uint32_t)p;
        m.alias_len = (uint32_t)(alias_end - p);
    } else {
        inf_buf_free(&joined);
        return;
    }
    inf_buf_free(&joined);
    struct c_lexed *o = lx->out;
    o->macros = inf_xgrow(o->macros, &o->macro_cap, o->macro_count + 1, sizeof *o->macros);
    o->macros[o->macro_count++] = m;
}

/* The directive at P (the '#'). Returns where scanning goes on. */
static size_t directive(struct lexer *lx, size_t p)
{
    const char *t = lx->text;
    size_t len = lx->len, end = line_end(t, len, p);
    size_t q = skip_blanks(t, len, p + 1, end), word = q;
    q = word_end(t, q, end);
    size_t n = q - word;
    if (n == 6 && memcmp(t + word, "define", 6) == 0) {
        define(lx, q, end);
        return end;
    }
    if (n != 2 || memcmp(t + word, "if", 2) != 0)
        return end;
    size_t e = skip_blanks(t, len, q, end);
    int zero = e < end && t[e] == '0' && skip_blanks(t, len, e + 1, end) == end;
    if (!zero)
        return end; /* every other conditional: both branches are scanned */
    /* #if 0: to its #else, #elif or #endif (nested conditionals counted). */
    int depth = 0;
    size_t at = end;
    while (at < len) {
        size_t line = at + 1, b = skip_blanks(t, len, line, len);
        at = line_end(t, len, line);
        if (b >= at || t[b] != '#')
            continue;
        size_t w = skip_blanks(t, len, b + 1, at), we = word_end(t, w, at);
        size_t wn = we - w;
        if (wn >= 2 && memcmp(t + w, "if", 2) == 0)
            depth++;
        else if (wn == 5 && memcmp(t + w, "endif", 5) == 0 && depth-- == 0)
            return at;
        else if (depth == 0 && ((wn == 4 && memcmp(t + w, "else", 4) == 0) ||
                                (wn == 4 && memcmp(t + w, "elif", 4) == 0)))
            return at;
    }
    return len;
}

void c_lex(const char *text, size_t len, const struct inf_source *lines, struct c_lexed *out)
{
    memset(out, 0, sizeof *out);
    out->tokens = inf_xmalloc((len / 6 + 16) * sizeof *out->tokens);
    out->cap = len / 6 + 16;
    struct lexer lx = {text, len, 0, lines, out};
    int line_start = 1; /* only blanks so far on this line */
    size_t p = 0;
    while (p < len) {
        unsigned char c = (unsigned char)text[p];
        if (c == '\n') {
            line_start = 1;
            p++;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            p++;
            continue;
        }
        if (c == '\\' && splice(text, len, p) != p) {
            p = splice(text, len, p);
            continue;
        }
        if (c == '/' && p + 1 < len && (text[p + 1] == '/' || text[p + 1] == '*')) {
            lx.pos = p;
            p = comment(&lx); /* (a comment leaves the line's start as it was) */
            continue;
        }
        if (c == '#' && line_start) {
            p = directive(&lx, p);
        } else if (is_ident_start(c)) {
            size_t e = word_end(text, p, len);
            /* A literal's prefix: L, u, U, u8, and R for raw strings. */
            size_t w = e - p;
            int prefix =
                (w == 1 && (c == 'L' || c == 'u' || c == 'U' || c == 'R')) ||
                (w == 2 && (memcmp(text + p, "u8", 2) == 0 ||
                            ((text[p + 1] == 'R') && (c == 'L' || c == 'u' || c == 'U')))) ||
                (w == 3 && memcmp(text + p, "u8R", 3) == 0);
            if (prefix && e < len && (text[e] == '"' || text[e] == '\'')) {
                struct c_token *t =
                    add_token(&lx, text[e] == '"' ? C_TOKEN_STRING : C_TOKEN_CHAR, p, p);
                uint32_t value = 0, value_len = 0;
                lx.pos = e;
                size_t after;
                if (text[e] == '"' && text[e - 1] == 'R')
                    after = raw_string(&lx, &value, &value_len);
                else
                    after = quoted(&lx, text[e], text[e] == '"', &value, &value_len);
                t = &out->tokens[out->count - 1];
                t->end = (uint32_t)after;
                t->value = value, t->value_len = value_len;
                p = after;
            } else {
                add_token(&lx, C_TOKEN_IDENT, p, e);
                p = e;
            }
            line_start = 0;
            continue;
        } else if (c >= '0' && c <= '9') {
            size_t e = p + 1;
            while (e < len && (is_ident_char((unsigned char)text[e]) || text[e] == '.' ||
                               ((text[e] == '+' || text[e] == '-') &&
                                (text[e - 1] == 'e' || text[e - 1] == 'E' || text[e - 1] == 'p' ||
                                 text[e - 1] == 'P')) ||
                               text[e] == '\''))
                e++;
            add_token(&lx, C_TOKEN_NUMBER, p, e);
            p = e;
        } else if (c == '"' || c == '\'') {
            uint32_t value = 0, value_len = 0;
            lx.pos = p;
            size_t after = quoted(&lx, (char)c, c == '"', &value, &value_len);
            struct c_token *t = add_token(&lx, c == '"' ? C_TOKEN_STRING : C_TOKEN_CHAR, p, after);
            t->value = value, t->value_len = value_len;
            p = after;
        } else {
            struct c_token *t = add_token(&lx, C_TOKEN_PUNCT, p, p + 1);
            t->punct = (char)c;
            p++;
        }
        line_start = 0;
    }
}

void c_lexed_free(struct c_lexed *lexed)
{
    free(lexed->tokens);
    free(lexed->macros);
    free(lexed->comments);
    inf_buf_free(&lexed->pool);
    memset(lexed, 0, sizeof *lexed);
}

const struct c_macro *c_find_macro(const struct c_lexed *lexed, const char *text, const char *name,
                                   size_t len)
{
    for (size_t i = lexed->macro_count; i-- > 0;) { /* the last definition counts */
        const struct c_macro *m = &lexed->macros[i];
        if (m->name_len == len && memcmp(text + m->name, name, len) == 0)
            return m;
    }
    return NULL;
}
