/*
 * report_xml.h - text for the XML reports (JUnit, Checkstyle).
 */
#ifndef INFLINT_REPORT_XML_H
#define INFLINT_REPORT_XML_H

#include "inflint/buf.h"

#include <stddef.h>

/*
 * Appends TEXT as XML character data, fit for an attribute value too:
 * control characters and bytes that are not UTF-8 are shown as escapes
 * first (as inf_buf_add_visible does; XML 1.0 cannot carry most of them),
 * then & < > " ' and tab become references.
 */
void inf_xml_add(struct inf_buf *out, const char *text);

#endif
