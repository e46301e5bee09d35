/*
 * registry.c - the table of every rule. --list-rules, --explain, SARIF
 * rules[] and rules/README.md all come from here.
 */
#include "check.h"

#include <stdio.h>
#include <string.h>

/*
 * Every rule, in code order: the one list to add a rule to. X(id) names the
 * rule's `const struct inf_rule inf_rule_<id>` (in rules/<id>_<name>.c).
 */
/* clang-format off */
#define INF_RULE_LIST(X) \
    X(inf001) X(inf002) X(inf003) X(inf004) X(inf005) X(inf006) \
    X(inf007) X(inf008) X(inf009) X(inf010) X(inf011) X(inf012) \
    X(inf013) X(inf014) X(inf015) X(inf016) X(inf017) X(inf018) \
    X(inf019) X(inf020) X(inf021) X(inf022) X(inf023) X(inf024) \
    X(inf025) X(inf026) X(iso101) X(iso102) X(iso103) X(iso104) \
    X(iso105) X(iso106) X(iso107) X(iso108) X(iso109) X(iso110) \
    X(iso111) X(iso112) X(iso113) X(iso114) X(iso115) X(iso116) \
    X(src101) X(src102) X(src103) X(src104) X(src106)
/* clang-format on */

#define DECLARE_RULE(id) extern const struct inf_rule inf_rule_##id;
INF_RULE_LIST(DECLARE_RULE)

#define POINT_TO_RULE(id) &inf_rule_##id,
const struct inf_rule *const inf_rules[] = {INF_RULE_LIST(POINT_TO_RULE)};

const size_t inf_rule_count = sizeof inf_rules / sizeof inf_rules[0];

const struct inf_rule *inf_rule_find(const char *code_or_name)
{
    struct inf_text wanted = {code_or_name, strlen(code_or_name)};
    for (size_t i = 0; i < inf_rule_count; i++)
        if (inf_text_equal_nocase(wanted, inf_rules[i]->code) ||
            inf_text_equal_nocase(wanted, inf_rules[i]->name))
            return inf_rules[i];
    return NULL;
}

size_t inf_rule_index(const struct inf_rule *rule)
{
    for (size_t i = 0; i < inf_rule_count; i++)
        if (inf_rules[i] == rule)
            return i;
    return 0;
}

const char *inf_rule_infverif_text(const struct inf_rule *rule, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; rule->infverif[i] && used < size; i++) {
        int n =
            snprintf(out + used, size - used, "%s%u", i ? ", " : "", (unsigned)rule->infverif[i]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    if (!out[0])
        snprintf(out, size, "-");
    return out;
}
