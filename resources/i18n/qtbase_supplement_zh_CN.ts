<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  Chinese for strings of Qt 6's own dialogs that the qtbase_zh_CN.qm shipped with Qt
  (PySide6-Essentials 6.x) lacks: Qt 6 changed these source texts ("&Look in:",
  "Files of &type:") or moved them to new contexts (QAbstractFileIconProvider), and the
  Chinese catalogue still has only the old ones, so the file dialog showed "Look in",
  "Files of type" and "Folder" in English. Written for dqsa (same licence as dqsa);
  loaded after qtbase_zh_CN by dqsa.ui.i18n. Compiled by python -m dqsa.ui.build_translations.
-->
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Directory not found.</source>
        <translation>找不到文件夹。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Alias</source>
        <comment>OS X Finder</comment>
        <translation>替身</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>快捷方式</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
</TS>
