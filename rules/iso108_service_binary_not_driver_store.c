/*
 * ISO108 service-binary-not-driver-store (InfVerif 2085/2084): a live
 * service (AddService, or UmdfService) whose ServiceBinary is not
 * %13%\... (after """...""" unquoting), or names a DIRID-13 path that no
 * live CopyFiles fills. Inbox binaries get an Include/Needs hint.
 */
#include "rule_util.h"

#include <stdlib.h>

static const char *const inbox_binaries[] = {
    "wudfrd.sys",   "winusb.sys", "mshidkmdf.sys", "mshidumdf.sys", "wudfrdv2.sys",
    "hidclass.sys", "usbd.sys",   "ks.sys",        "portcls.sys",   "ndis.sys"};

/* "%13%\sub\x.sys" -> lower-case "sub\x.sys"; NULL when not under DIRID 13. */
static char *store_path(const char *binary)
{
    if (strncmp(binary, "%13%", 4) != 0)
        return NULL;
    return inf_path_normalize(binary + 4);
}

/* Does BINARY start with a %number% DIRID token? */
static int under_dirid(const char *binary)
{
    if (binary[0] != '%')
        return 0;
    size_t i = 1;
    while (binary[i] >= '0' && binary[i] <= '9')
        i++;
    return i > 1 && binary[i] == '%';
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '\\');
    return slash ? slash + 1 : path;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    /* Where live copies put files in the store: "subdir\name", normalized. */
    struct inf_name_index copied;
    inf_name_index_init(&copied, g->copy_count);
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        if (!copy->has_dirid || copy->dirid != 13)
            continue;
        struct inf_buf path = INF_BUF_INIT;
        inf_buf_printf(&path, "%s\\%s", copy->dest_subdir, copy->dest_name);
        char *key = inf_path_normalize(path.data);
        inf_buf_free(&path);
        inf_name_index_add(&copied, key, strlen(key), copy->file_line);
        free(key);
    }
    for (size_t i = 0; i < g->service_count; i++) {
        const struct inf_service *s = &g->services[i];
        if (s->install_section == INF_NO_INDEX || !inf_reach_enforced(&s->reach))
            continue;
        if (!s->binary) {
            struct inf_text name = inf_model_section_name(c->model, s->install_section);
            inf_report(
                c, inf_span_header(c->model, c->model->sections[s->install_section].first_run), 0,
                "add `ServiceBinary = %13%\\<file>` naming a file this INF copies to DIRID 13",
                "service section [%.*s] has no ServiceBinary", (int)name.len, name.ptr);
            continue;
        }
        char *binary = rule_field(c->model, s->binary, 0, &c->scratch);
        size_t n = strlen(binary);
        if (n >= 2 && binary[0] == '"' && binary[n - 1] == '"') { /* """path""" keeps one pair */
            memmove(binary, binary + 1, n - 2);
            binary[n - 2] = '\0';
        }
        if (c->options->profile == INF_PROFILE_UNIVERSAL && under_dirid(binary)) {
            free(binary);
            continue; /* /u accepts any %dirid%\ path */
        }
        char *stored = store_path(binary);
        char hint[512];
        if (!stored) {
            char *lower = inf_path_normalize(binary);
            const char *base = base_name(lower);
            int inbox = 0;
            for (size_t k = 0; k < sizeof inbox_binaries / sizeof inbox_binaries[0]; k++)
                inbox |= strcmp(base, inbox_binaries[k]) == 0;
            if (inbox)
                snprintf(hint, sizeof hint,
                         "'%s' is an inbox binary: use Include and Needs of its inbox INF instead "
                         "of adding the service yourself",
                         base_name(binary));
            else
                snprintf(hint, sizeof hint,
                         "copy the binary to DIRID 13 and write `ServiceBinary = %%13%%\\%s`",
                         base_name(binary));
            inf_report(c, inf_span_line(c->model, s->binary), 0, hint,
                       "ServiceBinary '%s' is not in the driver store (%%13%%); the service would "
                       "run a file outside the package",
                       binary);
            free(lower);
        } else if (!inf_name_index_find(&copied, stored, strlen(stored))) {
            snprintf(hint, sizeof hint,
                     "copy '%s' with CopyFiles to DIRID 13%s%s, or correct the path",
                     base_name(stored), strchr(stored, '\\') ? " and the subdirectory " : "",
                     strchr(stored, '\\') ? stored : "");
            inf_report(c, inf_span_line(c->model, s->binary), 0, hint,
                       "ServiceBinary '%s' names a driver-store path that no CopyFiles of this INF "
                       "fills",
                       binary);
        }
        free(stored);
        free(binary);
    }
    inf_name_index_free(&copied);
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
    check};
