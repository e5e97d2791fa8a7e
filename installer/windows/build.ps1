<#
.SYNOPSIS
    Builds, signs, packs and smoke-tests the Windows release of Dan van kheo, unattended.

.DESCRIPTION
    Run from anywhere on a Windows x64 machine (a hosted GitHub runner:
    .github/workflows/windows-release.yml) with the pinned Python on PATH and npm:

        pwsh -File installer\windows\build.ps1

    1. checks the tools: Python $PythonVersion exactly; PyInstaller and its hooks at the
       pinned versions, installed into a fresh venv (.venv-release) with the project;
       Inno Setup $InnoSetupVersion from the npm package "innosetup" (its archive's
       SHA-256 and its Default.isl's SHA-256 are checked against the values pinned below,
       the same Default.isl as tests/fixtures/inno/Default.isl);
    2. builds the bundle (installer\build.py --no-pack) and checks the version resource
       of both programs (installer\windows\version_info.py, via installer\danvan.spec);
    3. signs both programs when a certificate is given (SIGN_CERT_PFX: the .pfx file's
       path or its content in base64; SIGN_CERT_PASSWORD), else says plainly that the
       release is NOT signed;
    4. compiles the setup (installer\build.py --skip-build, which runs ISCC) and signs it;
    5. unless -SkipInstallTest: installs the setup silently for this user into a
       temporary folder, runs both installed programs' --self-test, installs it a second
       time over itself (the upgrade path: the old bundle is moved aside, then removed),
       makes a store with "danvan demo", uninstalls silently, and checks that the program
       folder is gone and the team's data folder (%LOCALAPPDATA%\danvan-desktop) is kept,
       byte for byte;
    6. writes dist\SHA256SUMS-windows.txt.

    Any failure stops the script with a non-zero exit code. The smoke test refuses to run
    where Dan van kheo is installed or has data already: it never touches a real team's.

.PARAMETER SkipInstallTest
    Build, sign and pack only (for a developer's own machine).
#>
[CmdletBinding()]
param(
    [switch] $SkipInstallTest
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$ProgressPreference = 'SilentlyContinue'

# ---- Pinned tools (tests/installer/test_windows_build.py checks them) ----------------
$PythonVersion = '3.11.9'
$PyInstallerVersion = '6.22.3'
$PyInstallerHooksContribVersion = '2026.10'
$InnoSetupVersion = '6.4.1'
$InnoSetupNpmSha256 = 'fc36b763a729c8964416552d733f4864ac4a4934d0a6569e20c2feb4c29b9684'
$InnoDefaultIslSha256 = '7ee2c288450b40821d84ebd75deebe755a976cc99ddc6979b9369cdb4872d46e'
$TimestampUrl = 'http://timestamp.digicert.com'

# ---- What the release is -----------------------------------------------------------------
$AppId = '{6F4B2C1E-8D3A-4E57-9B1C-2A7D5E0F3C84}_is1'  # danvan.iss's AppId (released)
$Product = "D$([char]0x00E2)n v$([char]0x1EAD)n kh$([char]0x00E9)o"  # ASCII-only script
$Root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
$Dist = Join-Path $Root 'dist'
$Bundle = Join-Path $Dist 'danvan-desktop'
$Tools = Join-Path $Root 'build\windows-tools'
$Venv = Join-Path $Root '.venv-release'
$VenvPython = Join-Path $Venv 'Scripts\python.exe'
$Programs = @('danvan-desktop.exe', 'danvan.exe')

function Write-Step([string] $Text) {
    Write-Host ''
    Write-Host "==> $Text"
}

# Every console program runs through here. PowerShell does not stop when a native
# program fails, even with $ErrorActionPreference = 'Stop', so the exit code is checked
# each time. -Secret hides the arguments (a password) from the log.
function Invoke-Native {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [switch] $Secret
    )
    if ($Secret) { Write-Host "> $FilePath (arguments hidden)" }
    else { Write-Host "> $FilePath $($ArgumentList -join ' ')" }
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "$FilePath failed with exit code $LASTEXITCODE"
    }
}

