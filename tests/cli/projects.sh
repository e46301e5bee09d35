#!/usr/bin/env bash
# inflint in a WDK repository: the projects that build the INFs give their
# profile (DriverTargetPlatform or an InfVerif mode switch), silenced codes
# (/swCODE, /samples), /wbuild and stamping; .inflint.ini and the command line
# come first, key by key. A fixture repository with a project per platform.
# usage: projects.sh INFLINT
set -u
inflint=$1
source "$(dirname "$0")/lib.sh"
slash_insensitive_paths
samples=$(cd "$(dirname "$0")/../../samples/rules" && pwd)

repo=$tmp/repo
mkdir -p "$repo/.git"
# PROJECT DIR NAME CONFIGS... : a project; each CONFIG is "Configuration|Platform|DriverTargetPlatform|InfVerif options"
project() {
  local dir=$repo/$1 name=$2; shift 2
  mkdir -p "$dir"
  {
    echo '<?xml version="1.0" encoding="utf-8"?>'
    echo '<Project DefaultTargets="Build" ToolsVersion="12.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">'
    echo '  <ItemGroup Label="ProjectConfigurations">'
    local c
    for c in "$@"; do
      IFS='|' read -r conf plat _ _ <<<"$c"
      echo "    <ProjectConfiguration Include=\"$conf|$plat\"><Configuration>$conf</Configuration><Platform>$plat</Platform></ProjectConfiguration>"
    done
    echo '  </ItemGroup>'
    echo '  <Import Project="$(VCTargetsPath)\Microsoft.Cpp.Default.props" />'
    for c in "$@"; do
      IFS='|' read -r conf plat dtp opts <<<"$c"
      echo "  <PropertyGroup Label=\"Configuration\" Condition=\"'\$(Configuration)|\$(Platform)'=='$conf|$plat'\">"
      [ -n "$dtp" ] && echo "    <DriverTargetPlatform>$dtp</DriverTargetPlatform>"
      [ -n "$opts" ] && echo "    <InfVerif_AdditionalOptions>$opts</InfVerif_AdditionalOptions>"
      echo '  </PropertyGroup>'
    done
    echo '  <ItemGroup>'
    echo '    <Inf Exclude="@(Inf)" Include="*.inf;*.inx" />'
    echo '  </ItemGroup>'
    echo '</Project>'
  } >"$dir/$name"
}

project wd wd.vcxproj "Debug|x64|Windows Driver|" "Release|x64|Windows Driver|"
cp "$samples/iso107-bad.inf" "$repo/wd/svc.inf"
sed 's/^\[Strings\]/&\r\nPlatformName = "$ARCH$"/' "$samples/iso107-bad.inf" >"$repo/wd/tmpl.inf"
project uni uni.vcxproj "Debug|x64|Universal|" "Release|ARM64|Universal|"
cp "$samples/iso107-bad.inf" "$repo/uni/svc.inf"
project desk desk.vcxproj "Release|Win32|Desktop|"
cp "$samples/iso107-bad.inf" "$repo/desk/svc.inf"
project samp samp.vcxproj "Debug|x64|Windows Driver|/samples" "Release|x64|Windows Driver|/sw1284 /wbuild 10.0.22000"
cp "$samples/inf020-bad.inf" "$repo/samp/sample.inf"
project mixed mixed.vcxproj "Debug|x64|Universal|" "Release|x64|Windows Driver|"
cp "$samples/iso107-bad.inf" "$repo/mixed/svc.inf"
project nodtp nodtp.vcxproj "Debug|x64||"
cp "$samples/iso107-bad.inf" "$repo/nodtp/svc.inf"
mkdir -p "$repo/stale"
cp "$samples/iso107-bad.inf" "$repo/stale/old.inf"
cd "$tmp"

json_of() { # NAME PATH...: the JSON files[] entry of each linted file in $tmp/out
  expect "$1" "${EXPECT:-1}" "$inflint" -q -f json "${@:2}"
}

