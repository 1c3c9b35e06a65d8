; NSIS installer for dqsa: per user, no administrator rights.
;
; Built by packaging/build.py on Windows:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DDIST=dist\dqsa -DOUTFILE=dist\dqsa-setup-0.1.0.exe -DICON=build\dqsa.ico packaging\installer.nsi
; Check only (any OS): python packaging/build.py --check-installer
;
; Program files go to %LOCALAPPDATA%\Programs\dqsa. The user's data (center files,
; settings, signing key, backups, logs) lives in %LOCALAPPDATA%\dqsa — a different
; folder, which the uninstaller never touches.
; Portable use (USB stick) needs no installer: copy dist\dqsa and put an empty file
; named "portable" beside dqsa.exe; data then goes to dqsa-data\ beside the program.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef DIST
  !error "pass -DDIST=path\to\dist\dqsa"
!endif
!ifndef OUTFILE
  !define OUTFILE "dqsa-setup-${VERSION}.exe"
!endif

!define APP "dqsa"
!define DISPLAY_NAME "党群服务中心自评"
!define PUBLISHER "dqsa developers"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\dqsa"
!define PROGID "dqsa.CenterFile"
!define DESK_PROGID "dqsa.DeskFile"

Name "${DISPLAY_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\dqsa"
InstallDirRegKey HKCU "Software\dqsa" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
ManifestDPIAware true
BrandingText "dqsa ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${DISPLAY_NAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${DISPLAY_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT License"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\dqsa.exe"
!define MUI_FINISHPAGE_RUN_TEXT "启动 ${DISPLAY_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

; The data folder must never be the install folder: the uninstaller deletes the latter.
Function .onVerifyInstDir
  StrCmp "$INSTDIR" "$LOCALAPPDATA\dqsa" 0 +2
    Abort
FunctionEnd

Section "dqsa" SecMain
  SectionIn RO
  SetShellVarContext current
  ; An update replaces the program files; the old _internal folder would leave stale libraries.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\dqsa" "InstallDir" "$INSTDIR"

  ; Shortcuts
  CreateDirectory "$SMPROGRAMS\${DISPLAY_NAME}"
  CreateShortcut "$SMPROGRAMS\${DISPLAY_NAME}\${DISPLAY_NAME}.lnk" "$INSTDIR\dqsa.exe"
  CreateShortcut "$SMPROGRAMS\${DISPLAY_NAME}\卸载 ${DISPLAY_NAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${DISPLAY_NAME}.lnk" "$INSTDIR\dqsa.exe"

  ; .dqsa files open with the program (per user: HKCU\Software\Classes)
  WriteRegStr HKCU "Software\Classes\.dqsa" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "dqsa 中心文件"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\dqsa.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\dqsa.exe" "%1"'
  ; .dqsd (上级审核台账) files open with the program too, in the desk window
  WriteRegStr HKCU "Software\Classes\.dqsd" "" "${DESK_PROGID}"
  WriteRegStr HKCU "Software\Classes\${DESK_PROGID}" "" "dqsa 上级审核台账"
  WriteRegStr HKCU "Software\Classes\${DESK_PROGID}\DefaultIcon" "" "$INSTDIR\dqsa.exe,0"
  WriteRegStr HKCU "Software\Classes\${DESK_PROGID}\shell\open\command" "" '"$INSTDIR\dqsa.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Apps & features (per user)
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${DISPLAY_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\dqsa.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; Program files only. The user's data, signing key and backups in %LOCALAPPDATA%\dqsa stay.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\dqsa.exe"
  Delete "$INSTDIR\uninstall.exe"
  ; A portable marker or data folder someone put here is left alone; the folder goes if empty.
  RMDir "$INSTDIR"

  Delete "$DESKTOP\${DISPLAY_NAME}.lnk"
  Delete "$SMPROGRAMS\${DISPLAY_NAME}\${DISPLAY_NAME}.lnk"
  Delete "$SMPROGRAMS\${DISPLAY_NAME}\卸载 ${DISPLAY_NAME}.lnk"
  RMDir "$SMPROGRAMS\${DISPLAY_NAME}"

  ReadRegStr $0 HKCU "Software\Classes\.dqsa" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.dqsa"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  ReadRegStr $0 HKCU "Software\Classes\.dqsd" ""
  StrCmp $0 "${DESK_PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.dqsd"
  DeleteRegKey HKCU "Software\Classes\${DESK_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\dqsa"
SectionEnd
