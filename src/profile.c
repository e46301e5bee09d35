/*
 * profile.c - severities and allowances of the isolation (/w), universal
 * (/u) and whql (/h) profiles; the /h lists are inf-reference.md 24.
 */
#include "inflint/profile.h"
#include "inflint/alloc.h"

#include <stdio.h>
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
enum inf_severity inf_profile_severity(const struct inf_rule *rule, enum inf_profile profile)
{
    const struct inf_profile_severity *p = &rule->profiles[profile];
    return p->differs ? p->severity : rule->severity;
}

int inf_profile_has_allowances(const struct inf_rule *rule, enum inf_profile profile)
{
    return (rule->allowances >> profile) & 1u;
}

const char *inf_rule_levels_text(const struct inf_rule *rule, enum inf_profile profile, char *out,
                                 size_t size)
{
    enum inf_severity level = inf_profile_severity(rule, profile);
    if (rule->lower_severity != INF_SEVERITY_OFF && level > rule->lower_severity)
        snprintf(out, size, "%s/%s", inf_severity_name(level),
                 inf_severity_name(rule->lower_severity));
    else
        snprintf(out, size, "%s", inf_severity_name(level));
    return out;
}
