# CI on Windows: the PowerShell twin of .ci/run (not wired to a runner yet; see
# packaging/README.md, "Windows CI checklist", for what it proves and its expected first
# failures). Run from any folder on Windows 10/11 or windows-latest with Python 3.12:
#   powershell -ExecutionPolicy Bypass -File .ci\run.ps1
# Steps: the README's test command (Windows paths), then the bundle built from a clean
# virtualenv, checked for WebEngine, its version resource, the console twin's --version and
# --self-test, and the windowed exe's --self-test through start /wait and --report.
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
Set-Location (Join-Path $PSScriptRoot "..")
$start = Get-Date

function Invoke-Checked {
    param([string]$What, [scriptblock]$Command)
    Write-Host "+ $What"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed with exit code $LASTEXITCODE" }
}

function Invoke-Python {
    # The py launcher picks 3.12 even when PATH has another Python first.
    if (Get-Command py -ErrorAction SilentlyContinue) { & py -3.12 @args } else { & python @args }
}

$env:QT_QPA_PLATFORM = "offscreen"
$env:PYTHONUTF8 = "1"  # the console code page is not UTF-8 on a stock Windows

# 1. The README's test command, with Windows paths:
#    python -m venv .venv && .venv\Scripts\pip install -e ".[test]" && .venv\Scripts\python -m pytest
Invoke-Checked "create .venv" { Invoke-Python -m venv .venv }
Invoke-Checked "install the app and its test tools" { .venv\Scripts\pip install -q -e ".[test]" }
Write-Host "+ pytest"
.venv\Scripts\python -m pytest
$status = $LASTEXITCODE
if ($status -eq 5) { throw "pytest collected no tests: failing" }
if ($status -ne 0) { exit $status }
Write-Host ("tests done after {0:N0} s" -f ((Get-Date) - $start).TotalSeconds)

# 2. The Windows bundle, built in a clean virtualenv (PyInstaller copies what the build env has).
$build = Join-Path ([System.IO.Path]::GetTempPath()) ("spot-build-" + [guid]::NewGuid())
Invoke-Checked "create the build venv" { Invoke-Python -m venv "$build\venv" }
Invoke-Checked "install the app and PyInstaller" {
    & "$build\venv\Scripts\pip" install -q . "pyinstaller>=6.10"
}
Invoke-Checked "pyinstaller" {
    & "$build\venv\Scripts\pyinstaller" --noconfirm --log-level WARN `
        --distpath "$build\dist" --workpath "$build\work" packaging\spot-front-desk.spec
}
$bundle = Join-Path $build "dist\spot-front-desk"
$size = (Get-ChildItem $bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB
Write-Host ("bundle size (unpacked): {0:N0} MB" -f $size)
if (Get-ChildItem $bundle -Recurse -Filter "*webengine*") { throw "WebEngine found in the bundle" }

# The version resource (Properties > Details; AppLocker rules and Defender read it).
$version = (& "$build\venv\Scripts\python" -c "from app import __version__; print(__version__)")
$info = (Get-Item "$bundle\spot-front-desk.exe").VersionInfo
if ($info.ProductVersion -ne $version) {
    throw "version resource says '$($info.ProductVersion)', the package '$version'"
}

# The console twin prints and returns the exit code like any console program.
Invoke-Checked "spot-front-desk-cli --version" { & "$bundle\spot-front-desk-cli.exe" --version }
Invoke-Checked "spot-front-desk-cli --self-test" { & "$bundle\spot-front-desk-cli.exe" --self-test }

# The windowed exe: cmd does not wait for it and it has no stdout, hence start /wait + --report.
$report = Join-Path $build "self-test.txt"
$run = Start-Process -FilePath "$bundle\spot-front-desk.exe" -Wait -PassThru `
    -ArgumentList @("--self-test", "--report", "`"$report`"")
Get-Content $report
if ($run.ExitCode -ne 0) { throw "windowed --self-test exited $($run.ExitCode)" }

# 3. The per-user installer, when Inno Setup is on this machine.
$iscc = Get-Command iscc -ErrorAction SilentlyContinue
if ($iscc) {
    New-Item -ItemType Directory -Force dist | Out-Null
    Copy-Item -Recurse -Force $bundle dist\
    Invoke-Checked "iscc" { & $iscc.Source "/DAppVersion=$version" packaging\windows\spot-front-desk.iss }
}
Write-Host ("CI done after {0:N0} s" -f ((Get-Date) - $start).TotalSeconds)
