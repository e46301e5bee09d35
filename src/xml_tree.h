/*
 * xml_tree.h - a bounded XML document tree read with libexpat, for the WDK
 * project files (.vcxproj, .props, .targets). Refuses what a project file
 * never needs and a hostile one could abuse: DTD entity declarations (and
 * so any entity expansion), external entities, nesting deeper than
 * INF_XML_MAX_DEPTH, more than INF_XML_MAX_ELEMENTS elements.
 */
#ifndef INFLINT_XML_TREE_H
#define INFLINT_XML_TREE_H

#include "arena.h"

#include <stddef.h>
#include <stdint.h>

#define INF_XML_NONE UINT32_MAX
#define INF_XML_MAX_DEPTH 256
#define INF_XML_MAX_ELEMENTS 200000

struct inf_xml_attribute {
    const char *name;
    const char *value;
};

struct inf_xml_element {
    const char *name; /* as written, namespace prefix included */
    const char *text; /* the character data directly inside it, blanks trimmed ("" when none) */
    uint32_t line;    /* of its start tag */
    uint32_t parent, first_child, next_sibling; /* element indexes, or INF_XML_NONE */
    const struct inf_xml_attribute *attributes;
    size_t attribute_count;
};

/* Element 0 is the root; elements are in document order. */
struct inf_xml_tree {
    struct inf_xml_element *elements;
    size_t count, cap;
    struct inf_arena arena; /* names, texts, attributes */
};

/*
 * Parses LEN bytes at BYTES into TREE. Returns 0, or -1 with "LINE: why"
 * (or just why) in ERROR. Free TREE with inf_xml_tree_free either way.
 */
int inf_xml_parse(const char *bytes, size_t len, struct inf_xml_tree *tree, char *error,
                  size_t error_size);
void inf_xml_tree_free(struct inf_xml_tree *tree);

/* The value of attribute NAME (compared without case, as MSBuild does) of ELEMENT, or NULL. */
const char *inf_xml_attribute(const struct inf_xml_element *element, const char *name);

#endif
