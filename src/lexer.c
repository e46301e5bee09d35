/*
 * lexer.c - the SetupAPI tokenizer state machine (inf-reference.md 4-9).
 *
 * Reproduces Windows: headers end at the first ']' on their line; the key
 * is the text before the first '=' that precedes any ','; quotes protect
 * but do not delimit ("" is one quote inside a run and nothing outside);
 * ';' starts a comment outside quotes (also inside %...%); an unquoted
 * backslash followed only by blanks, backslashes or a comment continues the
 * current token on the next line; edge blanks are trimmed unless quoted.
 * Every row of docs/tokenizer-vectors.tsv holds.
 *
 * Tokens made of one contiguous run of source text point into the source;
 * the others are built in a scratch buffer and copied into the pool once.
 *
 * Three paths give the same model: a plain line is read whole from masks of
 * sixteen bytes (lex_simple_entry); a plain token of another line in one go
 * (lex_token_plain); anything else character by character. unit.test_lexer
 * holds the first two to the last.
 */
#include "lexer.h"
#include "bits.h"
#include "inflint/alloc.h"

#include <string.h>

enum char_class {
    C_ORDINARY = 0,
    C_BLANK, /* space, tab, CR, VT, FF (NUL became a space in source) */
    C_NEWLINE,
    C_QUOTE,
    C_EQUALS,
    C_COMMA,
    C_SEMICOLON,
    C_BACKSLASH,
    C_UTF8_LEAD, /* first byte of a sequence that may be a Unicode space */
    C_MARKED,    /* '%' or '$': ordinary, but flags the token */
    C_END        /* the NUL after the text (NUL inside became a space): a sentinel */
};

/* Character classes, fixed at compile time (threads share them). */
static const unsigned char char_class[256] = {
    [' '] = C_BLANK,      ['\t'] = C_BLANK,     ['\r'] = C_BLANK,     ['\v'] = C_BLANK,
    ['\f'] = C_BLANK,     ['"'] = C_QUOTE,      ['='] = C_EQUALS,     [','] = C_COMMA,
    [';'] = C_SEMICOLON,  ['\\'] = C_BACKSLASH, ['\n'] = C_NEWLINE,   ['%'] = C_MARKED,
    ['$'] = C_MARKED,     [0] = C_END,          [0xC2] = C_UTF8_LEAD, [0xE1] = C_UTF8_LEAD,
    [0xE2] = C_UTF8_LEAD, [0xE3] = C_UTF8_LEAD};

/* Characters that end a run of quoted text (or need a look). */
static const unsigned char quote_stop[256] = {['"'] = 1, ['\n'] = 1, ['%'] = 1, ['$'] = 1, [0] = 1};

/*
 * Block scanning: where SSE2 is there (every x86-64 compiler), sixteen bytes
 * at a time are tested for any byte that may stop a scan, and only such a
 * byte is looked at alone; the last sixteen bytes before the NUL are always
 * read one by one, so no load passes the text.
 */
#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define INF_LEXER_SSE2 1

/* The bit of each byte of V equal to C. */
#define BYTES_EQUAL(v, c) _mm_cmpeq_epi8((v), _mm_set1_epi8((char)(c)))

/*
 * The offset of the first byte at TEXT[Q..) that is not ordinary for sure, or Q's first offset
 * less than 16 bytes before LEN. Three tests cover the delimiters with a few ordinary bytes
 * the caller then passes over ('!' and '#' below '&', '<' between ';' and '='): signed
 * "below 0x26" (also 0x80-0xFF and every blank), ',' and '\\', and 0x3B-0x3D.
 */
static inline size_t skip_plain_block(const unsigned char *text, size_t q, size_t len)
{
    const __m128i below = _mm_set1_epi8(0x26), semicolon = _mm_set1_epi8(';');
    const __m128i two = _mm_set1_epi8(2);
    while (q + 16 <= len) {
        __m128i v = _mm_loadu_si128((const __m128i *)(text + q));
        __m128i from_semicolon = _mm_sub_epi8(v, semicolon); /* ';' '<' '=' become 0-2 */
        __m128i stop = _mm_cmplt_epi8(v, below);
        stop = _mm_or_si128(stop, _mm_or_si128(BYTES_EQUAL(v, ','), BYTES_EQUAL(v, '\\')));
        stop =
            _mm_or_si128(stop, _mm_cmpeq_epi8(_mm_min_epu8(from_semicolon, two), from_semicolon));
        unsigned mask = (unsigned)_mm_movemask_epi8(stop);
        if (mask)
            return q + inf_lowest_set_bit(mask);
        q += 16;
    }
    return q;
}

/* The same inside quotes, where only '"', '%', '$', newline and NUL stop. */
static inline size_t skip_quoted_block(const unsigned char *text, size_t q, size_t len)
{
    while (q + 16 <= len) {
        __m128i v = _mm_loadu_si128((const __m128i *)(text + q));
        __m128i stop = _mm_or_si128(BYTES_EQUAL(v, '"'), BYTES_EQUAL(v, '\n'));
        stop = _mm_or_si128(stop, _mm_or_si128(BYTES_EQUAL(v, '%'), BYTES_EQUAL(v, '$')));
        stop = _mm_or_si128(stop, BYTES_EQUAL(v, 0));
        unsigned mask = (unsigned)_mm_movemask_epi8(stop);
        if (mask)
            return q + inf_lowest_set_bit(mask);
        q += 16;
    }
    return q;
}
#else
#define INF_LEXER_SSE2 0
#endif

