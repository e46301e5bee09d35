/*
 * INF024 no-device-installed (InfVerif 1297): [Manufacturer] names Models
 * sections that exist, yet none of them (over every decoration) holds a
 * device line with a hardware or compatible ID: a device driver INF that
 * installs on no device. Printer-class INFs are left alone (their models
 * are picked by name and often carry no ID; InfVerif's verdict on them is
 * not confirmed).
 */
#include "check.h"

#define PRINTER_CLASS_GUID "4d36e979-e325-11ce-bfc1-08002be10318"

/* Does a line of existing Models section MODELS give a device an ID? */
static int models_install_a_device(struct inf_check *c, uint32_t models)
{
    struct inf_line_iter it;
    inf_line_iter_init(&it, c->model, models);
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&it)) != NULL)
        for (size_t f = 1; f < line->field_count; f++)
            if (inf_check_field(c, line, f).len)
                return 1;
    return 0;
}

static void check(struct inf_check *c)
{
    uint32_t manufacturer = inf_check_section(c, "Manufacturer");
    size_t count;
    const uint32_t *models = inf_check_models_sections(c, &count);
    if (manufacturer == INF_NO_INDEX || count == 0)
        return; /* no Models section exists: INF006 says so */
    for (size_t k = 0; k < count; k++)
        if (models_install_a_device(c, models[k]))
            return;
    struct inf_declared_class declared = inf_check_declared_class(c);
    if (declared.system &&
        inf_is(declared.system->guid, strlen(declared.system->guid), PRINTER_CLASS_GUID))
        return;
    inf_report(c, c->graph->sections[manufacturer].header, 0,
               "add device lines (`%%Desc%% = Install, HW\\ID`) to the Models sections, or, if "
               "the package installs no device, make it a primitive driver with "
               "[DefaultInstall.NT<arch>] sections and no [Manufacturer]",
               "no Models section installs on a device: no device line gives a hardware or "
               "compatible ID");
}

const struct inf_rule inf_rule_inf024 = {
    .code = "INF024",
    .name = "no-device-installed",
    .severity = INF_SEVERITY_ERROR,
    .summary = "A device driver INF installs on no device.",
    .explanation =
        "An INF with a [Manufacturer] section is a device driver: its Models sections list the "
        "devices it installs on, each device line naming an install section and then hardware "
        "and compatible IDs. When no line of any existing Models section (over every "
        "decoration) gives an ID, the INF installs on nothing, which driver validation (InfVerif "
        "1297) rejects; a package that installs no device is a primitive driver "
        "([DefaultInstall.NT<arch>]). Printer-class INFs, whose models are chosen by name, are "
        "not reported; Models sections that do not exist are INF006.",
    .bad_example = "[Manufacturer]\n%Acme% = Acme, NTamd64\n[Acme.NTamd64]\n"
                   "%Device% = Acme_Install,    ; no hardware ID\n",
    .good_example = "[Manufacturer]\n%Acme% = Acme, NTamd64\n[Acme.NTamd64]\n"
                    "%Device% = Acme_Install, ACPI\\ACME0001\n",
    .check = check,
    .infverif = {1297}};
