/*
 * INF021 classinstall32-system-class (InfVerif 1285): a [ClassInstall32*]
 * section in an INF whose class is system-defined (either list of
 * setup_classes.c, or Sample). Windows installs those classes itself; a
 * vendor-defined class may keep its ClassInstall32.
 */
#include "check.h"

/* [ClassInstall32] or a decorated [ClassInstall32.NTamd64], not a companion such as .Services. */
static int is_class_install(struct inf_text name)
{
    if (name.len < 14 || !inf_text_equal_nocase2(name.ptr, 14, "ClassInstall32", 14))
        return 0;
    if (name.len == 14)
        return 1;
    struct inf_decoration decoration;
    return name.ptr[14] == '.' && inf_decoration_parse(name.ptr + 15, name.len - 15, &decoration);
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    struct inf_declared_class declared;
    int known = 0;
    for (size_t s = 0; s < g->section_count; s++) {
        if (!is_class_install(g->sections[s].name))
            continue;
        if (!known) {
            declared = inf_check_declared_class(c);
            known = 1;
        }
        if (!declared.system)
            return;
        inf_report(c, g->sections[s].header, 0,
                   "remove the section: Windows installs its own device setup classes",
                   "[%.*s] installs the class, but %s is %s", (int)g->sections[s].name.len,
                   g->sections[s].name.ptr, declared.system->name,
                   declared.system->kind == INF_CLASS_SAMPLE
                       ? "Microsoft's class for driver samples"
                       : "a device setup class Windows defines");
    }
}

const struct inf_rule inf_rule_inf021 = {
    .code = "INF021",
    .name = "classinstall32-system-class",
    .severity = INF_SEVERITY_ERROR,
    .summary = "A [ClassInstall32] section installs a system-defined setup class.",
    .explanation =
        "[ClassInstall32] creates a device setup class when the INF brings a class of its own. "
        "The classes Windows defines (those documented for vendors, those reserved for the "
        "system, and Microsoft's Sample class) are installed by Windows, and driver validation "
        "(InfVerif 1285) rejects a vendor INF that tries. ClassGuid decides the class; Class is "
        "read only when there is no ClassGuid. A ClassInstall32 for a vendor-defined class is "
        "not reported.",
    .bad_example = "[Version]\nClass = Net\nClassGuid = {4d36e972-e325-11ce-bfc1-08002be10318}\n"
                   "[ClassInstall32]\nAddReg = Net_Class_AddReg\n",
    .good_example = "[Version]\nClass = Net\nClassGuid = {4d36e972-e325-11ce-bfc1-08002be10318}\n"
                    "; no [ClassInstall32]: Windows installs the Net class\n",
    .check = check,
    .infverif = {1285}};
