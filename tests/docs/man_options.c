/*
 * man_options.c - prints the OPTIONS section of docs/inflint.1 as the option
 * table generates it; the docs.man_options test diffs it with the page, and
 * scripts/update-docs.sh writes it into the page.
 */
#include "cli.h"

#include <stdio.h>

int main(void)
{
    struct inf_buf out = INF_BUF_INIT;
    inf_cli_man_options(&out);
    fputs(out.data, stdout);
    inf_buf_free(&out);
    return ferror(stdout) ? 1 : 0;
}
