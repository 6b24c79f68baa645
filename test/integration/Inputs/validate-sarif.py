#!/usr/bin/env python3
"""Validates a SARIF log against the parts of SARIF 2.1.0 that
tools/nplusone-sarif.py writes: required properties, their types and value
ranges, the property names each object may have, rule indexes and URI base
ids. Prints one line per result, related location and fix for FileCheck,
and exits 1 on the first violation.

  validate-sarif.py FILE [--results N]
"""

import argparse
import json
import re
import sys
import urllib.parse

# Property names of the SARIF 2.1.0 objects used here (section 3 of the
# OASIS standard); a misspelt property is an error.
ALLOWED = {
    "sarifLog": {"version", "$schema", "runs", "inlineExternalProperties",
                 "properties"},
    "run": {"tool", "invocations", "conversion", "language",
            "versionControlProvenance", "originalUriBaseIds", "artifacts",
            "logicalLocations", "graphs", "results", "automationDetails",
            "runAggregates", "baselineGuid", "redactionTokens",
            "defaultEncoding", "defaultSourceLanguage", "newlineSequences",
            "columnKind", "externalPropertyFileReferences",
            "threadFlowLocations", "taxonomies", "addresses", "translations",
            "policies", "webRequests", "webResponses", "specialLocations",
            "properties"},
    "tool": {"driver", "extensions", "properties"},
    "toolComponent": {"guid", "name", "organization", "product",
                      "productSuite", "shortDescription", "fullDescription",
                      "fullName", "version", "semanticVersion",
                      "dottedQuadFileVersion", "releaseDateUtc",
                      "downloadUri", "informationUri",
                      "globalMessageStrings", "notifications", "rules",
                      "taxa", "locations", "language", "contents",
                      "isComprehensive", "localizedDataSemanticVersion",
                      "minimumRequiredLocalizedDataSemanticVersion",
                      "associatedComponent", "translationMetadata",
                      "supportedTaxonomies", "properties"},
    "reportingDescriptor": {"id", "deprecatedIds", "guid", "deprecatedGuids",
                            "name", "deprecatedNames", "shortDescription",
                            "fullDescription", "messageStrings",
                            "defaultConfiguration", "helpUri", "help",
                            "relationships", "properties"},
    "reportingConfiguration": {"enabled", "level", "rank", "parameters",
                               "properties"},
    "multiformatMessageString": {"text", "markdown", "properties"},
    "message": {"text", "markdown", "id", "arguments", "properties"},
    "result": {"ruleId", "ruleIndex", "rule", "kind", "level", "message",
               "analysisTarget", "locations", "guid", "correlationGuid",
               "occurrenceCount", "partialFingerprints", "fingerprints",
               "stacks", "codeFlows", "graphs", "graphTraversals",
               "relatedLocations", "suppressions", "baselineState", "rank",
               "attachments", "hostedViewerUri", "workItemUris",
               "provenance", "fixes", "taxa", "webRequest", "webResponse",
               "properties"},
    "location": {"id", "physicalLocation", "logicalLocations", "message",
                 "annotations", "relationships", "properties"},
    "physicalLocation": {"address", "artifactLocation", "region",
                         "contextRegion", "properties"},
    "artifactLocation": {"uri", "uriBaseId", "index", "description",
                         "properties"},
    "region": {"startLine", "startColumn", "endLine", "endColumn",
               "charOffset", "charLength", "byteOffset", "byteLength",
               "snippet", "message", "sourceLanguage", "properties"},
    "fix": {"description", "artifactChanges", "properties"},
    "artifactChange": {"artifactLocation", "replacements", "properties"},
    "replacement": {"deletedRegion", "insertedContent", "properties"},
    "artifactContent": {"text", "binary", "rendered", "properties"},
    "invocation": {"commandLine", "arguments", "responseFiles",
                   "startTimeUtc", "endTimeUtc", "exitCode",
                   "ruleConfigurationOverrides",
                   "notificationConfigurationOverrides",
                   "toolExecutionNotifications",
                   "toolConfigurationNotifications", "exitCodeDescription",
                   "exitSignalName", "exitSignalNumber",
                   "processStartFailureMessage", "executionSuccessful",
                   "machine", "account", "processId", "executableLocation",
                   "workingDirectory", "environmentVariables", "stdin",
                   "stdout", "stderr", "stdoutStderr", "properties"},
    "notification": {"locations", "message", "level", "threadId", "timeUtc",
                     "exception", "descriptor", "associatedRule",
                     "properties"},
}
LEVELS = {"none", "note", "warning", "error"}
BASELINE_STATES = {"new", "unchanged", "updated", "absent"}


