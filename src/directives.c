/*
 * directives.c - the directive table, the companion sections and platform
 * decorations (rules.md "How sections become live", inf-reference.md 12).
 */
#include "directives.h"
#include "inflint/alloc.h"

#include <string.h>

static const char *const arch_names[INF_ARCH_COUNT] = {"x86", "amd64", "arm", "arm64", "ia64"};

const char *inf_arch_name(enum inf_arch arch)
{
    return arch_names[arch];
}

/* ------------------------------------------------------------ directives */

/*
 * Directives that name sections. Targets inherit the HKR context of the
 * section that names them for the per-section directives (AddProperty,
 * AddTrigger, ...); the others start their own.
 */
#define D(name, ...)                                                                               \
    {                                                                                              \
        name, sizeof name - 1, __VA_ARGS__                                                         \
    }
static const struct inf_directive directives[] = {
    D("CopyFiles", INF_ALL_FIELDS, INF_WALK_COPY_FILES, 1, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("AddReg", INF_ALL_FIELDS, INF_WALK_REGISTRY, 1, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("DelReg", INF_ALL_FIELDS, INF_WALK_REGISTRY, 1, INF_HKR_OTHER, INF_REGISTRY_DEL),
    D("BitReg", INF_ALL_FIELDS, INF_WALK_REGISTRY, 1, INF_HKR_OTHER, INF_REGISTRY_BIT),
    D("AddProperty", INF_ALL_FIELDS, INF_WALK_SECTIONS, 1, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("DelProperty", INF_ALL_FIELDS, INF_WALK_SECTIONS, 1, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("AddTrigger", INF_ALL_FIELDS, INF_WALK_SECTIONS, 1, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("DelFiles", INF_ALL_FIELDS, INF_WALK_SECTIONS, 1, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("RenFiles", INF_ALL_FIELDS, INF_WALK_SECTIONS, 1, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("Needs", INF_ALL_FIELDS, INF_WALK_NEEDS, 1, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("AddService", 1u << 2 | 1u << 3, INF_WALK_ADD_SERVICE, 0, INF_HKR_SERVICE, INF_REGISTRY_ADD),
    D("AddInterface", 1u << 2, INF_WALK_SECTIONS, 0, INF_HKR_INTERFACE, INF_REGISTRY_ADD),
    D("AddFilter", 1u << 2, INF_WALK_SECTIONS, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("AddComponent", 1u << 2, INF_WALK_SECTIONS, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("AddSoftware", 1u << 2, INF_WALK_SECTIONS, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("AddComServer", 1u << 2, INF_WALK_SECTIONS, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("AddComClass", 1u << 2, INF_WALK_SECTIONS, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("AddAutoLogger", 1u << 2, INF_WALK_SECTIONS, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("AddChannel", 1u << 2, INF_WALK_SECTIONS, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("KmdfService", 1u << 1, INF_WALK_SECTIONS, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("UmdfService", 1u << 1, INF_WALK_UMDF_SERVICE, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("UpdateAutoLogger", 1u << 1, INF_WALK_SECTIONS, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("AddEventProvider", 1u << 1, INF_WALK_SECTIONS, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
    D("AddAutoLoggerProvider", 1u << 1, INF_WALK_SECTIONS, 0, INF_HKR_OTHER, INF_REGISTRY_ADD),
};
#undef D

#define DIRECTIVE_COUNT (sizeof directives / sizeof directives[0])

/*
 * Open addressing over 64 slots by (length, folded first and last letter),
 * linear probing in table order: slot -> directive index + 1, 0 = empty.
 * Precomputed (it is const, so threads share it freely); when the table
 * above changes, recompute it: test_graph's directive test fails until then.
 */
#define SLOT_COUNT 64
static const unsigned char slots[SLOT_COUNT] = {
    0,  9, 22, 0, 0,  23, 0, 0,  0, 0, 0,  0, 0, 0,  11, 0, 0, 21, 0,  0, 13, 15,
    19, 8, 0,  0, 0,  1,  7, 12, 0, 0, 10, 0, 0, 17, 0,  0, 0, 0,  24, 5, 16, 14,
    0,  0, 0,  0, 18, 0,  6, 20, 2, 0, 0,  4, 0, 0,  0,  0, 0, 3,  0,  0,
};

static size_t directive_hash(const char *name, size_t len)
{
    return (len * 7 + (unsigned char)(name[0] | 0x20) * 3 + (unsigned char)(name[len - 1] | 0x20)) &
           (SLOT_COUNT - 1);
}

const struct inf_directive *inf_directive_find(struct inf_text key)
{
    if (key.len < 5 || key.len > 21) /* Needs .. AddAutoLoggerProvider */
        return NULL;
    for (size_t h = directive_hash(key.ptr, key.len); slots[h]; h = (h + 1) & (SLOT_COUNT - 1)) {
        const struct inf_directive *d = &directives[slots[h] - 1];
        if (d->name_len == key.len && inf_text_equal_nocase2(key.ptr, key.len, d->name, key.len))
            return d;
    }
    return NULL;
}

const struct inf_directive *inf_directive_at(size_t index)
{
    return index < DIRECTIVE_COUNT ? &directives[index] : NULL;
}

/* ------------------------------------------------------------ companions */

const struct inf_companion inf_companions[] = {
    {".HW", INF_HKR_HARDWARE},      {".Services", INF_HKR_OTHER},
    {".Interfaces", INF_HKR_OTHER}, {".CoInstallers", INF_HKR_SOFTWARE},
    {".Events", INF_HKR_OTHER},     {".Filters", INF_HKR_OTHER},
    {".Components", INF_HKR_OTHER}, {".Software", INF_HKR_OTHER},
    {".Wdf", INF_HKR_OTHER},        {".COM", INF_HKR_OTHER},
    {".FactDef", INF_HKR_OTHER},    {".LogConfigOverride", INF_HKR_OTHER},
};
const size_t inf_companion_count = sizeof inf_companions / sizeof inf_companions[0];

int inf_companion_find(struct inf_text suffix)
{
    if (!suffix.len)
        return -1;
    /* (every section name's last part is asked about: most differ in their first letter) */
    char first = inf_ascii_lower(suffix.ptr[0]);
    for (size_t k = 0; k < inf_companion_count; k++) {
        const char *known = inf_companions[k].suffix + 1;
        if (inf_ascii_lower(known[0]) == first && inf_text_equal_nocase(suffix, known))
            return (int)k;
    }
    return -1;
}

/* ----------------------------------------------------------- decorations */

static uint32_t version_build(long major, long minor)
{
    if (major == 5)
        return minor >= 2 ? 3790 : 2600;
    if (major == 6)
        return minor == 0 ? 6000 : minor == 1 ? 7600 : minor == 2 ? 9200 : 9600;
    if (major >= 10)
        return 10240;
    return 0;
}

int inf_decoration_parse(const char *text, size_t len, struct inf_decoration *d)
{
    if (len < 2 || !inf_text_equal_nocase2(text, 2, "NT", 2))
        return 0;
    size_t i = 2, a = 2;
    while (i < len && text[i] != '.')
        i++;
    struct inf_text arch = {text + a, i - a};
    d->arch = INF_DECORATION_NO_ARCH;
    if (arch.len == 0)
        d->arch = INF_DECORATION_NO_ARCH;
    else if (inf_text_equal_nocase(arch, "$ARCH$"))
        d->arch = INF_DECORATION_ANY_ARCH;
    else {
        int found = 0;
        for (int k = 0; k < INF_ARCH_COUNT; k++)
            if (inf_text_equal_nocase(arch, arch_names[k]))
                d->arch = k, found = 1;
        if (!found)
            return 0;
    }
    /* Version fields: major.minor.product.suite.build, any may be empty. */
    long parts[5] = {-1, -1, -1, -1, -1};
    int count = 0;
    while (i < len && text[i] == '.' && count < 5) {
        i++;
        long v = -1;
        while (i < len && text[i] >= '0' && text[i] <= '9') {
            v = (v < 0 ? 0 : v * 10) + (text[i] - '0');
            if (v > 100000000)
                return 0;
            i++;
        }
        if (i < len && text[i] != '.')
            return 0; /* not a version: e.g. a companion suffix */
        parts[count++] = v;
    }
    if (i != len)
        return 0;
    d->start = 0;
    if (parts[4] >= 0)
        d->start = (uint32_t)parts[4];
    else if (parts[0] >= 0)
        d->start = version_build(parts[0], parts[1] < 0 ? 0 : parts[1]);
    return 1;
}

int inf_decoration_applies(const struct inf_decoration *d, enum inf_arch arch)
{
    return d->arch == (int)arch || d->arch == INF_DECORATION_ANY_ARCH ||
           (d->arch == INF_DECORATION_NO_ARCH && arch == INF_ARCH_X86);
}

char *inf_decoration_stamp(const char *decoration, enum inf_arch arch)
{
    struct inf_buf out = INF_BUF_INIT;
    const char *at = strstr(decoration, "$ARCH$");
    if (!at)
        at = strstr(decoration, "$arch$");
    if (!at) {
        inf_buf_adds(&out, decoration);
    } else {
        inf_buf_add(&out, decoration, (size_t)(at - decoration));
        inf_buf_adds(&out, arch_names[arch]);
        inf_buf_adds(&out, at + 6);
    }
    return out.data;
}