/* The end of the run of ordinary characters from TEXT[Q] on (the NUL at LEN ends it). */
static inline size_t skip_ordinary(const unsigned char *text, size_t q, size_t len)
{
    (void)len;
    for (;;) {
#if INF_LEXER_SSE2
        q = skip_plain_block(text, q, len);
#endif
        if (char_class[text[q]] != C_ORDINARY)
            return q;
        q++;
    }
}

/* The first character from TEXT[Q] on that ends or marks quoted text (see quote_stop). */
static inline size_t skip_quoted(const unsigned char *text, size_t q, size_t len)
{
    (void)len;
    for (;;) {
#if INF_LEXER_SSE2
        q = skip_quoted_block(text, q, len);
#endif
        if (quote_stop[text[q]])
            return q;
        q++;
    }
}

/*
 * Bytes of the blank at TEXT[POS] (of LEN): ASCII blanks, and the Unicode
 * spaces Windows' isspaceW accepts (U+0085, U+00A0, U+1680, U+2000-U+200A,
 * U+2028, U+2029, U+202F, U+205F, U+3000). 0 when it is no blank.
 */
static inline size_t blank_at(const char *text, size_t pos, size_t len)
{
    const unsigned char *p = (const unsigned char *)text + pos;
    switch (char_class[p[0]]) {
    case C_BLANK:
        return 1;
    case C_UTF8_LEAD:
        break;
    default:
        return 0;
    }
    size_t left = len - pos;
    if (p[0] == 0xC2)
        return left >= 2 && (p[1] == 0x85 || p[1] == 0xA0) ? 2 : 0;
    if (left < 3)
        return 0;
    if (p[0] == 0xE1)
        return p[1] == 0x9A && p[2] == 0x80 ? 3 : 0;
    if (p[0] == 0xE3)
        return p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
    if (p[1] == 0x80 &&
        ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF))
        return 3;
    return p[1] == 0x81 && p[2] == 0x9F ? 3 : 0;
}

#define BLANK_AT(lx, pos) blank_at((lx)->text, (pos), (lx)->len)

struct lexer {
    struct inf_model *model;
    const char *text;
    size_t len;
    size_t pos;
    uint32_t line; /* physical line of pos */
    uint32_t run;  /* the current header's run, INF_NO_INDEX before the first */
    int saw_text_before;
    int saw_text_on_line; /* LINE_START skipped text on this line (before any section) */
    /* After a header without ']': Windows refuses the file, and the lines up to the next
     * header belong to no section we know, so they are not read (no advice about them). */
    int in_broken_section;

    /* The token being built. */
    size_t tok_offset; /* source offset of its first character */
    int tok_started;   /* a character or quote was seen */
    int tok_quoted;
    int tok_percent, tok_dollar;
    int tok_built; /* characters are in `built`, not source[simple_start..) */
    size_t simple_start;
    size_t tok_len;  /* current length, provisional blanks included */
    size_t tok_keep; /* length without trailing unquoted blanks */
    size_t tok_end;  /* source offset just past the last kept character */
    struct inf_buf built;

    /* The entry being built. */
    uint32_t entry_first;
    uint32_t entry_tokens;
    int entry_has_key;
    int in_key;
};

static void add_issue(struct lexer *lx, enum inf_parse_issue_kind kind, size_t offset, size_t end,
                      uint32_t line)
{
    struct inf_model *m = lx->model;
    m->issues = inf_xgrow(m->issues, &m->issue_cap, m->issue_count + 1, sizeof *m->issues);
    struct inf_parse_issue *issue = &m->issues[m->issue_count++];
    issue->kind = kind;
    issue->line = line;
    issue->offset = (uint32_t)offset;
    issue->end = (uint32_t)end;
}

/*
 * Records the comment starting at the ';' at POS and returns the end of its
 * line. ALONE says that only blanks precede it on its line.
 */
static size_t skip_comment(struct lexer *lx, size_t pos, int alone)
{
    const char *nl = memchr(lx->text + pos, '\n', lx->len - pos);
    size_t end = nl ? (size_t)(nl - lx->text) : lx->len;
    /* Only comments that may hold a directive are kept (see struct inf_comment). */
    static const char directive[] = "inflint:";
    size_t p = pos + 1;
    while (p < end && (lx->text[p] == ' ' || lx->text[p] == '\t' || lx->text[p] == '\r'))
        p++;
    if (end - p < sizeof directive - 1 || memcmp(lx->text + p, directive, sizeof directive - 1))
        return end;
    struct inf_model *m = lx->model;
    if (m->comment_count == m->comment_cap)
        m->comments =
            inf_xgrow(m->comments, &m->comment_cap, m->comment_count + 1, sizeof *m->comments);
    struct inf_comment c;
    c.line = lx->line;
    c.offset = (uint32_t)pos;
    c.end = (uint32_t)end;
    c.alone = alone != 0;
    m->comments[m->comment_count++] = c; /* stored whole, see token_end */
    return end;
}

static inline void token_begin(struct lexer *lx)
{
    lx->tok_offset = lx->pos;
    lx->tok_started = 0;
    lx->tok_quoted = 0;
    lx->tok_percent = lx->tok_dollar = 0;
    lx->tok_built = 0;
    lx->simple_start = lx->pos;
    lx->tok_len = lx->tok_keep = 0;
    lx->tok_end = lx->pos;
}

/* Moves the token's characters to the scratch buffer (it stops being contiguous). */
static inline void token_make_built(struct lexer *lx)
{
    if (lx->tok_built)
        return;
    inf_buf_clear(&lx->built);
    inf_buf_add(&lx->built, lx->text + lx->simple_start, lx->tok_len);
    lx->tok_built = 1;
}

