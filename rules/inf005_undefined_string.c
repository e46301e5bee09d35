/*
 * INF005 undefined-string (InfVerif 1235): a %token% that is neither a
 * [Strings] key nor a number (a DIRID), outside the [Strings*] sections
 * (whose values Windows never substitutes). Fix (unsafe: a missing string may
 * have been meant), when no [Strings] key is close to the name: both percent
 * signs doubled, so the text means what Windows shows.
 */
#include "check.h"

/* The names already reported on the current line (a line holds a handful at most). */
struct line_names {
    uint32_t line;
    struct inf_text names[16];
    size_t count;
};

/* Is NAME new on LINE? Remembers it. */
static int first_on_line(struct line_names *seen, uint32_t line, const char *name, size_t len)
{
    if (seen->line != line)
        seen->line = line, seen->count = 0;
    for (size_t i = 0; i < seen->count; i++)
        if (inf_text_equal_nocase2(seen->names[i].ptr, seen->names[i].len, name, len))
            return 0;
    if (seen->count < sizeof seen->names / sizeof seen->names[0])
        seen->names[seen->count++] = (struct inf_text){name, len};
    return 1;
}

/* Environment variables that INFs write into values (to be expanded later), never keys. */
static const char *const environment[] = {"SystemRoot",      "windir",      "SystemDrive",
                                          "ProgramFiles",    "ProgramData", "CommonProgramFiles",
                                          "ALLUSERSPROFILE", "TEMP",        "USERPROFILE"};

/* Could NAME be meant as a [Strings] key: a name of letters, digits, '_', '.' and '-' that
 * is not an environment variable? ("100% sure and 50%" names " sure and 50": no.) */
static int could_be_key(const char *name)
{
    for (size_t i = 0; i < sizeof environment / sizeof environment[0]; i++)
        if (inf_compare_nocase(name, environment[i]) == 0)
            return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '.' || *p == '-'))
            return 0;
    return 1;
}

/*
 * What the rule reads once per file: the [Strings] keys (when the first
 * undefined name that could not be a key itself needs a suggestion; a file
 * whose names are all defined never copies them), and for each undefined name
 * whether a key may have been meant - a search over every key, done once per
 * name although a file may use the same undefined name on hundreds of lines.
 */
struct string_keys {
    const char *const *keys;
    size_t count;
    struct inf_name_set *meant; /* name -> &MEANT or &NOT_MEANT */
};

static const struct inf_line MEANT, NOT_MEANT; /* the answers, as the set's lines */

/* May a [Strings] key have been meant by NAME (LEN bytes)? */
static int key_meant(struct inf_check *c, struct string_keys *keys, const char *name, size_t len)
{
    const struct inf_line *known = keys->meant ? inf_name_set_find(keys->meant, name, len) : NULL;
    if (!known) {
        int meant = could_be_key(name);
        if (!meant) { /* a key close to it? (the keys stay NULL only without [Strings]) */
            if (!keys->keys)
                keys->keys = inf_check_string_keys(c, &keys->count);
            meant = keys->count && inf_check_suggest(name, keys->keys, keys->count);
        }
        if (!keys->meant)
            keys->meant = inf_name_set_new(c, 8);
        known = inf_name_set_add(keys->meant, name, len, meant ? &MEANT : &NOT_MEANT);
    }
    return known == &MEANT;
}

/* The fix for the undefined reference REF in TOKEN (raw text RAW): its two '%' doubled, when
 * the token is a slice of the source and no [Strings] key can have been meant. */
static void begin_fix(struct inf_check *c, const struct inf_token *token, struct inf_text raw,
                      const struct inf_percent_ref *ref, struct string_keys *keys)
{
    const struct inf_model *m = c->model;
    if (token->pooled || ref->name_len > 200)
        return;
    const char *name = inf_check_copy(c, ref->name, ref->name_len);
    if (key_meant(c, keys, name, ref->name_len))
        return; /* a missing string, or a typo of a defined one, most likely */
    uint32_t open = (uint32_t)(raw.ptr - m->source.text + ref->offset);
    uint32_t close = open + (uint32_t)ref->len - 1;
    inf_fix_begin(c, INF_FIX_SAFE,
                  inf_check_printf(c, "write %%%%%s%%%% for the literal text", name));
    inf_fix_insert(c, open, "%");
    inf_fix_insert(c, close, "%");
    inf_fix_unsafe(c, "a string that should be defined in [Strings] may have been meant");
}

