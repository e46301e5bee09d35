/*
 * model.h - an INF file as Windows sees it after tokenizing.
 *
 * Sections are merged case-insensitively in file order while every header
 * is remembered (inf-reference.md 4.2); each entry ("line") has an optional
 * key and a list of fields whose text is kept as tokenized (quotes removed,
 * continuations joined) and substituted only on request, never re-split
 * (section 10). Text lives in the decoded source buffer or, for tokens that
 * had to be rebuilt, in one pool; tokens refer to it by offset, so the whole
 * model is a handful of flat arrays per file with no per-line allocation.
 */
#ifndef INFLINT_MODEL_H
#define INFLINT_MODEL_H

#include "inflint/buf.h"
#include "source.h"
#include "text.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define INF_NO_INDEX UINT32_MAX
#define INF_MAX_FIELD_CHARS 4096
#define INF_MAX_SECTION_NAME_CHARS 255
#define INF_MAX_TOKEN_BYTES ((1u << 26) - 1)

/* A span of source text by offsets into the decoded text; end exclusive. */
struct inf_span {
    uint32_t start, end;
};

/* A piece of text that is not NUL-terminated. */
struct inf_text {
    const char *ptr;
    size_t len;
};

/*
 * One key or field, in 8 bytes (a large file has millions). A token whose
 * text is one run of source text is a slice of the source; its extent is
 * derived: the text starts AT (after the opening quote when it opens with
 * one) and the extent ends just past the text (and the closing quote). The
 * others ("pooled") keep their text in the pool, preceded by their source
 * offset and end as two uint32_t. Use inf_token_offset/end/raw.
 */
struct inf_token {
    uint32_t at;                   /* source offset of its first character, or pool offset */
    unsigned int len : 26;         /* bytes of text (longer tokens are cut; INF015 reports them) */
    unsigned int quoted : 1;       /* some part was inside double quotes */
    unsigned int pooled : 1;       /* text is in the pool, not the source */
    unsigned int percent : 1;      /* text holds a '%': substitution may change it */
    unsigned int dollar : 1;       /* text holds a '$': it may hold a template token */
    unsigned int opens_quote : 1;  /* a slice whose text follows an opening '"' */
    unsigned int closes_quote : 1; /* a slice whose text is followed by its closing '"' */
};

/*
 * A token of these fields. The bit fields are packed by hand, the first in
 * the lowest bits as GCC, Clang and MSVC lay them out (unit.test_model reads
 * every field back): set one by one they cost a masked merge each, in the
 * lexer's innermost loop.
 */
static inline struct inf_token inf_token_make(uint32_t at, uint32_t len, unsigned quoted,
                                              unsigned pooled, unsigned percent, unsigned dollar,
                                              unsigned opens_quote, unsigned closes_quote)
{
    uint32_t bits = len | (uint32_t)quoted << 26 | (uint32_t)pooled << 27 |
                    (uint32_t)percent << 28 | (uint32_t)dollar << 29 | (uint32_t)opens_quote << 30 |
                    (uint32_t)closes_quote << 31;
    struct inf_token token;
    token.at = at;
    memcpy((char *)&token + sizeof token.at, &bits, sizeof bits);
    return token;
}

/* Bytes before a pooled token's text: its source offset and end. */
#define INF_POOL_HEADER (2 * sizeof(uint32_t))

/* One entry: optional key plus fields. */
struct inf_line {
    uint32_t line;        /* physical line where the entry starts */
    uint32_t first_token; /* the key (when has_key), then the fields */
    unsigned int field_count : 30;
    unsigned int has_key : 1;      /* the entry had an '=' before any ',' */
    unsigned int key_is_field : 1; /* no '=', one field: the field is also the key */
};

/* One [header]: its lines are model->lines[first_line .. first_line + line_count). */
struct inf_run {
    uint32_t section;
    uint32_t name_len; /* the name follows the '[' at header_offset */
    uint32_t header_line;
    uint32_t header_offset;
    uint32_t first_line;
    uint32_t line_count;
    uint32_t next; /* next run of the same section, or INF_NO_INDEX */
    uint32_t hash; /* inf_hash_nocase of the name, taken while the lexer had it in cache */
};