/* Marks the first character of the token at source offset AT. */
static inline void token_touch(struct lexer *lx, size_t at)
{
    if (!lx->tok_started) {
        lx->tok_started = 1;
        lx->tok_offset = at;
        if (!lx->tok_built && lx->tok_len == 0)
            lx->simple_start = at;
    }
}

/* Appends source text [from, to); KEEP says whether it is kept even at the token's end. */
static inline void token_append(struct lexer *lx, size_t from, size_t to, int keep)
{
    if (from == to)
        return;
    token_touch(lx, from);
    if (!lx->tok_built && lx->simple_start + lx->tok_len != from)
        token_make_built(lx);
    if (lx->tok_built)
        inf_buf_add(&lx->built, lx->text + from, to - from);
    lx->tok_len += to - from;
    if (keep) {
        lx->tok_keep = lx->tok_len;
        lx->tok_end = to;
    }
}

/* Drops provisional trailing blanks. */
static inline void token_trim(struct lexer *lx)
{
    lx->tok_len = lx->tok_keep;
    if (lx->tok_built) {
        lx->built.len = lx->tok_len;
        if (lx->built.data)
            lx->built.data[lx->built.len] = '\0';
    }
}

/* Appends LEN bytes of TEXT to the pool behind the source extent [OFFSET, END); returns where. */
static uint32_t pool_add(struct inf_model *m, const char *text, size_t len, uint32_t offset,
                         uint32_t end)
{
    m->pool = inf_xgrow(m->pool, &m->pool_cap, m->pool_len + INF_POOL_HEADER + len + 1, 1);
    memcpy(m->pool + m->pool_len, &offset, sizeof offset);
    memcpy(m->pool + m->pool_len + sizeof offset, &end, sizeof end);
    m->pool_len += INF_POOL_HEADER;
    memcpy(m->pool + m->pool_len, text, len);
    uint32_t at = (uint32_t)m->pool_len;
    m->pool_len += len;
    return at;
}

/*
 * Appends TOKEN to the model, and lists it among the tokens holding a '%' (MARKS bit 1) or a
 * '$' (bit 2). Built by the caller and stored whole: a read-modify-write of the bit fields in
 * place would fault each fresh page twice (once to read the zero page, once to write).
 */
static inline void append_token(struct lexer *lx, struct inf_token token, unsigned marks)
{
    struct inf_model *m = lx->model;
    if (m->token_count == m->token_cap)
        m->tokens = inf_xgrow(m->tokens, &m->token_cap, m->token_count + 1, sizeof *m->tokens);
    m->tokens[m->token_count++] = token;
    if (marks) {
        /* The entry is appended to lines when it ends: its index is line_count. */
        struct inf_marked_token mark = {(uint32_t)(m->token_count - 1), (uint32_t)m->line_count,
                                        INF_NO_INDEX, lx->run}; /* the model sets the section */
        if (marks & 1) {
            if (m->percent_count == m->percent_cap)
                m->percent_tokens = inf_xgrow(m->percent_tokens, &m->percent_cap,
                                              m->percent_count + 1, sizeof *m->percent_tokens);
            m->percent_tokens[m->percent_count++] = mark;
        }
        if (marks & 2) {
            if (m->dollar_count == m->dollar_cap)
                m->dollar_tokens = inf_xgrow(m->dollar_tokens, &m->dollar_cap, m->dollar_count + 1,
                                             sizeof *m->dollar_tokens);
            m->dollar_tokens[m->dollar_count++] = mark;
        }
    }
}

/*
 * Appends a token to the model: source extent [OFFSET, END), FULL_LEN bytes
 * of text (cut to INF_MAX_TOKEN_BYTES), which are BUILT (NULL: they are the
 * source from TEXT_START on).
 */
static inline void emit_token(struct lexer *lx, size_t offset, size_t end, size_t text_start,
                              size_t full_len, const char *built, int quoted, int percent,
                              int dollar)
{
    struct inf_model *m = lx->model;
    size_t len = full_len > INF_MAX_TOKEN_BYTES ? INF_MAX_TOKEN_BYTES : full_len;
    /* A slice of the source when its extent is the text plus at most one quote either side. */
    size_t opens = text_start - offset, closes = end - (text_start + len);
    uint32_t at;
    int pooled = built || len != full_len || opens > 1 || closes > 1;
    if (!pooled) {
        at = (uint32_t)offset;
    } else {
        const char *text = built ? built : lx->text + text_start;
        at = pool_add(m, text, len, (uint32_t)offset, (uint32_t)end);
        opens = closes = 0;
    }
    struct inf_token token = inf_token_make(at, (uint32_t)len, quoted != 0, pooled, percent != 0,
                                            dollar != 0, (unsigned)opens, (unsigned)closes);
    append_token(lx, token, (percent != 0) | (dollar != 0) << 1);
    if (full_len > INF_MAX_FIELD_CHARS) {
        const char *text = built ? built : lx->text + text_start;
        if (inf_utf8_length(text, len) > INF_MAX_FIELD_CHARS)
            add_issue(lx, INF_ISSUE_FIELD_TOO_LONG, offset, end, lx->line);
    }
    lx->entry_tokens++;
}