class Invalid(Exception):
    pass


def check(cond, where, msg):
    if not cond:
        raise Invalid("%s: %s" % (where, msg))


def obj(value, kind, where, required=()):
    check(isinstance(value, dict), where, "%s must be an object" % kind)
    extra = set(value) - ALLOWED[kind]
    check(not extra, where, "%s has unknown properties %s" %
          (kind, sorted(extra)))
    for r in required:
        check(r in value, where, "%s lacks required property '%s'" %
              (kind, r))
    if "properties" in value:
        check(isinstance(value["properties"], dict), where + ".properties",
              "a property bag must be an object")
    return value


def string(value, where, nonempty=True):
    check(isinstance(value, str) and (value or not nonempty), where,
          "must be a%s string" % (" non-empty" if nonempty else ""))
    return value


def integer(value, where, minimum):
    check(isinstance(value, int) and not isinstance(value, bool) and
          value >= minimum, where, "must be an integer >= %d" % minimum)
    return value


def array(value, where, nonempty=False):
    check(isinstance(value, list), where, "must be an array")
    check(not nonempty or value, where, "must not be empty")
    return value


def absolute_uri(value, where):
    string(value, where)
    u = urllib.parse.urlsplit(value)
    check(u.scheme and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*$", u.scheme),
          where, "must be an absolute URI: %r" % value)
    uri_chars(value, where)