struct inf_section {
    uint32_t name_offset; /* the name, verbatim, in the model's names */
    uint32_t name_len;
    uint32_t first_run;
    uint32_t last_run;
    uint32_t line_count; /* lines over all runs */
    uint32_t run_count;  /* number of headers */
    uint32_t hash;
};

enum inf_parse_issue_kind {
    INF_ISSUE_TEXT_BEFORE_SECTION,     /* INF002 */
    INF_ISSUE_UNTERMINATED_HEADER,     /* INF003: '[' without ']' on the line */
    INF_ISSUE_SECTION_NAME_TOO_LONG,   /* INF003: more than 255 characters */
    INF_ISSUE_UNTERMINATED_QUOTE,      /* INF011 */
    INF_ISSUE_SUSPICIOUS_CONTINUATION, /* INF012 */
    INF_ISSUE_FIELD_TOO_LONG           /* INF015, before substitution */
};

struct inf_parse_issue {
    enum inf_parse_issue_kind kind;
    uint32_t line;
    uint32_t offset; /* where the problem starts */
    uint32_t end;    /* just past it */
};

/*
 * A ';' comment that may hold an inflint directive (its text, after blanks,
 * starts with "inflint:"); other comments are not kept. Source offsets of
 * the ';' and of the end of the line.
 */
struct inf_comment {
    uint32_t line;
    uint32_t offset;
    uint32_t end;
    uint32_t alone; /* non-zero: nothing but blanks before it on its line */
};

/* A token that holds '%' or '$', with where it is (rules visit only these). */
struct inf_marked_token {
    uint32_t token; /* index into tokens */
    uint32_t line;  /* index into lines */
    uint32_t section;
    uint32_t run; /* the header it is under (the lexer's; section comes from it) */
};

/* A slot of an open-addressing table: a name's hash and its index + 1 (0 = empty). */
struct inf_hash_slot {
    uint32_t hash;
    uint32_t index;
};

/* A [Strings] key: its hash, its line (index + 1; 0 = empty slot) and its text, kept beside
 * them so that a lookup reads no line or token. */
struct inf_string_slot {
    uint32_t hash;
    uint32_t index;
    const char *key;
    size_t key_len;
};

struct inf_model {
    struct inf_source source;
    char *path;      /* as given; owned */
    int is_template; /* .inx: $ARCH$ and friends are expected */

    struct inf_token *tokens;
    size_t token_count, token_cap;
    struct inf_line *lines;
    size_t line_count, line_cap;
    struct inf_run *runs;
    size_t run_count, run_cap;
    struct inf_section *sections;
    size_t section_count, section_cap;
    struct inf_parse_issue *issues;
    size_t issue_count, issue_cap;
    struct inf_comment *comments;
    size_t comment_count, comment_cap;
    char *pool;
    size_t pool_len, pool_cap;
    /* Section names back to back (NUL-separated): loops over all sections read this small
     * block instead of touching the whole source text. */
    char *names;
    size_t names_len, names_cap;
    struct inf_marked_token *percent_tokens; /* tokens holding '%', in file order */
    size_t percent_count, percent_cap;
    struct inf_marked_token *dollar_tokens; /* tokens holding '$', in file order */
    size_t dollar_count, dollar_cap;

    struct inf_hash_slot *section_table; /* section names: section indexes */
    size_t section_table_size;
    uint32_t strings_section;              /* the table used for %key% substitution */
    struct inf_string_slot *strings_table; /* string keys: line indexes */
    size_t strings_table_size;
    int strings_have_dirid_names;   /* a string key reads as a DIRID ("13"): looked up first */
    int string_values_have_percent; /* a string's value holds '%' (substituting may pair it) */
};

/*
 * Tokenizes LEN bytes at BYTES (taking ownership: they must come from
 * malloc) into MODEL. PATH names the file (copied). Returns 0, or -1 when
 * the input is too large to be read. Free with inf_model_free.
 */
int inf_model_parse(struct inf_model *model, const char *path, unsigned char *bytes, size_t len);

/* The same for an input from inf_os_read_input (ownership taken). */
int inf_model_parse_input(struct inf_model *model, const char *path, struct inf_input input);
void inf_model_free(struct inf_model *model);