# Windowed programs (the setup, the uninstaller, danvan-desktop.exe) return at once when
# called directly: Start-Process -Wait waits for them and their children, and the exit
# code is checked here too.
function Invoke-Waited {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [string] $OutputFile = ''
    )
    $quoted = @($ArgumentList | ForEach-Object { if ($_ -match '\s') { "`"$_`"" } else { $_ } })
    Write-Host "> $FilePath $($quoted -join ' ')"
    $options = @{ FilePath = $FilePath; Wait = $true; PassThru = $true; NoNewWindow = $true }
    if ($quoted.Count -gt 0) { $options.ArgumentList = $quoted }
    if ($OutputFile) { $options.RedirectStandardOutput = $OutputFile }
    $process = Start-Process @options
    if ($OutputFile -and (Test-Path $OutputFile)) { Get-Content -Encoding utf8 $OutputFile | Write-Host }
    if ($process.ExitCode -ne 0) {
        throw "$FilePath failed with exit code $($process.ExitCode)"
    }
}

function Get-Sha256([string] $Path) {
    return (Get-FileHash -Algorithm SHA256 -LiteralPath $Path).Hash.ToLowerInvariant()
}

function Get-ProjectVersion {
    $text = Get-Content -Raw -Encoding utf8 (Join-Path $Root 'pyproject.toml')
    if ($text -notmatch '(?m)^version\s*=\s*"([^"]+)"') { throw 'no version in pyproject.toml' }
    return $Matches[1]
}

# The signing certificate as a .pfx file, or $null when none is given.
function Get-SigningCertificate {
    $given = $env:SIGN_CERT_PFX
    if (-not $given) { return $null }
    if (-not $env:SIGN_CERT_PASSWORD) { throw 'SIGN_CERT_PFX is set but SIGN_CERT_PASSWORD is not' }
    if (Test-Path -LiteralPath $given -PathType Leaf) { return (Resolve-Path -LiteralPath $given).Path }
    $pfx = Join-Path $Tools 'signing.pfx'
    [IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($given))
    return $pfx
}

function Find-SignTool {
    $kits = Join-Path ${env:ProgramFiles(x86)} 'Windows Kits\10\bin'
    $found = Get-ChildItem -Path $kits -Filter signtool.exe -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.Directory.Name -eq 'x64' -and $_.Directory.Parent.Name -match '^\d+(\.\d+)+$' } |
        Sort-Object { [version] $_.Directory.Parent.Name } -Descending |
        Select-Object -First 1
    if ($null -eq $found) { throw "signtool.exe not found under $kits (Windows SDK)" }
    return $found.FullName
}

function Invoke-Sign([string] $SignTool, [string] $Pfx, [string] $File) {
    Invoke-Native $SignTool @('sign', '/fd', 'SHA256', '/f', $Pfx, '/p', $env:SIGN_CERT_PASSWORD,
        '/tr', $TimestampUrl, '/td', 'SHA256', '/d', $Product, $File) -Secret
    Invoke-Native $SignTool @('verify', '/pa', $File)
}

function Test-VersionResource([string] $Exe, [string] $Version) {
    $info = (Get-Item -LiteralPath $Exe).VersionInfo
    if ($info.ProductVersion -ne $Version -or $info.ProductName -ne $Product) {
        throw "$Exe carries version '$($info.ProductVersion)' of '$($info.ProductName)', not $Version of $Product"
    }
    Write-Host "version resource: $Exe = $($info.ProductName) $($info.ProductVersion) ($($info.FileVersion))"
}

# ---- 1. Tools ---------------------------------------------------------------------------
Write-Step "Tools: Python $PythonVersion, PyInstaller $PyInstallerVersion, Inno Setup $InnoSetupVersion"
New-Item -ItemType Directory -Force -Path $Tools, $Dist | Out-Null
$found = Invoke-Native python @('-c', 'import platform; print(platform.python_version())')
if ("$found".Trim() -ne $PythonVersion) { throw "Python $PythonVersion is pinned, found $found" }
if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
Invoke-Native python @('-m', 'venv', $Venv)
Invoke-Native $VenvPython @('-m', 'pip', 'install', '--disable-pip-version-check', '--no-input',
    '-e', "$Root[build]", "pyinstaller==$PyInstallerVersion",
    "pyinstaller-hooks-contrib==$PyInstallerHooksContribVersion")

$innoArchive = Join-Path $Tools "innosetup-$InnoSetupVersion.tgz"
if (-not (Test-Path $innoArchive)) {
    Invoke-Native npm @('pack', "innosetup@$InnoSetupVersion", '--pack-destination', $Tools)
}
if ((Get-Sha256 $innoArchive) -ne $InnoSetupNpmSha256) { throw "$innoArchive is not the pinned archive" }
$innoDir = Join-Path $Tools "innosetup-$InnoSetupVersion"
if (Test-Path $innoDir) { Remove-Item -Recurse -Force $innoDir }
New-Item -ItemType Directory -Force -Path $innoDir | Out-Null
# Windows' own tar (bsdtar): Git's GNU tar, first on a runner's PATH, reads C: as a host.
Invoke-Native (Join-Path $env:SystemRoot 'System32\tar.exe') @('-xzf', $innoArchive, '-C', $innoDir)
$iscc = Join-Path $innoDir 'package\bin\ISCC.exe'
if ((Get-Sha256 (Join-Path $innoDir 'package\bin\Default.isl')) -ne $InnoDefaultIslSha256) {
    throw 'Inno Setup Default.isl differs from tests/fixtures/inno/Default.isl'
}
$env:PATH = "$(Split-Path $iscc);$env:PATH"  # build.py finds ISCC on PATH

# ---- 2. Bundle ----------------------------------------------------------------------------
$Version = Get-ProjectVersion
Write-Step "Bundle of $Product $Version"
Invoke-Native $VenvPython @((Join-Path $Root 'installer\build.py'), '--no-pack')
foreach ($program in $Programs) { Test-VersionResource (Join-Path $Bundle $program) $Version }

# ---- 3. Signing the programs --------------------------------------------------------------
$pfx = Get-SigningCertificate
if ($null -eq $pfx) {
    Write-Step 'Signing: SKIPPED, no certificate given (SIGN_CERT_PFX is not set): this release is NOT signed and SmartScreen will warn about its setup'
} else {
    Write-Step 'Signing the programs'
    $signTool = Find-SignTool
    foreach ($program in $Programs) { Invoke-Sign $signTool $pfx (Join-Path $Bundle $program) }
}

# ---- 4. Setup ----------------------------------------------------------------------------
Write-Step 'Compiling the setup (Inno Setup)'
Invoke-Native $VenvPython @((Join-Path $Root 'installer\build.py'), '--skip-build')
$Setup = Join-Path $Dist "DanVanKheo-Setup-$Version-win64.exe"
if (-not (Test-Path $Setup)) { throw "the setup was not made: $Setup" }
if ($null -ne $pfx) { Invoke-Sign $signTool $pfx $Setup }

# ---- 5. Install, self-test, upgrade, uninstall -------------------------------------------
if ($SkipInstallTest) {
    Write-Step 'Install test: SKIPPED (-SkipInstallTest)'
} else {
    $DataDir = Join-Path $env:LOCALAPPDATA 'danvan-desktop'
    $UninstallKey = "HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\$AppId"
    if ((Test-Path $DataDir) -or (Test-Path $UninstallKey)) {
        throw "Dan van kheo is installed or has data on this machine ($DataDir): the install test runs only on a clean machine (or pass -SkipInstallTest)"
    }
    Remove-Item Env:DANVAN_DATA_DIR -ErrorAction SilentlyContinue
    $temp = if ($env:RUNNER_TEMP) { $env:RUNNER_TEMP } else { [IO.Path]::GetTempPath() }
    $Trial = Join-Path $temp "danvan-install-test-$PID"
    $InstallDir = Join-Path $Trial 'DanVanKheo'
    New-Item -ItemType Directory -Force -Path $Trial | Out-Null
    $setupArgs = @('/VERYSILENT', '/SUPPRESSMSGBOXES', '/NORESTART', '/CURRENTUSER', "/DIR=$InstallDir")

    Write-Step "Installing silently into $InstallDir"
    Invoke-Waited $Setup @($setupArgs + "/LOG=$(Join-Path $Trial 'install.log')")
    foreach ($program in $Programs) { Test-VersionResource (Join-Path $InstallDir $program) $Version }
    if (-not (Test-Path $UninstallKey)) { throw "no uninstall entry under $UninstallKey" }

    Write-Step 'Self-test of the installed programs'
    Invoke-Native (Join-Path $InstallDir 'danvan.exe') @('--self-test')
    Invoke-Waited (Join-Path $InstallDir 'danvan-desktop.exe') @('--self-test') -OutputFile (Join-Path $Trial 'desktop-self-test.txt')

    Write-Step 'Installing again over it (the upgrade path)'
    Invoke-Waited $Setup @($setupArgs + "/LOG=$(Join-Path $Trial 'upgrade.log')")
    $leftovers = @(Get-ChildItem -LiteralPath $InstallDir -Filter '*.previous' -Force)
    if ($leftovers.Count -gt 0) { throw "the upgrade left the previous version behind: $($leftovers -join ', ')" }
    Invoke-Native (Join-Path $InstallDir 'danvan.exe') @('--self-test')

    Write-Step "Team data in $DataDir, then uninstall"
    Invoke-Native (Join-Path $InstallDir 'danvan.exe') @('demo')
    Invoke-Native (Join-Path $InstallDir 'danvan.exe') @('check')
    $store = Join-Path $DataDir 'danvan.sqlite3'
    $before = Get-Sha256 $store
    Invoke-Waited (Join-Path $InstallDir 'unins000.exe') @('/VERYSILENT', '/SUPPRESSMSGBOXES', '/NORESTART', "/LOG=$(Join-Path $Trial 'uninstall.log')")
    # The uninstaller removes its own file a moment after it exits.
    $deadline = (Get-Date).AddSeconds(60)
    while ((Test-Path (Join-Path $InstallDir 'unins000.exe')) -and (Get-Date) -lt $deadline) { Start-Sleep -Seconds 1 }
    foreach ($program in $Programs + @('_internal', 'unins000.exe')) {
        if (Test-Path (Join-Path $InstallDir $program)) { throw "the uninstaller left $program in $InstallDir" }
    }
    if (Test-Path $UninstallKey) { throw "the uninstall entry $UninstallKey is still there" }
    if (-not (Test-Path $store) -or (Get-Sha256 $store) -ne $before) {
        throw "the uninstaller did not keep the team's data ($store)"
    }
    Write-Host "kept: $store (SHA-256 $before)"
    Remove-Item -Recurse -Force $DataDir, $Trial  # the machine is left as found
}

# ---- 6. Checksums -----------------------------------------------------------------------
$sums = Join-Path $Dist 'SHA256SUMS-windows.txt'
"$(Get-Sha256 $Setup)  $(Split-Path -Leaf $Setup)" | Set-Content -Encoding ascii $sums
Write-Step "Done: $Setup"
Get-Content $sums | Write-Host
