/*
 * registry.c - the table of every rule. --list-rules, --explain, SARIF
 * rules[] and rules/README.md all come from here.
 */
#include "check.h"

#include <string.h>

extern const struct inf_rule inf_rule_iso101, inf_rule_iso102, inf_rule_iso103, inf_rule_iso104,
    inf_rule_iso105, inf_rule_iso106, inf_rule_iso107, inf_rule_iso108, inf_rule_iso109,
    inf_rule_iso110, inf_rule_iso111, inf_rule_iso112, inf_rule_iso113, inf_rule_iso114,
    inf_rule_iso115, inf_rule_iso116, inf_rule_inf001, inf_rule_inf002, inf_rule_inf003,
    inf_rule_inf004, inf_rule_inf017, inf_rule_inf018, inf_rule_inf019, inf_rule_inf011,
    inf_rule_inf012, inf_rule_inf013, inf_rule_inf014, inf_rule_inf015, inf_rule_inf016,
    inf_rule_inf005, inf_rule_inf006, inf_rule_inf007, inf_rule_inf008, inf_rule_inf009,
    inf_rule_inf010;

const struct inf_rule *const inf_rules[] = {
    &inf_rule_inf001, &inf_rule_inf002, &inf_rule_inf003, &inf_rule_inf004, &inf_rule_inf005,
    &inf_rule_inf006, &inf_rule_inf007, &inf_rule_inf008, &inf_rule_inf009, &inf_rule_inf010,
    &inf_rule_inf011, &inf_rule_inf012, &inf_rule_inf013, &inf_rule_inf014, &inf_rule_inf015,
    &inf_rule_inf016, &inf_rule_inf017, &inf_rule_inf018, &inf_rule_inf019, &inf_rule_iso101,
    &inf_rule_iso102, &inf_rule_iso103, &inf_rule_iso104, &inf_rule_iso105, &inf_rule_iso106,
    &inf_rule_iso107, &inf_rule_iso108, &inf_rule_iso109, &inf_rule_iso110, &inf_rule_iso111,
    &inf_rule_iso112, &inf_rule_iso113, &inf_rule_iso114, &inf_rule_iso115, &inf_rule_iso116,
};

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
