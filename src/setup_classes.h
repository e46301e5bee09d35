/*
 * setup_classes.h - the device setup classes Windows defines, and the class
 * an INF declares in [Version] (INF020, INF021, INF024).
 */
#ifndef INFLINT_SETUP_CLASSES_H
#define INFLINT_SETUP_CLASSES_H

#include "graph.h"
#include "model.h"

struct inf_check;

enum inf_class_kind {
    INF_CLASS_FOR_VENDORS, /* system-defined, for vendors' drivers */
    INF_CLASS_RESERVED,    /* system-defined, reserved for Windows itself */
    INF_CLASS_SAMPLE       /* Microsoft's samples: no shipped driver may use it */
};

#define INF_GUID_LENGTH 36

struct inf_setup_class {
    const char *name;
    /* Lower case, without braces: 36 characters (an array, so that a lookup may read its first
     * eight bytes as one word, and a longer GUID does not compile). */
    char guid[INF_GUID_LENGTH + 1];
    enum inf_class_kind kind;
};

/* The class a [Version] section declares. */
struct inf_declared_class {
    const struct inf_line *guid_line; /* ClassGuid, or NULL */
    const struct inf_line *name_line; /* Class, or NULL */
    struct inf_field guid, name;      /* substituted ("" when absent) */
    /* The system-defined class it names, or NULL (a vendor class, or none): ClassGuid
     * decides, Class only when there is no ClassGuid. */
    const struct inf_setup_class *system;
};

/* The class of the INF being checked (the first Class and ClassGuid entries of [Version]). */
struct inf_declared_class inf_check_declared_class(struct inf_check *check);

/* The system-defined class with GUID (braces and case ignored) or NAME (case ignored). */
const struct inf_setup_class *inf_setup_class_by_guid(struct inf_text guid);
const struct inf_setup_class *inf_setup_class_by_name(struct inf_text name);

#endif
