/*
 * generate.c - deterministic generator of large, realistic INF files.
 *
 * usage: inf_generate [--bytes N] [--headers N] [--names N] [--utf16le] [--seed N] [--vendor]
 *
 * Writes to stdout an INF of about N bytes (before UTF-16 encoding) with
 * N section headers. With --names K the headers draw their names from a pool
 * of K names, so headers repeat and sections merge; by default every header
 * is distinct. Sections hold AddReg lines, CopyFiles file lists, quoted
 * values, %strkey% references, comments and backslash continuations; a
 * [Strings] section closes the file. Same arguments, same bytes.
 *
 * --vendor writes the shape of a real, not yet isolated, vendor INF instead
 * (a network adapter family): [Manufacturer] lines with three decorations
 * each, Models sections with thousands of hardware IDs, per-device .NT,
 * .NT.HW, .NT.Services, .Service and .Service.Reg sections, deep Ndi\Params
 * AddReg trees, localized 8-bit strings (UTF-8 bytes in a file Windows reads
 * as ANSI, about 1.5 % of the bytes), and the findings such INFs have (about
 * 0.4 per KB): copies whose package and store subdirectories differ, copy
 * flags on driver-store lists, global paths in registry values.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 32);
}

static int utf16;
static unsigned long long written;

static void emit(const char *text)
{
    size_t n = strlen(text);
    written += n;
    if (!utf16) {
        fwrite(text, 1, n, stdout);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        putchar(text[i]);
        putchar(0);
    }
}

#define STRING_KEYS 64

static void emit_line(unsigned long section, unsigned long n)
{
    char line[256];
    switch (next_random() % 8) {
    case 0:
        snprintf(line, sizeof line, "HKR,Parameters,Value_%lu_%lu,0x00010001,%u\r\n", section, n,
                 next_random() % 100000);
        break;
    case 1:
        snprintf(line, sizeof line, "HKR,\"Parameters\\Sub Key\",\"Name %lu\",,\"%%Str%u%%\"\r\n",
                 n, next_random() % STRING_KEYS);
        break;
    case 2:
        snprintf(line, sizeof line, "driver_%lu_%lu.sys ; copied to the driver store\r\n", section,
                 n);
        break;
    case 3:
        snprintf(line, sizeof line, "CopyFiles = Files_%lu_a,\\\r\n    Files_%lu_b\r\n", n, n);
        break;
    case 4:
        snprintf(line, sizeof line, "; comment line %lu about the section\r\n", n);
        break;
    case 5:
        snprintf(
            line, sizeof line,
            "HKR,,EventMessageFile,0x00020000,\"%%%%SystemRoot%%%%\\System32\\IoLogMsg.dll\"\r\n");
        break;
    case 6:
        snprintf(line, sizeof line, "%%Desc%u%% = Install_%lu, PCI\\VEN_1234&DEV_%04X\r\n",
                 next_random() % STRING_KEYS, section, next_random() & 0xFFFF);
        break;
    default:
        snprintf(line, sizeof line, "ServiceBinary = %%13%%\\svc_%lu.sys\r\n", n);
        break;
    }
    emit(line);
}

/* Localized words (UTF-8) for the vendor shape's comments and strings. */
static const char *const localized[] = {"Gerät", "Netzwerkkarte",   "Café",    "réseau",
                                        "Größe", "Geschwindigkeit", "vitesse", "Übertragung"};
#define LOCALIZED_COUNT (sizeof localized / sizeof localized[0])

/* One device family K of the vendor shape: its Models (three decorations), install sections,
 * service, registry trees and file list. */