/* Section lookup, case-insensitive (ASCII). Returns an index or INF_NO_INDEX. */
uint32_t inf_model_find_section(const struct inf_model *model, const char *name, size_t len);

/* SECTION's name as first written (inline: every per-section pass reads it). */
static inline struct inf_text inf_model_section_name(const struct inf_model *model,
                                                     uint32_t section)
{
    const struct inf_section *s = &model->sections[section];
    struct inf_text t = {model->names + s->name_offset, s->name_len};
    return t;
}

/*
 * The two halves of inf_model_find_section, for many lookups in a row: a
 * name's HASH (inf_hash_nocase) announced early brings its table slot into
 * the cache while other work goes on; the lookup itself then need not wait.
 */
void inf_model_prefetch_section(const struct inf_model *model, uint32_t hash);
uint32_t inf_model_find_section_hashed(const struct inf_model *model, const char *name, size_t len,
                                       uint32_t hash);

/* Iterates the lines of a section in file order over all its headers. */
struct inf_line_iter {
    const struct inf_model *model;
    uint32_t run;
    uint32_t next_line;
    uint32_t end_line;
};
void inf_line_iter_init(struct inf_line_iter *it, const struct inf_model *model, uint32_t section);
/* inf_line_iter_next past the end of a run (model.c). */
const struct inf_line *inf_line_iter_next_run(struct inf_line_iter *it);
/* Returns the next line, or NULL at the end. */
static inline const struct inf_line *inf_line_iter_next(struct inf_line_iter *it)
{
    if (it->next_line < it->end_line) /* (within a run: inline) */
        return &it->model->lines[it->next_line++];
    return inf_line_iter_next_run(it);
}

/* (The three accessors below are inline: every rule calls them, most in loops.) */

/* The key token of LINE (NULL when it has none; the field for key_is_field). */
static inline const struct inf_token *inf_line_key(const struct inf_model *model,
                                                   const struct inf_line *line)
{
    return line->has_key || line->key_is_field ? &model->tokens[line->first_token] : NULL;
}

/* Field INDEX (0-based) of LINE, or NULL when there are fewer fields. */
static inline const struct inf_token *inf_line_field(const struct inf_model *model,
                                                     const struct inf_line *line, size_t index)
{
    if (index >= line->field_count)
        return NULL;
    return &model->tokens[line->first_token + (line->has_key ? 1 : 0) + index];
}

/* The token's text before substitution. */
static inline struct inf_text inf_token_raw(const struct inf_model *model,
                                            const struct inf_token *token)
{
    struct inf_text t;
    t.ptr = token->pooled ? model->pool + token->at
                          : model->source.text + token->at + token->opens_quote;
    t.len = token->len;
    return t;
}

/* Value INDEX (0: start, 1: end) of the pool header before a pooled token's text. */
static inline uint32_t inf_token_pool_header(const struct inf_model *model,
                                             const struct inf_token *token, size_t index)
{
    uint32_t value;
    memcpy(&value, model->pool + token->at - INF_POOL_HEADER + index * sizeof value, sizeof value);
    return value;
}

/* Source offset of the token's first character (or opening quote). */
static inline uint32_t inf_token_offset(const struct inf_model *model,
                                        const struct inf_token *token)
{
    return token->pooled ? inf_token_pool_header(model, token, 0) : token->at;
}

/* Source offset just past its last character (or closing quote). */
static inline uint32_t inf_token_end(const struct inf_model *model, const struct inf_token *token)
{
    if (token->pooled)
        return inf_token_pool_header(model, token, 1);
    return token->at + token->opens_quote + token->len + token->closes_quote;
}

/* How %n% DIRID tokens are written during substitution. */
struct inf_dirid_resolver {
    /* Returns the directory text for DIRID; NULL keeps the token as written. */
    const char *(*text)(void *context, long dirid);
    void *context;
};

/* Bits reported by inf_model_substitute. */
enum {
    INF_SUBST_UNKNOWN = 1u << 0,  /* a %name% that is neither a string key nor a number */
    INF_SUBST_UNCLOSED = 1u << 1, /* a '%' that never closes */
    INF_SUBST_DIRID = 1u << 2     /* a numeric %n% was present */
};

