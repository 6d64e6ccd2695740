; Inno Setup 6 script: a per-user installer for the PyInstaller folder dist\spot-front-desk\.
; Needs no administrator rights (PrivilegesRequired=lowest): installs under
; %LOCALAPPDATA%\Programs\Spot Front Desk and adds a Start-menu shortcut for this user only.
; IT can still push it per machine: run the installer elevated with /ALLUSERS.
;
; Build (from the repository root, after pyinstaller):
;   iscc /DAppVersion=0.1.0 packaging\windows\spot-front-desk.iss
; Output: dist\spot-front-desk-<version>-setup.exe. Sign it (see packaging/README.md).
; Silent install for software distribution: spot-front-desk-<version>-setup.exe /VERYSILENT
; /SUPPRESSMSGBOXES /NORESTART (add /ALLUSERS for a per-machine install).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\spot-front-desk.iss
#endif

[Setup]
; Never change AppId: upgrades and the uninstaller find the installed copy by it.
AppId={{F2983712-B925-409E-98A9-F4D0858F482E}
AppName=Spot Front Desk
AppVersion={#AppVersion}
AppVerName=Spot Front Desk {#AppVersion}
AppPublisher=Spot Front Desk
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
DefaultDirName={autopf}\Spot Front Desk
DefaultGroupName=Spot Front Desk
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=spot-front-desk-{#AppVersion}-setup
SetupIconFile=resources\icons\spot-front-desk.ico
UninstallDisplayIcon={app}\spot-front-desk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The app must not be running while its files are replaced (it holds the outbox open).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Files]
Source: "dist\spot-front-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version's bundle replaces the old one entirely (stale Qt plugins would still load).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Spot Front Desk"; Filename: "{app}\spot-front-desk.exe"
Name: "{autodesktop}\Spot Front Desk"; Filename: "{app}\spot-front-desk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\spot-front-desk.exe"; Description: "{cm:LaunchProgram,Spot Front Desk}"; Flags: nowait postinstall skipifsilent

; The user's data (outbox, drafts, logs under %LOCALAPPDATA%\spot-front-desk) and the token in
; Credential Manager are deliberately NOT removed on uninstall: queued orders would be lost.
