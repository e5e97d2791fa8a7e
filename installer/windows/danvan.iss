; Per-user Windows installer of Dân vận khéo, for Inno Setup 6.3 or newer.
;
; A team leader installs it WITHOUT an administrator: Setup never asks for elevation,
; puts the program in the user's own Programs folder (%LOCALAPPDATA%\Programs), makes a
; Start-menu shortcut (and, if asked, a desktop one) for this user only, and registers
; its uninstaller under HKEY_CURRENT_USER. This script writes no registry key itself.
; The team's data lives elsewhere (%LOCALAPPDATA%\danvan-desktop, made by the program)
; and is kept by the uninstaller.
;
; Built by installer/build.py on Windows, which passes the defines below:
;   ISCC /DAppVersion=0.1.0 /DNumericVersion=0.1.0.0 /DBundleDir=...\dist\danvan-desktop
;        /DOutputDir=...\dist installer\windows\danvan.iss
; This file and Vietnamese.isl are UTF-8 (with a BOM, which every Inno Setup 6 reads).
; installer/windows/build.ps1 runs the whole Windows release unattended (pinned Inno
; Setup 6.4.1, signing, silent install, self-test, uninstall).
; tests/installer/test_windows_installer.py guards the settings that matter; the steps
; that need a real Windows are in docs/install-windows-checklist.md.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (x64compatible architecture names).
#endif
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef NumericVersion
  #define NumericVersion "0.0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\danvan-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Dân vận khéo"
#define DesktopExe "danvan-desktop.exe"
; The bundle's other top-level items (installer/bundle_contents.py, installer/build.py):
; an upgrade moves these aside before copying the new ones (see [Code]).
#define CliExe "danvan.exe"
#define ContentsDir "_internal"
#define BuildInfo "BUILD-INFO"
#define AsideSuffix ".previous"

