/*
 * report_xml.c - text for the XML reports (JUnit, Checkstyle).
 */
#include "report_xml.h"

#include <string.h>

/* Appends visible TEXT (no control but tab, all UTF-8) with XML's five and tab escaped. */
static void add_escaped(struct inf_buf *out, const char *text)
{
    for (const char *p = text;; p++) {
        size_t plain = strcspn(p, "&<>\"'\t"); /* a run copied as it is, appended at once */
        inf_buf_add(out, p, plain);
        p += plain;
        switch (*p) {
        case '\0':
            return;
        case '&':
            inf_buf_adds(out, "&amp;");
            break;
        case '<':
            inf_buf_adds(out, "&lt;");
            break;
        case '>':
            inf_buf_adds(out, "&gt;");
            break;
        case '"':
            inf_buf_adds(out, "&quot;");
            break;
        case '\'':
            inf_buf_adds(out, "&apos;");
            break;
        default: /* a tab: kept as a tab in attribute values too */
            inf_buf_adds(out, "&#9;");
        }
    }
}

void inf_xml_add(struct inf_buf *out, const char *text)
{
    size_t len = strlen(text);
    if (inf_visible_as_is(text, len)) { /* (most text) */
        add_escaped(out, text);
        return;
    }
    struct inf_buf visible = INF_BUF_INIT;
    inf_buf_add_visible(&visible, text, len, 0);
    add_escaped(out, visible.data);
    inf_buf_free(&visible);
}
