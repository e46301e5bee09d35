/*
 * xml_tree.c - libexpat's events into an element tree (xml_tree.h).
 *
 * A document type declaration stops the parse: MSBuild project files have
 * none, and refusing it refuses every entity declaration with it, so no
 * entity is ever expanded and no external one fetched.
 */
#include "xml_tree.h"
#include "inflint/alloc.h"
#include "inflint/buf.h"
#include "model.h" /* inf_text_equal_nocase2 */

#include <expat.h>
#include <stdio.h>
#include <string.h>

struct xml_reader {
    XML_Parser parser;
    struct inf_xml_tree *tree;
    uint32_t open;        /* the innermost open element, or INF_XML_NONE */
    uint32_t *last_child; /* per element: its last child so far, for appending siblings */
    size_t last_child_cap;
    unsigned depth;
    struct inf_buf chars; /* character data since the last tag */
    char why[160];        /* the reader's own reason to stop, or "" */
};

static void stop(struct xml_reader *r, const char *why)
{
    if (!r->why[0])
        snprintf(r->why, sizeof r->why, "%s", why);
    XML_StopParser(r->parser, XML_FALSE);
}

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **attributes)
{
    struct xml_reader *r = data;
    struct inf_xml_tree *t = r->tree;
    if (r->why[0])
        return;
    if (r->depth >= INF_XML_MAX_DEPTH) {
        stop(r, "elements nested too deep");
        return;
    }
    if (t->count >= INF_XML_MAX_ELEMENTS) {
        stop(r, "too many elements");
        return;
    }
    t->elements = inf_xgrow(t->elements, &t->cap, t->count + 1, sizeof *t->elements);
    r->last_child =
        inf_xgrow(r->last_child, &r->last_child_cap, t->count + 1, sizeof *r->last_child);
    uint32_t index = (uint32_t)t->count++;
    struct inf_xml_element *e = &t->elements[index];
    e->name = inf_arena_strndup(&t->arena, name, strlen(name));
    e->text = "";
    e->line = (uint32_t)XML_GetCurrentLineNumber(r->parser);
    e->parent = r->open;
    e->first_child = e->next_sibling = INF_XML_NONE;
    r->last_child[index] = INF_XML_NONE;
    size_t n = 0;
    while (attributes[2 * n])
        n++;
    struct inf_xml_attribute *list = inf_arena_alloc(&t->arena, (n + 1) * sizeof *list);
    for (size_t i = 0; i < n; i++) {
        list[i].name = inf_arena_strndup(&t->arena, attributes[2 * i], strlen(attributes[2 * i]));
        list[i].value =
            inf_arena_strndup(&t->arena, attributes[2 * i + 1], strlen(attributes[2 * i + 1]));
    }
    e->attributes = list;
    e->attribute_count = n;
    if (r->open != INF_XML_NONE) {
        uint32_t previous = r->last_child[r->open];
        if (previous == INF_XML_NONE)
            t->elements[r->open].first_child = index;
        else
            t->elements[previous].next_sibling = index;
        r->last_child[r->open] = index;
    }
    r->open = index;
    r->depth++;
    inf_buf_clear(&r->chars);
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
    struct xml_reader *r = data;
    (void)name;
    if (r->why[0] || r->open == INF_XML_NONE)
        return;
    struct inf_xml_element *e = &r->tree->elements[r->open];
    if (e->first_child == INF_XML_NONE && r->chars.len) { /* text of a leaf: a value */
        const char *p = r->chars.data, *end = p + r->chars.len;
        while (p < end && is_blank(*p))
            p++;
        while (end > p && is_blank(end[-1]))
            end--;
        e->text = inf_arena_strndup(&r->tree->arena, p, (size_t)(end - p));
    }
    inf_buf_clear(&r->chars);
    r->open = e->parent;
    r->depth--;
}

static void XMLCALL on_chars(void *data, const XML_Char *text, int len)
{
    struct xml_reader *r = data;
    if (!r->why[0])
        inf_buf_add(&r->chars, text, (size_t)len);
}

static void XMLCALL on_doctype(void *data, const XML_Char *name, const XML_Char *system_id,
                               const XML_Char *public_id, int has_internal_subset)
{
    (void)name, (void)system_id, (void)public_id, (void)has_internal_subset;
    stop(data, "a document type declaration (a project file has none; entities are refused)");
}

int inf_xml_parse(const char *bytes, size_t len, struct inf_xml_tree *tree, char *error,
                  size_t error_size)
{
    memset(tree, 0, sizeof *tree);
    struct xml_reader r;
    memset(&r, 0, sizeof r);
    r.tree = tree;
    r.open = INF_XML_NONE;
    r.parser = XML_ParserCreate(NULL);
    if (!r.parser)
        inf_alloc_fail();
    XML_SetUserData(r.parser, &r);
    XML_SetElementHandler(r.parser, on_start, on_end);
    XML_SetCharacterDataHandler(r.parser, on_chars);
    XML_SetStartDoctypeDeclHandler(r.parser, on_doctype);
#ifdef XML_DTD
    XML_SetParamEntityParsing(r.parser, XML_PARAM_ENTITY_PARSING_NEVER);
#endif
    int rc = 0;
    /* In slices: XML_Parse takes an int length. */
    size_t at = 0;
    do {
        size_t slice = len - at > (1u << 30) ? (1u << 30) : len - at;
        int last = at + slice == len;
        if (XML_Parse(r.parser, bytes + at, (int)slice, last) != XML_STATUS_OK) {
            unsigned long line = (unsigned long)XML_GetCurrentLineNumber(r.parser);
            const char *why = r.why[0] ? r.why : XML_ErrorString(XML_GetErrorCode(r.parser));
            snprintf(error, error_size, "%lu: %s", line, why);
            rc = -1;
            break;
        }
        at += slice;
    } while (at < len);
    if (rc == 0 && tree->count == 0) {
        snprintf(error, error_size, "no element");
        rc = -1;
    }
    XML_ParserFree(r.parser);
    free(r.last_child);
    inf_buf_free(&r.chars);
    return rc;
}

void inf_xml_tree_free(struct inf_xml_tree *tree)
{
    free(tree->elements);
    inf_arena_free(&tree->arena);
    memset(tree, 0, sizeof *tree);
}

const char *inf_xml_attribute(const struct inf_xml_element *element, const char *name)
{
    for (size_t i = 0; i < element->attribute_count; i++)
        if (inf_text_equal_nocase2(element->attributes[i].name, strlen(element->attributes[i].name),
                                   name, strlen(name)))
            return element->attributes[i].value;
    return NULL;
}
