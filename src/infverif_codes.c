/*
 * infverif_codes.c - InfVerif's error codes as a data table: each code's
 * level under /k (KMDF and UMDF drivers), /u (universal) and /w (Windows
 * Driver: declarative and isolated), what it is about in a few words of our
 * own, and, when no inflint rule covers it, why. The rules that do cover a
 * code are in the registry (struct inf_rule .infverif), not here.
 *
 * Codes and levels are facts from Microsoft's InfVerif error table,
 * windows-driver-docs-pr/devtest/inf-validation-errors-and-warnings.md in
 * MicrosoftDocs/windows-driver-docs (commit 825aa15f, November 2025).
 */
#include "infverif_codes.h"

#include <stddef.h>

#define E INF_LEVEL_ERROR
#define W INF_LEVEL_WARNING
#define N INF_LEVEL_NONE

/* Why no rule covers a code: one text per reason, shared by the codes it explains. */
#define REASON_TOOL                                                                                \
    "about InfVerif's own run, not the INF text: inflint reports a file it cannot read, or a "     \
    "line it cannot parse, in its own terms"
#define REASON_ARGUMENTS                                                                           \
    "inflint does not validate the arguments and values of individual directives (not in "         \
    "rules.md)"
#define REASON_RESERVED_NAMES                                                                      \
    "the names Windows reserves are not published, and inflint does not guess them"
#define REASON_SERVICES                                                                            \
    "services are checked for isolation only (ISO107, ISO108); their other settings are not in "   \
    "rules.md"
#define REASON_COMPONENTS                                                                          \
    "software components, COM servers and event channels are walked for isolation, but their "     \
    "arguments are not checked (not in rules.md)"
#define REASON_SYSTEM_INFS                                                                         \
    "needs the system INFs that Include names, which are not part of the package inflint reads"
#define REASON_SECTION_KINDS                                                                       \
    "which directives and section kinds are allowed where is not in rules.md"
#define REASON_MICROSOFT_ONLY "applies to INFs Microsoft writes"
#define REASON_PRIMITIVE                                                                           \
    "not in rules.md (INF023 and INF026 cover the decoration errors of primitive drivers)"
#define REASON_NOT_IN_RULES "not in rules.md"
#define REASON_CLASS_PAIRS                                                                         \
    "not in rules.md; only system-defined classes have a known name for their GUID"
#define REASON_NEEDS_SUFFIX "the suffix matching of Needs targets is not in rules.md"
#define REASON_TARGET_OS_FILE "needs the description of the target OS that InfVerif takes as input"
#define REASON_CONFLICTS                                                                           \
    "values set differently by two install sections are not compared (ISO105 covers the file "     \
    "case, 1330)"
#define REASON_DIRID_LIST "the list of DIRIDs InfVerif allows here is not published"
#define REASON_EXTENSION_INFS "the rules of extension INFs are not in rules.md"
#define REASON_SHIMS                                                                               \
    "reports InfVerif rewriting a legacy pattern itself, not a verdict on the INF text"
#define REASON_NETWORK "network component (NetAdapter, NetDriver) rules are not in rules.md"
#define REASON_DISPLAY "display driver rules are not in rules.md"
#define REASON_AUDIO "audio class rules are not in rules.md"
#define REASON_DIRID13_WIDER                                                                       \
    "no rule of its own: ISO101 reports every copy outside DIRID 13, these included"
#define REASON_LEGACY_WIDER                                                                        \
    "no rule of its own: ISO112 reports the legacy directives Windows ignores"
#define REASON_HKR_WIDER                                                                           \
    "no rule of its own: ISO106 reports every registry write outside HKR, these included"