def uri_chars(value, where):
    check(re.match(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$", value),
          where, "is not a valid URI reference (unencoded characters): %r" %
          value)
    check(not re.search(r"%(?![0-9A-Fa-f]{2})", value), where,
          "has a bad percent-encoding: %r" % value)


def message(value, where, kind="message"):
    obj(value, kind, where, required=("text",))
    string(value["text"], where + ".text")


def artifact_location(value, where, base_ids):
    obj(value, "artifactLocation", where, required=("uri",))
    uri = string(value["uri"], where + ".uri")
    uri_chars(uri, where + ".uri")
    if "uriBaseId" in value:
        check(value["uriBaseId"] in base_ids, where + ".uriBaseId",
              "'%s' is not in run.originalUriBaseIds" % value["uriBaseId"])
        check(not urllib.parse.urlsplit(uri).scheme, where + ".uri",
              "must be relative when uriBaseId is given")
    else:
        check(urllib.parse.urlsplit(uri).scheme, where + ".uri",
              "must be absolute without a uriBaseId")
    return urllib.parse.unquote(uri)


def region(value, where):
    obj(value, "region", where)
    check("startLine" in value or "charOffset" in value or
          "byteOffset" in value, where,
          "needs startLine, charOffset or byteOffset")
    if "startLine" in value:
        integer(value["startLine"], where + ".startLine", 1)
        if "startColumn" in value:
            integer(value["startColumn"], where + ".startColumn", 1)
        if "endLine" in value:
            integer(value["endLine"], where + ".endLine", value["startLine"])
        if "endColumn" in value:
            integer(value["endColumn"], where + ".endColumn", 1)
            if value.get("endLine", value["startLine"]) == value["startLine"]:
                check(value["endColumn"] >= value.get("startColumn", 1),
                      where, "endColumn before startColumn on one line")
    else:
        check("startColumn" not in value and "endLine" not in value,
              where, "a text region needs startLine")
    for k in ("byteOffset", "byteLength", "charOffset", "charLength"):
        if k in value:
            integer(value[k], where + "." + k, 0)
    return value


def physical_location(value, where, base_ids):
    obj(value, "physicalLocation", where)
    check("artifactLocation" in value, where, "needs an artifactLocation")
    path = artifact_location(value["artifactLocation"],
                             where + ".artifactLocation", base_ids)
    reg = region(value["region"], where + ".region") \
        if "region" in value else {}
    return "%s:%s:%s" % (path, reg.get("startLine", "?"),
                         reg.get("startColumn", "?"))


def validate(log):
    lines = []
    obj(log, "sarifLog", "sarifLog", required=("version", "runs"))
    check(log["version"] == "2.1.0", "version", "must be \"2.1.0\"")
    check("$schema" in log, "sarifLog", "lacks $schema")
    absolute_uri(log["$schema"], "$schema")
    check("2.1.0" in log["$schema"], "$schema", "is not a 2.1.0 schema")
    for ri, run in enumerate(array(log["runs"], "runs", nonempty=True)):
        w = "runs[%d]" % ri
        obj(run, "run", w, required=("tool",))
        obj(run["tool"], "tool", w + ".tool", required=("driver",))
        driver = obj(run["tool"]["driver"], "toolComponent",
                     w + ".tool.driver", required=("name",))
        string(driver["name"], w + ".tool.driver.name")
        if "version" in driver:
            string(driver["version"], w + ".tool.driver.version")
        if "informationUri" in driver:
            absolute_uri(driver["informationUri"],
                         w + ".tool.driver.informationUri")
        lines.append("driver: %s %s %s" % (driver["name"],
                                            driver.get("version"),
                                            driver.get("informationUri")))
        rule_ids = []
        for i, rule in enumerate(array(driver.get("rules", []),
                                       w + ".tool.driver.rules")):
            rw = "%s.tool.driver.rules[%d]" % (w, i)
            obj(rule, "reportingDescriptor", rw, required=("id",))
            string(rule["id"], rw + ".id")
            check(rule["id"] not in rule_ids, rw, "duplicate rule id")
            rule_ids.append(rule["id"])
            for k in ("shortDescription", "fullDescription"):
                if k in rule:
                    message(rule[k], rw + "." + k,
                            "multiformatMessageString")
            if "helpUri" in rule:
                absolute_uri(rule["helpUri"], rw + ".helpUri")
            if "defaultConfiguration" in rule:
                conf = obj(rule["defaultConfiguration"],
                           "reportingConfiguration",
                           rw + ".defaultConfiguration")
                check(conf.get("level", "warning") in LEVELS, rw,
                      "bad default level")
            lines.append("rule: %s | %s | %s" % (
                rule["id"], rule.get("shortDescription", {}).get("text"),
                rule.get("helpUri")))
        base_ids = {}
        for k, v in run.get("originalUriBaseIds", {}).items():
            bw = "%s.originalUriBaseIds[%s]" % (w, k)
            artifact_location(v, bw, {})
            check(v["uri"].endswith("/"), bw + ".uri", "must end with '/'")
            base_ids[k] = v
        if "columnKind" in run:
            check(run["columnKind"] in ("utf16CodeUnits",
                                        "unicodeCodePoints"),
                  w + ".columnKind", "bad value")
        for ii, inv in enumerate(run.get("invocations", [])):
            iw = "%s.invocations[%d]" % (w, ii)
            obj(inv, "invocation", iw, required=("executionSuccessful",))
            check(isinstance(inv["executionSuccessful"], bool), iw,
                  "executionSuccessful must be a boolean")
            for ni, note in enumerate(inv.get("toolExecutionNotifications",
                                              [])):
                nw = "%s.toolExecutionNotifications[%d]" % (iw, ni)
                obj(note, "notification", nw, required=("message",))
                message(note["message"], nw + ".message")
                lines.append("notification: %s" % note["message"]["text"])
            lines.append("invocation: executionSuccessful=%s" %
                         str(inv["executionSuccessful"]).lower())
        results = array(run.get("results"), w + ".results")
        for i, res in enumerate(results):
            rw = "%s.results[%d]" % (w, i)
            obj(res, "result", rw, required=("message",))
            message(res["message"], rw + ".message")
            check("ruleId" in res or "ruleIndex" in res, rw,
                  "needs ruleId or ruleIndex")
            if "ruleIndex" in res:
                integer(res["ruleIndex"], rw + ".ruleIndex", 0)
                check(res["ruleIndex"] < len(rule_ids), rw + ".ruleIndex",
                      "out of range")
                check(rule_ids[res["ruleIndex"]] == res.get("ruleId"), rw,
                      "ruleIndex names another rule than ruleId")
            level = res.get("level", "warning")
            check(level in LEVELS, rw + ".level", "bad level %r" % level)
            if "baselineState" in res:
                check(res["baselineState"] in BASELINE_STATES,
                      rw + ".baselineState", "bad value")
            for k, v in res.get("partialFingerprints", {}).items():
                string(v, "%s.partialFingerprints[%s]" % (rw, k))
            where = "<no location>"
            for li, loc in enumerate(array(res.get("locations", []),
                                           rw + ".locations")):
                lw = "%s.locations[%d]" % (rw, li)
                obj(loc, "location", lw)
                check("physicalLocation" in loc, lw,
                      "needs a physicalLocation here")
                where = physical_location(loc["physicalLocation"],
                                          lw + ".physicalLocation", base_ids)
            lines.append("result: %s %s %s: %s" % (
                res.get("ruleId"), level, where, res["message"]["text"]))
            ids = set()
            for li, loc in enumerate(array(res.get("relatedLocations", []),
                                           rw + ".relatedLocations")):
                lw = "%s.relatedLocations[%d]" % (rw, li)
                obj(loc, "location", lw, required=("message",))
                message(loc["message"], lw + ".message")
                if "id" in loc:
                    integer(loc["id"], lw + ".id", -1)
                    check(loc["id"] not in ids, lw, "duplicate id")
                    ids.add(loc["id"])
                at = physical_location(loc["physicalLocation"],
                                       lw + ".physicalLocation", base_ids) \
                    if "physicalLocation" in loc else "<no location>"
                lines.append("  related: %s: %s" %
                             (at, loc["message"]["text"]))
            for fi, fix in enumerate(array(res.get("fixes", []),
                                           rw + ".fixes")):
                fw = "%s.fixes[%d]" % (rw, fi)
                obj(fix, "fix", fw, required=("artifactChanges",))
                if "description" in fix:
                    message(fix["description"], fw + ".description")
                for ci, change in enumerate(array(fix["artifactChanges"],
                                                  fw + ".artifactChanges",
                                                  nonempty=True)):
                    cw = "%s.artifactChanges[%d]" % (fw, ci)
                    obj(change, "artifactChange", cw,
                        required=("artifactLocation", "replacements"))
                    path = artifact_location(change["artifactLocation"],
                                             cw + ".artifactLocation",
                                             base_ids)
                    for pi, rep in enumerate(array(change["replacements"],
                                                   cw + ".replacements",
                                                   nonempty=True)):
                        pw = "%s.replacements[%d]" % (cw, pi)
                        obj(rep, "replacement", pw,
                            required=("deletedRegion",))
                        reg = region(rep["deletedRegion"],
                                     pw + ".deletedRegion")
                        text = ""
                        if "insertedContent" in rep:
                            content = obj(rep["insertedContent"],
                                          "artifactContent",
                                          pw + ".insertedContent")
                            text = string(content.get("text", ""),
                                          pw + ".insertedContent.text",
                                          nonempty=False)
                        lines.append("  fix: %s:%s:%s-%s:%s -> %s" % (
                            path, reg.get("startLine"),
                            reg.get("startColumn"), reg.get("endLine"),
                            reg.get("endColumn"), json.dumps(text)))
        lines.append("valid SARIF 2.1.0: %d result%s, %d rule%s" % (
            len(results), "" if len(results) == 1 else "s", len(rule_ids),
            "" if len(rule_ids) == 1 else "s"))
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--results", type=int,
                        help="the number of results expected")
    args = parser.parse_args()
    try:
        with open(args.file, encoding="utf-8") as f:
            log = json.load(f)
        lines = validate(log)
        if args.results is not None:
            count = sum(len(r.get("results", [])) for r in log["runs"])
            check(count == args.results, args.file,
                  "%d results, expected %d" % (count, args.results))
    except (OSError, ValueError) as e:
        sys.stderr.write("validate-sarif: %s\n" % e)
        return 1
    except Invalid as e:
        sys.stderr.write("validate-sarif: invalid SARIF: %s\n" % e)
        return 1
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
