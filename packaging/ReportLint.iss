; Inno Setup 6 script for ReportLint: a per-user installer (no administrator rights).
; Built by `python packaging/build.py --installer` (Windows), which passes the defines below;
; by hand: ISCC /DAppVersion=0.1.0 /DBundleDir=..\dist\ReportLint packaging\ReportLint.iss
;
; - installs into %LOCALAPPDATA%\Programs\ReportLint, Start-menu entry, optional desktop icon;
; - registers "打开方式 / Open with" for .docx and .txt (Applications\ReportLint.exe and
;   OpenWithProgids) without touching the default program of either type;
; - uninstalls everything it installed; the user's settings and data (%APPDATA%\ReportLint,
;   %LOCALAPPDATA%\ReportLint, HKCU\Software\ReportLint) stay unless the user says yes to removing
;   them (silent uninstall: pass /PURGE to remove them).
; This file is UTF-8 with a byte-order mark (Inno Setup reads the Chinese text correctly then).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric "0.0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\ReportLint"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#ifndef OutputBaseName
  #define OutputBaseName "ReportLint-" + AppVersion + "-win64-setup"
#endif
#define AppExe "ReportLint.exe"
#define ProgId "ReportLint.Document"

; Chinese installer messages: Inno Setup ships ChineseSimplified.isl with its recent releases; older
; ones don't (it was an unofficial translation). A copy placed next to this script is used too.
; Without either, the Chinese entry uses the English standard messages with our Chinese custom ones.
#define InnoChinese AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
#if FileExists(InnoChinese)
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseMessages "ChineseSimplified.isl"
#else
  #define ChineseMessages ""
#endif

[Setup]
AppId={{E36B802B-D9DE-4428-A23E-55F442E438D4}
AppName=ReportLint
AppVersion={#AppVersion}
AppVerName=ReportLint {#AppVersion}
AppPublisher=ReportLint
AppComments=公文结构校对
VersionInfoVersion={#AppVersionNumeric}
VersionInfoDescription=ReportLint 公文结构校对 安装程序
VersionInfoProductName=ReportLint
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\ReportLint
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseName}
SetupIconFile=..\resources\icons\reportlint.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=ReportLint 公文结构校对
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ChangesAssociations=yes
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
#if ChineseMessages != ""
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"
#else
Name: "chinesesimplified"; MessagesFile: "compiler:Default.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

#if ChineseMessages == ""
[LangOptions]
; English standard messages, but picked for Chinese Windows and named in Chinese.
chinesesimplified.LanguageName=简体中文
chinesesimplified.LanguageID=$0804
#endif

[CustomMessages]
chinesesimplified.AppDescription=ReportLint 公文结构校对
english.AppDescription=ReportLint report structure checker
chinesesimplified.DesktopIcon=创建桌面快捷方式
english.DesktopIcon=Create a &desktop shortcut
chinesesimplified.LaunchApp=启动 ReportLint
english.LaunchApp=Start ReportLint
chinesesimplified.RemoveUserData=ReportLint 已卸载。%n%n是否同时删除您的设置和数据（最近文件、恢复副本、日志、缓存）？%n%n%1%n%2%n%n选择“否”将保留它们，重新安装后继续使用。
english.RemoveUserData=ReportLint has been uninstalled.%n%nAlso remove your settings and data (recent files, recovery copies, logs, caches)?%n%n%1%n%2%n%nChoose No to keep them for a later reinstall.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole runtime folder: no stale library from an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\ReportLint"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppDescription}"
Name: "{autodesktop}\ReportLint"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppDescription}"; Tasks: desktopicon

[Registry]
; "Open with": the application's own registration, listed for the types it supports...
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{cm:AppDescription}"
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\DefaultIcon"; ValueType: string; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
; ...and a ProgID offered in each type's OpenWithProgids. The types' default program is not touched.
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueData: "{cm:AppDescription}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
; Win+R "ReportLint" starts the editor.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\App Paths\{#AppExe}"; ValueType: string; ValueData: "{app}\{#AppExe}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\App Paths\{#AppExe}"; ValueType: string; ValueName: "Path"; ValueData: "{app}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Code]
function HasParam(const Name: String): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), Name) = 0 then
    begin
      Result := True;
      Exit;
    end;
end;

{ After the files are gone: the user's settings and data stay unless the user asks to remove them. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Settings, Data: String;
  Remove: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Settings := ExpandConstant('{userappdata}\ReportLint');
  Data := ExpandConstant('{localappdata}\ReportLint');
  if not (DirExists(Settings) or DirExists(Data) or RegKeyExists(HKCU, 'Software\ReportLint')) then
    Exit;
  if UninstallSilent then
    Remove := HasParam('/PURGE')
  else
    Remove := MsgBox(FmtMessage(CustomMessage('RemoveUserData'), [Settings, Data]),
                     mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  if Remove then
  begin
    DelTree(Settings, True, True, True);
    DelTree(Data, True, True, True);
    RegDeleteKeyIncludingSubkeys(HKCU, 'Software\ReportLint');  { QSettings' native store on Windows }
  end;
end;
