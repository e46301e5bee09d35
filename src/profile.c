/*
 * profile.c - severities and allowances of the isolation (/w), universal
 * (/u) and whql (/h) profiles; the /h lists are inf-reference.md 24.
 */
#include "inflint/profile.h"
#include "inflint/alloc.h"

#include <stdlib.h>
#include <string.h>

const char *inf_profile_name(enum inf_profile profile)
{
    switch (profile) {
    case INF_PROFILE_UNIVERSAL:
        return "universal";
    case INF_PROFILE_WHQL:
        return "whql";
    case INF_PROFILE_ISOLATION:
        break;
    }
    return "isolation";
}

int inf_profile_parse(const char *text)
{
    for (int p = INF_PROFILE_ISOLATION; p <= INF_PROFILE_WHQL; p++)
        if (strcmp(text, inf_profile_name((enum inf_profile)p)) == 0)
            return p;
    return -1;
}

/* Universal (/u) drops or lowers these rules as a whole. */
static const struct {
    const char *code;
    enum inf_severity severity;
} universal_severities[] = {{"ISO107", INF_SEVERITY_OFF},
                            {"ISO109", INF_SEVERITY_WARNING},
                            {"ISO110", INF_SEVERITY_OFF},
                            {"ISO114", INF_SEVERITY_WARNING},
                            {"ISO116", INF_SEVERITY_OFF}};

enum inf_severity inf_profile_severity(const struct inf_rule *rule, enum inf_profile profile)
{
    if (profile == INF_PROFILE_UNIVERSAL)
        for (size_t i = 0; i < sizeof universal_severities / sizeof universal_severities[0]; i++)
            if (strcmp(rule->code, universal_severities[i].code) == 0)
                return universal_severities[i].severity;
    return rule->severity;
}

int inf_profile_has_allowances(const struct inf_rule *rule, enum inf_profile profile)
{
    if (profile == INF_PROFILE_ISOLATION)
        return 0;
    if (strcmp(rule->code, "ISO101") == 0 || strcmp(rule->code, "ISO106") == 0)
        return 1;
    return profile == INF_PROFILE_UNIVERSAL && strcmp(rule->code, "ISO108") == 0;
}

/* DIRIDs that /h still accepts as destinations (reported as warnings). */
static int whql_dirid(long dirid)
{
    static const long allowed[] = {10,    11,    12,    23,    51,    52,    55,    16422, 16425,
                                   16426, 16427, 16428, 66000, 66001, 66002, 66003, 66004};
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        if (allowed[i] == dirid)
            return 1;
    return 0;
}

enum inf_severity inf_profile_destination(enum inf_profile profile, long dirid, const char *subdir)
{
    if (profile == INF_PROFILE_UNIVERSAL) {
        /* /u: System32, drivers, the store, and the Windows directory below a subdirectory. */
        if (dirid == 11 || dirid == 12 || dirid == 13)
            return INF_SEVERITY_OFF;
        if (dirid == 10 && subdir && subdir[strspn(subdir, "\\ ")] != '\0')
            return INF_SEVERITY_OFF;
    } else if (profile == INF_PROFILE_WHQL && whql_dirid(dirid)) {
        return INF_SEVERITY_WARNING;
    }
    return INF_SEVERITY_ERROR;
}

/* Does lower-case KEY equal PREFIX or lie below it? */
static int under(const char *key, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(key, prefix, n) == 0 && (key[n] == '\0' || key[n] == '\\');
}

/* The /h registry locations below HKLM, lower case (33 paths). */
static const char *const whql_hklm[] = {
    "system\\currentcontrolset",
    "software\\classes",
    "software\\khronos",
    "software\\microsoft\\analog\\providers",
    "software\\microsoft\\cellular\\mvsettings\\devicespecific\\cellux",
    "software\\microsoft\\cryptography\\calais\\readers",
    "software\\microsoft\\cryptography\\calais\\smartcards",
    "software\\microsoft\\cryptography\\drm_rng",
    "software\\microsoft\\eapol",
    "software\\microsoft\\palm\\delaymanipulationduration",
    "software\\microsoft\\shell\\oem\\quickactions\\colorprofilequickaction",
    "software\\microsoft\\speech_onecore\\audioinput",
    "software\\microsoft\\windows media foundation",
    "software\\microsoft\\windows nt\\currentversion\\adaptivedisplaybrightness",
    "software\\microsoft\\windows nt\\currentversion\\drivers.desc",
    "software\\microsoft\\windows nt\\currentversion\\drivers32",
    "software\\microsoft\\windows nt\\currentversion\\icm",
    "software\\microsoft\\windows nt\\currentversion\\opengldrivers",
    "software\\microsoft\\windows nt\\currentversion\\winlogon\\notify\\sccertprop",
    "software\\microsoft\\windows\\currentversion\\app paths",
    "software\\microsoft\\windows\\currentversion\\audio",
    "software\\microsoft\\windows\\currentversion\\authentication",
    "software\\microsoft\\windows\\currentversion\\control panel",
    "software\\microsoft\\windows\\currentversion\\controls folder",
    "software\\microsoft\\windows\\currentversion\\explorer",
    "software\\microsoft\\windows\\currentversion\\reliability\\userdefined",
    "software\\microsoft\\windows\\currentversion\\run",
    "software\\microsoft\\windows\\currentversion\\runonce",
    "software\\microsoft\\windows\\currentversion\\uninstall",
    "software\\wow6432node\\microsoft\\windows media foundation",
    "software\\wow6432node\\khronos",
    "software\\wowaa32node\\microsoft\\windows media foundation",
    "software\\wowaa32node\\khronos",
};

/* Lower case, '\' separated, no edge or doubled separators. */
static char *normalize_key(const char *subkey)
{
    size_t n = strlen(subkey), o = 0;
    char *out = inf_xmalloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        char c = subkey[i];
        if (c == '\\' && (o == 0 || out[o - 1] == '\\'))
            continue;
        out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    while (o && out[o - 1] == '\\')
        o--;
    out[o] = '\0';
    return out;
}

enum inf_severity inf_profile_registry(enum inf_profile profile, const char *root,
                                       const char *subkey)
{
    if (profile == INF_PROFILE_ISOLATION)
        return INF_SEVERITY_ERROR;
    char *key = normalize_key(subkey);
    int hkcr = strcmp(root, "HKCR") == 0, hklm = strcmp(root, "HKLM") == 0;
    enum inf_severity result = INF_SEVERITY_ERROR;
    if (profile == INF_PROFILE_UNIVERSAL) {
        /* /u: COM registration and hardware Media Foundation transforms. */
        if ((hkcr && under(key, "clsid")) ||
            (hklm && (under(key, "software\\classes") ||
                      under(key, "software\\microsoft\\windows media foundation") ||
                      under(key, "software\\wow6432node\\microsoft\\windows media foundation"))))
            result = INF_SEVERITY_OFF;
    } else {
        if (hkcr)
            result = INF_SEVERITY_WARNING;
        for (size_t i = 0; hklm && i < sizeof whql_hklm / sizeof whql_hklm[0]; i++)
            if (under(key, whql_hklm[i]))
                result = INF_SEVERITY_WARNING;
    }
    free(key);
    return result;
}
