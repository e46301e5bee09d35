/*
 * ISO106 registry-root-not-hkr (InfVerif 1320/1321): a live AddReg, DelReg
 * or BitReg line whose root is HKLM, HKCU, HKCR or HKU. The hint names the
 * isolated replacement for the documented patterns (rules.md ISO106).
 */
#include "check.h"

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
static int adds_service(const struct inf_check *c, const char *name, size_t len)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->service_count; i++)
        if (!g->services[i].is_umdf &&
            inf_text_equal_nocase2(g->services[i].name.text, g->services[i].name.len, name, len))
            return 1;
    return 0;
}

/* Writes the hint for ROOT (upper case) and SUBKEY (normalized) into HINT. */
static void choose_hint(const struct inf_check *c, const struct inf_registry_write *r,
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
        int len = (int)strcspn(name, "\\");
        if (adds_service(c, name, (size_t)len))
            snprintf(hint, size,
                     "write it as `HKR,Parameters\\...` from the service-install "
                     "section of '%.*s' (HKR there is the service key)",
                     len, name);
        else
            snprintf(hint, size,
                     "remove it: a driver package must not configure a service "
                     "that it does not install ('%.*s')",
                     len, name);
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

static const char *const whql_hklm[] = {
    "system\\currentcontrolset",
    "software\\classes",
    "software\\khronos",
    "software\\microsoft\\analog\\providers",
    "software\\microsoft\\cellular\\mvsettings\\devicespecific\\cellux",
    "software\\microsoft\\cryptography\\calais\\readers",
    "software\\microsoft\\cryptography\\calais\\smartcards",
    "software\\microsoft\\cryptography\\drm_rng",
    "software\\microsoft\\eapol",
    "software\\microsoft\\palm\\delaymanipulationduration",
    "software\\microsoft\\shell\\oem\\quickactions\\colorprofilequickaction",
    "software\\microsoft\\speech_onecore\\audioinput",
    "software\\microsoft\\windows media foundation",
    "software\\microsoft\\windows nt\\currentversion\\adaptivedisplaybrightness",
    "software\\microsoft\\windows nt\\currentversion\\drivers.desc",
    "software\\microsoft\\windows nt\\currentversion\\drivers32",
    "software\\microsoft\\windows nt\\currentversion\\icm",
    "software\\microsoft\\windows nt\\currentversion\\opengldrivers",
    "software\\microsoft\\windows nt\\currentversion\\winlogon\\notify\\sccertprop",
    "software\\microsoft\\windows\\currentversion\\app paths",
    "software\\microsoft\\windows\\currentversion\\audio",
    "software\\microsoft\\windows\\currentversion\\authentication",
    "software\\microsoft\\windows\\currentversion\\control panel",
    "software\\microsoft\\windows\\currentversion\\controls folder",
    "software\\microsoft\\windows\\currentversion\\explorer",
    "software\\microsoft\\windows\\currentversion\\reliability\\userdefined",
    "software\\microsoft\\windows\\currentversion\\run",
    "software\\microsoft\\windows\\currentversion\\runonce",
    "software\\microsoft\\windows\\currentversion\\uninstall",
    "software\\wow6432node\\microsoft\\windows media foundation",
    "software\\wow6432node\\khronos",
    "software\\wowaa32node\\microsoft\\windows media foundation",
    "software\\wowaa32node\\khronos",
};

/* SUBKEY lower-cased, without edge or repeated '\\' (registry key names may hold '/'). */
static const char *normalize_key(struct inf_check *c, const char *subkey)
{
    char *out = inf_check_copy(c, subkey, strlen(subkey)); /* (written over in place) */
    size_t o = 0;
    for (const char *p = subkey; *p; p++) {
        if (*p == '\\' && (o == 0 || out[o - 1] == '\\'))
            continue;
        out[o++] = inf_ascii_lower(*p);
    }
    while (o && out[o - 1] == '\\')
        o--;
    out[o] = '\0';
    return out;
}

/* Does normalized KEY equal PREFIX or lie below it? */
static int under(const char *key, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(key, prefix, n) == 0 && (key[n] == '\0' || key[n] == '\\');
}

/* What PROFILE allows of a global ROOT (upper case) and normalized KEY: OFF, WARNING or ERROR. */
static enum inf_severity allowed_under(enum inf_profile profile, const char *root, const char *key)
{
    int hkcr = strcmp(root, "HKCR") == 0, hklm = strcmp(root, "HKLM") == 0;
    if (profile == INF_PROFILE_UNIVERSAL) {
        /* /u: COM registration and hardware Media Foundation transforms. */
        if ((hkcr && under(key, "clsid")) ||
            (hklm && (under(key, "software\\classes") ||
                      under(key, "software\\microsoft\\windows media foundation") ||
                      under(key, "software\\wow6432node\\microsoft\\windows media foundation"))))
            return INF_SEVERITY_OFF;
    } else if (profile == INF_PROFILE_WHQL) {
        if (hkcr)
            return INF_SEVERITY_WARNING;
        for (size_t i = 0; hklm && i < sizeof whql_hklm / sizeof whql_hklm[0]; i++)
            if (under(key, whql_hklm[i]))
                return INF_SEVERITY_WARNING;
    }
    return INF_SEVERITY_ERROR;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    static const char *const verbs[] = {"AddReg writes to", "DelReg deletes from",
                                        "BitReg changes"};
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_write *r = &g->registry[i];
        if (!inf_reach_enforced(&r->reach) || r->line->field_count == 0)
            continue;
        static const char *const global_roots[] = {"HKLM", "HKCU", "HKCR", "HKU"};
        const char *root = NULL;
        for (size_t k = 0; k < sizeof global_roots / sizeof global_roots[0]; k++)
            if (inf_field_is(r->root, global_roots[k]))
                root = global_roots[k];
        if (!root)
            continue;
        enum inf_severity allowed =
            allowed_under(c->options->profile, root, normalize_key(c, r->subkey.text));
        if (allowed == INF_SEVERITY_OFF)
            continue;
        const char *subkey = inf_check_normalize_path(c, r->subkey.text);
        char hint[512];
        choose_hint(c, r, root, subkey, hint, sizeof hint);
        inf_report(c, r->span, allowed == INF_SEVERITY_WARNING ? INF_SEVERITY_WARNING : 0, hint,
                   "%s %s%s%s, a global registry location outside the keys Windows gives this "
                   "device or service%s",
                   verbs[r->op], root, r->subkey.len ? "\\" : "", r->subkey.text,
                   inf_check_arch_note(c, r->reach.enforced_arches));
    }
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
    check,
    .allowances = 1u << INF_PROFILE_UNIVERSAL | 1u << INF_PROFILE_WHQL,
    .infverif = {1320, 1321}};
