# lit configuration of the nplusone-tidy test suite. The build writes
# lit.site.cfg.py with the tool paths; `--param tool=plugin|binary` chooses
# whether tests run the plugin in the host clang-tidy or nplusone-tidy.
import os
import lit.formats

config.name = "nplusone-tidy (LLVM %s, %s)" % (config.llvm_major,
                                               lit_config.params.get("tool", "binary"))
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.nplusone_build_dir, "test-output",
                                     lit_config.params.get("tool", "binary"))

tool = lit_config.params.get("tool", "binary")
if tool == "plugin":
    runner_tool = "--clang-tidy=%s --plugin=%s" % (config.host_clang_tidy,
                                                     config.plugin_path)
    tidy_cmd = "%s --load=%s" % (config.host_clang_tidy, config.plugin_path)
elif tool == "binary":
    runner_tool = "--clang-tidy=%s" % config.nplusone_tidy
    tidy_cmd = config.nplusone_tidy
else:
    lit_config.fatal("unknown --param tool=%s (use plugin or binary)" % tool)

runner = "%s %s %s --filecheck=%s" % (
    config.python, os.path.join(config.test_source_root, "nplusone_check.py"),
    runner_tool, config.filecheck)
inputs = os.path.join(config.test_source_root, "Inputs")

config.substitutions.append(("%check_nplusone", runner))
config.substitutions.append(("%check_whole_program", "%s %s %s --filecheck=%s" % (
    config.python, os.path.join(config.test_source_root,
                                "whole_program_check.py"),
    runner_tool, config.filecheck)))
config.substitutions.append(("%nplusone_tidy", tidy_cmd))
config.substitutions.append(("%nplusone_sql", config.nplusone_sql))
# The same, split for scripts that take the executable and the --load
# option apart (tools/nplusone-run.py, the pre-commit hook).
config.substitutions.append(
    ("%tidy_exe", config.host_clang_tidy if tool == "plugin"
     else config.nplusone_tidy))
config.substitutions.append(
    ("%tidy_load_arg", "--load=" + config.plugin_path if tool == "plugin"
     else ""))
config.substitutions.append(("%clang_cxx", config.clang + " -std=c++17"))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%FileCheck", config.filecheck))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(
    ("%tools", os.path.join(os.path.dirname(config.test_source_root), "tools")))
config.substitutions.append(
    ("%utils", os.path.join(os.path.dirname(config.test_source_root), "utils")))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%host_clang_tidy", config.host_clang_tidy))
config.substitutions.append(("%plugin", config.plugin_path))
config.substitutions.append(("%llvm_major", config.llvm_major))
# Qt's headers live under a multiarch directory.
import glob
for qt in ("qt5", "qt6"):
    found = sorted(glob.glob("/usr/include/*/%s/QtSql" % qt))
    if found:
        config.substitutions.append(("%%%s_include" % qt,
                                     os.path.dirname(found[0])))
others = [o.split(":", 1) for o in config.other_clang_tidies.split(";") if o]
if others:
    config.available_features.add("other-llvm-clang-tidy")
    config.substitutions.append(("%other_clang_tidy", others[0][1]))
    config.substitutions.append(("%other_llvm_major", others[0][0]))
config.available_features.add("llvm%s" % config.llvm_major)
shop_demo = os.path.join(config.nplusone_build_dir, "examples", "shop_demo")
if os.path.exists(shop_demo):
    config.available_features.add("shop-demo")
    config.substitutions.append(("%shop_demo", shop_demo))
# nplusone-clangd exists only in builds against LLVM 15 and newer.
if config.nplusone_clangd and os.path.exists(config.nplusone_clangd):
    config.available_features.add("nplusone-clangd")
    config.substitutions.append(("%nplusone_clangd", config.nplusone_clangd))
# Installing the build (test/install): the paths CMake installs to.
config.substitutions.append(("%build_dir", config.nplusone_build_dir))
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%cpack", config.cpack))
config.substitutions.append(("%installed_plugin_relpath",
                             config.plugin_install_relpath))
import shutil
if shutil.which("dpkg-deb") and shutil.which("dpkg-shlibdeps"):
    config.available_features.add("deb-packaging")
config.available_features.add("tool-" + tool)
# The pre-commit hook's test builds a git repository.
import shutil
if shutil.which("git"):
    config.available_features.add("git")
if config.sanitized == "ON":
    config.available_features.add("sanitized")
# Sanitizer reports fail the test through the tool's exit status.
config.environment["ASAN_OPTIONS"] = "detect_leaks=0:abort_on_error=0"
config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