[Setup]
; AppId never changes: by it Setup knows an upgrade from a second copy, and Windows
; finds the uninstaller. (The doubled brace is Inno's escape for a literal "{".)
AppId={{6F4B2C1E-8D3A-4E57-9B1C-2A7D5E0F3C84}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Dân vận khéo Desktop
VersionInfoVersion={#NumericVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
; Per user, no administrator. No PrivilegesRequiredOverridesAllowed: offering an
; "install for all users" choice would bring the UAC prompt back.
PrivilegesRequired=lowest
; {userpf} is the user's own Program Files: %LOCALAPPDATA%\Programs on every Windows 10/11.
DefaultDirName={userpf}\DanVanKheo
DisableDirPage=auto
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; Qt 6 runs on 64-bit Windows 10 and 11 only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=DanVanKheo-Setup-{#AppVersion}-win64
SetupIconFile=..\..\resources\icons\danvan-desktop.ico
UninstallDisplayIcon={app}\{#DesktopExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Vietnamese first and preselected whatever the Windows language; the dialog offers English.
ShowLanguageDialog=yes
LanguageDetectionMethod=none
; An upgrade closes a running copy (Restart Manager) instead of failing on locked files.
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
; Inno Setup's Vietnamese translation is unofficial and not installed with it: ours
; (Vietnamese.isl, beside this script) translates every message this installer shows,
; over the English defaults, so a message it lacks still reads in English.
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.AppComment=Mô hình, cuộc họp, công việc và báo cáo của tổ dân vận
en.AppComment=Models, meetings, tasks and reports of a mass-mobilisation team
vi.ElevatedWarning=Chương trình cài đặt đang chạy với quyền quản trị, nhưng việc cài đặt này không cần quyền đó.%n%nNếu bạn vừa nhập mật khẩu của một tài khoản khác, Dân vận khéo sẽ được cài cho tài khoản đó chứ không phải cho bạn. Nên bấm Không, rồi mở lại chương trình cài đặt bằng cách nhấp đúp như bình thường.%n%nVẫn tiếp tục cài đặt?
en.ElevatedWarning=Setup is running with administrator rights, which this installation does not need.%n%nIf you typed the password of another account, Dân vận khéo will be installed for that account, not for you. Choose No, then start Setup again with a plain double-click.%n%nContinue anyway?
vi.PreviousVersionBusy=Không chuyển được bản Dân vận khéo đang có sang một bên để cài bản mới:%n%1%n%nHãy đóng Dân vận khéo (cả cửa sổ dòng lệnh đang chạy danvan.exe), rồi chạy lại chương trình cài đặt. Bản đang có vẫn còn nguyên; dữ liệu của tổ không bị động đến.
en.PreviousVersionBusy=Setup could not move the installed Dân vận khéo aside to install the new version:%n%1%n%nClose Dân vận khéo (and any Command Prompt running danvan.exe), then run Setup again. The installed version is unchanged; the team's data is untouched.

[Messages]
en.ConfirmUninstall=Are you sure you want to completely remove %1 and all of its components? The team's data (the folder AppData\Local\danvan-desktop) is kept.
en.UninstalledAll=%1 was successfully removed from your computer. The team's data is kept in the folder AppData\Local\danvan-desktop.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

; No [InstallDelete]: it runs before the copy and is not undone when Setup is cancelled,
; so deleting the old _internal there left no program after a cancelled upgrade. An
; upgrade moves the old bundle aside instead and deletes it only once the copy has
; succeeded ([Code] below), so no file of the old version lingers either.

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#DesktopExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#DesktopExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#DesktopExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Registry]: the uninstaller removes only what Setup
; installed, never the team's data.

[Code]
// Started with "Run as administrator" (possibly with another account's password),
// Setup would install for that account: say so and let the user stop.
function InitializeSetup(): Boolean;
begin
  Result := True;
  // A silent install answers Yes: deployment scripts know what they are doing.
  if IsAdmin() then
    Result := SuppressibleMsgBox(CustomMessage('ElevatedWarning'), mbConfirmation, MB_YESNO, IDYES) = IDYES;
end;

// ---- An upgrade that can be cancelled ------------------------------------------------
// A cancelled or failed upgrade must leave the previous version as it was. Inno Setup's
// own rollback does not do that: it removes the files that did not exist before, but a
// file that [Files] replaced is NOT restored (its uninstall-log entry is marked
// "existed before install" and the rollback skips it), and [InstallDelete] is not undone.
// So, once the installation starts (after the Restart Manager has closed a running copy),
// the previous version's program items are moved aside (a rename: instant, nothing is
// deleted), the new bundle is copied into a clean place (no old file lingers), the items
// moved aside are deleted only once the installation has succeeded, and they are moved
// back if Setup is cancelled or fails (the rollback has then removed every new file).
// The team's data is elsewhere (%LOCALAPPDATA%\danvan-desktop) and never touched.
var
  AppDir: String;  // {app}, known once the installation starts
  InstallSucceeded: Boolean;

function ProgramItem(const Name: String): String;
begin
  Result := AddBackslash(AppDir) + Name;
end;

// Deletes one program item (a folder with what it holds, or a file).
procedure RemoveItem(const Path: String);
begin
  if DirExists(Path) then
    DelTree(Path, True, True, True)
  else if FileExists(Path) then
    DeleteFile(Path);
end;

// False when the item is there and could not be moved aside (still in use).
function MoveAside(const Name: String): Boolean;
var
  Path: String;
begin
  Result := True;
  Path := ProgramItem(Name);
  if not FileOrDirExists(Path) then
    Exit;
  RemoveItem(Path + '{#AsideSuffix}');  // left over by an earlier attempt
  Result := RenameFile(Path, Path + '{#AsideSuffix}');
  if Result then
    Log('Moved the previous version aside: ' + Path)
  else
    Log('Could not move the previous version aside: ' + Path);
end;

procedure MoveBack(const Name: String);
var
  Path: String;
begin
  Path := ProgramItem(Name);
  if not FileOrDirExists(Path + '{#AsideSuffix}') then
    Exit;
  RemoveItem(Path);  // whatever the cancelled copy left of the new version
  if RenameFile(Path + '{#AsideSuffix}', Path) then
    Log('Restored the previous version: ' + Path)
  else
    Log('Could not restore the previous version: ' + Path);
end;

// '' when every item is aside (or absent), else the item that could not be moved.
function MoveEveryItemAside(): String;
begin
  Result := '';
  if not MoveAside('{#ContentsDir}') then
    Result := '{#ContentsDir}'
  else if not MoveAside('{#DesktopExe}') then
    Result := '{#DesktopExe}'
  else if not MoveAside('{#CliExe}') then
    Result := '{#CliExe}'
  else if not MoveAside('{#BuildInfo}') then
    Result := '{#BuildInfo}';
end;

procedure MoveEveryItemBack();
begin
  MoveBack('{#ContentsDir}');
  MoveBack('{#DesktopExe}');
  MoveBack('{#CliExe}');
  MoveBack('{#BuildInfo}');
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  Busy: String;
begin
  if CurStep = ssInstall then
  begin
    AppDir := ExpandConstant('{app}');
    Busy := MoveEveryItemAside();
    if Busy <> '' then
    begin
      MoveEveryItemBack();
      SuppressibleMsgBox(FmtMessage(CustomMessage('PreviousVersionBusy'), [ProgramItem(Busy)]), mbCriticalError, MB_OK, IDOK);
      // Abort at ssInstall ends Setup before anything is copied.
      Abort;
    end;
  end
  else if CurStep = ssPostInstall then
  begin
    InstallSucceeded := True;
    RemoveItem(ProgramItem('{#ContentsDir}') + '{#AsideSuffix}');
    RemoveItem(ProgramItem('{#DesktopExe}') + '{#AsideSuffix}');
    RemoveItem(ProgramItem('{#CliExe}') + '{#AsideSuffix}');
    RemoveItem(ProgramItem('{#BuildInfo}') + '{#AsideSuffix}');
  end;
end;

// Called last, also after a cancel or a failure (once Inno has rolled its changes back).
procedure DeinitializeSetup();
begin
  if (AppDir <> '') and not InstallSucceeded then
    MoveEveryItemBack();
end;
