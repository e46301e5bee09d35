/*
 * fuzz_project.c - libFuzzer target for the WDK project reader: the input is
 * a project file (XML, MSBuild conditions, imports, Inf items) in a small
 * repository that also holds an INF and a .props file to import; and, as
 * text, a string of InfVerif switches.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp */
#include "infverif_switches.h"
#include "msbuild.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The repository, made once per process. */
static const char *repository(void)
{
    static char dir[64];
    if (dir[0])
        return dir;
    snprintf(dir, sizeof dir, "/tmp/inflint-fuzz-project-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    char path[128];
    snprintf(path, sizeof path, "%s/.git", dir);
    FILE *f = fopen(path, "w");
    if (f)
        fclose(f);
    snprintf(path, sizeof path, "%s/a.inf", dir);
    if ((f = fopen(path, "w")) != NULL) {
        fputs("[Version]\n", f);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/x.props", dir);
    if ((f = fopen(path, "w")) != NULL) {
        fputs("<Project><PropertyGroup><DriverTargetPlatform>Universal</DriverTargetPlatform>"
              "</PropertyGroup><Import Project=\"p.vcxproj\"/></Project>\n",
              f);
        fclose(f);
    }
    return dir;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir = repository();
    char path[128];
    snprintf(path, sizeof path, "%s/p.vcxproj", dir);
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    struct inf_msbuild_project project;
    inf_msbuild_load(path, dir, NULL, &project);
    inf_msbuild_project_free(&project);
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    struct inf_infverif_switches switches;
    inf_infverif_switches_parse(text, &switches, NULL, NULL);
    free(text);
    return 0;
}
