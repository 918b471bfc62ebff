#!/usr/bin/env python3
"""Runs one pycapi check test, the counterpart of clang-tidy's check_clang_tidy.py.

Usage (from a lit RUN line, through the %check_pycapi substitution):

  %check_pycapi [-check-suffix=S,...] [-lang=c|c++] [-compile=ok|fail|none]
                [-fix-errors] [-header=FILE] [-crlf] SOURCE CHECK_NAME TEMP
                -- [tool args] -- [compiler args]

A matrix test runs one source in several configurations (C and C++, both
release strategies): `-check-suffixes=,CXX,IMM,CXX-IMM` checks the unsuffixed
lines, which all runs share, plus the lines of its own configuration.

For SOURCE it:
  1. writes SOURCE, with its CHECK lines blanked, to TEMP + SOURCE's extension;
  2. runs the check through the clang-tidy plugin with --fix, then, on a fresh
     copy, through pycapi-migrate --fix, and requires both to print the same
     diagnostics and to write the same fixed file;
  3. FileChecks the diagnostics against CHECK-NOTES[-S] (every warning, error
     and note must be expected: the notes carry the advice, so they are part
     of the contract, as with upstream's CHECK-NOTES; as upstream, not the
     "FIX-IT applied suggested code changes" notes of --fix, which say
     nothing about the code) and the fixed file
     against CHECK-FIXES[-S] (with --match-full-lines and -strict-whitespace,
     and without the lines that hold only a blanked CHECK line); a test
     without CHECK-FIXES must leave the file unchanged. CHECK-MESSAGES, which would let notes go unchecked, is
     rejected;
  4. compiles the fixed file with -Wall -Werror (as C or C++ by its extension),
     and requires success (-compile=ok, the default) or failure (-compile=fail).
     -compile=none is for tests whose point is that no fix is offered for code
     that cannot compile either way.

-header=FILE is for fixes that change a header SOURCE includes: FILE is
copied next to TEMP's file (give TEMP as %t/name, so that each test has a
folder of its own) before each tool's run, both tools must write the same
header, and the fixed header is FileChecked against CHECK-HEADER[-S] lines
of SOURCE (without any, it must be left unchanged).

-crlf then runs both tools once more on the same file (and header) with
CRLF line endings, and requires the same diagnostics and, byte for byte, the
LF run's fixed files with every line ending in CRLF; the fixed file must
compile as in step 4. lit's -Dcrlf=1 adds -crlf to every check test.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

DIAG_LINE = re.compile(r"^(.*?):(\d+):(\d+): (warning|error|note): (.*)$")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--cc", required=True)
    parser.add_argument("-check-suffix", "-check-suffixes", default="",
                        help="comma-separated; an empty item stands for the bare "
                             "CHECK-MESSAGES/CHECK-FIXES prefixes, so that "
                             "'-check-suffixes=,CXX' checks the lines shared by all "
                             "runs plus the CXX-only ones")
    parser.add_argument("-lang", choices=["c", "c++"], default=None,
                        help="treat SOURCE as this language (default: by extension); "
                             "lets one C test also run as C++")
    parser.add_argument("-compile", choices=["ok", "fail", "none"], default="ok")
    parser.add_argument("-fix-errors", action="store_true",
                        help="pass --fix-errors to both tools (code with compiler errors)")
    parser.add_argument("-header", default=None,
                        help="a header that the fixes may change; see above")
    parser.add_argument("-crlf", action="store_true",
                        help="also run on a CRLF copy of the files; see above")
    parser.add_argument("--tools", choices=["both", "cli"], default="both",
                        help="cli: run pycapi-migrate only (the sanitized "
                             "build's runs; see lit.cfg.py)")
    parser.add_argument("source")
    parser.add_argument("check_name")
    parser.add_argument("temp")
    # Split "-- tool args -- compiler args" by hand: argparse would eat them.
    ours, tool_args, compiler_args = argv, [], []
    if "--" in argv:
        i = argv.index("--")
        ours, rest = argv[:i], argv[i + 1:]
        if "--" in rest:
            j = rest.index("--")
            tool_args, compiler_args = rest[:j], rest[j + 1:]
        else:
            tool_args = rest
    args = parser.parse_args(ours)
    args.tool_args = tool_args
    args.compiler_args = compiler_args
    return args


def run(cmd, input=None):
    return subprocess.run(cmd, input=input, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)


def fail(message, output=""):
    sys.stderr.write(message + "\n")
    if output:
        sys.stderr.write("------------------------ output ------------------------\n")
        sys.stderr.write(output)
        sys.stderr.write("--------------------------------------------------------\n")
    sys.exit(1)


def absolute_paths(output, base):
    """The output with the path of every diagnostic line made absolute
    against base: clang-tidy names files as its command line did, the CLI
    relative to its --root (the test's folder)."""
    def absolute(line):
        match = DIAG_LINE.match(line)
        if not match or os.path.isabs(match.group(1)):
            return line
        return os.path.normpath(os.path.join(base, match.group(1))) + line[len(match.group(1)):]
    return "\n".join(absolute(line) for line in output.splitlines()) + "\n"


def option_keys_by_flag(cli):
    """pycapi-migrate's notes name an option by its flag (--compat-header),
    clang-tidy's by its key (CompatHeader): the pairs, read from --help
    ("--flag ... (check option [check.]Key)")."""
    pairs = {}
    flag = None
    for line in run([cli, "--help"]).stdout.splitlines():
        match = re.match(r"\s*(--[a-z-]+)", line)
        if match:
            flag = match.group(1)
        key = re.search(r"\(check option (?:[\w-]+\.)?(\w+)\)", line)
        if key and flag:
            pairs[flag] = key.group(1)
    return pairs


def with_option_keys(output, pairs):
    """The CLI's output with its notes naming options as clang-tidy's do."""
    for flag, key in sorted(pairs.items(), key=lambda pair: -len(pair[0])):
        output = re.sub(re.escape(flag) + r"(?![\w-])", key, output)
    return output


def diagnostic_lines(output):
    """The diagnostic lines of a run: the tools' closing summaries ('N warnings
    generated.', 'clang-tidy applied ...') differ in wording by design, and
    clang-tidy's "FIX-IT applied" notes are not the CLI's (its summary counts
    the fixes instead).

    Diagnostics that start at one location (a compiler error and a finding on
    the same undeclared name) come in an order that differs between LLVM
    majors, so each warning or error, with the notes that follow it, is
    ordered by location and then by its own text."""
    groups = []
    for line in output.splitlines():
        match = DIAG_LINE.match(line)
        if not match or FIXIT_APPLIED.search(line):
            continue
        if match.group(4) == "note" and groups:
            notes = groups[-1][1]
            notes.append(line)
            # The "FIX-IT applied" notes of one fix come file by file in the
            # order of an llvm::StringMap (hashes of the full paths), in
            # clang-tidy and in the CLI alike: their order depends on where
            # the test runs. Each file's own notes keep theirs.
            if FIXIT_NOTE.search(line):
                run = len(notes) - 1
                while run > 1 and FIXIT_NOTE.search(notes[run - 1]):
                    run -= 1
                notes[run:] = sorted(notes[run:], key=lambda note: DIAG_LINE.match(note).group(1))
            continue
        key = (match.group(1), int(match.group(2)), int(match.group(3)), line)
        groups.append((key, [line]))
    # Stable: groups at different locations keep the tool's order.
    ordered = []
    index = 0
    while index < len(groups):
        end = index + 1
        while end < len(groups) and groups[end][0][:3] == groups[index][0][:3]:
            end += 1
        ordered.extend(sorted(groups[index:end], key=lambda group: group[0]))
        index = end
    return [line for _, lines in ordered for line in lines]


FIXIT_NOTE = re.compile(r": note: FIX-IT (applied suggested code changes$|unable to apply suggested code changes)")


# --fix's own note under each applied fix-it: no advice, so not expected
# (upstream's check_clang_tidy.py drops it too). "FIX-IT unable to apply"
# stays: it is an outcome a test must expect.
FIXIT_APPLIED = re.compile(r": note: FIX-IT applied suggested code changes$")


def checked_lines(output):
    """The diagnostic lines that CHECK-NOTES lines must match."""
    return [line for line in diagnostic_lines(output) if not FIXIT_APPLIED.search(line)]


# What a CHECK line of the source is blanked to: a comment, so that the tools
# see the code unchanged, that no test writes itself.
CHECK_LINE_MARKER = "//~check line~"
BLANKED_CHECK_LINE = re.compile(r"^[ \t]*" + re.escape(CHECK_LINE_MARKER) + r"(?:\n|\Z)",
                                re.M)


def fixes_input(fixed):
    """The fixed file as CHECK-FIXES lines see it: without the lines that hold
    only a blanked CHECK line, so that a chain of CHECK-FIXES-NEXT lines
    written after a function need not restate the CHECK-NOTES lines inside
    it. The compiler sees the file as the tools wrote it."""
    return BLANKED_CHECK_LINE.sub("", fixed)


def crlf(text):
    """The text with every line ending in CRLF (it has LF endings only)."""
    return text.replace("\n", "\r\n")


def run_tool(name, cmd, temp_file, cleaned, header=None, endings=lambda text: text):
    """Runs one tool on fresh copies of the test's files, with the line
    endings that `endings` gives them; returns its output, the fixed file and
    the fixed header (header: (original, copy) paths), read without newline
    translation, so that a stray CR stays visible."""
    with open(temp_file, "w", newline="") as f:
        f.write(endings(cleaned))
    if header:
        with open(header[0]) as f, open(header[1], "w", newline="") as copy:
            copy.write(endings(f.read()))
    result = run(cmd)
    with open(temp_file, newline="") as f:
        fixed = f.read()
    fixed_header = None
    if header:
        with open(header[1], newline="") as f:
            fixed_header = f.read()
    # A crash is never an acceptable outcome, whatever the test expects.
    if result.returncode < 0 or result.returncode > 3:
        fail(f"{name} crashed (exit {result.returncode}): {shlex.join(cmd)}", result.stdout)
    return result.stdout, fixed, fixed_header


def main():
    args = parse_args(sys.argv[1:])
    extension = os.path.splitext(args.source)[1]
    if args.lang == "c++":
        extension = ".cpp"
    elif args.lang == "c":
        extension = ".c"
    temp_file = args.temp + extension
    os.makedirs(os.path.dirname(os.path.abspath(temp_file)), exist_ok=True)

    with open(args.source) as f:
        input_text = f.read()
    # Blank the CHECK lines so that line numbers stay, as upstream does, to a
    # marker that no test writes, so that the lines left holding only the
    # marker can be told from the test's own comments (see fixes_input).
    if CHECK_LINE_MARKER in input_text:
        fail(f"{args.source} contains {CHECK_LINE_MARKER!r}, which stands for "
             "a blanked CHECK line")
    cleaned = re.sub(r"// *CHECK-[A-Z0-9\-]*:[^\r\n]*", CHECK_LINE_MARKER, input_text)

    suffixes = args.check_suffix.split(",") if args.check_suffix else [""]
    def prefixes(base):
        return [base + "-" + s if s else base for s in suffixes]
    fixes_prefixes = prefixes("CHECK-FIXES")
    notes_prefixes = prefixes("CHECK-NOTES")
    def uses(prefix):
        # -DAG: same-place findings and compiler errors, whose order differs
        # between LLVM majors.
        return re.search(re.escape(prefix) + r"(-NEXT|-DAG)?:", input_text) is not None
    has_fixes = any(uses(p) for p in fixes_prefixes)
    has_notes = any(uses(p) for p in notes_prefixes)
    if re.search(r"CHECK-MESSAGES[A-Z0-9\-]*:", input_text):
        fail("CHECK-MESSAGES leaves notes unchecked; write every diagnostic, "
             "notes included, as CHECK-NOTES")

    fix_flag = ["--fix-errors"] if args.fix_errors else ["--fix"]
    checks = "-*," + args.check_name
    plugin_cmd = ([args.clang_tidy, "--load", args.plugin, "--checks=" + checks]
                  + fix_flag + args.tool_args + [temp_file, "--"] + args.compiler_args)
    test_folder = os.path.dirname(os.path.abspath(temp_file))
    cli_cmd = ([args.cli, "--color=never", "--root", test_folder, "--checks=" + checks]
               + fix_flag + args.tool_args + [temp_file, "--"] + args.compiler_args)

    header = None
    if args.header:
        header = (args.header, os.path.join(os.path.dirname(os.path.abspath(temp_file)),
                                            os.path.basename(args.header)))
    # The plugin first, so that the file left behind is the CLI's.
    if args.tools == "cli":
        plugin_cmd = None
    else:
        plugin_out, plugin_fixed, plugin_header = run_tool(
            "clang-tidy plugin", plugin_cmd, temp_file, cleaned, header)
        plugin_out = absolute_paths(plugin_out, os.getcwd())
    cli_out, cli_fixed, cli_header = run_tool(
        "pycapi-migrate", cli_cmd, temp_file, cleaned, header)
    cli_out = with_option_keys(absolute_paths(cli_out, test_folder),
                               option_keys_by_flag(args.cli))
    if plugin_cmd is None:
        plugin_out, plugin_fixed, plugin_header = cli_out, cli_fixed, cli_header

    if diagnostic_lines(plugin_out) != diagnostic_lines(cli_out):
        fail("the plugin and the CLI printed different diagnostics\n"
             f"plugin: {shlex.join(plugin_cmd)}\ncli: {shlex.join(cli_cmd)}",
             "--- plugin ---\n" + plugin_out + "--- cli ---\n" + cli_out)
    if plugin_fixed != cli_fixed:
        with open(temp_file + ".plugin", "w") as f:
            f.write(plugin_fixed)
        fail(f"the plugin and the CLI wrote different fixes: compare "
             f"{temp_file}.plugin (plugin) with {temp_file} (cli)")

    if plugin_header != cli_header:
        with open(header[1] + ".plugin", "w") as f:
            f.write(plugin_header)
        fail(f"the plugin and the CLI fixed the header differently: compare "
             f"{header[1]}.plugin (plugin) with {header[1]} (cli)")

    # Only the diagnostic lines are checked: the quoted source lines below
    # them (LLVM 22 prefixes them with "NN |") may contain "error:" too.
    messages_file = temp_file + ".msg"
    with open(messages_file, "w") as f:
        f.write("".join(line + "\n" for line in checked_lines(cli_out)))

    if has_notes:
        result = run([args.filecheck, "-input-file=" + messages_file, args.source,
                      "-check-prefixes=" + ",".join(notes_prefixes),
                      # a matrix test's run need not use every suffix it names
                      "--allow-unused-prefixes",
                      "-implicit-check-not={{warning|error|note}}:"])
        if result.returncode:
            fail("CHECK-NOTES failed", result.stdout + "\n--- tool output ---\n" + cli_out)
        # -implicit-check-not does not look past a trailing group of -DAG
        # lines: count, so that an unexpected diagnostic after them fails too.
        expected = sum(len(re.findall(r"//\s*" + re.escape(p)
                                      + r"(?:-NEXT|-DAG)?:[^\n]*(?:warning|error|note):",
                                      input_text)) for p in notes_prefixes)
        printed = sum(1 for line in checked_lines(cli_out)
                      if re.search(r": (warning|error|note): ", line))
        if printed != expected:
            fail(f"{printed} diagnostics (notes included) were printed, the test "
                 f"expects {expected}", cli_out)
    elif checked_lines(cli_out):
        fail("diagnostics were printed but the test expects none", cli_out)

    if has_fixes:
        fixes_file = temp_file + ".fixes"
        with open(fixes_file, "w") as f:
            f.write(fixes_input(cli_fixed))
        result = run([args.filecheck, "-input-file=" + fixes_file, args.source,
                      "-check-prefixes=" + ",".join(fixes_prefixes), "-strict-whitespace",
                      "--match-full-lines", "--allow-unused-prefixes"])
        if result.returncode:
            fail("CHECK-FIXES failed", result.stdout)
    elif cli_fixed != cleaned:
        fail("the file was changed but the test has no CHECK-FIXES",
             run(["diff", "-u", "-", temp_file], input=cleaned).stdout)

    if header:
        header_prefixes = prefixes("CHECK-HEADER")
        if any(uses(p) for p in header_prefixes):
            result = run([args.filecheck, "-input-file=" + header[1], args.source,
                          "-check-prefixes=" + ",".join(header_prefixes),
                          "-strict-whitespace", "--allow-unused-prefixes"])
            if result.returncode:
                fail("CHECK-HEADER failed", result.stdout)
        else:
            with open(header[0]) as f:
                if f.read() != cli_header:
                    fail("the header was changed but the test has no CHECK-HEADER",
                         run(["diff", "-u", header[0], header[1]]).stdout)

    compile_fixed(args, extension, temp_file)

    if args.crlf:
        check_crlf(plugin_cmd, cli_cmd, temp_file, cleaned, header, cli_out,
                   cli_fixed, cli_header)
        compile_fixed(args, extension, temp_file)


def compile_fixed(args, extension, temp_file):
    """Step 4: compiles the fixed file as the test expects."""
    if args.compile == "none":
        return
    language = ["-x", "c++", "-std=c++17"] if extension in (".cpp", ".cc", ".cxx") else ["-x", "c"]
    compile_cmd = ([args.cc, "-fsyntax-only", "-Wall", "-Werror"] + language
                   + args.compiler_args + [temp_file])
    result = run(compile_cmd)
    if args.compile == "ok" and result.returncode:
        fail("the fixed file does not compile: " + shlex.join(compile_cmd), result.stdout)
    if args.compile == "fail" and not result.returncode:
        fail("the fixed file compiles but the test expects it not to: "
             + shlex.join(compile_cmd))


def check_crlf(plugin_cmd, cli_cmd, temp_file, cleaned, header, lf_out,
               lf_fixed, lf_header):
    """-crlf: both tools on CRLF copies must do what they did on the LF
    files, and write lines that end in CRLF only."""
    for text, what in ((lf_fixed, temp_file), (lf_header, header and header[1])):
        if text is not None and "\r" in text:
            fail(f"the LF run wrote a CR into {what}")
    test_folder = os.path.dirname(os.path.abspath(temp_file))
    for name, cmd, base in (("clang-tidy plugin", plugin_cmd, os.getcwd()),
                            ("pycapi-migrate", cli_cmd, test_folder)):
        if cmd is None:
            continue
        out, fixed, fixed_header = run_tool(name, cmd, temp_file, cleaned, header,
                                            endings=crlf)
        out = absolute_paths(out, base)
        if name == "pycapi-migrate":
            out = with_option_keys(out, option_keys_by_flag(cmd[0]))
        if diagnostic_lines(out) != diagnostic_lines(lf_out):
            fail(f"{name} printed other diagnostics for the CRLF file than for "
                 f"the LF one: {shlex.join(cmd)}",
                 "--- LF (pycapi-migrate) ---\n" + lf_out + "--- CRLF ---\n" + out)
        for got, expected, path in ((fixed, lf_fixed, temp_file),
                                    (fixed_header, lf_header, header and header[1])):
            if got is None or got == crlf(expected):
                continue
            with open(path + ".crlf-expected", "w", newline="") as f:
                f.write(crlf(expected))
            bare = len(re.findall(r"(?<!\r)\n", got))
            fail(f"{name} fixed the CRLF copy of {path} otherwise than the LF "
                 f"one ({bare} lines end in a bare LF): compare {path} with "
                 f"{path}.crlf-expected (the LF run's text with CRLF endings)")


if __name__ == "__main__":
    main()