static void emit_vendor_family(unsigned long k, unsigned long ids)
{
    char line[512];
    static const char *const decorations[] = {"NTamd64.10.0...16299", "NTarm64.10.0...17763",
                                              "NTx86"};
    for (int d = 0; d < 3; d++) {
        snprintf(line, sizeof line, "\r\n[Family%lu.%s]\r\n", k, decorations[d]);
        emit(line);
        for (unsigned long i = 0; i < ids; i++) {
            /* four lines in five carry a localized comment: the file's 8-bit share */
            snprintf(
                line, sizeof line,
                "%%Dev%lu.Desc%%  = Dev%lu.Install, PCI\\VEN_8086&DEV_%04lX&SUBSYS_%08X%s%s\r\n", k,
                k, (k * 131 + i) & 0xFFFF, next_random(), i % 2 ? "" : " ; ",
                i % 5 == 4 ? "" : localized[(k + i) % LOCALIZED_COUNT]);
            emit(line);
        }
    }
    snprintf(line, sizeof line,
             "\r\n; %s %lu: %s\r\n[Dev%lu.Install.NT]\r\nCharacteristics = 0x84\r\n"
             "BusType = 5\r\nAddReg = Dev%lu.Reg, Dev%lu.Ndi\r\nCopyFiles = Dev%lu.CopyFiles\r\n"
             "*IfType = 6\r\n*MediaType = 0\r\n",
             localized[k % LOCALIZED_COUNT], k, localized[(k + 3) % LOCALIZED_COUNT], k, k, k, k);
    emit(line);
    /* The device's software key: some values reach the package's files through global paths. */
    snprintf(line, sizeof line,
             "\r\n[Dev%lu.Reg]\r\nHKR,,BusNumber,0,\"0\"\r\nHKR,,Characteristics,0,\"132\"\r\n"
             "HKR,,CoInstallerPath,0,\"%%%%SystemRoot%%%%\\System32\\e%lu_coinst.dll\"\r\n"
             "HKR,,DriverPath,0,\"%%%%SystemRoot%%%%\\System32\\drivers\\e%lu.sys\"\r\n"
             "HKR,,UtilityPath,0,\"C:\\Windows\\System32\\e%lu_coinst.dll\"\r\n"
             "HKR,,ImagePathCopy,0,\"%%%%SystemRoot%%%%\\System32\\drivers\\e%lu.sys\"\r\n",
             k, k, k, k, k);
    emit(line);
    snprintf(line, sizeof line,
             "\r\n[Dev%lu.Install.NT.HW]\r\nAddReg = Dev%lu.HW.Reg\r\n\r\n[Dev%lu.HW.Reg]\r\n"
             "HKR,Interrupt Management,,0x00000010\r\nHKR,Interrupt "
             "Management\\MessageSignaledInterruptProperties,"
             "MSISupported,0x00010001,1\r\n",
             k, k, k);
    emit(line);
    snprintf(line, sizeof line,
             "\r\n[Dev%lu.Install.NT.Services]\r\nAddService = e%lu, 2, Dev%lu.Service, "
             "Dev%lu.EventLog\r\n"
             "\r\n[Dev%lu.Service]\r\nDisplayName = %%Dev%lu.Service%%\r\nServiceType = 1\r\n"
             "StartType = 3\r\nErrorControl = 1\r\nServiceBinary = %%13%%\\e%lu.sys\r\n"
             "AddReg = Dev%lu.Service.Reg\r\n",
             k, k, k, k, k, k, k, k);
    emit(line);
    snprintf(
        line, sizeof line,
        "\r\n[Dev%lu.Service.Reg]\r\nHKR,Parameters,BusNumber,0x00010001,%lu\r\n"
        "HKR,Parameters,TraceLevel,0x00010001,3\r\n"
        "\r\n[Dev%lu.EventLog]\r\nAddReg = Dev%lu.EventLog.Reg\r\n\r\n[Dev%lu.EventLog.Reg]\r\n"
        "HKR,,EventMessageFile,0x00020000,\"%%%%SystemRoot%%%%\\System32\\drivers\\e%lu.sys\"\r\n"
        "HKR,,TypesSupported,0x00010001,7\r\n",
        k, k, k, k, k, k);
    emit(line);
    /* Ndi\Params: a few keywords, each with its enum values. */
    snprintf(line, sizeof line,
             "\r\n[Dev%lu.Ndi]\r\nHKR,Ndi,Service,0,\"e%lu\"\r\n"
             "HKR,Ndi\\Interfaces,UpperRange,0,\"ndis5\"\r\n",
             k, k);
    emit(line);
    static const char *const keywords[] = {"*SpeedDuplex", "*FlowControl",
                                           "*JumboPacket", "*InterruptModeration",
                                           "*RSS",         "*PriorityVLANTag"};
    for (size_t w = 0; w < sizeof keywords / sizeof keywords[0]; w++) {
        snprintf(line, sizeof line,
                 "HKR,Ndi\\Params\\%s,ParamDesc,0,%%%s.Desc%%\r\n"
                 "HKR,Ndi\\Params\\%s,Default,0,\"0\"\r\nHKR,Ndi\\Params\\%s,Type,0,\"enum\"\r\n",
                 keywords[w], keywords[w] + 1, keywords[w], keywords[w]);
        emit(line);
        for (int v = 0; v < 4; v++) {
            snprintf(line, sizeof line, "HKR,Ndi\\Params\\%s\\enum,\"%d\",0,%%%s.Value%d%%\r\n",
                     keywords[w], v, keywords[w] + 1, v);
            emit(line);
        }
    }
    /* The file list: in \x64 in the package, at the store's root (a subdirectory mismatch), with
     * a copy flag the driver store cannot honour. */
    snprintf(
        line, sizeof line,
        "\r\n[Dev%lu.CopyFiles]\r\ne%lu.sys,,,0x00004000\r\ne%lu.cat\r\ne%lu_coinst.dll,,,0x10\r\n",
        k, k, k, k);
    emit(line);
}

