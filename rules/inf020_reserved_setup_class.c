/*
 * INF020 reserved-setup-class (InfVerif 1284): [Version] declares the
 * Sample device setup class, which only Microsoft's samples may use:
 * ClassGuid {78A1C341-4539-11d3-B88D-00C04FAD5171}, or Class = Sample
 * when there is no ClassGuid.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    struct inf_declared_class declared = inf_check_declared_class(c);
    if (!declared.system || declared.system->kind != INF_CLASS_SAMPLE)
        return;
    const struct inf_line *line = declared.guid.len ? declared.guid_line : declared.name_line;
    inf_report(c, inf_span_line(c->model, line), 0,
               "use the system-defined class that fits the device (System, Net, HIDClass, "
               "...), or a class of your own with a newly generated GUID",
               "the Sample device setup class (%s) is reserved for Microsoft's driver samples",
               declared.guid.len ? declared.guid.text : declared.name.text);
}

const struct inf_rule inf_rule_inf020 = {
    .code = "INF020",
    .name = "reserved-setup-class",
    .severity = INF_SEVERITY_ERROR,
    .summary = "[Version] uses the Sample device setup class.",
    .explanation =
        "Microsoft's driver samples install under a setup class named Sample, GUID "
        "{78A1C341-4539-11d3-B88D-00C04FAD5171}. Driver validation (InfVerif 1284) rejects it "
        "in any other INF: a driver built from a sample must move to the system-defined class "
        "that fits its device, or to a class of its own. ClassGuid decides; Class is read "
        "only when there is no ClassGuid.",
    .bad_example = "[Version]\nSignature = \"$Windows NT$\"\nClass = Sample\n"
                   "ClassGuid = {78A1C341-4539-11d3-B88D-00C04FAD5171}\n",
    .good_example = "[Version]\nSignature = \"$Windows NT$\"\nClass = System\n"
                    "ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}\n",
    .check = check,
    .infverif = {1284}};