/* Finishes the token being built and appends it to the model. */
static void token_end(struct lexer *lx)
{
    token_trim(lx);
    size_t end = lx->tok_end > lx->tok_offset ? lx->tok_end : lx->tok_offset;
    const char *built = lx->tok_built ? (lx->built.data ? lx->built.data : "") : NULL;
    emit_token(lx, lx->tok_offset, end, lx->simple_start, lx->tok_len, built, lx->tok_quoted,
               lx->tok_percent, lx->tok_dollar);
}

/*
 * Does the physical line starting at POS look like a new "key =" entry or a
 * section header? Used to flag a continuation that swallowed it (INF012).
 */
static int starts_new_entry(const struct lexer *lx, size_t pos, int in_key)
{
    size_t n;
    while (pos < lx->len && (n = BLANK_AT(lx, pos)) != 0)
        pos += n;
    if (pos >= lx->len)
        return 0;
    if (lx->text[pos] == '[')
        return 1;
    if (in_key)
        return 0; /* "ab\" + "cd=ef" is a documented way to split a key */
    size_t start = pos;
    const unsigned char *text = (const unsigned char *)lx->text;
    for (; pos < lx->len; pos++) {
        switch (char_class[text[pos]]) {
        case C_EQUALS:
            return pos > start;
        case C_COMMA:
        case C_SEMICOLON:
        case C_QUOTE:
        case C_NEWLINE:
        case C_BACKSLASH:
            return 0;
        case C_ORDINARY: /* and those after it, a block at a time */
            pos = skip_ordinary(text, pos + 1, lx->len) - 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

/*
 * The run of backslashes and blanks from the backslash at POS: returns where
 * it ends, with its last backslash in *LAST. The line continues there when
 * a newline, a comment or the end of the text comes next (backslash()).
 */
static size_t backslash_run(const char *text, size_t len, size_t pos, size_t *last)
{
    size_t q = pos, n;
    *last = pos;
    while (q < len) {
        if (text[q] == '\\')
            *last = q++;
        else if ((n = blank_at(text, q, len)) != 0)
            q += n;
        else
            break;
    }
    return q;
}

/*
 * A continuation from the backslash at POS (the last at LAST) to the newline
 * at Q: the issue of one that swallows an entry, and the next physical line.
 * Returns the offset of that line's first non-blank character.
 */
static size_t continue_line(struct lexer *lx, size_t pos, size_t last, size_t q, int in_key)
{
    if (starts_new_entry(lx, q + 1, in_key))
        add_issue(lx, INF_ISSUE_SUSPICIOUS_CONTINUATION, pos, last + 1, lx->line);
    lx->line++;
    inf_source_add_line(&lx->model->source, (uint32_t)(q + 1));
    size_t p = q + 1, n;
    while (p < lx->len && (n = BLANK_AT(lx, p)) != 0)
        p += n;
    return p;
}

/*
 * At a backslash outside quotes (lx->pos). When only blanks, backslashes or
 * a comment follow on the line it is a continuation: the pending blanks go,
 * reading resumes inside the same token after the next line's leading
 * blanks, where another such backslash continues again. Otherwise the
 * backslashes are data, and the blanks after the last one are provisional.
 */
static void backslash(struct lexer *lx)
{
    for (;;) {
        size_t last_backslash;
        size_t q = backslash_run(lx->text, lx->len, lx->pos, &last_backslash);
        if (q < lx->len && lx->text[q] == ';')
            q = skip_comment(lx, q, 0);
        if (q >= lx->len) { /* continuation into the end of the file */
            token_trim(lx);
            lx->pos = lx->len;
            return;
        }
        if (lx->text[q] != '\n') {
            token_append(lx, lx->pos, last_backslash + 1, 1);
            token_append(lx, last_backslash + 1, q, 0);
            lx->pos = q;
            return;
        }
        token_trim(lx);
        if (lx->tok_len > 0)
            token_make_built(lx);
        lx->pos = continue_line(lx, lx->pos, last_backslash, q, lx->in_key);
        if (!lx->tok_started) {
            lx->tok_offset = lx->simple_start = lx->tok_end = lx->pos;
        }
        if (lx->pos >= lx->len || lx->text[lx->pos] != '\\')
            return;
    }
}

/* Skips blanks at the start of a token; a backslash there may continue the line. */
static void lead(struct lexer *lx)
{
    size_t n;
    while (lx->pos < lx->len && (n = BLANK_AT(lx, lx->pos)) != 0)
        lx->pos += n;
    lx->tok_offset = lx->simple_start = lx->tok_end = lx->pos;
    if (lx->pos < lx->len && lx->text[lx->pos] == '\\')
        backslash(lx);
}

/* A quoted run starting at the '"' at lx->pos. */
static void quoted_run(struct lexer *lx)
{
    size_t open = lx->pos;
    if (!lx->tok_started && lx->tok_len == 0 && !lx->tok_built) {
        /* A token that starts with the quote stays a slice of the source, without quotes. */
        lx->tok_started = 1;
        lx->tok_offset = open;
        lx->simple_start = open + 1;
    } else {
        token_touch(lx, open);
    }
    lx->tok_quoted = 1;
    size_t p = open + 1;
    const unsigned char *text = (const unsigned char *)lx->text;
    for (;;) {
        size_t q = p;
        for (;;) {
            q = skip_quoted(text, q, lx->len);
            if (text[q] == '%')
                lx->tok_percent = 1;
            else if (text[q] == '$')
                lx->tok_dollar = 1;
            else
                break;
            q++;
        }
        token_append(lx, p, q, 1);
        if (q >= lx->len || lx->text[q] == '\n') {
            add_issue(lx, INF_ISSUE_UNTERMINATED_QUOTE, open, q, lx->line);
            lx->tok_end = q;
            lx->pos = q;
            return;
        }
        if (q + 1 < lx->len && lx->text[q + 1] == '"') { /* "" inside a run: one quote */
            token_append(lx, q, q + 1, 1);
            p = q + 2;
            continue;
        }
        lx->tok_keep = lx->tok_len;
        lx->tok_end = q + 1;
        lx->pos = q + 1;
        return;
    }
}

static void entry_end(struct lexer *lx, uint32_t line, size_t offset)
{
    struct inf_model *m = lx->model;
    (void)offset;
    if (m->line_count == m->line_cap)
        m->lines = inf_xgrow(m->lines, &m->line_cap, m->line_count + 1, sizeof *m->lines);
    struct inf_line l;
    l.line = line;
    l.first_token = lx->entry_first;
    l.has_key = lx->entry_has_key != 0;
    l.field_count = lx->entry_tokens - (lx->entry_has_key ? 1u : 0u);
    l.key_is_field = !lx->entry_has_key && l.field_count == 1;
    m->lines[m->line_count++] = l; /* stored whole, see token_end */
    m->runs[lx->run].line_count++;
}

/* Non-zero when character C ends a token (IN_KEY: the key, which '=' ends too). */
static inline int ends_a_token(unsigned char c, int in_key)
{
    switch (char_class[c]) {
    case C_COMMA:
    case C_SEMICOLON:
    case C_NEWLINE:
    case C_END:
        return 1;
    case C_EQUALS:
        return in_key;
    default:
        return 0;
    }
}

/* Non-zero when the character at POS ends the token being built. */
static inline int ends_token(const struct lexer *lx, size_t pos)
{
    return ends_a_token((unsigned char)lx->text[pos], lx->in_key);
}

/* A run of blanks inside a token: provisional until a character follows. */
static inline void blanks(struct lexer *lx)
{
    size_t q = lx->pos, n;
    while ((n = BLANK_AT(lx, q)) != 0) /* the terminating NUL is no blank */
        q += n;
    /* Blanks after a closing quote that end the token would only be trimmed: leaving them
     * out keeps a quoted token a slice of the source. */
    int trimmed_anyway =
        !lx->tok_built && lx->simple_start + lx->tok_len != lx->pos && ends_token(lx, q);
    if ((lx->tok_started || lx->tok_len) && !trimmed_anyway)
        token_append(lx, lx->pos, q, 0);
    lx->pos = q;
}

/*
 * The rest of the token being built, character by character: the general
 * path, for quotes, continuations and Unicode spaces. Stops at the
 * character that ends the token.
 */
static void lex_token_general(struct lexer *lx)
{
    for (;;) {
        unsigned char c = (unsigned char)lx->text[lx->pos];
        switch (char_class[c]) {
        case C_ORDINARY: {
            size_t q = skip_ordinary((const unsigned char *)lx->text, lx->pos + 1, lx->len);
            token_append(lx, lx->pos, q, 1);
            lx->pos = q;
            continue;
        }
        case C_UTF8_LEAD:
            if (!BLANK_AT(lx, lx->pos)) {
                token_append(lx, lx->pos, lx->pos + 1, 1);
                lx->pos++;
                continue;
            }
            blanks(lx); /* a Unicode space */
            continue;
        case C_BLANK:
            blanks(lx);
            continue;
        case C_MARKED:
            if (c == '%')
                lx->tok_percent = 1;
            else
                lx->tok_dollar = 1;
            token_append(lx, lx->pos, lx->pos + 1, 1);
            lx->pos++;
            continue;
        case C_QUOTE:
            quoted_run(lx);
            continue;
        case C_BACKSLASH:
            backslash(lx);
            continue;
        case C_EQUALS:
            if (lx->in_key)
                return;
            token_append(lx, lx->pos, lx->pos + 1, 1);
            lx->pos++;
            continue;
        case C_COMMA:
        case C_SEMICOLON:
        case C_NEWLINE:
        case C_END:
            return;
        }
    }
}

/*
 * The shape both fast paths read a quoted token in: a '"' at START, text
 * without doubled quotes up to the closing '"', then only ASCII blanks
 * before the character that ends the token (IN_KEY: '=' too). Returns that
 * character's offset, with the closing quote's in *CLOSE and the '%' (1) and
 * '$' (2) inside in *MARKS; 0 for any other shape.
 */
static inline size_t quoted_token_end(const unsigned char *text, size_t len, size_t start,
                                      int in_key, size_t *close, unsigned *marks)
{
    size_t q = start + 1;
    unsigned found = 0;
    for (;;) {
        q = skip_quoted(text, q, len);
        if (text[q] == '%')
            found |= 1;
        else if (text[q] == '$')
            found |= 2;
        else
            break;
        q++;
    }
    if (text[q] != '"')
        return 0; /* unterminated (a doubled quote fails below: '"' ends no token) */
    *close = q++;
    *marks = found;
    while (char_class[text[q]] == C_BLANK)
        q++;
    return ends_a_token(text[q], in_key) ? q : 0;
}

/* The fast path's quoted token at START (quoted_token_end's shape). Returns 0, having changed
 * nothing, for anything else. */
static int lex_token_quoted(struct lexer *lx, size_t start)
{
    size_t close;
    unsigned marks;
    size_t end = quoted_token_end((const unsigned char *)lx->text, lx->len, start, lx->in_key,
                                  &close, &marks);
    if (!end)
        return 0;
    lx->pos = end;
    emit_token(lx, start, close + 1, start + 1, close - start - 1, NULL, 1, marks & 1, marks >> 1);
    return 1;
}

static int fast_path_enabled = 1;

void inf_lexer_use_fast_path(int enabled)
{
    fast_path_enabled = enabled;
}

/*
 * Is the backslash at I plainly data? It is unless a newline, a comment or
 * the end of the text follows its run of backslashes and blanks.
 */
static inline int backslash_is_data(const char *text, size_t len, size_t i)
{
    if (char_class[(unsigned char)text[i + 1]] == C_ORDINARY)
        return 1; /* (a path's, most often) */
    size_t last;
    size_t q = backslash_run(text, len, i, &last);
    return q < len && text[q] != '\n' && text[q] != ';';
}

/*
 * The fast path: a token that has not started yet and is made only of
 * ordinary characters, ASCII blanks and backslashes that are plainly data
 * up to the character that ends it (or one quoted run), appended in one go
 * with what the general path would give it. Returns 0, having changed
 * nothing, when the token needs the general path.
 */
static int lex_token_plain(struct lexer *lx)
{
    const unsigned char *text = (const unsigned char *)lx->text;
    size_t start = lx->pos, q = start, kept = start;
    if (text[q] == '"')
        return lex_token_quoted(lx, start);
    int percent = 0, dollar = 0;
    /* Tests in the order of how often they hold (an if chain predicts better than a switch). */
    for (;;) {
        unsigned char c = text[q];
        unsigned char k = char_class[c];
        if (k == C_ORDINARY) {
            kept = q = skip_ordinary(text, q + 1, lx->len);
        } else if (k == C_COMMA || k == C_NEWLINE) {
            break;
        } else if (k == C_BLANK) { /* kept only when more characters follow */
            q++;
        } else if (k == C_MARKED) {
            percent |= c == '%';
            dollar |= c == '$';
            kept = ++q;
        } else if (k == C_BACKSLASH) {
            if (!backslash_is_data(lx->text, lx->len, q))
                return 0;
            kept = ++q;
        } else if (k == C_EQUALS) {
            if (lx->in_key)
                break;
            kept = ++q;
        } else if (k == C_SEMICOLON || k == C_END) {
            break;
        } else { /* a quote, maybe a Unicode space */
            return 0;
        }
    }
    lx->pos = q;
    emit_token(lx, start, kept, start, kept - start, NULL, 0, percent, dollar);
    return 1;
}

#if INF_LEXER_SSE2
/* What the sixteen bytes at a position hold, one bit per byte. */
struct block_masks {
    unsigned ends;   /* ',', ';' and newline: they end any token */
    unsigned equals; /* '=': it ends the key */
    unsigned blank;  /* space, tab, CR, VT, FF */
    /* '%' and '$' (the token is marked), '"' (a quoted token), '\\' (it may continue the
     * line) and bytes 0x80-0xFF (maybe part of a Unicode space): each looked at alone */
    unsigned rare;
};

static inline struct block_masks block_masks_at(const unsigned char *p)
{
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i from_tab = _mm_sub_epi8(v, _mm_set1_epi8('\t')); /* tab to CR become 0-4 */
    __m128i control_blank = _mm_cmpeq_epi8(_mm_min_epu8(from_tab, _mm_set1_epi8(4)), from_tab);
    __m128i rare = _mm_or_si128(_mm_or_si128(BYTES_EQUAL(v, '%'), BYTES_EQUAL(v, '$')),
                                _mm_or_si128(BYTES_EQUAL(v, '"'), BYTES_EQUAL(v, '\\')));
    struct block_masks k;
    k.ends = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(BYTES_EQUAL(v, ','), BYTES_EQUAL(v, ';')), BYTES_EQUAL(v, '\n')));
    k.equals = (unsigned)_mm_movemask_epi8(BYTES_EQUAL(v, '='));
    /* (the newline among tab to CR is no blank, but it ends the token before it counts) */
    k.blank = (unsigned)_mm_movemask_epi8(_mm_or_si128(BYTES_EQUAL(v, ' '), control_blank));
    k.rare = (unsigned)_mm_movemask_epi8(_mm_or_si128(rare, v)); /* (a high byte's top bit) */
    return k;
}

/*
 * Appends a token that is a slice of the source: its text the LEN bytes at
 * TEXT_START, inside a pair of quotes when QUOTED. MARKS: 1 it holds a '%',
 * 2 a '$'.
 */
static inline void emit_slice(struct lexer *lx, size_t text_start, size_t len, int quoted,
                              unsigned marks)
{
    unsigned q = quoted != 0;
    append_token(lx,
                 inf_token_make((uint32_t)(text_start - q), (uint32_t)len, q, 0, marks & 1,
                                marks >> 1, q, q),
                 marks);
}

/*
 * The plain-line path at a backslash at I that continues the line before
 * its token has started (a list continued after a comma, as long registry
 * data is): what lead() and backslash() do there. Returns where the token
 * goes on; 0, having changed nothing, when a comment (which the general
 * path records) or the end of the text follows the backslash.
 */
static size_t continue_before_token(struct lexer *lx, size_t i, int in_key)
{
    size_t last;
    size_t q = backslash_run(lx->text, lx->len, i, &last);
    if (q >= lx->len || lx->text[q] != '\n')
        return 0;
    return continue_line(lx, i, last, q, in_key);
}

/* Has the token a character before bit BIT of the block's NONBLANK mask (STARTED: a
 * character in an earlier block)? */
static inline int begun_before(int started, unsigned nonblank, size_t bit)
{
    return started || (nonblank & ((1u << bit) - 1)) != 0;
}

/*
 * The whole entry at lx->pos, when its lines are plain: no quote but around
 * a whole field (quoted_token_end's shape), no backslash that continues the
 * line inside a field (one before a field, a list continued after its
 * comma, is followed to the next line), no Unicode space, no field longer
 * than INF_MAX_FIELD_CHARS, and its newline more than sixteen bytes before
 * the end of the text. That is most lines of most files. Sixteen bytes at a
 * time give masks of the bytes that end a token and of the blanks, and a
 * token's extent is the first and the last non-blank bit before its end: no
 * byte is looked at alone but a '%', a '$', a quote, a backslash or a high
 * byte. Gives the model the general path would (unit.test_lexer compares the
 * two). Returns 0, having changed nothing, for any other line.
 */
static int lex_simple_entry(struct lexer *lx)
{
    struct inf_model *m = lx->model;
    const unsigned char *text = (const unsigned char *)lx->text;
    size_t len = lx->len;
    size_t entry_start = lx->pos;
    uint32_t entry_line = lx->line; /* (continued lines move lx->line on) */
    size_t first = m->token_count, percent_before = m->percent_count,
           dollar_before = m->dollar_count, issues_before = m->issue_count;
    uint32_t lines_before = m->source.line_count;
    int in_key = 1, has_key = 0;
    /* The token being read: its first and past its last non-blank byte (when started) and
     * the '%' (1) and '$' (2) it holds. */
    size_t start = 0, kept = 0;
    int started = 0;
    unsigned marks = 0;
    size_t at = entry_start; /* the next byte to read */
    for (;;) {
        if (at + 16 > len)
            goto refuse; /* the end of the text is near: the general path reads it */
        struct block_masks k = block_masks_at(text + at);
        unsigned ends = k.ends | (in_key ? k.equals : 0);
        unsigned end = ends ? inf_lowest_set_bit(ends) : 16; /* where the token ends */
        unsigned before = (1u << end) - 1;                   /* the bytes up to there */
        unsigned nonblank = ~k.blank & before;
        for (unsigned bits = k.rare & before; bits; bits &= bits - 1) {
            size_t i = at + inf_lowest_set_bit(bits);
            unsigned char c = text[i];
            if (c == '%' || c == '$') {
                marks |= c == '%' ? 1u : 2u;
            } else if (c == '\\') {
                if (backslash_is_data(lx->text, len, i))
                    continue;
                if (begun_before(started, nonblank, i - at)) /* a continuation: before it only */
                    goto refuse;
                at = continue_before_token(lx, i, in_key);
                if (!at)
                    goto refuse;
                goto next_block;
            } else if (c == '"') { /* only a quote that opens the token */
                if (begun_before(started, nonblank, i - at))
                    goto refuse;
                size_t close, delimiter = quoted_token_end(text, len, i, in_key, &close, &marks);
                if (!delimiter || close - i - 1 > INF_MAX_FIELD_CHARS)
                    goto refuse; /* (a long one: the general path reports it) */
                emit_slice(lx, i + 1, close - i - 1, 1, marks);
                end = (unsigned)(delimiter - at); /* (past this block, maybe) */
                goto delimited;
            } else if (char_class[c] == C_UTF8_LEAD && blank_at(lx->text, i, len)) {
                goto refuse;
            }
        }
        if (nonblank) {
            if (!started)
                start = at + inf_lowest_set_bit(nonblank), started = 1;
            kept = at + inf_highest_set_bit(nonblank) + 1;
        }
        if (end == 16) {
            at += 16;
            continue;
        }
        if (started && kept - start > INF_MAX_FIELD_CHARS)
            goto refuse; /* (the general path reports it) */
        if (started)
            emit_slice(lx, start, kept - start, 0, marks);
        else
            emit_slice(lx, at + end, 0, 0, 0);
    delimited:
        started = 0;
        marks = 0;
        size_t d = at + end;
        if (in_key && text[d] == '=')
            has_key = 1;
        in_key = 0;
        if (text[d] == ';') {
            lx->pos = skip_comment(lx, d, 0);
            break;
        }
        if (text[d] == '\n') {
            lx->pos = d;
            break;
        }
        at = d + 1;
    next_block:;
    }
    lx->entry_first = (uint32_t)first;
    lx->entry_tokens = (uint32_t)(m->token_count - first);
    lx->entry_has_key = has_key;
    entry_end(lx, entry_line, entry_start);
    return 1;
refuse:
    m->token_count = first;
    m->percent_count = percent_before;
    m->dollar_count = dollar_before;
    m->issue_count = issues_before;
    m->source.line_count = lines_before;
    lx->line = entry_line;
    return 0;
}
#endif

/* One entry, starting at a character that is neither blank, ';' nor '['. */
static void lex_entry(struct lexer *lx)
{
    struct inf_model *m = lx->model;
#if INF_LEXER_SSE2
    if (fast_path_enabled && lex_simple_entry(lx))
        return;
#endif
    uint32_t start_line = lx->line;
    size_t start_offset = lx->pos;
    lx->entry_first = (uint32_t)m->token_count;
    lx->entry_tokens = 0;
    lx->entry_has_key = 0;
    lx->in_key = 1;
    token_begin(lx);
    /* Whether the token state is set for the token at pos (token_begin and lead done); the
     * fast path needs none of it, so after a delimiter it is set only when that path fails. */
    int state_ready = 1;
    const unsigned char *text = (const unsigned char *)lx->text;
    for (;;) {
        /* The fast path, for a token not started yet (a continuation into the end of the file
         * leaves the token behind pos). */
        int fast =
            fast_path_enabled && (!state_ready || (!lx->tok_started && !lx->tok_len &&
                                                   !lx->tok_built && lx->tok_offset == lx->pos));
        if (!fast || !lex_token_plain(lx)) {
            if (!state_ready) /* at a character lead would not move past */
                token_begin(lx);
            lex_token_general(lx);
            token_end(lx);
        }
        char c = lx->text[lx->pos];
        if (c == '=' || c == ',') { /* '=' reaches here only while in the key */
            lx->entry_has_key |= c == '=';
            lx->in_key = 0;
            lx->pos++;
            /* Spaces and tabs, then neither another blank nor a backslash: token_begin and
             * lead would only move to that character, so they wait for the slow path. */
            size_t q = lx->pos;
            while (text[q] == ' ' || text[q] == '\t')
                q++;
            unsigned char k = char_class[text[q]];
            if (k != C_BLANK && k != C_UTF8_LEAD && k != C_BACKSLASH) {
                lx->pos = q;
                state_ready = 0;
            } else {
                token_begin(lx);
                lead(lx);
                state_ready = 1;
            }
            continue;
        }
        if (c == ';')
            lx->pos = skip_comment(lx, lx->pos, 0);
        break;
    }
    entry_end(lx, start_line, start_offset);
}

/* Starts the run of the header at HEADER_OFFSET (its name is NAME_LEN bytes after the '['). */
static void open_run(struct lexer *lx, size_t header_offset, size_t name_len)
{
    struct inf_model *m = lx->model;
    m->runs = inf_xgrow(m->runs, &m->run_cap, m->run_count + 1, sizeof *m->runs);
    uint32_t index = (uint32_t)m->run_count++;
    struct inf_run *run = &m->runs[index];
    run->section = INF_NO_INDEX; /* the model merges runs into sections */
    run->name_len = (uint32_t)name_len;
    run->header_line = lx->line;
    run->header_offset = (uint32_t)header_offset;
    run->first_line = (uint32_t)m->line_count;
    run->line_count = 0;
    run->next = INF_NO_INDEX;
    run->hash = inf_hash_nocase(lx->text + header_offset + 1, name_len);
    lx->run = index;
    lx->in_broken_section = 0;
}

/* A header starting at the '[' at lx->pos. */
static void lex_header(struct lexer *lx)
{
    size_t open = lx->pos;
    size_t q = open + 1;
    while (q < lx->len && lx->text[q] != ']' && lx->text[q] != '\n')
        q++;
    if (q >= lx->len || lx->text[q] != ']') {
        /* Windows refuses the file; we report it and treat the line as a comment. */
        add_issue(lx, INF_ISSUE_UNTERMINATED_HEADER, open, q, lx->line);
        lx->pos = q;
        lx->in_broken_section = 1;
        return;
    }
    size_t name_len = q - open - 1;
    if (name_len > INF_MAX_SECTION_NAME_CHARS &&
        inf_utf8_length(lx->text + open + 1, name_len) > INF_MAX_SECTION_NAME_CHARS)
        add_issue(lx, INF_ISSUE_SECTION_NAME_TOO_LONG, open, q + 1, lx->line);
    open_run(lx, open, name_len);
    /* The rest of the line is ignored; a comment there is still a comment. */
    size_t p = q + 1;
    while (p < lx->len && lx->text[p] != '\n' && lx->text[p] != ';')
        p++;
    if (p < lx->len && lx->text[p] == ';')
        p = skip_comment(lx, p, 0);
    lx->pos = p;
}

void inf_lexer_run(struct inf_model *model)
{
    struct lexer lx;
    memset(&lx, 0, sizeof lx);
    lx.model = model;
    lx.text = model->source.text;
    lx.len = model->source.len;
    lx.line = 1;
    lx.run = INF_NO_INDEX;
    model->source.line_count = 0;
    inf_source_add_line(&model->source, 0);
    size_t blank;
    while (lx.pos < lx.len) {
        char c = lx.text[lx.pos];
        if (c == '\n') {
            lx.line++;
            lx.pos++;
            inf_source_add_line(&model->source, (uint32_t)lx.pos);
            lx.saw_text_on_line = 0;
        } else if ((blank = BLANK_AT(&lx, lx.pos)) != 0) {
            lx.pos += blank;
        } else if (c == ';') {
            lx.pos = skip_comment(&lx, lx.pos, !lx.saw_text_on_line);
        } else if (c == '[') {
            lex_header(&lx);
        } else if (lx.in_broken_section) {
            const char *nl = memchr(lx.text + lx.pos, '\n', lx.len - lx.pos);
            lx.pos = nl ? (size_t)(nl - lx.text) : lx.len;
        } else if (lx.run == INF_NO_INDEX) {
            /* Text before the first section: Windows skips it character by character. */
            lx.saw_text_on_line = 1;
            if (!lx.saw_text_before) {
                lx.saw_text_before = 1;
                const char *nl = memchr(lx.text + lx.pos, '\n', lx.len - lx.pos);
                size_t end = nl ? (size_t)(nl - lx.text) : lx.len;
                add_issue(&lx, INF_ISSUE_TEXT_BEFORE_SECTION, lx.pos, end, lx.line);
            }
            lx.pos++;
        } else {
            lex_entry(&lx);
        }
    }
    inf_source_lines_done(&model->source);
    inf_buf_free(&lx.built);
}
