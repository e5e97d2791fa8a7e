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

[Messages]
en.ConfirmUninstall=Are you sure you want to completely remove %1 and all of its components? The team's data (the folder AppData\Local\danvan-desktop) is kept.
en.UninstalledAll=%1 was successfully removed from your computer. The team's data is kept in the folder AppData\Local\danvan-desktop.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: a file a newer build dropped must not linger
; (Qt would still load an old plugin left in _internal).
Type: filesandordirs; Name: "{app}\_internal"

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