/*
 * Substitutes %strkey% tokens in TEXT (inf-reference.md 10.2): %% gives %,
 * string keys give their [Strings] value verbatim, numbers are DIRIDs
 * (kept as written unless RESOLVER says otherwise), unknown names stay as
 * written. Builds into SCRATCH when it has to; the result is valid until
 * SCRATCH changes. FLAGS (may be NULL) receives INF_SUBST_* bits.
 */
struct inf_text inf_model_substitute(const struct inf_model *model, struct inf_text text,
                                     struct inf_buf *scratch,
                                     const struct inf_dirid_resolver *resolver, unsigned *flags);

/* One %...% reference in a text, as Windows reads it (inf-reference.md 10.2). */
enum inf_percent_kind {
    INF_PERCENT_ESCAPE,  /* %% */
    INF_PERCENT_STRING,  /* %key% of the substitution table */
    INF_PERCENT_DIRID,   /* %13%, %-1%: a number */
    INF_PERCENT_UNKNOWN, /* %name% that is neither: left as written */
    INF_PERCENT_UNCLOSED /* a '%' that never closes: the rest of the text as written */
};

struct inf_percent_ref {
    enum inf_percent_kind kind;
    size_t offset, len; /* in the text, both '%' included */
    const char *name;   /* between the two '%' (not for UNCLOSED) */
    size_t name_len;
    long dirid;                    /* INF_PERCENT_DIRID */
    const struct inf_token *value; /* INF_PERCENT_STRING: the raw value */
};

/*
 * The one %strkey%/DIRID grammar: finds the next reference in TEXT from
 * *POS (start at 0), fills REF and moves *POS past it. Returns 0 when there
 * is none. Substitution, INF005 and DIRID tests all read texts through it.
 */
int inf_model_next_percent(const struct inf_model *model, struct inf_text text, size_t *pos,
                           struct inf_percent_ref *ref);

/* The same grammar without a model: a %name% is left INF_PERCENT_UNKNOWN, neither looked up
 * nor read as a number (inf_model_next_percent resolves it). */
int inf_text_next_percent(struct inf_text text, size_t *pos, struct inf_percent_ref *ref);

/* When TEXT starts with a %number% DIRID token: its value and what follows it (REST may be NULL).
 */
int inf_text_dirid_prefix(struct inf_text text, long *dirid, struct inf_text *rest);

/* inf_model_substitute of a token's text, DIRIDs kept as written (callers skip
 * [Strings] sections, whose values Windows never substitutes). A token without '%' is its
 * raw text, FLAGS untouched (inline: most tokens). */
static inline struct inf_text inf_token_value(const struct inf_model *model,
                                              const struct inf_token *token,
                                              struct inf_buf *scratch, unsigned *flags)
{
    if (!token->percent)
        return inf_token_raw(model, token);
    return inf_model_substitute(model, inf_token_raw(model, token), scratch, NULL, flags);
}

/* The raw value of string key NAME in the substitution table, if defined. */
const struct inf_token *inf_model_string(const struct inf_model *model, const char *name,
                                         size_t len);

/* Non-zero when SECTION is [Strings] or [Strings.xxxx] (values never substituted). */
int inf_model_is_strings_section(const struct inf_model *model, uint32_t section);

/* Spans: a whole entry (its first physical line), one token, a section header, line 1. */
struct inf_span inf_span_line(const struct inf_model *model, const struct inf_line *line);
static inline struct inf_span inf_span_token(const struct inf_model *model,
                                             const struct inf_token *token)
{
    struct inf_span span = {inf_token_offset(model, token), inf_token_end(model, token)};
    return span;
}
struct inf_span inf_span_header(const struct inf_model *model, uint32_t run);
struct inf_span inf_span_file_start(void);

/* Is A the NUL-terminated B but for ASCII case? (More in text.h.) Inline: B is most often
 * a literal, whose length the compiler knows, so most texts are turned away without a call. */
static inline int inf_text_equal_nocase(struct inf_text a, const char *b)
{
    size_t n = strlen(b);
    return a.len == n && inf_text_equal_nocase2(a.ptr, a.len, b, n);
}

#endif
