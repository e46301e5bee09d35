/*
 * ISO108 service-binary-not-driver-store (InfVerif 2085/2084): a live
 * service (AddService, or UmdfService) whose ServiceBinary is not
 * %13%\... (after """...""" unquoting), or names a DIRID-13 path that no
 * live CopyFiles fills. Inbox binaries get an Include/Needs hint. Fix, for a
 * binary this INF copies: the driver-store move of its destination, or the
 * path pointed at DIRID 13 when the file is there already.
 */
#include "check.h"

static const char *const inbox_binaries[] = {
    "wudfrd.sys",   "winusb.sys", "mshidkmdf.sys", "mshidumdf.sys", "wudfrdv2.sys",
    "hidclass.sys", "usbd.sys",   "ks.sys",        "portcls.sys",   "ndis.sys"};

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '\\');
    return slash ? slash + 1 : path;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    /* Where live copies put files in the store: "subdir\name", normalized. */
    struct inf_name_set *copied = inf_name_set_new(c, g->copy_count);
    /* Files copied by a list without a destination (INF008): where they go is unknown, so a
     * ServiceBinary naming one is that finding's consequence, not one of its own. */
    struct inf_name_set *unplaced = inf_name_set_new(c, 4);
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        if (!copy->destination) {
            const char *name = inf_check_normalize_path(c, copy->dest_name.text);
            inf_name_set_add(unplaced, name, strlen(name), copy->file_line);
        }
        if (!copy->has_dirid || copy->dirid != 13)
            continue;
        const char *key = inf_check_normalize_path(
            c, inf_check_printf(c, "%s\\%s", copy->dest_subdir, copy->dest_name.text));
        inf_name_set_add(copied, key, strlen(key), copy->file_line);
    }
    for (size_t i = 0; i < g->service_count; i++) {
        const struct inf_service *s = &g->services[i];
        if (s->install_section == INF_NO_INDEX || !inf_reach_enforced(&s->reach))
            continue;
        if (!s->binary) {
            struct inf_text name = g->sections[s->install_section].name;
            inf_report(
                c, g->sections[s->install_section].header, 0,
                "add `ServiceBinary = %13%\\<file>` naming a file this INF copies to DIRID 13",
                "service section [%.*s] has no ServiceBinary", (int)name.len, name.ptr);
            continue;
        }
        struct inf_text binary = {s->binary_path.text, s->binary_path.len};
        if (binary.len >= 2 && binary.ptr[0] == '"' && binary.ptr[binary.len - 1] == '"') {
            binary.ptr++; /* """path""" keeps one pair */
            binary.len -= 2;
        }
        const char *path = inf_check_printf(c, "%.*s", (int)binary.len, binary.ptr);
        long dirid = 0;
        struct inf_text rest;
        int under_dirid = inf_text_dirid_prefix(binary, &dirid, &rest);
        if (c->options->profile == INF_PROFILE_UNIVERSAL && under_dirid && dirid >= 0)
            continue; /* /u accepts any %dirid%\ path */
        struct inf_span span = inf_span_line(c->model, s->binary);
        if (!under_dirid || dirid != 13 || rest.ptr != binary.ptr + 4) { /* not "%13%..." */
            const char *base = base_name(inf_check_normalize_path(c, path));
            int inbox = 0;
            for (size_t k = 0; k < sizeof inbox_binaries / sizeof inbox_binaries[0]; k++)
                inbox |= strcmp(base, inbox_binaries[k]) == 0;
            if (!inbox)
                inf_fix_move_reference(c, s->binary, base, strlen(base));
            inf_report(c, span, 0,
                       inbox ? inf_check_printf(c,
                                                "'%s' is an inbox binary: use Include and Needs of "
                                                "its inbox INF instead of adding the service "
                                                "yourself",
                                                base_name(path))
                             : inf_check_printf(c,
                                                "copy the binary to DIRID 13 and write "
                                                "`ServiceBinary = %%13%%\\%s`",
                                                base_name(path)),
                       "ServiceBinary '%s' is not in the driver store (%%13%%); the service would "
                       "run a file outside the package",
                       path);
            continue;
        }
        const char *stored =
            inf_check_normalize_path(c, inf_check_printf(c, "%.*s", (int)rest.len, rest.ptr));
        const char *file = base_name(stored);
        if (!inf_name_set_find(copied, stored, strlen(stored)) &&
            !inf_name_set_find(unplaced, file, strlen(file))) {
            const char *sub = strchr(stored, '\\');
            inf_report(c, span, 0,
                       inf_check_printf(c,
                                        "copy '%s' with CopyFiles to DIRID 13%s%s, or correct the "
                                        "path",
                                        base_name(stored), sub ? " and the subdirectory " : "",
                                        sub ? stored : ""),
                       "ServiceBinary '%s' names a driver-store path that no CopyFiles of this INF "
                       "fills",
                       path);
        }
    }
}

const struct inf_rule inf_rule_iso108 = {
    "ISO108",
    "service-binary-not-driver-store",
    INF_SEVERITY_ERROR,
    "A service's binary is not a file this INF copies to the driver store.",
    "A service of an isolated package runs its binary from the driver store: ServiceBinary "
    "must be %13%\\<path> and some live CopyFiles must put that file at that path. A binary "
    "in System32\\drivers can be replaced by other packages; an inbox binary such as "
    "WUDFRd.sys or WinUsb.sys belongs to its inbox INF, which you reach with Include and "
    "Needs. The null service (AddService = ,2) has no binary and is fine.",
    "[Acme_Service]\nServiceBinary = %12%\\acme.sys\n",
    "[DestinationDirs]\nAcme_Files = 13\n[Acme_Service]\nServiceBinary = %13%\\acme.sys\n",
    check,
    .allowances = 1u << INF_PROFILE_UNIVERSAL,
    .infverif = {2085, 2084}};
