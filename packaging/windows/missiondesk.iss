; Inno Setup script: the Windows installer for the PyInstaller one-folder build.
;
;   pyinstaller --noconfirm --distpath build\pyinstaller\dist --workpath build\pyinstaller\work packaging\missiondesk.spec
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\missiondesk.iss
;
; Output: dist\missiondesk-VERSION-windows-x64-setup.exe. Installs for all users (or, if the user chooses, only
; for the current one), with a Start menu entry, the .mdproj file type and an uninstaller. packaging/ci/windows.yml
; runs both steps on a GitHub Windows runner. Paths are relative to this file.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef FrozenDir
  #define FrozenDir "..\..\build\pyinstaller\dist\missiondesk"
#endif

[Setup]
AppId={{6D1E2B7A-3C55-4F0E-9A49-2E8B1B6C4D21}
AppName=MissionDesk
AppVersion={#AppVersion}
AppVerName=MissionDesk {#AppVersion}
AppPublisher=MissionDesk
DefaultDirName={autopf}\MissionDesk
DefaultGroupName=MissionDesk
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=missiondesk-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern
UninstallDisplayIcon={app}\missiondesk.exe
UninstallDisplayName=MissionDesk {#AppVersion}
ChangesAssociations=yes
MinVersion=10.0

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#FrozenDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\MissionDesk"; Filename: "{app}\missiondesk.exe"; Parameters: "gui"; Comment: "Compare missions, troop counts and positions across news articles"
Name: "{autoprograms}\MissionDesk seed corpus"; Filename: "{app}\_internal\seeds"
Name: "{autodesktop}\MissionDesk"; Filename: "{app}\missiondesk.exe"; Parameters: "gui"; Tasks: desktopicon

[Registry]
; The project file type: *.mdproj opens in MissionDesk.
Root: HKA; Subkey: "Software\Classes\.mdproj"; ValueType: string; ValueName: ""; ValueData: "MissionDesk.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.mdproj"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-missiondesk-project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\MissionDesk.Project"; ValueType: string; ValueName: ""; ValueData: "MissionDesk project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\MissionDesk.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\missiondesk.exe,0"
Root: HKA; Subkey: "Software\Classes\MissionDesk.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\missiondesk.exe"" gui ""%1"""

[Run]
Filename: "{app}\missiondesk.exe"; Parameters: "gui"; Description: "{cm:LaunchProgram,MissionDesk}"; Flags: nowait postinstall skipifsilent
