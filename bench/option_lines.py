#!/usr/bin/env python3
"""Option-handling lines of src/main at a git revision (or the working tree), per class.

Usage: python3 bench/option_lines.py [REV ...]      (no REV: the working tree; e.g. 37f9628 HEAD)

What counts (non-blank lines, comments included, in src/main/java):
  parse    whole methods (annotations and signature to closing brace) named listOptions, setOptions,
           getOptions or *Option (the parsing helpers: doubleOption, intOption, tagOption), and in
           every other method each line that calls Utils.getOption, Utils.getFlag,
           Utils.partitionOptions or builds a weka.core.Option (e.g. a main() or run() that reads
           its own arguments)
  wrap     listOptions/setOptions/getOptions that only hand over to DeclaredOptions (no Utils.getOption,
           getFlag, partitionOptions or new Option in them): counted apart from parse
  tips     whole *TipText() methods (Weka's tip texts, written beside each property)
  decl     @OptionMetadata and @CommandLineOption annotation lines (the one declaration per option)
  shared   the shared option classes, whole: WekaOptions (before), DeclaredOptions, CommandLineOption,
           EnumTags (after)
Not counted: the properties' getters and setters (there before and after), tag enums of the core.
"""
import re
import subprocess
import sys

SHARED = {"WekaOptions", "DeclaredOptions", "CommandLineOption", "EnumTags"}
PARSE_NAMES = {"listOptions", "setOptions", "getOptions"}
PARSE_CALLS = re.compile(r"Utils\.(getOption|getFlag|partitionOptions)\s*\(|new Option\s*\(")
METHOD = re.compile(r"^\s*(?:(?:public|protected|private|static|final|synchronized|abstract)\s+)+"
                    r"[\w<>\[\], ?.]+\s+(\w+)\s*\([^;{]*$|"
                    r"^\s*(?:(?:public|protected|private|static|final|synchronized)\s+)+"
                    r"[\w<>\[\], ?.]+\s+(\w+)\s*\(.*\{\s*$")


def files(rev):
    if rev is None:
        out = subprocess.check_output(["git", "ls-files", "src/main/java"], text=True)
        return {p: open(p, encoding="utf-8").read() for p in out.split() if p.endswith(".java")}
    out = subprocess.check_output(["git", "ls-tree", "-r", "--name-only", rev, "src/main/java"], text=True)
    return {p: subprocess.check_output(["git", "show", rev + ":" + p], text=True)
            for p in out.split() if p.endswith(".java")}


def code_only(line):
    """The line without string/char literals and // comments, for brace counting."""
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(?:\\.|[^'\\])'", "''", line)
    return line.split("//")[0]


def methods(lines):
    """(name, first line index incl. annotations/javadoc-free, last line index) of each method."""
    found = []
    i = 0
    while i < len(lines):
        m = METHOD.match(code_only(lines[i]))
        if not m or code_only(lines[i]).strip().endswith(";"):
            i += 1
            continue
        name = m.group(1) or m.group(2)
        start = i
        while start > 0 and lines[start - 1].strip().startswith("@") or (
                start > 0 and annotation_continues(lines, start - 1)):
            start -= 1
        depth, j, opened = 0, i, False
        while j < len(lines):
            c = code_only(lines[j])
            depth += c.count("{") - c.count("}")
            opened |= "{" in c
            if c.strip().endswith(";") and not opened:
                break  # abstract or interface method
            if opened and depth <= 0:
                break
            j += 1
        if opened:
            found.append((name, start, j))
            i = j + 1
        else:
            i += 1
    return found


def annotation_continues(lines, k):
    """Whether line k belongs to a multi-line annotation that ends just above a method."""
    t = lines[k].strip()
    if t.startswith("@") or not t or t.startswith("*") or t.startswith("/") or t.endswith(";") or t.endswith("}"):
        return False
    for back in range(k, max(k - 12, -1), -1):
        s = lines[back].strip()
        if s.startswith("@OptionMetadata") or s.startswith("@CommandLineOption"):
            return True
        if s.endswith(";") or s.endswith("{") or s.endswith("}"):
            return False
    return False


def count(text, path):
    name = path.rsplit("/", 1)[1][:-5]
    lines = text.split("\n")
    nonblank = lambda a, b: sum(1 for l in lines[a:b + 1] if l.strip())
    if name in SHARED:
        return {"parse": 0, "wrap": 0, "tips": 0, "decl": 0, "shared": nonblank(0, len(lines) - 1)}
    parse = wrap = tips = 0
    in_method = set()
    for mname, a, b in methods(lines):
        body = "\n".join(lines[a:b + 1])
        if mname in PARSE_NAMES and "DeclaredOptions." in body and not PARSE_CALLS.search(body):
            wrap += nonblank(a, b)
            in_method.update(range(a, b + 1))
        elif mname in PARSE_NAMES or mname.endswith("Option"):
            parse += nonblank(a, b)
            in_method.update(range(a, b + 1))
        elif PARSE_CALLS.search(body):
            parse += sum(1 for l in lines[a:b + 1] if PARSE_CALLS.search(l))
        elif mname.endswith("TipText"):
            tips += nonblank(a, b)
            in_method.update(range(a, b + 1))
    decl = 0
    k = 0
    while k < len(lines):
        s = lines[k].strip()
        if (s.startswith("@OptionMetadata") or s.startswith("@CommandLineOption")) and k not in in_method:
            depth = 0
            while True:
                c = code_only(lines[k])
                depth += c.count("(") - c.count(")")
                decl += 1
                if depth <= 0:
                    break
                k += 1
        k += 1
    return {"parse": parse, "wrap": wrap, "tips": tips, "decl": decl, "shared": 0}


def table(rev):
    result = {}
    for path, text in sorted(files(rev).items()):
        c = count(text, path)
        if any(c.values()):
            result[path.rsplit("/", 1)[1][:-5]] = c
    return result


def main():
    revs = sys.argv[1:] or [None]
    tables = [(rev or "worktree", table(rev)) for rev in revs]
    names = sorted(set().union(*(t.keys() for _, t in tables)))
    keys = ["parse", "wrap", "tips", "decl", "shared"]
    print("| class | " + " | ".join(f"{label} parse/wrap/tips/decl/shared = total" for label, _ in tables) + " |")
    print("|---" * (len(tables) + 1) + "|")
    totals = [{k: 0 for k in keys} for _ in tables]
    for n in names:
        cells = []
        for (label, t), tot in zip(tables, totals):
            c = t.get(n, {k: 0 for k in keys})
            for k in keys:
                tot[k] += c[k]
            cells.append("/".join(str(c[k]) for k in keys) + " = " + str(sum(c.values())))
        print(f"| {n} | " + " | ".join(cells) + " |")
    print("| **all src/main** | " + " | ".join("/".join(str(t[k]) for k in keys) + " = " + str(sum(t.values()))
                                         for t in totals) + " |")


if __name__ == "__main__":
    main()