/* The vendor shape: about BYTES bytes (see the header comment). */
static void emit_vendor(unsigned long long bytes)
{
    emit("; generated by inf_generate --vendor\r\n[Version]\r\nSignature = \"$WINDOWS NT$\"\r\n"
         "Class = Net\r\nClassGuid = {4d36e972-e325-11ce-bfc1-08002be10318}\r\n"
         "Provider = %Mfg%\r\nCatalogFile = e1d.cat\r\nDriverVer = 01/10/2024,12.19.1.37\r\n"
         "PnpLockdown = 1\r\n\r\n[SourceDisksNames]\r\n1 = %Disk%,,,\\x64\r\n\r\n"
         "[DestinationDirs]\r\nDefaultDestDir = 13\r\n\r\n[ControlFlags]\r\nExcludeFromSelect = "
         "*\r\n");
    /* Families of 120 hardware IDs per decoration (thousands per file), until the size is
     * reached; then the sections every family needs. */
    unsigned long families = 0;
    unsigned long long per_family = 3 * 120 * 78 + 3400; /* measured: about 31 KB */
    unsigned long count = (unsigned long)(bytes / per_family);
    if (count == 0)
        count = 1;
    emit("\r\n[Manufacturer]\r\n");
    char line[256];
    for (unsigned long k = 0; k < count; k++) {
        snprintf(line, sizeof line,
                 "%%Mfg%% = Family%lu, NTamd64.10.0...16299, NTarm64.10.0...17763, NTx86\r\n", k);
        emit(line);
    }
    for (families = 0; families < count; families++)
        emit_vendor_family(families, 120);
    emit("\r\n[SourceDisksFiles]\r\n");
    for (unsigned long k = 0; k < count; k++) {
        snprintf(line, sizeof line, "e%lu.sys = 1\r\ne%lu.cat = 1\r\ne%lu_coinst.dll = 1\r\n", k, k,
                 k);
        emit(line);
    }
    emit("\r\n[Strings]\r\nMfg = \"Intel\"\r\nDisk = \"Treiber-Datenträger\"\r\n");
    static const char *const keywords[] = {"SpeedDuplex",         "FlowControl", "JumboPacket",
                                           "InterruptModeration", "RSS",         "PriorityVLANTag"};
    for (size_t w = 0; w < sizeof keywords / sizeof keywords[0]; w++) {
        snprintf(line, sizeof line, "%s.Desc = \"%s (%s)\"\r\n", keywords[w], keywords[w],
                 localized[w % LOCALIZED_COUNT]);
        emit(line);
        for (int v = 0; v < 4; v++) {
            snprintf(line, sizeof line, "%s.Value%d = \"%s %d\"\r\n", keywords[w], v,
                     localized[(w + v) % LOCALIZED_COUNT], v);
            emit(line);
        }
    }
    for (unsigned long k = 0; k < count; k++) {
        snprintf(line, sizeof line,
                 "Dev%lu.Desc = \"Intel(R) Ethernet %lu – %s für %s\"\r\n"
                 "Dev%lu.Service = \"Intel(R) %s %lu\"\r\n",
                 k, k, localized[k % LOCALIZED_COUNT], localized[(k + 1) % LOCALIZED_COUNT], k,
                 localized[(k + 2) % LOCALIZED_COUNT], k);
        emit(line);
    }
}

int main(int argc, char **argv)
{
    unsigned long long bytes = 1000000;
    unsigned long headers = 1000, names = 0;
    int vendor = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--bytes") == 0 && i + 1 < argc)
            bytes = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--headers") == 0 && i + 1 < argc)
            headers = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--names") == 0 && i + 1 < argc)
            names = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            rng_state ^= strtoull(argv[++i], NULL, 10) * 0x2545F4914F6CDD1Dull;
        else if (strcmp(argv[i], "--utf16le") == 0)
            utf16 = 1;
        else if (strcmp(argv[i], "--vendor") == 0)
            vendor = 1;
        else {
            fprintf(stderr, "usage: inf_generate [--bytes N] [--headers N] [--names N] "
                            "[--utf16le] [--seed N] [--vendor]\n");
            return 2;
        }
    }
    if (headers == 0)
        headers = 1;
    if (utf16)
        fwrite("\xff\xfe", 1, 2, stdout);
    if (vendor) {
        emit_vendor(bytes);
        return ferror(stdout) ? 1 : 0;
    }
    emit("; generated by inf_generate\r\n[Version]\r\nSignature = \"$Windows NT$\"\r\n"
         "Class = System\r\nProvider = %Vendor%\r\nPnpLockdown = 1\r\n\r\n");
    unsigned long long strings_size = 64 * 40;
    unsigned long long body = bytes > strings_size ? bytes - strings_size : 0;
    char header[64];
    unsigned long n = 0;
    for (unsigned long h = 0; h < headers; h++) {
        unsigned long name = names ? (unsigned long)(next_random() % names) : h;
        snprintf(header, sizeof header, "\r\n[Section_%lu]\r\n", name);
        emit(header);
        unsigned long long target = body * (h + 1) / headers;
        while (written < target)
            emit_line(name, n++);
    }
    emit("\r\n[Strings]\r\nVendor = \"Acme Instruments\"\r\n");
    char line[96];
    for (int k = 0; k < STRING_KEYS; k++) {
        snprintf(line, sizeof line, "Str%d = \"String value %d\"\r\nDesc%d = \"Device %d\"\r\n", k,
                 k, k, k);
        emit(line);
    }
    return ferror(stdout) ? 1 : 0;
}
