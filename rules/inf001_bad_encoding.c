/*
 * INF001 bad-encoding (InfVerif 1003): UTF-16BE, a UTF-8 BOM (Windows reads
 * 8-bit INFs as ANSI), or undecodable data are errors; an 8-bit file with
 * bytes >= 0x80 is a warning (its meaning depends on the machine's code page).
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_source *src = &c->model->source;
    if (src->encoding == INF_ENCODING_UTF16BE)
        inf_report(c, inf_span_file_start(), 0, "save the file as UTF-16LE (with a BOM)",
                   "the file is UTF-16 big-endian, which Windows does not read reliably");
    else if (src->encoding == INF_ENCODING_UTF8_BOM)
        inf_report(c, inf_span_file_start(), 0,
                   "save the file as UTF-16LE, or as plain ASCII if it has no other characters",
                   "the file starts with a UTF-8 byte order mark; Windows reads 8-bit INFs in the "
                   "machine's ANSI code page, not as UTF-8");
    if (src->flags & INF_SOURCE_BAD_DATA) {
        struct inf_span at = {src->bad_offset, src->bad_offset};
        inf_report(c, at, 0, "re-save the file in a valid encoding (UTF-16LE)",
                   "the file holds data that is not valid in its encoding (%s); it was read as "
                   "U+FFFD",
                   inf_encoding_name(src->encoding));
    }
    if (src->encoding == INF_ENCODING_ANSI && (src->flags & INF_SOURCE_HIGH_BYTES)) {
        size_t at = 0; /* the first of them: eight bytes a step, then one */
        for (uint64_t word; at + 8 <= src->len; at += 8) {
            memcpy(&word, src->text + at, 8);
            if (word & 0x8080808080808080ull)
                break;
        }
        while (at < src->len && (unsigned char)src->text[at] < 0x80)
            at++;
        struct inf_span span = {(uint32_t)at, (uint32_t)at};
        inf_report(c, span, INF_SEVERITY_WARNING,
                   "save the file as UTF-16LE so every machine reads the same characters",
                   "the 8-bit file has non-ASCII characters, which Windows reads in each "
                   "machine's own code page (shown here as Windows-1252)");
    }
}

const struct inf_rule inf_rule_inf001 = {
    "INF001",
    "bad-encoding",
    INF_SEVERITY_ERROR,
    "The file's encoding is one Windows does not read as intended.",
    "Windows reads INF files as UTF-16LE (with or without a byte order mark) or as 8-bit "
    "text in the machine's ANSI code page. UTF-16BE is unreliable, a UTF-8 file is read as "
    "ANSI (its byte order mark becomes text and non-ASCII characters turn into mojibake), "
    "and non-ASCII bytes in an 8-bit file mean different characters on differently "
    "localized machines.",
    "; saved as UTF-8 with a BOM\n[Strings]\nVendor = \"Caf\\u00e9 Devices\"\n",
    "; saved as UTF-16LE\n[Strings]\nVendor = \"Caf\\u00e9 Devices\"\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1003},
    .lower_severity = INF_SEVERITY_WARNING};
