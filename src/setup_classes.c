/*
 * setup_classes.c - Windows' system-defined device setup classes, by name
 * and GUID, and the class an INF declares.
 *
 * The classes are facts from Microsoft's driver documentation, as published
 * in MicrosoftDocs/windows-driver-docs (November 2025):
 *   windows-driver-docs-pr/install/system-defined-device-setup-classes-available-to-vendors.md
 *   windows-driver-docs-pr/install/system-defined-device-setup-classes-reserved-for-system-use.md
 * and the Sample class of rules.md (INF020), which InfVerif reserves for
 * Microsoft's samples (error 1284).
 */
#include "check.h"

#include <stdint.h>
#include <string.h>

static const struct inf_setup_class classes[] = {
    {"AudioProcessingObject", "5989fce8-9cd0-467d-8a6a-5419e31529d4", INF_CLASS_FOR_VENDORS},
    {"Battery", "72631e54-78a4-11d0-bcf7-00aa00b7b32a", INF_CLASS_FOR_VENDORS},
    {"Biometric", "53d29ef7-377c-4d14-864b-eb3a85769359", INF_CLASS_FOR_VENDORS},
    {"Bluetooth", "e0cbf06c-cd8b-4647-bb8a-263b43f0f974", INF_CLASS_FOR_VENDORS},
    {"Camera", "ca3e7ab9-b4c3-4ae6-8251-579ef933890f", INF_CLASS_FOR_VENDORS},
    {"CDROM", "4d36e965-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"DiskDrive", "4d36e967-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"Display", "4d36e968-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"Extension", "e2f84ce7-8efa-411c-aa69-97454ca4cb57", INF_CLASS_FOR_VENDORS},
    {"FDC", "4d36e969-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"FloppyDisk", "4d36e980-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"HDC", "4d36e96a-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"HIDClass", "745a17a0-74d3-11d0-b6fe-00a0c90f57da", INF_CLASS_FOR_VENDORS},
    {"Dot4", "48721b56-6795-11d2-b1a8-0080c72e74a2", INF_CLASS_FOR_VENDORS},
    {"Dot4Print", "49ce6ac8-6f86-11d2-b1e5-0080c72e74a2", INF_CLASS_FOR_VENDORS},
    {"61883", "7ebefbc0-3200-11d2-b4c2-00a0c9697d07", INF_CLASS_FOR_VENDORS},
    {"AVC", "c06ff265-ae09-48f0-812c-16753d7cba83", INF_CLASS_FOR_VENDORS},
    {"SBP2", "d48179be-ec20-11d1-b6b8-00c04fa372a7", INF_CLASS_FOR_VENDORS},
    {"1394", "6bdd1fc1-810f-11d0-bec7-08002be2092f", INF_CLASS_FOR_VENDORS},
    {"Image", "6bdd1fc6-810f-11d0-bec7-08002be2092f", INF_CLASS_FOR_VENDORS},
    {"Infrared", "6bdd1fc5-810f-11d0-bec7-08002be2092f", INF_CLASS_FOR_VENDORS},
    {"Keyboard", "4d36e96b-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"MediumChanger", "ce5939ae-ebde-11d0-b181-0000f8753ec4", INF_CLASS_FOR_VENDORS},
    {"MTD", "4d36e970-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"Modem", "4d36e96d-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"Monitor", "4d36e96e-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"Mouse", "4d36e96f-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"Multifunction", "4d36e971-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"Media", "4d36e96c-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"MultiportSerial", "50906cb8-ba12-11d1-bf5d-0000f805f530", INF_CLASS_FOR_VENDORS},
    {"Net", "4d36e972-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"NetClient", "4d36e973-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"NetService", "4d36e974-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"NetTrans", "4d36e975-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"SecurityAccelerator", "268c95a1-edfe-11d3-95c3-0010dc4050a5", INF_CLASS_FOR_VENDORS},
    {"PCMCIA", "4d36e977-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"Ports", "4d36e978-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"Printer", "4d36e979-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"PNPPrinters", "4658ee7e-f050-11d1-b6bd-00c04fa372a7", INF_CLASS_FOR_VENDORS},
    {"Processor", "50127dc3-0f36-415e-a6cc-4cb3be910b65", INF_CLASS_FOR_VENDORS},
    {"SCSIAdapter", "4d36e97b-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"Securitydevices", "d94ee5d8-d189-4994-83d2-f68d7d41b0e6", INF_CLASS_FOR_VENDORS},
    {"Sensor", "5175d334-c371-4806-b3ba-71fd53c9258d", INF_CLASS_FOR_VENDORS},
    {"SmartCardReader", "50dd5230-ba8a-11d1-bf5d-0000f805f530", INF_CLASS_FOR_VENDORS},
    {"SoftwareComponent", "5c4c3332-344d-483c-8739-259e934c9cc8", INF_CLASS_FOR_VENDORS},
    {"NvmeDisk", "75416e63-5912-4dfa-ae8f-3efaccaffb14", INF_CLASS_FOR_VENDORS},
    {"Volume", "71a27cdd-812a-11d0-bec7-08002be2092f", INF_CLASS_FOR_VENDORS},
    {"System", "4d36e97d-e325-11ce-bfc1-08002be10318", INF_CLASS_FOR_VENDORS},
    {"TapeDrive", "6d807884-7d21-11cf-801c-08002be10318", INF_CLASS_FOR_VENDORS},
    {"USBDevice", "88bae032-5a81-49f0-bc3d-a4ff138216d6", INF_CLASS_FOR_VENDORS},
    {"WCEUSBS", "25dbce51-6c8f-4a72-8a6d-b54c2b4fc835", INF_CLASS_FOR_VENDORS},
    {"WPD", "eec5ad98-8080-425f-922a-dabf3de3f69a", INF_CLASS_FOR_VENDORS},
    {"Adapter", "4d36e964-e325-11ce-bfc1-08002be10318", INF_CLASS_RESERVED},
    {"APMSupport", "d45b1c18-c8fa-11d1-9f77-0000f805f530", INF_CLASS_RESERVED},
    {"Computer", "4d36e966-e325-11ce-bfc1-08002be10318", INF_CLASS_RESERVED},
    {"Decoder", "6bdd1fc2-810f-11d0-bec7-08002be2092f", INF_CLASS_RESERVED},
    {"1394Debug", "66f250d6-7801-4a64-b139-eea80a450b24", INF_CLASS_RESERVED},
    {"Enum1394", "c459df55-db08-11d1-b009-00a0c9081ff6", INF_CLASS_RESERVED},
    {"NoDriver", "4d36e976-e325-11ce-bfc1-08002be10318", INF_CLASS_RESERVED},
    {"LegacyDriver", "8ecc055d-047f-11d1-a537-0000f8753ed1", INF_CLASS_RESERVED},
    {"Unknown", "4d36e97e-e325-11ce-bfc1-08002be10318", INF_CLASS_RESERVED},
    {"PrinterUpgrade", "4d36e97a-e325-11ce-bfc1-08002be10318", INF_CLASS_RESERVED},
    {"PrintQueue", "1ed2bbf9-11f0-4084-b21f-ad83a8e6dcdc", INF_CLASS_RESERVED},
    {"SoftwareDevice", "62f9c741-b25a-46ce-b54c-9bccce08b6f2", INF_CLASS_RESERVED},
    {"AudioEndpoint", "c166523c-fe0c-4a94-a586-f1a80cfbbf3e", INF_CLASS_RESERVED},
    {"Sound", "4d36e97c-e325-11ce-bfc1-08002be10318", INF_CLASS_RESERVED},
    {"VolumeSnapshot", "533c5b84-ec70-11d2-9505-00c04f79deaf", INF_CLASS_RESERVED},
    {"USB", "36fc9e60-c465-11cf-8056-444553540000", INF_CLASS_RESERVED},
    {"Sample", "78a1c341-4539-11d3-b88d-00c04fad5171", INF_CLASS_SAMPLE},
};

/* GUID without its braces and blanks around it. */
static struct inf_text bare_guid(struct inf_text guid)
{
    while (guid.len && (guid.ptr[0] == ' ' || guid.ptr[0] == '\t' || guid.ptr[0] == '{')) {
        guid.ptr++;
        guid.len--;
    }
    while (guid.len && (guid.ptr[guid.len - 1] == ' ' || guid.ptr[guid.len - 1] == '\t' ||
                        guid.ptr[guid.len - 1] == '}'))
        guid.len--;
    return guid;
}

/* (A third of the GUIDs start 4d36e9: their first eight characters, compared as one word,
 * tell almost all entries apart before a full comparison.) */
const struct inf_setup_class *inf_setup_class_by_guid(struct inf_text guid)
{
    guid = bare_guid(guid);
    if (guid.len != INF_GUID_LENGTH)
        return NULL;
    char lower[INF_GUID_LENGTH + 1];
    inf_text_lower_copy(lower, guid.ptr, INF_GUID_LENGTH);
    uint64_t head;
    memcpy(&head, lower, sizeof head);
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        uint64_t entry;
        memcpy(&entry, classes[i].guid, sizeof entry);
        if (entry == head && memcmp(classes[i].guid, lower, INF_GUID_LENGTH + 1) == 0)
            return &classes[i];
    }
    return NULL;
}

const struct inf_setup_class *inf_setup_class_by_name(struct inf_text name)
{
    if (!name.len)
        return NULL;
    char first = inf_ascii_lower(name.ptr[0]); /* (a full comparison only when it matches) */
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (inf_ascii_lower(classes[i].name[0]) == first &&
            inf_text_equal_nocase(name, classes[i].name))
            return &classes[i];
    return NULL;
}

struct inf_declared_class inf_check_declared_class(struct inf_check *check)
{
    struct inf_declared_class declared;
    memset(&declared, 0, sizeof declared);
    declared.guid.text = declared.name.text = "";
    uint32_t version = inf_check_section(check, "Version");
    struct inf_entries entries;
    inf_entries_init(&entries, check, version, "ClassGuid");
    declared.guid_line = inf_entries_next(&entries);
    inf_entries_init(&entries, check, version, "Class");
    declared.name_line = inf_entries_next(&entries);
    if (declared.guid_line)
        declared.guid = inf_check_field(check, declared.guid_line, 0);
    if (declared.name_line)
        declared.name = inf_check_field(check, declared.name_line, 0);
    if (declared.guid.len)
        declared.system =
            inf_setup_class_by_guid((struct inf_text){declared.guid.text, declared.guid.len});
    else if (declared.name.len)
        declared.system =
            inf_setup_class_by_name((struct inf_text){declared.name.text, declared.name.len});
    return declared;
}