# One project per platform: the profile each file was linted with, and where it came from.
EXPECT=1 json_of platforms repo
contains wd-profile out '{"path": "repo/wd/svc.inf", "encoding": "ansi", "profile": "isolation", "project": "repo/wd/wd.vcxproj", "configuration": "Debug|x64;Release|x64"}'
contains uni-profile out '"path": "repo/uni/svc.inf", "encoding": "ansi", "profile": "universal", "project": "repo/uni/uni.vcxproj"'
contains desk-profile out '"path": "repo/desk/svc.inf", "encoding": "ansi", "profile": "whql", "project": "repo/desk/desk.vcxproj", "configuration": "Release|Win32"'
contains stale-default out '{"path": "repo/stale/old.inf", "encoding": "ansi", "profile": "isolation"}'
contains nodtp-default out '"path": "repo/nodtp/svc.inf", "encoding": "ansi", "profile": "isolation", "project": "repo/nodtp/nodtp.vcxproj"'
# Files named one after another from directories whose names are as long: each its own project.
EXPECT=1 json_of same-length-dirs repo/mixed/svc.inf repo/stale/old.inf repo/nodtp/svc.inf
contains same-length-mixed out '"path": "repo/mixed/svc.inf", "encoding": "ansi", "profile": "isolation", "project": "repo/mixed/mixed.vcxproj"'
contains same-length-stale out '{"path": "repo/stale/old.inf", "encoding": "ansi", "profile": "isolation"}'
contains same-length-nodtp out '"path": "repo/nodtp/svc.inf", "encoding": "ansi", "profile": "isolation", "project": "repo/nodtp/nodtp.vcxproj"'
# ISO107 is off in universal, an error under isolation and whql.
expect gcc 1 "$inflint" -q -f gcc repo
contains iso107-wd out 'repo/wd/svc.inf:59:1: error: '
contains iso107-desk out 'repo/desk/svc.inf:59:1: error: '
lacks iso107-uni out 'repo/uni/svc.inf'
# Configurations differ: the strictest (isolation) unless one is chosen.
contains mixed-strictest out 'repo/mixed/svc.inf:59:1: error: '
expect chosen 0 "$inflint" -q -f gcc --configuration 'Debug|x64' repo/mixed
lacks chosen-universal out 'repo/mixed/svc.inf'
expect chosen-unknown 1 "$inflint" -q -f gcc --configuration 'Nope|x64' repo/mixed
contains chosen-unknown-warns err "has no configuration 'Nope|x64'"
# /samples and /sw1284 both silence INF020 (1284); the template .inf is not INF014's.
lacks samples-silenced out 'repo/samp/sample.inf'
lacks template-stamped out 'INF014'
expect no-project 1 "$inflint" -q -f gcc --no-project repo/samp repo/wd/tmpl.inf
contains no-project-inf020 out 'repo/samp/sample.inf:7:1: error: '
contains no-project-inf014 out 'this .inf is taken for a template'
# The command line's switches, as a build script passes them.
expect cli-switches 0 "$inflint" -q -f gcc --no-project --infverif-options '/samples' repo/samp
expect cli-switch-mode 0 "$inflint" -q -f gcc --infverif-options '/u' repo/wd/svc.inf
expect cli-switch-unknown 1 "$inflint" -q -f gcc --infverif-options '/frobnicate' repo/wd/svc.inf
contains cli-switch-unknown-warns err "warning: --infverif-options: unknown InfVerif switch '/frobnicate'"

# Precedence: .inflint.ini beats the project, the command line beats both.
printf '[inflint]\nprofile = isolation\n' >"$repo/uni/.inflint.ini"
expect ini-over-project 1 "$inflint" -q -f gcc repo/uni
contains ini-over-project-iso107 out 'repo/uni/svc.inf:59:1: error: '
expect cli-over-ini 0 "$inflint" -q -f gcc --profile universal repo/uni
printf '[inflint]\ninfverif-options = /u\n' >"$repo/uni/.inflint.ini"
expect ini-switches 0 "$inflint" -q -f gcc repo/wd/../uni
rm "$repo/uni/.inflint.ini"
printf '[rules]\nINF020 = warning\n' >"$repo/samp/.inflint.ini"
expect ini-rule-over-silenced 0 "$inflint" -q -f gcc repo/samp
contains ini-rule-over-silenced-finding out 'repo/samp/sample.inf:7:1: warning: '
rm "$repo/samp/.inflint.ini"

