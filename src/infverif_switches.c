/*
 * infverif_switches.c - InfVerif switches into inflint settings
 * (infverif_switches.h). The switches are those of inf-reference.md 23:
 * modes /w /u /h (/k has no inflint profile), /wbuild, /stampinf, the
 * undocumented /swCODE and /samples of Microsoft's samples build, and the
 * rest, which change nothing inflint checks.
 */
#include "infverif_switches.h"
#include "inflint/profile.h"
#include "inflint/rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const unsigned short inf_infverif_samples_codes[5] = {1284, 1285, 1293, 2083, 2086};

int inf_parse_build(const char *text, uint32_t *build)
{
    const char *number = text;
    int dots = 0;
    for (const char *p = text; *p; p++)
        if (*p == '.')
            dots++, number = p + 1;
    char *end;
    unsigned long value = strtoul(number, &end, 10);
    int well_formed = *number && !*end && (dots == 0 || dots == 2) &&
                      strspn(text, "0123456789.") == strlen(text) && !strstr(text, "..") &&
                      text[0] != '.';
    if (!well_formed || value > 1000000)
        return -1;
    *build = (uint32_t)value;
    return 0;
}

static void silence(struct inf_infverif_switches *out, unsigned code)
{
    if (inf_infverif_silenced(out, code) || out->silenced_count == INF_MAX_SILENCED_CODES)
        return;
    out->silenced[out->silenced_count++] = (unsigned short)code;
}

/* Is WORD (of LEN bytes) the switch NAME, in any letter case? */
static int is_switch(const char *word, size_t len, const char *name)
{
    size_t n = strlen(name);
    if (len != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = word[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != name[i])
            return 0;
    }
    return 1;
}

/* Switches that take a value and change nothing inflint checks. */
static const char *const ignored_with_value[] = {"code",    "rulever",  "osver",
                                                 "product", "provider", "l"};
/* Switches without a value that change nothing inflint checks. */
static const char *const ignored[] = {"v", "info", "msft"};

static void say(void (*warn)(void *, const char *), void *context, int *count, const char *format,
                const char *word, size_t len)
{
    char why[200];
    snprintf(why, sizeof why, format, (int)len, word);
    if (warn)
        warn(context, why);
    (*count)++;
}

int inf_infverif_switches_parse(const char *text, struct inf_infverif_switches *out,
                                void (*warn)(void *context, const char *why), void *context)
{
    memset(out, 0, sizeof *out);
    int warnings = 0;
    const char *p = text ? text : "";
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        if (!*p)
            break;
        const char *word = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
            p++;
        size_t len = (size_t)(p - word);
        if (word[0] != '/' && word[0] != '-') {
            say(warn, context, &warnings, "'%.*s' is not an InfVerif switch (ignored)", word, len);
            continue;
        }
        const char *name = word + 1;
        size_t n = len - 1;
        if (is_switch(name, n, "w") || is_switch(name, n, "u") || is_switch(name, n, "h")) {
            out->has_profile = 1;
            out->profile = is_switch(name, n, "w")   ? INF_PROFILE_ISOLATION
                           : is_switch(name, n, "u") ? INF_PROFILE_UNIVERSAL
                                                     : INF_PROFILE_WHQL;
        } else if (is_switch(name, n, "k")) {
            say(warn, context, &warnings,
                "'%.*s' (declarative rules only) has no inflint profile (ignored)", word, len);
        } else if (is_switch(name, n, "stampinf")) {
            out->stampinf = 1;
        } else if (is_switch(name, n, "samples")) {
            for (size_t i = 0; i < sizeof inf_infverif_samples_codes / sizeof(unsigned short); i++)
                silence(out, inf_infverif_samples_codes[i]);
        } else if (n > 2 && (name[0] == 's' || name[0] == 'S') &&
                   (name[1] == 'w' || name[1] == 'W') && strspn(name + 2, "0123456789") == n - 2 &&
                   n - 2 <= 5) {
            silence(out, (unsigned)strtoul(name + 2, NULL, 10));
        } else if (is_switch(name, n, "wbuild")) {
            while (*p == ' ' || *p == '\t')
                p++;
            const char *value = p;
            while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
                p++;
            char build[32];
            size_t vlen = (size_t)(p - value);
            snprintf(build, sizeof build, "%.*s", (int)(vlen < sizeof build ? vlen : 0), value);
            uint32_t b;
            if (vlen && inf_parse_build(build, &b) == 0) {
                out->has_wbuild = 1;
                out->wbuild = b;
            } else {
                say(warn, context, &warnings, "'%.*s' needs a build such as 10.0.17763 (ignored)",
                    word, len);
            }
        } else {
            int known = 0;
            for (size_t i = 0; i < sizeof ignored_with_value / sizeof ignored_with_value[0]; i++)
                if (is_switch(name, n, ignored_with_value[i])) {
                    known = 1;
                    while (*p == ' ' || *p == '\t')
                        p++;
                    while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
                        p++;
                }
            for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
                known |= is_switch(name, n, ignored[i]);
            if (!known)
                say(warn, context, &warnings, "unknown InfVerif switch '%.*s' (ignored)", word,
                    len);
        }
    }
    return warnings;
}

int inf_infverif_silenced(const struct inf_infverif_switches *switches, unsigned code)
{
    for (size_t i = 0; i < switches->silenced_count; i++)
        if (switches->silenced[i] == code)
            return 1;
    return 0;
}

void inf_infverif_switches_apply(const struct inf_infverif_switches *switches,
                                 struct inf_lint_options *options)
{
    if (switches->has_profile)
        options->rule.profile = switches->profile;
    if (switches->has_wbuild)
        options->rule.min_build = switches->wbuild;
    if (switches->stampinf)
        options->template_override = 1;
    inf_infverif_silence_rules(switches, options);
}

void inf_infverif_silence_rules(const struct inf_infverif_switches *switches,
                                struct inf_lint_options *options)
{
    for (size_t r = 0; r < inf_rule_count; r++)
        for (const unsigned short *code = inf_rules[r]->infverif; *code; code++)
            if (inf_infverif_silenced(switches, *code))
                options->severity[r] = INF_SEVERITY_OFF;
}
