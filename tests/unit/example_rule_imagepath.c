/*
 * EXAMPLE001 imagepath-via-addreg: the worked example of docs/adding-a-rule.md,
 * compiled and run by test_rules. An AddReg write of a value named ImagePath
 * in any live registry section.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_write *r = &g->registry[i];
        if (r->op == INF_REGISTRY_ADD && inf_reach_enforced(&r->reach) &&
            inf_field_is(r->value_name, "ImagePath"))
            inf_report(c, r->span, 0, "set it with `ServiceBinary` in the service-install section",
                       "AddReg writes ImagePath under %s", r->root.text);
    }
}

const struct inf_rule example_rule_imagepath = {.code = "EXAMPLE001",
                                                .name = "imagepath-via-addreg",
                                                .severity = INF_SEVERITY_ERROR,
                                                .summary = "AddReg writes ImagePath.",
                                                .explanation = "ServiceBinary sets ImagePath.",
                                                .bad_example = "HKR,,ImagePath,,x.sys\n",
                                                .good_example = "ServiceBinary = %13%\\x.sys\n",
                                                .check = check};