/* clang-format off */
static const struct inf_infverif_code codes[] = {
    {1000, E, E, E, "the INF named on the command line cannot be found", REASON_TOOL},
    {1001, E, E, E, "no [Version] section, or a Signature other than $Windows NT$", NULL},
    {1002, E, E, E, "a line stops the parser", NULL},
    {1003, E, E, E, "an encoding other than ANSI or UTF-16 LE", NULL},
    {1005, E, E, E, "a directive lacks the section name it needs", REASON_ARGUMENTS},
    {1006, E, E, E, "an entry lacks a value it needs", REASON_ARGUMENTS},
    {1008, E, E, E, "a file's disk ID is missing or not a valid ID", REASON_ARGUMENTS},
    {1010, E, E, E, "ClassGuid is not written as a braced GUID", REASON_ARGUMENTS},
    {1011, E, E, E, "a [Manufacturer] entry names no Models section", REASON_ARGUMENTS},
    {1013, E, E, E, "a section lacks a key it requires", REASON_ARGUMENTS},
    {1014, E, E, E, "a required key holds invalid data", REASON_ARGUMENTS},
    {1015, E, E, E, "a path has a malformed shape", REASON_ARGUMENTS},
    {1016, E, E, E, "a file's source path cannot be assembled from the SourceDisks sections", REASON_ARGUMENTS},
    {1017, E, E, E, "a service name reserved for Windows or for the samples", REASON_RESERVED_NAMES},
    {1019, E, E, E, "a GUID entry is not written as a braced GUID", REASON_ARGUMENTS},
    {1020, E, E, E, "a reserved filter level name", REASON_RESERVED_NAMES},
    {1021, E, E, E, "a service name too long once made unique", REASON_SERVICES},
    {1022, E, E, E, "unique service names used by some declarations of a service but not all", REASON_SERVICES},
    {1078, E, E, E, "an entry not valid where it is used is skipped", REASON_ARGUMENTS},
    {1080, E, E, E, "a directive lacks an argument", REASON_ARGUMENTS},
    {1081, E, E, E, "a directive argument is invalid", REASON_ARGUMENTS},
    {1082, E, E, E, "a directive argument is invalid", REASON_ARGUMENTS},
    {1083, E, E, E, "a directive flag is invalid", REASON_ARGUMENTS},
    {1084, E, E, E, "a directive needs a companion directive that is missing (UmdfService without UmdfLibraryVersion)", REASON_ARGUMENTS},
    {1085, E, E, E, "a directive lacks arguments", REASON_ARGUMENTS},
    {1086, E, E, E, "the same item declared twice (AddComponent names)", REASON_ARGUMENTS},
    {1087, E, E, E, "two directives that exclude each other (AddFilter level and position)", REASON_ARGUMENTS},
    {1088, E, E, E, "a directive that may appear once appears twice", REASON_ARGUMENTS},
    {1100, E, E, E, "a DIRID 13 copy changes the file's name or subdirectory", NULL},
    {1101, E, E, E, "security descriptors on DIRID 13 files", NULL},
    {1102, E, E, E, "a file directive that DIRID 13 forbids", NULL},
    {1103, E, E, E, "a file copy flag that DIRID 13 forbids", NULL},
    {1110, E, E, E, "CopyINF names a file that is not an INF", REASON_ARGUMENTS},
    {1141, E, E, E, "a device software binary given by an absolute path", REASON_COMPONENTS},
    {1142, E, E, E, "a software component lacks what its SoftwareType needs", REASON_COMPONENTS},
    {1144, W, E, W, "a SoftwareType that runs only on desktop Windows", REASON_COMPONENTS},
    {1150, E, E, E, "a component ID holds a backslash or comma", REASON_COMPONENTS},
    {1160, E, E, E, "an unknown COM threading model", REASON_COMPONENTS},
    {1180, E, E, E, "two event channels of one provider share an ID", REASON_COMPONENTS},
    {1181, E, E, E, "an event channel value that its type does not allow", REASON_COMPONENTS},
    {1182, E, E, E, "an event channel value that needs another one", REASON_COMPONENTS},
    {1199, E, E, E, "syntax newer than the OS range of the install sections that use it", NULL},
    {1201, W, W, W, "an entry has an extra value that is ignored", REASON_ARGUMENTS},
    {1202, E, E, E, "Include names an INF that Windows does not ship", REASON_SYSTEM_INFS},
    {1203, E, E, E, "a section named somewhere does not exist", NULL},
    {1204, E, E, E, "the Provider is Microsoft", NULL},
    {1205, W, W, W, "one section named by two different directives", NULL},
    {1206, E, E, E, "a directive names a section of the wrong kind", REASON_SECTION_KINDS},
    {1207, E, E, E, "a directive allowed only in Microsoft's own INFs", REASON_MICROSOFT_ONLY},
    {1208, E, E, E, "a directive that is not allowed", REASON_SECTION_KINDS},
    {1209, E, E, E, "a section defined more than once", NULL},
    {1210, E, E, E, "a Provider other than the one required", REASON_MICROSOFT_ONLY},
    {1211, E, E, E, "several services of one device claim to be its function driver", REASON_SERVICES},
    {1212, E, E, E, "both [DefaultInstall] and [Manufacturer]", REASON_PRIMITIVE},
    {1213, E, E, E, "a .cat file listed in [SourceDisksFiles]", REASON_ARGUMENTS},
    {1214, E, E, E, "a CatalogFile value that is not a plain .cat file name", REASON_ARGUMENTS},
    {1217, E, E, E, "a version that is not w.x.y.z with parts up to 65535", REASON_ARGUMENTS},
    {1218, E, E, E, "a DriverVer date not written as MM/DD/YYYY", REASON_ARGUMENTS},
    {1220, E, E, E, "a directive other than Needs names a section of an included INF", REASON_SYSTEM_INFS},
    {1222, E, E, E, "writes to a global registry key outside CurrentControlSet", REASON_HKR_WIDER},
    {1223, E, E, E, "writes to a protected registry key", REASON_HKR_WIDER},
    {1224, E, E, E, "an unknown registry root", REASON_ARGUMENTS},
    {1225, E, E, E, "a well-known registry value of the wrong type", REASON_ARGUMENTS},
    {1226, E, E, E, "a security descriptor on a value directly under a root key", REASON_ARGUMENTS},
    {1229, E, E, E, "an entry lacks its file name", REASON_ARGUMENTS},
    {1230, E, E, E, "a copied file is missing from [SourceDisksFiles]", NULL},
    {1231, W, E, E, "a compressed file name in [SourceDisksFiles]", REASON_ARGUMENTS},
    {1233, E, E, E, "no CatalogFile, which signing needs", REASON_NOT_IN_RULES},
    {1234, E, E, E, "a required [Version] directive is missing, empty or invalid", REASON_ARGUMENTS},
    {1235, E, E, E, "a %string% token not defined in [Strings]", NULL},
    {1241, E, E, E, "a user-defined DIRID that cannot be resolved", REASON_ARGUMENTS},
    {1242, E, E, E, "a DIRID that cannot be resolved", REASON_ARGUMENTS},
    {1243, E, E, E, "a DIRID that is not a valid value", REASON_ARGUMENTS},
    {1245, E, E, E, "a feature score that is not valid", REASON_ARGUMENTS},
    {1250, E, E, E, "an EventLogType other than System, Application or Security", REASON_ARGUMENTS},
    {1251, W, W, W, "a disabled service (StartType 4) marked as the device's service", REASON_SERVICES},
    {1252, W, W, W, "a service whose start type does not fit its service type", REASON_SERVICES},
    {1253, E, E, E, "a service directive without a service name", REASON_SERVICES},
    {1254, E, E, E, "a ServiceBinary that does not make a valid image path", REASON_SERVICES},
    {1256, E, E, E, "invalid WMI interface flags", REASON_ARGUMENTS},
    {1257, E, E, E, "a registry value that names the Windows directory literally", NULL},
    {1258, E, E, E, "a file path that names the Windows directory literally", NULL},
    {1260, E, E, E, "a directive made invalid by one of its values", REASON_ARGUMENTS},
    {1261, E, E, E, "a device named with an install section that does not define it", REASON_ARGUMENTS},
    {1262, E, E, E, "a registry bit mask wider than a byte", REASON_ARGUMENTS},
    {1263, E, E, E, "registry value type flags that contradict each other", REASON_ARGUMENTS},
    {1264, E, E, E, "a custom registry value type without its type flag", REASON_ARGUMENTS},
    {1265, E, E, E, "the append flag on a value that is not REG_MULTI_SZ", REASON_ARGUMENTS},
    {1266, E, E, E, "a REG_MULTI_SZ delete without a value", REASON_ARGUMENTS},
    {1267, E, E, E, "binary registry data that is not bytes 00-FF", REASON_ARGUMENTS},
    {1268, E, E, E, "a numeric registry value out of its range", REASON_ARGUMENTS},
    {1270, E, E, E, "[DeviceInstall32] creates devices that the INF installs no driver for", REASON_SECTION_KINDS},
    {1271, E, E, E, "a Models line without an install section name", REASON_ARGUMENTS},
    {1272, E, E, E, "a service section for a service without a name", REASON_SERVICES},
    {1273, E, E, E, "a file's disk ID missing from [SourceDisksNames]", NULL},
    {1274, E, E, E, "an unstamped $ARCH$ token", NULL},
    {1275, E, E, E, "a file list with no [DestinationDirs] entry", NULL},
    {1280, E, E, E, "Class does not match the class of ClassGuid", REASON_CLASS_PAIRS},
    {1281, E, E, E, "ClassGuid does not match the GUID of Class", REASON_CLASS_PAIRS},
    {1284, E, E, E, "a setup class reserved for Microsoft", NULL},
    {1285, E, E, E, "[ClassInstall32] for a class Microsoft defines", NULL},
    {1286, E, E, E, "a value longer than its limit", REASON_ARGUMENTS},
    {1287, E, E, E, "an invalid target OS decoration on a Models section name", REASON_ARGUMENTS},
    {1288, E, E, E, "a target OS version below the lowest allowed", REASON_ARGUMENTS},
    {1289, E, E, E, "a section lacks a directive it requires", REASON_ARGUMENTS},
    {1290, E, E, E, "a directive that does not belong in its section", REASON_SECTION_KINDS},
    {1292, E, E, E, "a directive that needs a %string% from [Strings]", REASON_ARGUMENTS},
    {1293, E, E, E, "a reserved service name", REASON_RESERVED_NAMES},
    {1294, E, E, E, "a name repeated where it must be unique", NULL},
    {1295, E, E, E, "a localized [Strings] section with other strings than [Strings]", NULL},
    {1296, E, E, E, "a device whose install section adds no service for it", REASON_SERVICES},
    {1297, E, E, E, "a device driver INF that installs on no device", NULL},
    {1299, E, E, E, "checks skipped after parse errors", REASON_TOOL},
    {1300, E, E, E, "a legacy directive or section", NULL},
    {1301, E, E, E, "a legacy operation", NULL},
    {1302, E, E, E, "a legacy operation on something outside the package", NULL},
    {1303, E, E, E, "a co-installer or class installer", NULL},
    {1304, W, E, N, "a registry write outside HKR (the non-isolated form)", REASON_HKR_WIDER},
    {1305, W, E, E, "a REG_MULTI_SZ append or partial delete", REASON_NOT_IN_RULES},
    {1306, W, E, N, "a file copied outside the system directory", REASON_DIRID13_WIDER},
    {1307, W, E, E, "a legacy operation that works only on desktop Windows", NULL},
    {1308, W, E, E, "a non-additive (deleting) operation", NULL},
    {1309, W, E, E, "a non-additive operation on something outside the package", NULL},
    {1310, E, E, E, "a Needs target with another suffix than the first section that needs it", REASON_NEEDS_SUFFIX},
    {1311, E, E, E, "a Needs target without the suffix of the first section that needs it", REASON_NEEDS_SUFFIX},
    {1312, E, E, E, "a Needs target with another suffix than the section that needs it", REASON_NEEDS_SUFFIX},
    {1313, E, E, E, "a Needs target without the suffix of the section that needs it", REASON_NEEDS_SUFFIX},
    {1314, E, E, E, "Needs names a section of an INF that the same section does not Include", REASON_SYSTEM_INFS},
    {1315, E, E, E, "Needs names a section that cannot be found", REASON_SYSTEM_INFS},
    {1316, E, E, E, "Needs names a decorated section that cannot be found", REASON_SYSTEM_INFS},
    {1317, E, E, E, "Needs names a section missing from the target OS", REASON_TARGET_OS_FILE},
    {1318, E, E, E, "Include names an INF missing from the target OS", REASON_TARGET_OS_FILE},
    {1319, E, E, E, "a section uses Needs without its own Include", REASON_SYSTEM_INFS},
    {1320, N, N, E, "a registry key outside HKR", NULL},
    {1321, N, N, E, "a registry value outside HKR", NULL},
    {1322, N, N, E, "a file copied somewhere other than DIRID 13", NULL},
    {1323, N, N, E, "a service-relative registry write outside Parameters", NULL},
    {1324, W, W, E, "no PnpLockdown=1 in [Version]", NULL},
    {1325, W, W, E, "a COM class registration other than InprocServer32", REASON_COMPONENTS},
    {1326, W, W, E, "a data file path outside %DriverData%", REASON_NOT_IN_RULES},
    {1328, N, N, W, "a file path replaced because it cannot be resolved", REASON_TOOL},
    {1329, N, N, E, "a filter driver added through the registry or a property", NULL},
    {1330, E, E, E, "two different files copied to one destination", NULL},
    {1331, W, E, E, "one registry value set differently by two sections", REASON_CONFLICTS},
    {1332, W, E, E, "one service registry value set differently by two sections", REASON_CONFLICTS},
    {1333, W, E, E, "one service configured differently by two sections", REASON_CONFLICTS},
    {1340, N, N, E, "a DIRID that is not allowed", REASON_DIRID_LIST},
    {1341, N, N, E, "a DIRID that is not allowed", REASON_DIRID_LIST},
    {1380, E, E, E, "an invalid ExtensionId", REASON_EXTENSION_INFS},
    {1381, E, E, E, "an extension INF without ExtensionId", REASON_EXTENSION_INFS},
    {1382, E, E, E, "a directive that extension INFs may not use", REASON_EXTENSION_INFS},
    {1383, E, E, E, "a service flag that extension INFs may not use", REASON_EXTENSION_INFS},
    {1384, W, W, W, "an extension INF that adds filters through the registry", REASON_EXTENSION_INFS},
    {1400, E, E, E, "a service that no UMDF service directive names", REASON_SERVICES},
    {1401, E, E, E, "a directive the given UMDF or KMDF version does not support", REASON_ARGUMENTS},
    {1402, N, N, E, "a deprecated UMDF version", NULL},
    {1420, E, E, E, "a [DefaultInstall] INF that cannot be handled as a primitive driver", REASON_PRIMITIVE},
    {1421, E, E, E, "a DefaultInstall or DefaultUninstall section without an architecture", NULL},
    {1422, E, E, E, "a [DefaultUninstall.NT*] section without LegacyUninstall=1", NULL},
    {1423, E, E, E, "a primitive driver without an architecture-decorated section", REASON_PRIMITIVE},
    {1430, E, E, E, "a registry value that may not be written under its key", REASON_ARGUMENTS},
    {1431, E, E, E, "a well-known registry value of the wrong type", REASON_ARGUMENTS},
    {1450, N, N, W, "a legacy directive that breaks isolation and may be ignored", REASON_LEGACY_WIDER},
    {2004, W, W, W, "a directive that is discouraged", REASON_ARGUMENTS},
    {2006, E, E, E, "a service named that the INF does not define", REASON_SERVICES},
    {2008, E, E, E, "a section name that an included INF also uses", REASON_SYSTEM_INFS},
    {2009, W, W, W, "a legacy directive that is ignored", REASON_LEGACY_WIDER},
    {2010, W, W, W, "a section that should carry a decoration", REASON_ARGUMENTS},
    {2083, W, W, W, "a section nothing references", NULL},
    {2084, W, W, E, "a ServiceBinary that is not a file the INF copies", NULL},
    {2085, E, E, E, "a ServiceBinary not given as a path under a DIRID", NULL},
    {2090, E, E, E, "InfVerif rewrote a legacy pattern that needs a newer OS", REASON_SHIMS},
    {2091, E, E, E, "InfVerif could not rewrite a legacy pattern", REASON_SHIMS},
    {2092, N, N, E, "InfVerif rewrote a legacy pattern to follow current practice", REASON_SHIMS},
    {2093, E, E, E, "InfVerif could not apply a compatibility shim", REASON_SHIMS},
    {2400, E, E, E, "a network component directive without its two fields", REASON_NETWORK},
    {2402, E, E, E, "a directive that the section does not permit", REASON_NETWORK},
    {2403, E, E, E, "a directive with other than one field", REASON_NETWORK},
    {2405, E, E, E, "[DefaultInstall.NetDrivers] in an INF whose class is not NetDriver", REASON_NETWORK},
    {2411, E, E, E, "an invalid GUID in a network component", REASON_NETWORK},
    {2412, E, E, E, "an invalid network component identifier", REASON_NETWORK},
    {2413, E, E, E, "a boolean other than true or false", REASON_NETWORK},
    {2414, E, E, E, "an invalid filter class", REASON_NETWORK},
    {2415, E, E, E, "an identifier with a prefix reserved for Windows components", REASON_NETWORK},
    {2416, E, E, E, "an invalid list of bind tokens", REASON_NETWORK},
    {2417, E, E, E, "an invalid bind name", REASON_NETWORK},
    {2418, E, E, E, "a modifying filter without FilterClass", REASON_NETWORK},
    {2419, E, E, E, "a reserved bind token", REASON_NETWORK},
    {2420, E, E, E, "a NetDriver INF without a network filter or protocol", REASON_NETWORK},
    {2500, E, E, E, "an obsolete bind token", REASON_NETWORK},
    {2501, E, E, E, "a service named that the INF does not define", REASON_NETWORK},
    {2600, E, E, E, "a display driver path not under the required DIRID", REASON_DISPLAY},
    {2601, E, E, E, "a display driver path not under the required DIRID", REASON_DISPLAY},
    {2602, E, E, E, "a display service with a value other than the required one", REASON_DISPLAY},
    {2603, W, E, E, "a directive that display drivers may not use", REASON_DISPLAY},
    {2650, E, E, E, "direct use of an audio system section instead of Include", REASON_AUDIO},
    {2651, E, E, E, "Needs names an audio section whose INF is not included", REASON_AUDIO},
    {2652, E, E, E, "an audio section referenced without Needs", REASON_AUDIO},
    {2660, N, N, E, "a write under HKCR outside HKR", REASON_AUDIO},
    {2661, N, N, E, "an audio registry key written by a device that is not an APO", REASON_AUDIO},
    {2662, N, N, E, "audio effect registration without Include of wdmaudio.inf", REASON_AUDIO},
    {2663, N, N, E, "audio effect registration without Needs of the wdmaudio.inf section", REASON_AUDIO},
};
/* clang-format on */

const struct inf_infverif_code *inf_infverif_codes(size_t *count)
{
    *count = sizeof codes / sizeof codes[0];
    return codes;
}

const struct inf_infverif_code *inf_infverif_code(unsigned code)
{
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (codes[i].code == code)
            return &codes[i];
    return NULL;
}

const char *inf_infverif_level_name(enum inf_infverif_level level)
{
    return level == INF_LEVEL_ERROR ? "error" : level == INF_LEVEL_WARNING ? "warning" : "none";
}
