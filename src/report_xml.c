/*
 * report_xml.c - text for the XML reports (JUnit, Checkstyle).
 */
#include "report_xml.h"

#include <string.h>

void inf_xml_add_text(struct inf_buf *out, const char *text, size_t len)
{
    struct inf_buf visible = INF_BUF_INIT;
    inf_buf_add_visible(&visible, text, len, 0);
    for (size_t i = 0; i < visible.len; i++) {
        char c = visible.data[i];
        switch (c) {
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
        case '\t':
            inf_buf_adds(out, "&#9;"); /* kept as a tab in attribute values too */
            break;
        default:
            inf_buf_addc(out, c);
        }
    }
    inf_buf_free(&visible);
}

void inf_xml_add(struct inf_buf *out, const char *text)
{
    inf_xml_add_text(out, text, strlen(text));
}
