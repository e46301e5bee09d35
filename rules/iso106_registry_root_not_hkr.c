/*
 * ISO106 registry-root-not-hkr (InfVerif 1320/1321): a live AddReg, DelReg
 * or BitReg line whose root is HKLM, HKCU, HKCR or HKU. The hint names the
 * isolated replacement for the documented patterns (rules.md ISO106).
 */
#include "rule_util.h"
#include "inflint/profile.h"

#include <stdlib.h>

/* Does SUBKEY (normalized: lower case, single '\') contain PART as whole path components? */
static int has_component(const char *subkey, const char *part)
{
    size_t n = strlen(part);
    for (const char *p = subkey; (p = strstr(p, part)) != NULL; p++) {
        int starts = p == subkey || p[-1] == '\\';
        int ends = p[n] == '\0' || p[n] == '\\';
        if (starts && ends)
            return 1;
    }
    return 0;
}

static int starts_with(const char *text, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(text, prefix, n) == 0 && (text[n] == '\0' || text[n] == '\\');
}

/* Is NAME the name of a service this INF adds? */
static int adds_service(const struct inf_check *c, const char *name)
{
    const struct inf_graph *g = c->graph;
    struct inf_buf scratch = INF_BUF_INIT;
    int found = 0;
    for (size_t i = 0; i < g->service_count && !found; i++) {
        if (g->services[i].is_umdf)
            continue;
        char *service = rule_field(c->model, g->services[i].add_line, 0, &scratch);
        found = strcasecmp_ascii(service, name) == 0;
        free(service);
    }
    inf_buf_free(&scratch);
    return found;
}

/* Writes the hint for ROOT (upper case) and SUBKEY (normalized) into HINT. */
static void choose_hint(const struct inf_check *c, const struct inf_registry_line *r,
                        const char *root, const char *subkey, char *hint, size_t size)
{
    const char *services = "system\\currentcontrolset\\services\\";
    if (has_component(subkey, "winevt\\channels") || has_component(subkey, "winevt\\publishers")) {
        snprintf(hint, size,
                 "declare the event provider with AddEventProvider in a "
                 "DDInstall.Events section instead of writing its registry keys");
    } else if (starts_with(subkey, "system\\currentcontrolset\\control\\wmi\\autologger")) {
        snprintf(hint, size, "use AddAutoLogger or UpdateAutoLogger in a DDInstall.Events section");
    } else if (has_component(subkey, "currentversion\\run") ||
               has_component(subkey, "currentversion\\runonce")) {
        snprintf(hint, size,
                 "start user-mode software with AddSoftware in DDInstall.Software, or "
                 "use a trigger-started service");
    } else if (strncmp(subkey, services, strlen(services)) == 0 && subkey[strlen(services)]) {
        const char *name = subkey + strlen(services);
        size_t len = strcspn(name, "\\");
        char *service = inf_xstrndup(name, len);
        if (adds_service(c, service))
            snprintf(hint, size,
                     "write it as `HKR,Parameters\\...` from the service-install "
                     "section of '%s' (HKR there is the service key)",
                     service);
        else
            snprintf(hint, size,
                     "remove it: a driver package must not configure a service "
                     "that it does not install ('%s')",
                     service);
        free(service);
    } else if (strcmp(root, "HKCR") == 0 &&
               starts_with(subkey, "audioengine\\audioprocessingobjects")) {
        snprintf(hint, size, "register the APO with HKR from the DDInstall section");
    } else if ((strcmp(root, "HKCR") == 0 && starts_with(subkey, "clsid")) ||
               (strcmp(root, "HKLM") == 0 && starts_with(subkey, "software\\classes"))) {
        snprintf(hint, size,
                 "register the class as `HKR,Classes\\CLSID\\...` from the DDInstall "
                 "section, or with AddComServer in DDInstall.COM");
    } else if (has_component(subkey, "control\\mediacategories")) {
        snprintf(hint, size, "write it as `HKR,MediaCategories\\...` from the DDInstall section");
    } else if (has_component(subkey, "control\\dmasecurity")) {
        snprintf(hint, size, "remove it: DMA security settings are not a driver package's to set");
    } else if (r->context == INF_HKR_NONE) {
        snprintf(hint, size,
                 "a primitive driver keeps its state under its service key: write "
                 "`HKR,Parameters,...` from the service-install section");
    } else {
        snprintf(hint, size,
                 "keep the state in the device's own keys: `HKR,...` from the "
                 "DDInstall section (software key) or DDInstall.HW (hardware key), "
                 "read with IoOpenDeviceRegistryKey");
    }
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    static const char *const verbs[] = {"AddReg writes to", "DelReg deletes from",
                                        "BitReg changes"};
    struct inf_key_map seen = {0};
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_line *r = &g->registry[i];
        if (!inf_reach_enforced(&r->reach) || r->line->field_count == 0)
            continue;
        char *root = rule_field(c->model, r->line, 0, &c->scratch);
        for (char *p = root; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 32);
        if (strcmp(root, "HKLM") && strcmp(root, "HKCU") && strcmp(root, "HKCR") &&
            strcmp(root, "HKU")) {
            free(root);
            continue;
        }
        if (!rule_once(&seen, rule_line_id(c->model, r->line))) {
            free(root);
            continue;
        }
        char *subkey_raw = rule_field(c->model, r->line, 1, &c->scratch);
        enum inf_severity allowed = inf_profile_registry(c->options->profile, root, subkey_raw);
        if (allowed == INF_SEVERITY_OFF) {
            free(subkey_raw);
            free(root);
            continue;
        }
        char *subkey = inf_path_normalize(subkey_raw);
        char hint[512], arches[64];
        choose_hint(c, r, root, subkey, hint, sizeof hint);
        inf_report(c, inf_span_line(c->model, r->line),
                   allowed == INF_SEVERITY_WARNING ? INF_SEVERITY_WARNING : 0, hint,
                   "%s %s%s%s, a global registry location outside the keys Windows gives this "
                   "device or service%s",
                   verbs[r->directive_kind], root, subkey_raw[0] ? "\\" : "", subkey_raw,
                   rule_arch_note(g, r->reach.enforced_arches, arches));
        free(subkey);
        free(subkey_raw);
        free(root);
    }
    inf_key_map_free(&seen);
}

const struct inf_rule inf_rule_iso106 = {
    "ISO106",
    "registry-root-not-hkr",
    INF_SEVERITY_ERROR,
    "A registry line writes outside HKR.",
    "An isolated package reaches registry state only through keys Windows hands it: HKR in "
    "the INF (the device's software or hardware key, its service key, its interface key) and "
    "IoOpenDeviceRegistryKey and friends in code. HKLM, HKCU, HKCR and HKU are global paths "
    "that other components and servicing also own. Several global patterns have a dedicated "
    "replacement (event providers, autologgers, Run keys, COM classes, media categories); "
    "the hint names it.",
    "[Acme_AddReg]\nHKLM,SOFTWARE\\Acme,PollInterval,0x00010001,500\n",
    "[Acme_Install.NT]\nAddReg = Acme_AddReg\n[Acme_AddReg]\nHKR,,PollInterval,0x00010001,500\n",
    check};