# --verbose: one line per project and INF, and the INFs no project builds.
expect verbose 1 "$inflint" -q -v -f gcc repo
contains verbose-project err 'project repo/mixed/mixed.vcxproj (Debug|x64;Release|x64): repo/mixed/svc.inf as isolation (DriverTargetPlatform '"'"'Windows Driver'"'"' in Release|x64), a stamped template for amd64'
contains verbose-samples err 'InfVerif codes silenced: 1284'
contains verbose-wbuild err '/wbuild 22000'
contains verbose-nodtp err 'repo/nodtp/svc.inf as the default profile (no DriverTargetPlatform)'
contains verbose-stale err 'repo/stale/old.inf: no WDK project builds it'
lacks verbose-stale-only err 'repo/wd/svc.inf: no WDK project'

# A project or a solution named on the command line: its Inf items are what is linted.
expect named-project 1 "$inflint" -q -f gcc repo/wd/wd.vcxproj
contains named-project-svc out 'repo/wd/svc.inf:59:1'
lacks named-project-only out 'repo/uni/'
printf 'Microsoft Visual Studio Solution File, Format Version 12.00\r\nProject("{8BC9CEB8-8B4A-11D0-8D11-00A0C91BC942}") = "desk", "desk\\desk.vcxproj", "{1}"\r\nEndProject\r\nProject("{8BC9CEB8-8B4A-11D0-8D11-00A0C91BC942}") = "samp", "samp\\samp.vcxproj", "{2}"\r\nEndProject\r\n' >"$repo/all.sln"
expect solution 1 "$inflint" -q -f json repo/all.sln
contains solution-desk out '"path": "repo/desk/svc.inf", "encoding": "ansi", "profile": "whql"'
contains solution-samp out '"path": "repo/samp/sample.inf"'
lacks solution-only out 'repo/wd/'

# An Inf item that names a missing file: an error naming the project and line.
project broken broken.vcxproj "Debug|x64|Windows Driver|"
sed -i 's|<Inf Exclude="@(Inf)" Include="\*.inf;\*.inx" />|<Inf Include="gone.inf" />|' "$repo/broken/broken.vcxproj"
expect missing-item 2 "$inflint" -q -f gcc repo/broken/broken.vcxproj
contains missing-item-says err 'repo/broken/gone.inf: no such file, but the Inf item at repo/broken/broken.vcxproj:11 names it'
cp "$samples/iso107-bad.inf" "$repo/broken/other.inf"
expect missing-item-walk 2 "$inflint" -q -f gcc repo/broken
contains missing-item-walk-says err 'broken.vcxproj:11 names it'

# A project file that is not one: a warning, and the INF is linted with the defaults.
mkdir -p "$repo/hostile"
printf '<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<Project><PropertyGroup><DriverTargetPlatform>&b;</DriverTargetPlatform></PropertyGroup></Project>\n' >"$repo/hostile/h.vcxproj"
cp "$samples/iso107-bad.inf" "$repo/hostile/svc.inf"
expect hostile 1 "$inflint" -q -f json repo/hostile
contains hostile-warns err 'repo/hostile/h.vcxproj: not a readable project file (line 2: a document type declaration'
contains hostile-defaults out '{"path": "repo/hostile/svc.inf", "encoding": "ansi", "profile": "isolation"}'

# A directory's projects are picked out of its listing by name, in any letter case, and
# only files: not a directory named like one, nor a name with the extension inside it, nor
# one that is the extension alone (as a project named on the command line is judged).
project upper UPPER.VCXPROJ "Release|Win32|Desktop|"
cp "$samples/iso107-bad.inf" "$repo/upper/svc.inf"
mkdir -p "$repo/upper/sub.vcxproj" "$repo/upper/all.sln"
touch "$repo/upper/UPPER.vcxproj.filters" "$repo/upper/notes.txt"
echo 'not a project' >"$repo/upper/.vcxproj"
expect upper-case 1 "$inflint" -q -v -f json repo/upper
contains upper-case-project out '"path": "repo/upper/svc.inf", "encoding": "ansi", "profile": "whql", "project": "repo/upper/UPPER.VCXPROJ"'
lacks upper-case-no-directory err 'sub.vcxproj'
lacks upper-case-no-filters err 'filters'
lacks upper-case-no-bare-extension err 'upper/.vcxproj'
finish
