/*
 * inih_baseline.c - the speed baseline: parses each file with the system
 * libinih and a callback that only counts, then prints the counts.
 *
 * usage: inih_baseline FILE...
 */
#include <ini.h>
#include <stdio.h>

struct counts {
    unsigned long entries;
    unsigned long bytes;
};

static int count_entry(void *user, const char *section, const char *name, const char *value)
{
    struct counts *c = user;
    (void)section;
    c->entries++;
    c->bytes += (unsigned long)(name[0] + value[0]);
    return 1;
}

int main(int argc, char **argv)
{
    struct counts c = {0, 0};
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int rc = ini_parse(argv[i], count_entry, &c);
        if (rc < 0) {
            fprintf(stderr, "inih_baseline: cannot read %s\n", argv[i]);
            status = 2;
        }
    }
    printf("%lu entries\n", c.entries);
    return status;
}