/* Reports every undefined %name% in TOKEN, once per name and line. Returns whether TOKEN
 * names only defined strings and DIRIDs. */
static int check_token(struct inf_check *c, const struct inf_token *token, uint32_t line,
                       struct line_names *seen, struct string_keys *keys)
{
    const struct inf_model *m = c->model;
    struct inf_text raw = inf_token_raw(m, token);
    size_t pos = 0;
    struct inf_percent_ref ref;
    int all_defined = 1;
    while (inf_model_next_percent(m, raw, &pos, &ref)) {
        if (ref.kind == INF_PERCENT_UNKNOWN)
            all_defined = 0;
        if (ref.kind != INF_PERCENT_UNKNOWN || !first_on_line(seen, line, ref.name, ref.name_len))
            continue;
        int shown = (int)(ref.name_len > 200 ? 200 : ref.name_len);
        begin_fix(c, token, raw, &ref, keys);
        inf_report(c, inf_span_token(m, token), 0,
                   inf_check_printf(c,
                                    "define it in [Strings] (`%.*s = \"...\"`), or write %%%% for "
                                    "a literal percent sign",
                                    shown, ref.name),
                   "'%%%.*s%%' is not defined in [Strings]; Windows leaves it as written", shown,
                   ref.name);
    }
    return all_defined;
}

/* Tokens found clean (every reference defined), by a hash of their text: Models sections
 * repeat a few %strkey% tokens on thousands of lines, and each is read once. Up to
 * MAX_CLEAN_SLOTS slots, a power of two: unique tokens (a `%13%` path per file, say) pass
 * through the table, and in a small one they soon push out the few that repeat. */
#define MAX_CLEAN_SLOTS 4096

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    struct line_names seen = {INF_NO_INDEX, {{NULL, 0}}, 0};
    struct string_keys keys = {NULL, 0, NULL};
    size_t slots = 16;
    while (slots < m->percent_count && slots < MAX_CLEAN_SLOTS)
        slots *= 2;
    struct inf_text *clean = inf_arena_array(c, slots, sizeof *clean);
    const struct inf_text *last = NULL; /* the slot of the last token, when it was clean */
    /* Only tokens holding '%' can name a string; [Strings*] values are never substituted. */
    for (size_t i = 0; i < m->percent_count; i++) {
        const struct inf_marked_token *mark = &m->percent_tokens[i];
        if (mark->section != INF_NO_INDEX && c->graph->sections[mark->section].is_strings)
            continue;
        const struct inf_token *token = &m->tokens[mark->token];
        struct inf_text raw = inf_token_raw(m, token);
        if (last && raw.len == last->len && inf_bytes_equal(raw.ptr, last->ptr, raw.len))
            continue; /* the same as the token before (no hash needed) */
        struct inf_text *slot = &clean[inf_hash_nocase(raw.ptr, raw.len) & (slots - 1)];
        if (slot->ptr && raw.len == slot->len && inf_bytes_equal(raw.ptr, slot->ptr, raw.len)) {
            last = slot;
            continue;
        }
        last = NULL;
        if (check_token(c, token, mark->line, &seen, &keys)) {
            *slot = raw;
            last = slot;
        }
    }
}

const struct inf_rule inf_rule_inf005 = {
    "INF005",
    "undefined-string",
    INF_SEVERITY_ERROR,
    "A %token% is not defined in [Strings].",
    "Windows replaces %name% with the value of `name` in [Strings] and %number% with a "
    "directory (a DIRID). A name that is neither stays in the text as written, percent "
    "signs included, which is almost never intended: a missing string, a typo, or a literal "
    "percent sign that should have been doubled.",
    "[Acme_AddReg]\nHKR,,Path,,%SystemRoot%\\acme\n",
    "[Acme_AddReg]\nHKR,,Path,,%%SystemRoot%%\\acme\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1235}};
