/*
 * INF022 provider-microsoft (InfVerif 1204): the [Version] Provider is, or
 * begins with, "Microsoft" (any case, after %strkey% substitution, leading
 * blanks ignored). Only Microsoft's own INFs may name it.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    uint32_t version = inf_check_section(c, "Version");
    if (version == INF_NO_INDEX)
        return;
    struct inf_entries entries;
    inf_entries_init(&entries, c, version, "Provider");
    const struct inf_line *line;
    while ((line = inf_entries_next(&entries)) != NULL) {
        struct inf_field provider = inf_check_field(c, line, 0);
        const char *name = provider.text + strspn(provider.text, " \t");
        if (inf_text_equal_nocase2(name, strlen(name) < 9 ? strlen(name) : 9, "Microsoft", 9))
            inf_report(c, inf_span_line(c->model, line), 0,
                       "name the organisation that wrote the INF, e.g. `Provider = %Vendor%` "
                       "with `Vendor = \"Contoso\"` in [Strings]",
                       "the Provider is '%s': an INF that Microsoft did not write may not name "
                       "Microsoft as its provider",
                       provider.text);
    }
}

const struct inf_rule inf_rule_inf022 = {
    .code = "INF022",
    .name = "provider-microsoft",
    .severity = INF_SEVERITY_ERROR,
    .summary = "The [Version] Provider names Microsoft.",
    .explanation =
        "The Provider entry of [Version] names the organisation that wrote the INF. Driver "
        "validation (InfVerif 1204) rejects a Provider that is or begins with Microsoft in "
        "an INF Microsoft did not write, after %strkey% substitution and in any case.",
    .bad_example = "[Version]\nSignature = \"$Windows NT$\"\nProvider = \"Microsoft\"\n",
    .good_example = "[Version]\nSignature = \"$Windows NT$\"\nProvider = %Vendor%\n"
                    "[Strings]\nVendor = \"Contoso\"\n",
    .check = check,
    .infverif = {1204}};
