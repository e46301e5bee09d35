/*
 * c_lexer.h - C and C++ source as tokens, for the driver-source scan
 * (source-rules.md "What is scanned"): comments, every literal kind
 * (narrow, L, u8, u, U, raw strings, characters), identifiers, numbers and
 * punctuation, with their offsets in the text. No preprocessor: `#define`
 * of a literal (or of another name) is recorded, `#if 0` blocks are
 * skipped, every other directive line is passed over, and both branches of
 * other conditionals are scanned. Never fails: anything unexpected is read
 * as punctuation and an unterminated literal ends at its line.
 */
#ifndef INFLINT_C_LEXER_H
#define INFLINT_C_LEXER_H

#include "inflint/buf.h"
#include "model.h" /* struct inf_comment */

#include <stddef.h>
#include <stdint.h>

enum c_token_kind {
    C_TOKEN_IDENT,
    C_TOKEN_NUMBER,
    C_TOKEN_STRING, /* its decoded value is in the lexer's pool */
    C_TOKEN_CHAR,
    C_TOKEN_PUNCT /* one character: ( ) { } [ ] , ; = & | * . - > and the rest */
};

struct c_token {
    enum c_token_kind kind;
    char punct;                /* C_TOKEN_PUNCT: the character */
    uint32_t start, end;       /* in the text */
    uint32_t value, value_len; /* C_TOKEN_STRING: the decoded value (escapes applied) in pool */
};

/* `#define NAME "literal"...` (adjacent literals joined) or `#define NAME OTHER`. */
struct c_macro {
    uint32_t name, name_len;   /* in the text */
    uint32_t value, value_len; /* decoded literal in the pool, when is_literal */
    uint32_t alias, alias_len; /* the other name in the text, when not */
    int is_literal;
};

struct c_lexed {
    struct c_token *tokens;
    size_t count, cap;
    struct c_macro *macros;
    size_t macro_count, macro_cap;
    /* `inflint:` comments, for suppressions: each's text starts one byte after its offset
     * (the last character of its // or the * of its slash-star), as INF comments do. */
    struct inf_comment *comments;
    size_t comment_count, comment_cap;
    struct inf_buf pool;
};

/* Tokenizes LEN bytes of TEXT (UTF-8, NUL-terminated) into OUT. Free with c_lexed_free. */
void c_lex(const char *text, size_t len, const struct inf_source *lines, struct c_lexed *out);
void c_lexed_free(struct c_lexed *lexed);

/* The macro NAME (LEN bytes), or NULL. */
const struct c_macro *c_find_macro(const struct c_lexed *lexed, const char *text, const char *name,
                                   size_t len);

/* Does NAME end in a C or C++ source or header extension (.c .cc .cpp .cxx .h .hh .hpp .hxx)? */
int c_is_source_name(const char *name);

#endif
