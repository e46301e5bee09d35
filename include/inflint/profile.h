/*
 * profile.h - InfVerif's three modes as profiles (rules.md "Profiles"):
 * isolation (/w, the default), universal (/u) and whql (/h). A profile
 * changes severities and allowances, never a rule's identity.
 */
#ifndef INFLINT_PROFILE_H
#define INFLINT_PROFILE_H

#include "inflint/rule.h"

/* "isolation", "universal", "whql". */
const char *inf_profile_name(enum inf_profile profile);
/* Parses a profile name; -1 when unknown. */
int inf_profile_parse(const char *text);

/* The severity RULE has under PROFILE before allowances (OFF: not run). */
enum inf_severity inf_profile_severity(const struct inf_rule *rule, enum inf_profile profile);

/* Non-zero when RULE has allowances under PROFILE (some findings lowered or dropped). */
int inf_profile_has_allowances(const struct inf_rule *rule, enum inf_profile profile);

#endif
