<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="141"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="141"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="145"/>
        <location filename="../../dqsa/ui/desk/review.py" line="39"/>
        <source>符合</source>
        <extracomment>The tree&apos;s columns. A checklist&apos;s words (the store&apos;s codes → what the reviewer reads).</extracomment>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="145"/>
        <location filename="../../dqsa/ui/review.py" line="327"/>
        <location filename="../../dqsa/ui/desk/review.py" line="39"/>
        <source>不符合</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="145"/>
        <location filename="../../dqsa/ui/desk/review.py" line="39"/>
        <location filename="../../dqsa/ui/desk/review.py" line="254"/>
        <location filename="../../dqsa/ui/desk/review.py" line="261"/>
        <location filename="../../dqsa/ui/desk/viewers.py" line="307"/>
        <location filename="../../dqsa/ui/desk/viewers.py" line="308"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="190"/>
        <source>例如 230</source>
        <translation>e.g. 230</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="190"/>
        <source>例如 230 或 230.5</source>
        <translation>e.g. 230 or 230.5</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="237"/>
        <source>请输入整数，{0}</source>
        <translation>Please enter a whole number, {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="237"/>
        <source>请输入数字，{0}</source>
        <translation>Please enter a number, {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="239"/>
        <location filename="../../dqsa/ui/desk/review.py" line="435"/>
        <location filename="../../dqsa/ui/desk/review.py" line="440"/>
        <source>（未保存）</source>
        <translation> (not saved)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="241"/>
        <source>（未保存；保存的仍是 {0}）</source>
        <translation> (not saved; the file still holds {0})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/first_run.py" line="64"/>
        <source>请填写中心名称。</source>
        <extracomment>The fields the message shown is about: correcting one of them clears it.</extracomment>
        <translation>Please enter the center name.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/first_run.py" line="68"/>
        <source>请选择中心级别（面积、人员等条目按级别计分）。</source>
        <translation>Please choose the level of the center (area, staff and other items are scored by level).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/first_run.py" line="92"/>
        <source>依据：{0}。这是编制说明，不是正式发布的标准，结果仅供对照。</source>
        <translation>Based on: {0}. This is an explanatory note, not a published standard; results are for reference only.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="86"/>
        <source>正在打开中心文件…</source>
        <extracomment>A figure still being scored. The list was drawn; True when every year&apos;s figures are on screen (none &quot;…&quot;).</extracomment>
        <translation>Opening the center file…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="167"/>
        <source>尚未填写中心概况</source>
        <translation>Center profile not filled in yet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="168"/>
        <source>请点“新建年度自评”，先填写中心名称、级别和评分标准。</source>
        <translation>Click “New self-assessment” and first enter the center’s name, level and criteria.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="129"/>
        <location filename="../../dqsa/ui/desk/receiving.py" line="188"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="95"/>
        <source>没有打开中心文件</source>
        <translation>No center file is open</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="96"/>
        <source>请用“文件 → 打开中心文件”选择一个文件。</source>
        <translation>Choose a file with “File → Open center file”.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="130"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="132"/>
        <location filename="../../dqsa/ui/desk/table.py" line="107"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="133"/>
        <source>上级审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="134"/>
        <source>签署日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="135"/>
        <source>最后修改</source>
        <translation>Last modified</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="174"/>
        <location filename="../../dqsa/ui/desk/overview.py" line="122"/>
        <location filename="../../dqsa/ui/desk/review.py" line="161"/>
        <source>只读：</source>
        <translation>Read-only: </translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="185"/>
        <source>至少有两个年度的自评才能对比</source>
        <translation>Comparing needs self-assessments of at least two years</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="186"/>
        <source>文件以只读方式打开</source>
        <translation>The file is open read-only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="230"/>
        <source>审核：{0}</source>
        <extracomment>The status column; a year changed after it was sent is drawn in this colour (status and total). The review column&apos;s colours: passed green, returned amber, a problem red (pending in the default ink).</extracomment>
        <translation>Review: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="256"/>
        <source>{0}（已报送 {1}）</source>
        <translation>{0} (sent {1})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="270"/>
        <source>报送：{0}，{1}</source>
        <translation>Sent: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="270"/>
        <location filename="../../dqsa/ui/sent_banner.py" line="59"/>
        <location filename="../../dqsa/ui/sent_banner.py" line="215"/>
        <source>（未记录）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="273"/>
        <source>报送时：{0}；合计 {1}</source>
        <translation>When sent: {0}; total {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="275"/>
        <source>本年度由本程序以前的版本签署，没有保存报送时的内容和数字。</source>
        <translation>This year was signed by an earlier version of this program; the content and figures as sent were not kept.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="286"/>
        <source>已报送，还没有导入上级返回的审核结果（文件 → 导入审核结果）。</source>
        <translation>Sent; no review result from the level above imported yet (File → Import review result).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="290"/>
        <source>本年度重新报送后还没有新的审核结果；上次的审核结果：{0}。</source>
        <translation>Sent again since the last review result, which was: {0}. No new result yet.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="295"/>
        <source>审核单位：{0}；审核人：{1}，{2}</source>
        <translation>Reviewed by: {0}; reviewer: {1}, {2}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="298"/>
        <source>自评符合 {0} 项，复核后符合 {1} 项</source>
        <translation>{0} items met by the self-assessment, {1} after review</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="301"/>
        <source>自评 {0} 分，复核得分 {1} 分</source>
        <translation>Self-assessed {0} points, reviewed {1} points</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="303"/>
        <location filename="../../dqsa/ui/review.py" line="496"/>
        <location filename="../../dqsa/ui/review.py" line="537"/>
        <source>审核意见：{0}</source>
        <translation>Reviewer&apos;s comment: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/app.py" line="58"/>
        <location filename="../../dqsa/ui/main_window.py" line="94"/>
        <location filename="../../dqsa/ui/main_window.py" line="499"/>
        <source>党群服务中心自评</source>
        <translation>Party-mass service center self-assessment</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="117"/>
        <location filename="../../dqsa/ui/desk/window.py" line="174"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="118"/>
        <location filename="../../dqsa/ui/desk/window.py" line="175"/>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="119"/>
        <source>新建中心文件(&amp;N)…</source>
        <translation>&amp;New center file…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="120"/>
        <source>新建上级审核台账(&amp;D)…</source>
        <translation>New review &amp;desk…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="121"/>
        <location filename="../../dqsa/ui/desk/window.py" line="179"/>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="122"/>
        <source>导入审核结果(&amp;T)…</source>
        <translation>Import review resul&amp;t…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="123"/>
        <source>备份与恢复(&amp;B)…</source>
        <translation>&amp;Backup and restore…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="126"/>
        <source>备份签署身份(&amp;K)…</source>
        <translation>Bac&amp;k up signing identity…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="127"/>
        <source>恢复签署身份(&amp;I)…</source>
        <translation>Restore signing &amp;identity…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="129"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="131"/>
        <location filename="../../dqsa/ui/desk/window.py" line="194"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="133"/>
        <location filename="../../dqsa/ui/desk/window.py" line="196"/>
        <source>用户指南(&amp;G)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="135"/>
        <location filename="../../dqsa/ui/desk/window.py" line="198"/>
        <source>校验材料包(&amp;V)…</source>
        <translation>&amp;Verify a packet…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="136"/>
        <source>打开示例中心(&amp;E)</source>
        <translation>Open &amp;example center</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="137"/>
        <source>打开示例审核台账(&amp;S)</source>
        <translation>Open the &amp;sample review desk</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="138"/>
        <location filename="../../dqsa/ui/desk/window.py" line="200"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="143"/>
        <location filename="../../dqsa/ui/desk/window.py" line="204"/>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/text_size_menu.py" line="21"/>
        <source>正常</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/text_size_menu.py" line="21"/>
        <source>较大</source>
        <translation>larger</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/text_size_menu.py" line="21"/>
        <source>很大</source>
        <translation>largest</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/text_size_menu.py" line="23"/>
        <source>文字{0}（{1}%）(&amp;{2})</source>
        <translation>Text {0} ({1}%) (&amp;{2})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/text_size_menu.py" line="32"/>
        <source>放大文字(&amp;I)</source>
        <translation>&amp;Increase text size</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/text_size_menu.py" line="33"/>
        <source>缩小文字(&amp;O)</source>
        <translation>Decrease text size (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="169"/>
        <location filename="../../dqsa/ui/desk/window.py" line="126"/>
        <source>（示例，修改不会影响您的文件）</source>
        <translation> (example; changes will not affect your files)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="206"/>
        <location filename="../../dqsa/ui/desk/opening.py" line="90"/>
        <location filename="../../dqsa/ui/desk/window.py" line="142"/>
        <location filename="../../dqsa/ui/desk/window.py" line="153"/>
        <source>无法打开文件</source>
        <translation>Cannot open file</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="210"/>
        <location filename="../../dqsa/ui/desk/window.py" line="146"/>
        <source>打开最近的备份（副本）</source>
        <translation>Open latest backup (as a copy)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="222"/>
        <location filename="../../dqsa/ui/desk/window.py" line="169"/>
        <source>已打开备份</source>
        <translation>Backup opened</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="222"/>
        <location filename="../../dqsa/ui/desk/window.py" line="169"/>
        <source>已把备份复制为：
{0}
请核对内容后继续使用。</source>
        <translation>The backup was copied to:
{0}
Please check its contents before you continue.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="230"/>
        <location filename="../../dqsa/ui/desk/window.py" line="248"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="353"/>
        <location filename="../../dqsa/ui/desk/window.py" line="446"/>
        <source>找不到用户指南文件（安装不完整？请重新安装程序）：docs/用户指南.md</source>
        <translation>The user guide was not found (incomplete installation? please reinstall the program): docs/用户指南.md</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="398"/>
        <source>
本年度已签署报送：文件中保存的报送内容也会一起删除。</source>
        <translation>
This year was signed and sent: the copy of what was sent, kept in the file, is deleted as well.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/app.py" line="161"/>
        <source>打开中心文件</source>
        <translation>Open center file</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="251"/>
        <source>新建中心文件</source>
        <translation>New center file</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="258"/>
        <location filename="../../dqsa/ui/desk/opening.py" line="124"/>
        <source>文件已存在</source>
        <translation>File already exists</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="258"/>
        <location filename="../../dqsa/ui/desk/opening.py" line="124"/>
        <source>这个文件已经存在，请换一个名称，或用“打开”。</source>
        <translation>This file already exists. Choose another name, or use &quot;Open&quot;.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="295"/>
        <source>无法新建</source>
        <translation>Cannot create</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/help_window.py" line="26"/>
        <location filename="../../dqsa/ui/main_window.py" line="353"/>
        <location filename="../../dqsa/ui/desk/window.py" line="446"/>
        <source>用户指南</source>
        <extracomment>Widest a picture of the guide is shown (the screenshots are 1000 px wide).</extracomment>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="401"/>
        <source>删除年度自评</source>
        <translation>Delete self-assessment</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="402"/>
        <source>确定删除 {0} 年度的自评吗？
删除前会自动备份，需要时可从“文件 → 备份与恢复”找回。</source>
        <translation>Delete the {0} self-assessment?
A backup is made automatically first; if needed, you can get it back from &quot;File → Backup and restore&quot;.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="414"/>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="418"/>
        <source>已删除 {0} 年度自评，删除前的备份：{1}</source>
        <translation>Deleted the {0} self-assessment. Backup made before deleting: {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="445"/>
        <source>文件以只读方式打开，签署身份的变化没有记入中心文件。</source>
        <translation>The file is open read-only; the change of signing identity was not recorded in the center file.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="450"/>
        <source>签署身份</source>
        <translation>Signing identity</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="467"/>
        <location filename="../../dqsa/ui/desk/backups.py" line="24"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="470"/>
        <source>自动备份（最新的在最上面）。恢复前会先备份当前内容，恢复后可以再改回来。</source>
        <translation>Automatic backups (newest first). The current contents are backed up before a restore, so you can switch back afterwards.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="480"/>
        <location filename="../../dqsa/ui/desk/backups.py" line="43"/>
        <source>从所选备份恢复(&amp;R)</source>
        <translation>&amp;Restore from selected backup</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="501"/>
        <location filename="../../dqsa/ui/main_window.py" line="504"/>
        <location filename="../../dqsa/ui/desk/backups.py" line="60"/>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="508"/>
        <location filename="../../dqsa/ui/desk/backups.py" line="64"/>
        <source>已从备份恢复：{0}</source>
        <translation>Restored from backup: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="514"/>
        <location filename="../../dqsa/ui/desk/overview.py" line="403"/>
        <source>{0}（版本 {1}）</source>
        <translation>{0} (version {1})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="518"/>
        <location filename="../../dqsa/ui/desk/window.py" line="473"/>
        <source>关于 dqsa</source>
        <translation>About dqsa</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="520"/>
        <source>&lt;b&gt;党群服务中心自评 dqsa {0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;评分标准包：&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;数据文件：{2}&lt;br&gt;日志文件：{3}</source>
        <translation>&lt;b&gt;Party-mass service center self-assessment (dqsa) {0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;Criteria packs:&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Data file: {2}&lt;br&gt;Log file: {3}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="529"/>
        <location filename="../../dqsa/ui/desk/window.py" line="480"/>
        <source>已保存 {0}</source>
        <translation>Saved at {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="533"/>
        <location filename="../../dqsa/ui/desk/window.py" line="484"/>
        <source>未能保存，修改仍在窗口中</source>
        <translation>Not saved; your changes are still in the window</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="541"/>
        <source>正在完成导出或照片添加，完成后自动关闭…</source>
        <translation>Finishing the export or the photos being added; the window closes when done…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="550"/>
        <location filename="../../dqsa/ui/desk/window.py" line="509"/>
        <source>有修改未能保存</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="551"/>
        <source>有 {0} 处修改因磁盘问题未能保存。仍要退出吗？（已保存的内容不受影响）</source>
        <translation>{0} change(s) could not be saved because of a disk problem. Quit anyway? (Content already saved is not affected.)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="52"/>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="52"/>
        <source>人工</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="52"/>
        <source>更正</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="71"/>
        <source>得分 {0} / {1}</source>
        <extracomment>A page title&apos;s size, relative to the text around it (it grows with the text size setting).</extracomment>
        <translation>Score {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="83"/>
        <source>（{0} 分）</source>
        <translation> ({0} pts)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="154"/>
        <source>其他情况</source>
        <translation>Other facts</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="171"/>
        <source>评分：</source>
        <translation>Score:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="172"/>
        <location filename="../../dqsa/ui/review_import.py" line="179"/>
        <source>分</source>
        <translation>pts</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="173"/>
        <source>0–{0}，步长 {1}</source>
        <translation>0–{0}, in steps of {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="174"/>
        <source>例如 {0} 或 {1}</source>
        <translation>e.g. {0} or {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="243"/>
        <source>{0}：根据“{1}”和“{2}”自动计算</source>
        <translation>{0}: computed from “{1}” and “{2}”</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="247"/>
        <source>{0}：自动计算</source>
        <translation>{0}: computed by the program</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="248"/>
        <source>{0}：根据“{1}”页的{2}自动计算</source>
        <translation>{0}: computed from the {2} on the “{1}” page</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="463"/>
        <source>第 {0} 行{1}：</source>
        <extracomment>The roster&apos;s columns, by the answers&apos; field names (dqsa-answers/1&apos;s staff entries).</extracomment>
        <translation>Row {0} {1}: </translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="499"/>
        <source>{0}（新建后不可更改）</source>
        <translation>{0} (cannot be changed once created)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="500"/>
        <source>标准包 {0}，版本 {1}</source>
        <translation>Criteria pack {0}, version {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="180"/>
        <source>核查结果：</source>
        <translation>Check result:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="158"/>
        <source>{0}（{1}的打勾）：</source>
        <translation>{0} (tick those that are “{1}”):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="189"/>
        <source>已经具备的（有就打勾）：</source>
        <translation>Present (tick what you have):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="200"/>
        <source>说明：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="200"/>
        <source>评分依据、现场情况等（可不填）</source>
        <translation>Basis for the score, on-site findings, etc. (optional)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="229"/>
        <source>整数，不小于 {0}</source>
        <translation>Whole number, at least {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="229"/>
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="264"/>
        <source>面积</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="264"/>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="336"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="336"/>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="336"/>
        <source>专职</source>
        <translation>Full-time</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="336"/>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="336"/>
        <source>受过培训</source>
        <translation>Trained</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="336"/>
        <source>电话（可不填）</source>
        <translation>Phone (optional)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="62"/>
        <source>{0}：符合 {1}/{2} 项</source>
        <translation>{0}: {1}/{2} items met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="67"/>
        <source>合计：{0}%</source>
        <translation>Total: {0}%</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="69"/>
        <source>合计：{0} / {1}</source>
        <translation>Total: {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="70"/>
        <source>未填写 {0} 项</source>
        <translation>Unanswered: {0} items</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="253"/>
        <location filename="../../dqsa/ui/review.py" line="46"/>
        <location filename="../../dqsa/ui/review.py" line="89"/>
        <source>{0} 项</source>
        <extracomment>Rows of the list that the panel under it never takes (it scrolls its text instead). The tree&apos;s columns. The level above&apos;s score, shown right after the self score when the year has a review result.</extracomment>
        <translation>{0} items</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="92"/>
        <source>每年重新填写、本年度还没有填写的 {0} 项</source>
        <translation>{0} answers asked every year and not filled in for this year yet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="104"/>
        <source>点击页面名称转到该页填写：</source>
        <translation>Click a page&apos;s name to go there:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="145"/>
        <source>复核得分</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="258"/>
        <location filename="../../dqsa/ui/desk/review.py" line="234"/>
        <source>第{0}项&#x3000;{1}</source>
        <translation>Item {0}  {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="287"/>
        <source>同自评</source>
        <translation>as self</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="289"/>
        <source>审核人沿用了中心的自评</source>
        <translation>The reviewer kept the center&apos;s own score</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="296"/>
        <location filename="../../dqsa/ui/review.py" line="399"/>
        <source>（未写理由）</source>
        <translation>(no reason given)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="297"/>
        <source>复核得分 {0}，理由：{1}</source>
        <translation>Reviewed score {0}, reason: {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="298"/>
        <source>复核理由：{0}｜{1}</source>
        <translation>Review reason: {0} | {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="300"/>
        <source>复核得分 {0}，理由：{1}
自评：{2}</source>
        <translation>Reviewed score {0}, reason: {1}
Self-assessment: {2}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="327"/>
        <source>未得满分</source>
        <translation>Below full marks:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="329"/>
        <source>{0}。</source>
        <translation>{0}.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="331"/>
        <source>{0}。{1} {2} 项，改进措施都已填写。</source>
        <translation>{0}. {1} {2} items, all with an improvement measure.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="333"/>
        <source>{0}。{1} {2} 项，已填写改进措施 {3} 项，还缺 {4} 项（在下方列表的“改进措施”一列标为“待填写”）。</source>
        <translation>{0}. {1} {2} items, {3} with an improvement measure, {4} still missing (marked “to write” in the Measures column below).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="370"/>
        <source>在上面的列表中选择一个条目（方向键），查看依据、更正得分或填写改进措施。</source>
        <translation>Select an item in the list above (arrow keys) to see its basis, override its score or enter a corrective action.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="391"/>
        <source>更正结果（符合/不符合）：</source>
        <translation>Override result (met/not_met):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="391"/>
        <source>更正得分(&amp;G)：</source>
        <translation>Override &amp;score:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="398"/>
        <source>复核得分：{0}&#x3000;理由：{1}</source>
        <translation>Reviewed score: {0}  Reason: {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="419"/>
        <source>请填写“符合”“不符合”或“不适用”</source>
        <translation>Type “met”, “not met” or “n/a”</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="428"/>
        <source>请填写更正后的得分（数字）</source>
        <translation>Enter the override score (a number)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="488"/>
        <source>&lt;b&gt;上级审核：{0}&lt;/b&gt;（{1}，{2}）；{3}</source>
        <translation>&lt;b&gt;Review by the level above: {0}&lt;/b&gt; ({1}, {2}); {3}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="502"/>
        <source>审核结果针对的是 {0} 报送的版本；之后本年度又修改或重新报送过，这里的自评得分是现在的。</source>
        <translation>The review result is about the version sent on {0}; the year was changed or sent again since, and the self scores shown here are the current ones.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="511"/>
        <source>复核后符合 {0} 项（自评符合 {1} 项，适用 {2} 项）</source>
        <translation>{0} items met after review ({1} met by the self-assessment, {2} applicable)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="513"/>
        <source>复核得分合计 {0}（自评 {1}，满分 {2}）</source>
        <translation>reviewed total {0} (self-assessed {1}, out of {2})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="530"/>
        <location filename="../../dqsa/ui/review_import.py" line="184"/>
        <source>审核单位：{0}</source>
        <translation>Reviewed by: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="531"/>
        <location filename="../../dqsa/ui/review_import.py" line="185"/>
        <source>审核人：{0}（{1}），{2}</source>
        <translation>Reviewer: {0} ({1}), {2}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="549"/>
        <source>已填写</source>
        <translation>written</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="551"/>
        <source>待填写</source>
        <translation>to write</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="57"/>
        <source>&lt;b&gt;{0} 年度自评&lt;/b&gt;&lt;br&gt;{1}</source>
        <extracomment>What a person edits with; a read-only wizard disables these (labels, lists and trees stay usable).</extracomment>
        <translation>&lt;b&gt;{0} self-assessment&lt;/b&gt;&lt;br&gt;{1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="104"/>
        <location filename="../../dqsa/ui/wizard.py" line="106"/>
        <source>评分总览</source>
        <translation>Score review</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="538"/>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="121"/>
        <source>签署人姓名(&amp;S)：</source>
        <translation>&amp;Signer&apos;s name:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="122"/>
        <source>签署人职务(&amp;T)：</source>
        <translation>Signer&apos;s &amp;title:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="123"/>
        <location filename="../../dqsa/ui/identity.py" line="115"/>
        <location filename="../../dqsa/ui/identity.py" line="208"/>
        <source>签署口令(&amp;P)：</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="153"/>
        <source>签署并导出材料包(&amp;E)</source>
        <translation>Sign and &amp;export the packet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="159"/>
        <location filename="../../dqsa/ui/desk/returning.py" line="422"/>
        <source>打开所在文件夹(&amp;O)</source>
        <translation>&amp;Open the folder</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="276"/>
        <source>将新建签署身份：请设定新的口令，输入两遍。上级会看到新的证书指纹，请告知上级。</source>
        <translation>A new signing identity will be created: set a new passphrase and enter it twice. The level above will see a new certificate fingerprint; please tell them.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="279"/>
        <source>本中心已有签署身份，请输入当初设定的口令。</source>
        <translation>This center already has a signing identity: enter the passphrase chosen then.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="181"/>
        <source>还有 {0} 项未填写（记 0 分）：{1}</source>
        <translation>{0} items are unanswered (scored 0): {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="187"/>
        <source>所有条目都已填写。</source>
        <translation>Every item is answered.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="283"/>
        <source>没有备份：新建签署身份(&amp;G)（证书指纹会改变，请告知上级）</source>
        <translation>No backup: &amp;generate a new signing identity (the certificate fingerprint changes; tell the level above)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="298"/>
        <source>材料包保存到</source>
        <translation>Save the packet to</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="58"/>
        <source>签署口令相当于本中心电子印章的密码：每次签署导出都要输入。口令不保存在电脑里，程序和任何人都无法替您找回；忘记了只能新建签署身份，上级需要重新核对证书指纹。请把口令记在本子上，和公章一样妥善保管。</source>
        <extracomment>Items named in full in a message; more are counted (&quot;…等 21 项&quot;).</extracomment>
        <translation>The signing passphrase is the password of the center’s electronic seal: it is asked for at every signed export. It is not stored on the computer and nobody, not even the program, can recover it; if it is forgotten, a new signing identity must be created and the level above must check the new certificate fingerprint. Write it down and keep it as safely as the official seal.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="68"/>
        <source> 等 {0} 项</source>
        <translation> and others, {0} items in all</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="96"/>
        <source>导出的材料包是一个 zip 文件，内含签署过的 PDF 报告、Excel 自评表、答卷和照片等证明材料，可以直接用电子邮件报送上级，也可以拷在 U 盘上送去。</source>
        <translation>The packet is a zip file holding the signed PDF report, the Excel self-assessment, the answers and the evidence such as photos; send it to the level above by e-mail or bring it on a USB stick.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="115"/>
        <location filename="../../dqsa/ui/desk/returning.py" line="149"/>
        <source>第一次设定口令，请再输入一遍确认</source>
        <translation>A new passphrase: type it once more to confirm</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="117"/>
        <location filename="../../dqsa/ui/desk/returning.py" line="151"/>
        <source>选择(&amp;C)…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="124"/>
        <location filename="../../dqsa/ui/desk/returning.py" line="155"/>
        <source>再次输入口令(&amp;A)：</source>
        <translation>P&amp;assphrase again:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="127"/>
        <location filename="../../dqsa/ui/desk/returning.py" line="157"/>
        <source>保存到(&amp;D)：</source>
        <translation>Save to fol&amp;der:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="134"/>
        <location filename="../../dqsa/ui/export_page.py" line="285"/>
        <source>忘记了口令，新建签署身份(&amp;G)（证书指纹会改变，请告知上级）</source>
        <translation>Passphrase forgotten: create a new si&amp;gning identity (the certificate fingerprint changes; tell the level above)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="143"/>
        <source>去填写改进措施(&amp;M)</source>
        <translation>Write the &amp;measures</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="201"/>
        <source>文件以只读方式打开，不能签署导出：签署导出要在中心文件中记下报送的内容。</source>
        <translation>The file is open read-only and cannot sign and export: signing records what was sent in the center file.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="211"/>
        <source>本年度已于 {0} 签署报送，内容没有改过。需要时可以再次签署导出（例如材料包丢失）：新材料包内容相同、签署时间不同，上级以最后收到的为准。</source>
        <translation>This year was signed and sent on {0} and has not changed since. You can sign and export again if needed (for example if the packet was lost): the new packet has the same content and a different signing time; the level above goes by the last one received.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="218"/>
        <source>本年度报送后改过：签署导出新的材料包并报送上级后，上级收到的才与这里一致。</source>
        <translation>This year was changed after it was sent: only after you sign, export and send a new packet will the level above hold what is here.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="261"/>
        <source>这台电脑上找不到本中心的签署私钥（换了电脑、重装了系统，或文件被删除）。本中心以前用证书指纹 {0} 签署过。请先用“文件 → 恢复签署身份”从备份恢复；没有备份时，可以勾选下面的“新建签署身份”，但上级会看到新的证书指纹，需要告知上级。</source>
        <translation>The center&apos;s private signing key is not on this computer (a new computer, a reinstalled system, or the file was deleted). This center signed before with certificate fingerprint {0}. First restore it from a backup with &quot;File → Restore signing identity&quot;; without a backup you may tick &quot;Generate a new signing identity&quot; below, but the level above will see a new fingerprint and must be told.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="264"/>
        <source>（见以往的材料包）</source>
        <translation>(see earlier packets)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="270"/>
        <source>第一次签署：将为本中心建立签署身份（数字证书）。请设定一个口令（至少 8 个字符，可以用中文，不能全是数字），输入两遍，并记在安全的地方。</source>
        <translation>First signature: a signing identity (digital certificate) will be created for the center. Choose a passphrase (at least 8 characters, Chinese allowed, not only digits), type it twice and keep it in a safe place.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="400"/>
        <source>将新建签署身份。以后报送的材料包证书指纹会改变，上级看到新指纹时需要核实，请主动告知上级以新指纹为准。有签署身份的备份时，请改用“恢复签署身份”。继续吗？</source>
        <translation>A new signing identity will be created. Packets sent from now on carry a different certificate fingerprint, which the level above must check; tell them that the new fingerprint is the valid one. If you have a backup of the signing identity, use &quot;Restore signing identity&quot; instead. Continue?</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="416"/>
        <source>已新建签署身份：证书指纹已改变，请告知上级以新指纹为准。</source>
        <translation>A new signing identity was created: the certificate fingerprint has changed; tell the level above that the new fingerprint is the valid one.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="321"/>
        <location filename="../../dqsa/ui/desk/returning.py" line="281"/>
        <source>两次输入的口令不一样，请重新输入。</source>
        <translation>The two passphrases differ; please type them again.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="347"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="348"/>
        <location filename="../../dqsa/ui/wizard.py" line="109"/>
        <location filename="../../dqsa/ui/wizard.py" line="112"/>
        <source>签署导出</source>
        <translation>Sign and export</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="376"/>
        <source>还有 {0} 项未填写，这些条目记 0 分。</source>
        <translation>{0} items are not answered yet and score 0.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="380"/>
        <source>以下 {0} 项未得满分，还没有填写改进措施：
{1}</source>
        <translation>These {0} items are below full marks and have no improvement measure yet:
{1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="388"/>
        <source>还有没填完的内容</source>
        <translation>Some things are not filled in yet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="389"/>
        <source>仍要签署导出吗？</source>
        <translation>Sign and export anyway?</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="398"/>
        <location filename="../../dqsa/ui/desk/returning.py" line="375"/>
        <source>新建签署身份</source>
        <translation>New signing identity</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="418"/>
        <source>已为本中心建立签署身份。</source>
        <translation>A signing identity was created for this center.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="422"/>
        <source>已导出：{0}
大小：{1:.1f} MB
证书指纹：{2}
{3}</source>
        <translation>Exported: {0}
Size: {1:.1f} MB
Certificate fingerprint: {2}
{3}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="448"/>
        <source>找不到签署私钥</source>
        <translation>Private signing key not found</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="452"/>
        <source>有签署身份的备份文件，请选“恢复签署身份”，上级看到的证书指纹不变。没有备份时才选“新建签署身份”：上级会看到新的证书指纹，需要告知上级以新指纹为准。</source>
        <translation>If you have a backup of the signing identity, choose &quot;Restore signing identity&quot;: the fingerprint the level above sees stays the same. Only without a backup choose &quot;Generate a new signing identity&quot;: the level above will see a new fingerprint and must be told that it is the valid one.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="456"/>
        <source>恢复签署身份(&amp;R)…</source>
        <translation>&amp;Restore signing identity…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="457"/>
        <source>新建签署身份(&amp;N)…</source>
        <translation>Generate a &amp;new signing identity…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="458"/>
        <location filename="../../dqsa/ui/desk/returning.py" line="171"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="471"/>
        <source>请为新的签署身份设定口令（输入两遍），再点“签署并导出材料包”。</source>
        <translation>Set a passphrase for the new signing identity (enter it twice), then click &quot;Sign and export packet&quot;.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="499"/>
        <location filename="../../dqsa/ui/desk/returning.py" line="428"/>
        <source>无法打开文件夹</source>
        <translation>Cannot open the folder</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="501"/>
        <source>没能打开文件管理器。材料包保存在：
{0}
请在“此电脑”或文件管理器中打开这个文件夹。</source>
        <translation>The file manager could not be opened. The packet was saved in:
{0}
Please open this folder in “This PC” or a file manager.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="512"/>
        <source>所有适用条目都已符合，不需要改进措施。</source>
        <translation>Every applicable item is met: no improvement measure is needed.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="514"/>
        <source>所有条目都得了满分，不需要改进措施。</source>
        <translation>Every item has full marks: no improvement measure is needed.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="517"/>
        <source>改进措施：不符合 {0} 项，已填写 {1} 项</source>
        <translation>Improvement measures: {0} items not met, {1} written</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="519"/>
        <source>改进措施：未得满分 {0} 项，已填写 {1} 项</source>
        <translation>Improvement measures: {0} items below full marks, {1} written</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="522"/>
        <source>，全部填写了。</source>
        <translation>, all written.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="523"/>
        <source>，还缺 {0} 项：{1}</source>
        <translation>, {0} missing: {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/verification.py" line="25"/>
        <location filename="../../dqsa/ui/desk/window.py" line="296"/>
        <source>选择收到的材料包</source>
        <translation>Choose the packet you received</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/verification.py" line="25"/>
        <location filename="../../dqsa/ui/desk/window.py" line="296"/>
        <source>材料包 (*.zip);;所有文件 (*)</source>
        <translation>Packets (*.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="51"/>
        <source>选择上级返回的审核结果</source>
        <translation>Choose the review result returned by the level above</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="53"/>
        <source>审核结果 (*.zip);;所有文件 (*)</source>
        <translation>Review results (*.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="63"/>
        <location filename="../../dqsa/ui/review_import.py" line="114"/>
        <location filename="../../dqsa/ui/review_import.py" line="157"/>
        <location filename="../../dqsa/ui/review_import.py" line="174"/>
        <source>导入审核结果</source>
        <translation>Import review result</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="80"/>
        <location filename="../../dqsa/ui/verification.py" line="35"/>
        <source>正在校验 {0}…</source>
        <translation>Checking {0}…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="91"/>
        <source>审核结果无法读取。</source>
        <translation>The review result cannot be read.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="99"/>
        <source>正在保存审核结果…</source>
        <translation>Saving the review result…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="132"/>
        <source>没有导入：</source>
        <translation>Not imported: </translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="134"/>
        <location filename="../../dqsa/ui/review_import.py" line="139"/>
        <location filename="../../dqsa/ui/review_import.py" line="149"/>
        <source>没有导入。</source>
        <translation>Not imported.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="140"/>
        <source>保存时出现意外错误（{0}），详情已写入日志。</source>
        <translation>An unexpected error occurred while saving ({0}); the details are in the log.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="149"/>
        <source>无法读取这个文件：{0}</source>
        <translation>Cannot read this file: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="179"/>
        <source>项</source>
        <translation>items</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="181"/>
        <source>&lt;b&gt;{0} 年度审核结果&lt;/b&gt;&#x3000;审核结论：&lt;b&gt;{1}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Review result for {0}&lt;/b&gt;  Verdict: &lt;b&gt;{1}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="190"/>
        <source>自评 {0} {2}，复核 {1} {2}</source>
        <translation>Self-assessed {0} {2}, reviewed {1} {2}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="203"/>
        <source>&lt;b&gt;注意：这份审核结果由另一个审核单位证书签署。&lt;/b&gt;&lt;br&gt;本中心登记的审核单位证书指纹：&lt;br&gt;&lt;tt&gt;{0}&lt;/tt&gt;&lt;br&gt;这份审核结果的证书指纹：&lt;br&gt;&lt;tt&gt;{1}&lt;/tt&gt;&lt;br&gt;可能是审核单位换了签署身份，也可能是冒名的审核结果。请先用电话等方式向审核单位核实新指纹，核实无误后才能导入（会记入历史）。</source>
        <translation>&lt;b&gt;Caution: this review result is signed with another reviewing unit&apos;s certificate.&lt;/b&gt;&lt;br&gt;Fingerprint registered by this center:&lt;br&gt;&lt;tt&gt;{0}&lt;/tt&gt;&lt;br&gt;Fingerprint of this review result:&lt;br&gt;&lt;tt&gt;{1}&lt;/tt&gt;&lt;br&gt;The reviewing unit may have a new signing identity, or the result may be forged. Check the new fingerprint with the reviewing unit by phone first; import only once it is confirmed (recorded in the history).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="214"/>
        <source>我已向审核单位核实了新的证书指纹，接受它(&amp;A)</source>
        <translation>I checked the new fingerprint with the reviewing unit; &amp;accept it</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="220"/>
        <source>这是第一次导入审核结果。请向审核单位核对它的证书指纹（审核结果 PDF 的签署部分印有指纹）：&lt;br&gt;&lt;tt&gt;{0}&lt;/tt&gt;&lt;br&gt;导入后本中心登记这个指纹，以后指纹不同的审核结果需要确认才能导入。</source>
        <translation>This is the first review result imported. Check its certificate fingerprint with the reviewing unit (it is printed in the signature part of the result&apos;s PDF):&lt;br&gt;&lt;tt&gt;{0}&lt;/tt&gt;&lt;br&gt;After the import this center registers the fingerprint; a result with another one will need your confirmation.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="224"/>
        <source>审核单位证书指纹（与本中心登记的相同）：&lt;br&gt;&lt;tt&gt;{0}&lt;/tt&gt;</source>
        <translation>Reviewing unit&apos;s certificate fingerprint (the one this center registered):&lt;br&gt;&lt;tt&gt;{0}&lt;/tt&gt;</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="235"/>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/verification.py" line="36"/>
        <location filename="../../dqsa/ui/verification.py" line="58"/>
        <location filename="../../dqsa/ui/verification.py" line="68"/>
        <source>校验材料包</source>
        <translation>Verify a packet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/verification.py" line="58"/>
        <source>无法校验这个文件：{0}</source>
        <translation>This file cannot be checked: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="150"/>
        <location filename="../../dqsa/ui/comparison_view.py" line="468"/>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="195"/>
        <source>{0} 年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="229"/>
        <source>与以往年度对比</source>
        <translation>Compare with earlier years</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="259"/>
        <source>较早年度(&amp;A)：</source>
        <translation>E&amp;arlier year:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="261"/>
        <source>较晚年度(&amp;B)：</source>
        <translation>&amp;Later year:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="263"/>
        <source>只看退步(&amp;R)</source>
        <translation>&amp;Regressed only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="264"/>
        <source>只看有变化的(&amp;C)</source>
        <translation>&amp;Changed only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="302"/>
        <source>情况变化：</source>
        <translation>What changed:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="361"/>
        <source>（没有变化）</source>
        <translation>(no change)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="366"/>
        <source>{0} {1} 项</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="432"/>
        <source>考评内容 / 说明</source>
        <translation>Criterion / note</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="449"/>
        <location filename="../../dqsa/ui/pages.py" line="86"/>
        <location filename="../../dqsa/ui/review.py" line="407"/>
        <source>条目编号：{0}</source>
        <translation>Item id: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="425"/>
        <location filename="../../dqsa/ui/desk/viewers.py" line="245"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="44"/>
        <source>进步</source>
        <extracomment>Colours of the trends the window knows; any other trend the domain reports is shown in grey. The domain&apos;s trend words known today, marked for the translation file; a word the domain adds later is shown as the domain writes it.</extracomment>
        <translation>improved</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="45"/>
        <source>退步</source>
        <translation>regressed</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="46"/>
        <source>不变</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="47"/>
        <source>仅上年有</source>
        <translation>earlier year only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="48"/>
        <source>仅本年有</source>
        <translation>later year only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="49"/>
        <location filename="../../dqsa/ui/desk/review.py" line="252"/>
        <source>未填写</source>
        <translation>not answered</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="100"/>
        <source>（{0} 项未填写）</source>
        <extracomment>Per row, each year&apos;s number of items not answered (a drop they cause is no regression).</extracomment>
        <translation> ({0} not answered)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="198"/>
        <source>{0}（已报送）</source>
        <extracomment>Columns: the item, both years, the change, the trend, then the item&apos;s wording (and the domain&apos;s note). Where a row keeps its item id (the first column shows the item as the standard labels it). Where a year&apos;s entry in the pickers says it is the version sent (its data is the year either way). An item&apos;s row: unanswered in both years (nothing changed; hidden by 只看有变化的). A year as it is now (False) or as it was sent (True).</extracomment>
        <translation>{0} (sent)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="202"/>
        <source>{0}（复核）</source>
        <translation>{0} (reviewed)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="250"/>
        <source>{0} 年报送时的内容</source>
        <translation>{0} as sent</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="265"/>
        <source>较早年度用上级复核得分(&amp;S)</source>
        <translation>Earlier year with the reviewed &amp;scores</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="267"/>
        <source>较早年度导入过上级的审核结果时：用审核人的复核得分代替自评得分（按审核的那一版报送内容）</source>
        <translation>When the earlier year has a review result: use the reviewer&apos;s scores instead of the self-assessment (of the version that was reviewed)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="342"/>
        <source>请选择两个不同的年度，较早的在左边（同一年度可以把“已报送”的放在左边，看报送后改了什么）。</source>
        <translation>Choose two different years, the earlier on the left (for the same year, put the &quot;sent&quot; one on the left to see what changed after sending).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="371"/>
        <source>{5} → {6}：合计 {0}/{1} → {2}/{3}；{4}。</source>
        <translation>{5} → {6}: total {0}/{1} → {2}/{3}; {4}.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="382"/>
        <source>{0} 年按上级审核结果中的复核得分（审核的那一版报送内容）。</source>
        <translation>{0} with the reviewed scores of the level above&apos;s result (the version that was reviewed).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="399"/>
        <source>{0} 年报送后改过：报送时合计 {1}，现在 {2}（可选“{3}”对比）</source>
        <translation>{0} changed after it was sent: total when sent {1}, now {2} (choose &quot;{3}&quot; to compare)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="426"/>
        <source>{0} 年（复核）</source>
        <translation>{0} (reviewed)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="430"/>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="195"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="431"/>
        <source>趋势</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="468"/>
        <source>{0} 年（已报送）</source>
        <translation>{0} (sent)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/evidence_strip.py" line="35"/>
        <source>添加照片或文件…</source>
        <extracomment>A prepared file, or what is wrong with it.</extracomment>
        <translation>Add photos or files…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/new_year.py" line="44"/>
        <source>新建年度自评</source>
        <translation>New self-assessment</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/new_year.py" line="49"/>
        <location filename="../../dqsa/ui/desk/overview.py" line="133"/>
        <source>{0} 年度</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/new_year.py" line="53"/>
        <source>自评年度(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/new_year.py" line="58"/>
        <source>每年 1–3 月默认是刚结束的上一年度，之后默认是今年。已有自评的年度不在列表中。</source>
        <translation>From January to March the year just ended is suggested, later the current year. Years that already have a self-assessment are not listed.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/new_year.py" line="60"/>
        <source>可以新建的年度都已经有自评了，请在年度列表中打开要修改的年度。</source>
        <translation>Every year that can be created already has a self-assessment; open the one to change from the list of years.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/new_year.py" line="65"/>
        <source>从空白开始(&amp;K)</source>
        <translation>Start empty (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/new_year.py" line="81"/>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/new_year.py" line="99"/>
        <source>以 {0} 年度的自评为起点(&amp;F)</source>
        <translation>Start &amp;from the {0} self-assessment</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="43"/>
        <source>操作失败：{0}</source>
        <translation>The operation failed: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="78"/>
        <source>选择(&amp;S)…</source>
        <translation>&amp;Select…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="91"/>
        <location filename="../../dqsa/ui/identity.py" line="171"/>
        <source>备份签署身份</source>
        <translation>Back up signing identity</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="96"/>
        <source>把本中心的签署身份（私钥和证书）备份到一个文件，用签署口令加密。换电脑或重装系统后，用“恢复签署身份”找回，上级看到的证书指纹不变。
请把备份文件存到 U 盘等处，和口令分开保管；不要随材料包发出。</source>
        <translation>Back up this center’s signing identity (private key and certificate) to a file encrypted with the signing passphrase. After a new computer or a reinstall, get it back with “Restore signing identity”: the fingerprint the level above sees stays the same.
Keep the backup on a USB stick or similar, apart from the passphrase; never send it with a packet.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="109"/>
        <source>中心(&amp;C)：</source>
        <translation>&amp;Center:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="112"/>
        <source>证书指纹：</source>
        <translation>Certificate fingerprint:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="117"/>
        <source>保存到(&amp;T)：</source>
        <translation>Save &amp;to:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="122"/>
        <source>备份(&amp;B)</source>
        <translation>&amp;Back up</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="129"/>
        <source>这台电脑上还没有可以备份的签署身份（第一次签署导出时会建立）。</source>
        <translation>There is no signing identity on this computer to back up yet (it is created at the first signed export).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="142"/>
        <source>备份签署身份到</source>
        <translation>Back up the signing identity to</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="155"/>
        <source>请输入签署口令。</source>
        <translation>Please enter the signing passphrase.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="172"/>
        <source>已备份到：{0}
证书指纹：{1}
请把备份文件和口令分开保管。</source>
        <translation>Backed up to: {0}
Certificate fingerprint: {1}
Keep the backup file and the passphrase apart.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="188"/>
        <location filename="../../dqsa/ui/identity.py" line="270"/>
        <source>恢复签署身份</source>
        <translation>Restore signing identity</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="193"/>
        <source>从备份文件恢复本中心的签署身份（例如换了电脑）。恢复后签署的材料包使用备份中的证书指纹，上级不必重新核对。</source>
        <translation>Restore this center’s signing identity from a backup file (for example on a new computer). Packets signed afterwards carry the backup’s certificate fingerprint, so the level above need not check it again.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="202"/>
        <source>备份文件(&amp;F)：</source>
        <translation>Backup &amp;file:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="205"/>
        <source>备份中的身份：</source>
        <translation>Identity in the backup:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="213"/>
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="222"/>
        <source>选择签署身份备份</source>
        <translation>Choose a signing identity backup</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="243"/>
        <source>{0}
证书指纹：
{1}
备份时间：{2}</source>
        <translation>{0}
Certificate fingerprint:
{1}
Backed up: {2}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="254"/>
        <source>请输入备份时签署身份的口令。</source>
        <translation>Please enter the passphrase the identity had when it was backed up.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="271"/>
        <source>已恢复“{0}”的签署身份。
证书指纹：
{1}
以后签署的材料包使用这个证书指纹。</source>
        <translation>The signing identity of “{0}” was restored.
Certificate fingerprint:
{1}
Packets signed from now on carry this fingerprint.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="284"/>
        <source>替换签署身份</source>
        <translation>Replace signing identity</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/identity.py" line="285"/>
        <source>要停用现在的签署身份、改用备份中的吗？</source>
        <translation>Retire the current signing identity and use the one in the backup?</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/charts.py" line="38"/>
        <source>（没有数据）</source>
        <translation>(no data)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/charts.py" line="68"/>
        <source>{0}–{1}%：{2} 个中心</source>
        <translation>{0}–{1}%: {2} centers</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="187"/>
        <source>得分率（横轴），中心数（纵轴）</source>
        <translation>Share of full marks (across), number of centers (up)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="70"/>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="182"/>
        <source>得分率分布（各中心自评）</source>
        <translation>Distribution of results (centers’ own scores)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="71"/>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="183"/>
        <source>各表和各项目的平均得分率</source>
        <translation>Average share of full marks per table and section</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="185"/>
        <source>最薄弱的条目（得满分的中心所占比例，最低的 {0} 项）</source>
        <translation>Weakest items (share of centers at full marks, lowest {0})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="95"/>
        <source>与上年相比</source>
        <translation>Compared with last year</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="97"/>
        <source>未报送</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="111"/>
        <source>{0} 年度还没有收到材料包。</source>
        <translation>No packets received for {0} yet.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="128"/>
        <source>{0}：平均 {1}（{2} 个中心）</source>
        <translation>{0}: average {1} ({2} centers)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="142"/>
        <source>{0}%（{1}/{2}）</source>
        <translation>{0}% ({1}/{2})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="143"/>
        <source>{0}
{1}
{2} 个适用的中心中 {3} 个得满分</source>
        <translation>{0}
{1}
{3} of the {2} centers it applies to at full marks</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="150"/>
        <source>{0}
{1}
{2} 个适用的中心中 {3} 个符合</source>
        <translation>{0}
{1}
{3} of the {2} centers it applies to meet it</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="165"/>
        <source>平均符合率</source>
        <translation>average share met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="165"/>
        <source>平均得分率</source>
        <translation>average share of full marks</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="167"/>
        <source>{0} 年度 · {1}：{2} 个中心，{3} {4}。</source>
        <translation>{0} · {1}: {2} centers, {3} {4}.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="175"/>
        <source>符合率分布（各中心自评）</source>
        <translation>Distribution of the share met (centers’ own answers)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="176"/>
        <source>各部分的平均符合率</source>
        <translation>Average share met per part</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="178"/>
        <source>最薄弱的条目（符合的中心所占比例，最低的 {0} 项）</source>
        <translation>Weakest items (share of centers meeting them, lowest {0})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="180"/>
        <source>符合率（横轴），中心数（纵轴）</source>
        <translation>Share met (across), number of centers (up)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="195"/>
        <location filename="../../dqsa/ui/desk/receiving.py" line="188"/>
        <source>中心</source>
        <translation>Center</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="232"/>
        <source>进步 {0} 个</source>
        <translation>{0} improved</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="232"/>
        <source>退步 {0} 个</source>
        <translation>{0} declined</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="232"/>
        <source>持平 {0} 个</source>
        <translation>{0} unchanged</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="234"/>
        <source>上年没有结果 {0} 个</source>
        <translation>{0} without a result last year</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="236"/>
        <source>本年未报送 {0} 个</source>
        <translation>{0} not submitted this year</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="238"/>
        <source>（得分率，同一标准）</source>
        <translation> (share of full marks, same standard)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="238"/>
        <source>没有上一年度的结果可以比较。</source>
        <translation>No results of the previous year to compare with.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="243"/>
        <source>{0} 年度未报送（{1} 个）</source>
        <translation>Not submitted for {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="247"/>
        <source>上次报送 {0} 年</source>
        <translation>last submitted for {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="249"/>
        <source>材料包待核实身份</source>
        <translation>packet waiting for an identity check</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/dashboard.py" line="252"/>
        <source>（没有）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/demo.py" line="25"/>
        <source>正在准备示例审核台账…</source>
        <translation>Preparing the sample review desk…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/demo.py" line="26"/>
        <location filename="../../dqsa/ui/desk/demo.py" line="59"/>
        <source>示例审核台账</source>
        <translation>Sample review desk</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/demo.py" line="59"/>
        <source>无法准备示例审核台账：{0}</source>
        <translation>Cannot prepare the sample review desk: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/opening.py" line="103"/>
        <location filename="../../dqsa/ui/desk/opening.py" line="111"/>
        <location filename="../../dqsa/ui/desk/opening.py" line="117"/>
        <source>新建上级审核台账</source>
        <translation>New review desk</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/opening.py" line="104"/>
        <source>单位名称（将显示在台账和汇总表上，例如：某某街道社会组织综合党委）：</source>
        <translation>Name of your unit (shown on the desk and the roll-up, e.g. “XX Street Social Organizations Party Committee”):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/opening.py" line="111"/>
        <source>请填写单位名称。</source>
        <translation>Please enter the name of your unit.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/opening.py" line="117"/>
        <source>上级审核台账 (*.dqsd)</source>
        <translation>Review desks (*.dqsd)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/opening.py" line="143"/>
        <source>审核台账：</source>
        <translation>Review desk: </translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/opening.py" line="143"/>
        <source>中心文件：</source>
        <translation>Center file: </translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/opening.py" line="152"/>
        <source>找不到文件</source>
        <translation>File not found</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/opening.py" line="152"/>
        <source>找不到这个文件，它可能已被移动或删除：
{0}</source>
        <translation>This file cannot be found; it may have been moved or deleted:
{0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="66"/>
        <source>没有完成：
{0}</source>
        <translation>Not done:
{0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="75"/>
        <source>已保存：
{0}</source>
        <translation>Saved:
{0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="80"/>
        <source>打开所在文件夹</source>
        <translation>Open its folder</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="83"/>
        <location filename="../../dqsa/ui/desk/returning.py" line="428"/>
        <source>请在文件管理器中打开：
{0}</source>
        <translation>Please open it in your file manager:
{0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="107"/>
        <source>导出汇总表</source>
        <translation>Export roll-up workbook</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="107"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="109"/>
        <source>正在生成 {0} 年度的汇总表…</source>
        <translation>Writing the roll-up workbook for {0}…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="111"/>
        <source>导出汇总报告</source>
        <translation>Export roll-up report</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="111"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="113"/>
        <source>正在生成 {0} 年度的汇总报告（含图表）…</source>
        <translation>Writing the roll-up report for {0} (with charts)…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="146"/>
        <source>备份台账</source>
        <translation>Back up the desk</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="148"/>
        <source>zip 文件 (*.zip)</source>
        <translation>Zip files (*.zip)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="152"/>
        <source>正在把台账和全部材料包写入备份…</source>
        <translation>Writing the desk and every packet into the backup…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="164"/>
        <source>导入名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="166"/>
        <source>名册 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>Rosters (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="186"/>
        <source>名册有误，没有导入</source>
        <translation>Roster has errors, not imported</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="187"/>
        <source>名册 {0} 中有以下问题，请改正后重新导入（名册没有任何改动）：
{1}</source>
        <translation>The roster {0} has these problems; please correct them and import it again (nothing was changed):
{1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="193"/>
        <source>无法导入名册</source>
        <translation>Cannot import the roster</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="197"/>
        <source>名册已导入</source>
        <translation>Roster imported</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/outputs.py" line="198"/>
        <source>名册共 {0} 个中心：新增 {1} 个，更新 {2} 个，未变 {3} 个。</source>
        <translation>The roster lists {0} centers: {1} added, {2} updated, {3} unchanged.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="26"/>
        <source>待审核</source>
        <extracomment>The review states and packet states as the filters offer them (the store&apos;s codes → our words).</extracomment>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="27"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="28"/>
        <source>退回补充</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="29"/>
        <source>有问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="31"/>
        <location filename="../../dqsa/ui/desk/receiving.py" line="50"/>
        <location filename="../../dqsa/ui/desk/table.py" line="182"/>
        <source>已接收</source>
        <extracomment>Outcomes as the summary names them (the store&apos;s codes → our words), in the order counted.</extracomment>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="31"/>
        <location filename="../../dqsa/ui/desk/table.py" line="182"/>
        <source>身份待核实</source>
        <translation>Identity to check</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="100"/>
        <source>正在打开审核台账…</source>
        <translation>Opening the review desk…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="116"/>
        <source>已收到材料包 {0} 个</source>
        <translation>{0} packets received</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="119"/>
        <source>{0} 个待核实身份</source>
        <translation>{0} identities to check</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="115"/>
        <source>名册 {0} 个中心</source>
        <translation>roster of {0} centers</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="115"/>
        <source>尚未导入名册</source>
        <translation>no roster imported yet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="140"/>
        <source>还没有收到材料包。

把收到的材料包（zip 文件）或存放它们的整个文件夹拖到这个窗口里，或点下面的“接收材料包”。
先“导入名册”，就能看出哪些中心还没有报送。</source>
        <translation>No packets received yet.

Drag the packets you received (zip files), or the whole folder holding them, onto this window, or click “Receive packets” below.
Import a roster first to see which centers have not submitted.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="175"/>
        <source>{0}（{1} 个中心）</source>
        <translation>{0} ({1} centers)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="186"/>
        <source>不同评分标准的结果分开列出，不相加</source>
        <translation>Results of different standards are listed apart, never added together</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="186"/>
        <source>这一年度收到的材料包都使用这个标准</source>
        <translation>All packets received for this year use this standard</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="241"/>
        <source>显示 {0} 个，共 {1} 个</source>
        <translation>{0} of {1} shown</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="243"/>
        <source>共 {0} 个</source>
        <translation>{0} in all</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="246"/>
        <source>；{0} 个身份待核实（黄色），核实并接受后才计入汇总</source>
        <translation>; {0} identities to check (yellow): counted only once checked and accepted</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="253"/>
        <location filename="../../dqsa/ui/desk/overview.py" line="265"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="259"/>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="301"/>
        <source>名册中的中心都已报送。</source>
        <translation>Every center on the roster has submitted.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="301"/>
        <source>导入名册后，这里列出还没有报送的中心。</source>
        <translation>Once a roster is imported, the centers that have not submitted are listed here.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="307"/>
        <source>（材料包待核实身份）</source>
        <translation> (packet waiting for an identity check)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="309"/>
        <source> 等 {0} 个</source>
        <translation> and others, {0} in all</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/overview.py" line="311"/>
        <source>{0} 年度未报送（{1} 个）：{2}{3}</source>
        <translation>Not submitted for {0} ({1}): {2}{3}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="51"/>
        <source>已接收（替换旧版）</source>
        <translation>Accepted (replaces an earlier one)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="52"/>
        <source>较旧版本（未计入）</source>
        <translation>Older version (not counted)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="53"/>
        <source>重复（已有）</source>
        <translation>Duplicate (already here)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="54"/>
        <source>暂扣：身份待核实</source>
        <translation>Held: identity to check</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="55"/>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="56"/>
        <source>已跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="78"/>
        <source>正在查找材料包…</source>
        <extracomment>Columns of the summary.</extracomment>
        <translation>Looking for packets…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="78"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="79"/>
        <location filename="../../dqsa/ui/desk/receiving.py" line="125"/>
        <location filename="../../dqsa/ui/desk/receiving.py" line="136"/>
        <source>接收材料包</source>
        <translation>Receive packets</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="103"/>
        <source>已处理 {0} / {1} 个材料包
{2}</source>
        <translation>{0} of {1} packets done
{2}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="123"/>
        <source>程序出错（{0}），详情已写入日志</source>
        <translation>the program failed ({0}); details are in the log</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="125"/>
        <source>接收中断：{0}
已经接收的材料包都已保存。</source>
        <translation>Receiving stopped: {0}
The packets received so far are all kept.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="136"/>
        <source>没有找到材料包（zip 文件）。</source>
        <translation>No packets (zip files) found.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="158"/>
        <source>接收结果</source>
        <translation>Receipt results</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="166"/>
        <source>{0} {1} 个</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="168"/>
        <source>共 {0} 个材料包：</source>
        <translation>{0} packets: </translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="170"/>
        <source>
接收已按要求停止，之后的材料包没有处理（可以再次接收，已收到的会显示为重复）。</source>
        <translation>
Receiving was stopped as asked; the remaining packets were not processed (receive them again: those already here show as duplicates).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="178"/>
        <source>有 {0} 个材料包暂扣：中心名称与已登记的中心相同，但证书指纹不同（身份变化，需核实）。暂扣的材料包不计入汇总。请先打电话与该中心核对新指纹，确认后选中它，点“核实身份”。</source>
        <translation>{0} packets are held: the center’s name matches a registered center but the certificate fingerprint differs (identity changed, to be checked). Held packets are not counted. Phone the center to compare the new fingerprint, then select the packet and click “Check identity”.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="188"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="188"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="188"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="229"/>
        <source>核实身份(&amp;I)…</source>
        <translation>Check &amp;identity…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="230"/>
        <source>复制结果(&amp;C)</source>
        <translation>&amp;Copy results</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="273"/>
        <source>已核实并接收</source>
        <translation>Checked and accepted</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="303"/>
        <source>核实身份：{0}</source>
        <translation>Check identity: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="307"/>
        <source>“{0}”的 {1} 年度材料包使用了新的签署证书，与台账中登记的不同。可能是该中心新建了签署身份（例如忘记了口令、换了电脑），也可能是别人冒用该中心的名称。请打电话或当面与该中心核对下面的新指纹（四位一组，逐组读），一致后再接受。接受后，这个材料包计入汇总，该中心用新指纹签署的材料包以后都会接收；核实情况会记录在台账中。</source>
        <translation>The {1} packet of “{0}” is signed with a new certificate, not the one registered in this desk. The center may have made a new signing identity (a forgotten passphrase, a new computer), or someone else may be using its name. Phone or meet the center and compare the new fingerprint below, group by group; accept it only if it matches. Once accepted, this packet is counted and the center’s packets signed with the new fingerprint are received from then on; your note is recorded in the desk.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="413"/>
        <source>新身份已接受，但停用原来的指纹没有完成：{0}</source>
        <translation>The new identity was accepted, but retiring the registered fingerprint did not finish: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="414"/>
        <source>核实身份</source>
        <translation>Check identity</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="417"/>
        <source>；原来登记的指纹已停用，用它签署的材料包已撤下。</source>
        <translation>; the registered fingerprint was retired and its packets withdrawn.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="317"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="323"/>
        <source>台账中登记的指纹：</source>
        <translation>Fingerprint registered in the desk:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="324"/>
        <source>这个材料包的指纹：</source>
        <translation>Fingerprint of this packet:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="325"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="326"/>
        <source>签署人：</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="330"/>
        <source>例如：12月1日电话联系该中心张伟书记，逐组核对新指纹一致；原因是更换了电脑。</source>
        <translation>e.g. Phoned the center’s secretary Zhang Wei on 1 December, compared the new fingerprint group by group: it matches; reason: a new computer.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="333"/>
        <source>核实情况(&amp;R)：</source>
        <translation>How it was checked (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="338"/>
        <source>核实人(&amp;N)：</source>
        <translation>Checked by (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="345"/>
        <source>台账中登记的指纹是别人冒用的：停用它，撤下用它签署的材料包(&amp;F)</source>
        <translation>The registered fingerprint was someone else’s: retire it and withdraw its packets (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="348"/>
        <source>只在核实后确认原来登记的证书不是该中心的时勾选。不勾选时，原来的指纹仍然有效（例如中心有两台电脑）。</source>
        <translation>Tick only when you have checked that the registered certificate was never the center’s. Unticked, the registered fingerprint stays valid (a center with two computers, for example).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="358"/>
        <source>接受新身份(&amp;A)</source>
        <translation>&amp;Accept the new identity</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="359"/>
        <source>暂不处理(&amp;L)</source>
        <translation>Decide &amp;later</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="389"/>
        <source>请写明核实情况（何时、与谁、如何核对了新指纹）。</source>
        <translation>Please say how it was checked (when, with whom, how the new fingerprint was compared).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/receiving.py" line="399"/>
        <source>已接受新身份</source>
        <translation>New identity accepted</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="88"/>
        <source>例如 4 或 4.5</source>
        <extracomment>What the store last refused per item (shown when the item is selected again).</extracomment>
        <translation>e.g. 4 or 4.5</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="94"/>
        <source>（与自评相同）</source>
        <translation>(as the center’s own)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="144"/>
        <source>{0} · {1} 年度</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="152"/>
        <source>签署：{0}（{1}），{2}&#x3000;·&#x3000;收到 {3}</source>
        <translation>Signed by {0} ({1}), {2} · received {3}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="156"/>
        <source>证书指纹：{0}</source>
        <translation>Certificate fingerprint: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="163"/>
        <source>这个材料包的签署身份还没有核实，核实并接受后才能审核。</source>
        <translation>The signing identity of this packet has not been checked yet; it can be reviewed once it is checked and accepted.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="165"/>
        <source>这个材料包已被同一中心同一年度的新版本替换，这里只能查看；请审核新版本。</source>
        <translation>This packet was replaced by a newer one of the same center and year; it can only be viewed here. Please review the newer one.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="196"/>
        <source>这个材料包里没有照片</source>
        <translation>This packet has no photos</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="199"/>
        <source>签署本中心本年度的审核结果（zip），交给中心导入</source>
        <translation>Sign this center&apos;s review result for this year (a zip) for the center to import</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="246"/>
        <source>未保存</source>
        <translation>not saved</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="281"/>
        <source>请在上面选择一个条目。</source>
        <translation>Please choose an item above.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="292"/>
        <source>自评：{0}</source>
        <translation>Center’s own: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="295"/>
        <source>复核结果(&amp;K)：</source>
        <translation>Reviewer’s result (&amp;K):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="295"/>
        <source>复核得分(&amp;K)：</source>
        <translation>Reviewer’s score (&amp;K):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="308"/>
        <source>/ 满分 {0}</source>
        <translation>/ full marks {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="460"/>
        <source>自评：符合 {0} / 适用 {1} 项（{2}%）</source>
        <translation>Center’s own: {0} of {1} applicable items met ({2}%)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="466"/>
        <source>&#x3000;复核后：符合 {0} / 适用 {1} 项（{2}%）</source>
        <translation>   Reviewed: {0} of {1} applicable items met ({2}%)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="470"/>
        <source>自评合计 {0} / {1}</source>
        <translation>Center’s total {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/review.py" line="472"/>
        <source>&#x3000;复核合计 {0} / {1}（{2} 项改分）</source>
        <translation>   Reviewed total {0} / {1} ({2} items re-scored)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="92"/>
        <source>中心名称</source>
        <extracomment>Role of the value a column sorts by. Role of the row&apos;s packet id (the same in every column).</extracomment>
        <translation>Center</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="93"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="94"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="95"/>
        <source>证书指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="95"/>
        <source>证书指纹的前两组；把鼠标停在上面可看完整指纹</source>
        <translation>The first two groups of the certificate fingerprint; hover to see all of it</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="96"/>
        <source>接收状态</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="101"/>
        <source>符合项 / 适用项</source>
        <translation>Items met / applicable items</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="101"/>
        <source>满分 {0} 分</source>
        <translation>Full marks {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="105"/>
        <source>符合率</source>
        <translation>Share met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="105"/>
        <source>适用条目中符合的比例</source>
        <translation>Share of the applicable items that are met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="107"/>
        <source>自评合计得分</source>
        <translation>The center’s own total</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="109"/>
        <source>审核状态</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="112"/>
        <source>复核后符合率</source>
        <translation>Reviewed share met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="112"/>
        <source>复核合计</source>
        <translation>Reviewed total</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="113"/>
        <source>用复核得分代替自评得分后的合计；没有复核改分的显示“—”</source>
        <translation>The total with the reviewer’s scores in place of the center’s own; “—” where nothing was re-scored</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="116"/>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="195"/>
        <source>{0}月{1}日</source>
        <translation>{0}/{1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="219"/>
        <source>证书指纹：
{0}</source>
        <translation>Certificate fingerprint:
{0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="221"/>
        <source>证书与已登记的不同，需核实后才计入</source>
        <translation>The certificate differs from the registered one: counted only once checked</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="223"/>
        <source>双击或按回车打开审核</source>
        <translation>Double-click or press Enter to review</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/table.py" line="225"/>
        <source>收到：{0}
签署：{1}</source>
        <translation>Received: {0}
Signed: {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="55"/>
        <location filename="../../dqsa/ui/desk/viewers.py" line="67"/>
        <location filename="../../dqsa/ui/desk/viewers.py" line="72"/>
        <source>查看自评报告</source>
        <translation>View report</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="67"/>
        <source>无法写出临时文件 {0}：{1}</source>
        <translation>Cannot write the temporary file {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="74"/>
        <source>这台电脑上没有能打开 PDF 文件的程序。报告已取出为：
{0}

请安装一个 PDF 阅读器（例如 Adobe Acrobat Reader、福昕阅读器）后再点“查看自评报告”，或用“另存材料包”把整个材料包保存到别处。</source>
        <translation>No program on this computer opens PDF files. The report was taken out as:
{0}

Install a PDF reader (e.g. Adobe Acrobat Reader, Foxit Reader) and click “View report” again, or use “Save packet as” to save the whole packet elsewhere.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="94"/>
        <location filename="../../dqsa/ui/desk/viewers.py" line="102"/>
        <source>另存材料包</source>
        <translation>Save packet as</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="94"/>
        <source>材料包 (*.zip)</source>
        <translation>Packets (*.zip)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="104"/>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="144"/>
        <source>照片：{0} · {1} 年度</source>
        <translation>Photos: {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="180"/>
        <source>无法显示 {0}</source>
        <translation>Cannot show {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="201"/>
        <source>这个材料包里没有照片。</source>
        <translation>This packet has no photos.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="210"/>
        <source>第 {0} / {1} 张&#x3000;{2}</source>
        <translation>Photo {0} of {1}   {2}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="223"/>
        <source>上年材料：{0}</source>
        <translation>Last year: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="226"/>
        <source>台账中没有这个中心更早年度的材料包。</source>
        <translation>The desk has no packet of this center for an earlier year.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="233"/>
        <source>{0} 年度材料包：{1}，签署 {2}，收到 {3}。</source>
        <translation>Packet for {0}: {1}, signed {2}, received {3}.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="239"/>
        <source>
注意：上年使用的评分标准与本年不同，条目得分不能直接比较。</source>
        <translation>
Note: last year used another standard; item scores cannot be compared directly.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="245"/>
        <location filename="../../dqsa/ui/desk/viewers.py" line="246"/>
        <source>{0} 年自评</source>
        <translation>{0} own</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="245"/>
        <source>{0} 年复核</source>
        <translation>{0} reviewed</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="246"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="276"/>
        <source>查看上年报告(&amp;P)</source>
        <translation>View last year’s re&amp;port</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="277"/>
        <source>上年照片(&amp;O)</source>
        <translation>Last year’s ph&amp;otos</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="294"/>
        <source>符合 {0} / 适用 {1} 项（{2}%）</source>
        <translation>{0} of {1} applicable items met ({2}%)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/viewers.py" line="297"/>
        <source>合计 {0} / {1}</source>
        <translation>total {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="46"/>
        <source>dqsa 文件（中心文件、审核台账） (*.dqsa *.dqsd);;中心文件 (*.dqsa);;上级审核台账 (*.dqsd);;所有文件 (*)</source>
        <extracomment>The file dialogs offer both kinds of dqsa file.</extracomment>
        <translation>dqsa files (center files, review desks) (*.dqsa *.dqsd);;Center files (*.dqsa);;Review desks (*.dqsd);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="91"/>
        <source>上级审核台账</source>
        <translation>Review desk</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="112"/>
        <source>无法新建审核台账</source>
        <translation>Cannot create the review desk</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="177"/>
        <source>新建上级审核台账(&amp;N)…</source>
        <translation>&amp;New review desk…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="181"/>
        <source>接收材料包(&amp;A)…</source>
        <translation>Receive p&amp;ackets…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="182"/>
        <source>接收整个文件夹(&amp;D)…</source>
        <translation>Receive a whole fol&amp;der…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="183"/>
        <source>导入名册(&amp;M)…</source>
        <translation>I&amp;mport roster…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="185"/>
        <source>导出汇总表(&amp;X)…</source>
        <translation>E&amp;xport roll-up workbook…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="186"/>
        <source>导出汇总报告(&amp;P)…</source>
        <translation>Export roll-up re&amp;port…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="188"/>
        <source>备份台账(&amp;B)…</source>
        <translation>&amp;Back up the desk…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="189"/>
        <source>备份与恢复(&amp;K)…</source>
        <translation>Bac&amp;kups and restore…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="190"/>
        <source>修改单位名称(&amp;U)…</source>
        <translation>Change the &amp;unit’s name…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="192"/>
        <source>关闭窗口(&amp;C)</source>
        <translation>&amp;Close window</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="199"/>
        <source>打开示例台账(&amp;E)</source>
        <translation>Open the sampl&amp;e desk</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="207"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="306"/>
        <source>选择存放材料包的文件夹</source>
        <translation>Choose the folder holding the packets</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="410"/>
        <source>修改单位名称</source>
        <translation>Change the unit’s name</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="411"/>
        <source>单位名称（例如：某某街道社会组织综合党委）：</source>
        <translation>Name of your unit (e.g. “XX Street Social Organizations Party Committee”):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="230"/>
        <location filename="../../dqsa/ui/desk/window.py" line="419"/>
        <source>无法修改</source>
        <translation>Cannot change</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/backups.py" line="28"/>
        <source>自动备份（最新的在最上面）只含台账文件本身；收到的材料包保存在旁边的文件夹里，不会因恢复而丢失。恢复前会先备份当前内容。要把台账连同全部材料包备份到 U 盘，请用“文件 → 备份台账”。</source>
        <translation>Automatic backups (newest first) hold the desk file only; the packets received stay in the folder beside it and are not lost by a restore. The current content is backed up before restoring. To back up the desk with all its packets to a USB stick, use “File → Back up the desk”.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="466"/>
        <source>&lt;b&gt;党群服务中心自评 dqsa {0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;上级审核台账：{1}&lt;br&gt;台账文件：{2}&lt;br&gt;材料包文件夹：{3}</source>
        <translation>&lt;b&gt;Party-mass service center self-assessment dqsa {0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;Review desk: {1}&lt;br&gt;Desk file: {2}&lt;br&gt;Packets folder: {3}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="500"/>
        <source>正在完成接收或导出，完成后自动关闭…</source>
        <translation>Finishing a receipt or an export; the window closes when it is done…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/window.py" line="510"/>
        <source>有 {0} 处修改因磁盘问题未能保存。仍要关闭吗？（已保存的内容不受影响）</source>
        <translation>{0} changes could not be saved because of a disk problem. Close anyway? (What was saved is not affected.)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pending.py" line="29"/>
        <source>待更新</source>
        <extracomment>The mark beside an answer asked every year and still empty (&quot;to update&quot;).</extracomment>
        <translation>To update</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pending.py" line="34"/>
        <source>这一项每年重新填写，本年度还没有填写。</source>
        <translation>This is answered anew every year and has not been filled in for this year.</translation>
    </message>
    <message>
        <location filename="../../dqsa/years.py" line="33"/>
        <source>会复制 {0} 年度填写的长期不变的情况：{1}；照片和文件随所属内容一起复制。</source>
        <extracomment>How many years back a missed assessment can still be created… …and how far ahead (none: a year that has not begun cannot be assessed). Until the end of this month, the year just ended is the one suggested. What “start from an earlier year” copies, in plain words: the one place it is said, for the window&apos;s dialog and ``dqsa new-year``. The lists come from the pack (:func:`carried_and_yearly`).</extracomment>
        <translation>Copies what lasts from {0}: {1}; photos and files go with what they belong to. </translation>
    </message>
    <message>
        <location filename="../../dqsa/years.py" line="34"/>
        <source>每年重新填写的不复制：{0}（新年度中标为“待更新”）。</source>
        <translation>Not copied, answered every year: {0} (marked “To update” in the new year). </translation>
    </message>
    <message>
        <location filename="../../dqsa/years.py" line="35"/>
        <source>人工评分、更正、说明、改进措施和签署都不复制。新建后请逐页核对。</source>
        <translation>Manual scores, corrections, notes, improvement measures and signatures are never copied. Check every page after creating the year.</translation>
    </message>
    <message>
        <location filename="../../dqsa/years.py" line="37"/>
        <source>{0}中的{1}</source>
        <extracomment>A catalogue only some of whose entries last: “台账中的服务手册” lasts, “其他台账” does not.</extracomment>
        <translation>{1} of {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/years.py" line="38"/>
        <source>其他{0}</source>
        <translation>other {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/years.py" line="95"/>
        <source>会复制 {0} 年度填写的长期不变的情况（评分标准规定哪些内容长期不变）；每年重新填写的不复制，新年度中标为“待更新”。</source>
        <extracomment>When the pack is not at hand (it could not be read): the rule without the lists.</extracomment>
        <translation>Copies what lasts from {0} (the criteria pack says what lasts); what is answered every year is not copied and is marked “To update” in the new year. </translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="58"/>
        <source>{0} 由 {1} 签署</source>
        <extracomment>The frame&apos;s colours: calm blue for a year kept as sent, amber for one that differs from it.</extracomment>
        <translation>{0}, signed by {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="94"/>
        <source>&lt;b&gt;只读：&lt;/b&gt;</source>
        <translation>&lt;b&gt;Read-only:&lt;/b&gt; </translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="99"/>
        <source>&lt;b&gt;本年度自评已签署报送，现在只能查看。&lt;/b&gt;</source>
        <translation>&lt;b&gt;This year&apos;s self-assessment was signed and sent; it can now only be viewed.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="102"/>
        <source>，证书指纹 {0}</source>
        <translation>, certificate fingerprint {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="78"/>
        <location filename="../../dqsa/ui/sent_banner.py" line="103"/>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="72"/>
        <source>&lt;b&gt;上级审核：退回补充。&lt;/b&gt;{0}（{1}）要求补充修改</source>
        <translation>&lt;b&gt;Review: returned for more.&lt;/b&gt; {0} ({1}) asks for additions</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="77"/>
        <source>：{0}</source>
        <translation>: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="106"/>
        <source>本年度由本程序以前的版本签署，当时没有保存报送内容的副本，无法显示报送时的内容和数字。</source>
        <translation>This year was signed by an earlier version of this program, which kept no copy of what was sent; the content and figures as sent cannot be shown.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="111"/>
        <source>如需修改，请点“修改（需重新报送）”：修改后，已报送的材料包将与这里的内容不一致，需要重新签署导出并报送。</source>
        <translation>To change it, click &quot;Edit (must be sent again)&quot;: after changes, the packet already sent no longer matches what is here, and must be signed, exported and sent again.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="118"/>
        <source>&lt;b&gt;本年度自评报送后又打开修改：现在的内容与已报送的材料包不一致，需要重新签署导出并报送。&lt;/b&gt;</source>
        <translation>&lt;b&gt;This year&apos;s self-assessment was reopened after it was sent: what is here no longer matches the packet sent; sign, export and send it again.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="121"/>
        <source>已报送的材料包：{0}。</source>
        <translation>Packet sent: {0}.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="124"/>
        <source>报送时的内容没有保存（由本程序以前的版本签署），无法对比。</source>
        <translation>What was sent was not kept (signed by an earlier version of this program) and cannot be compared.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="126"/>
        <source>报送时合计 {0}，现在 {1}。</source>
        <translation>Total when sent {0}, now {1}.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="128"/>
        <source>报送时合计 {0}，现在合计相同（其他内容可能改过）。</source>
        <translation>Total when sent {0}; the total is the same now (other content may have changed).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="151"/>
        <location filename="../../dqsa/ui/sent_banner.py" line="177"/>
        <location filename="../../dqsa/ui/sent_banner.py" line="237"/>
        <source>修改（需重新报送）(&amp;W)</source>
        <translation>Edit (must be sent again) (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="152"/>
        <source>打开本年度以便修改；修改后需要重新签署导出并报送</source>
        <translation>Open this year for changes; afterwards it must be signed, exported and sent again</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="153"/>
        <source>与已报送的对比(&amp;Q)</source>
        <translation>Compare with what was sent (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="154"/>
        <source>看看报送之后改了哪些内容</source>
        <translation>See what changed after it was sent</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="177"/>
        <location filename="../../dqsa/ui/sent_banner.py" line="235"/>
        <source>按审核意见修改（需重新报送）(&amp;W)</source>
        <translation>Edit as the reviewer asked (must be sent again) (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="202"/>
        <source>修改已报送的年度</source>
        <translation>Edit a year that was sent</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="211"/>
        <source>{0} 年度的自评已于 {1} 由 {2} 签署并报送。&lt;br&gt;&lt;br&gt;&lt;b&gt;修改后，已经报送给上级的材料包将与这里的内容不一致&lt;/b&gt;，需要重新签署导出，并把新的材料包报送上级（上级以最后收到的为准）。&lt;br&gt;&lt;br&gt;已报送的内容会保留在文件中，可以随时与修改后的内容对比。确定要修改吗？</source>
        <translation>The {0} self-assessment was signed and sent on {1} by {2}.&lt;br&gt;&lt;br&gt;&lt;b&gt;After changes, the packet already sent to the level above no longer matches what is here&lt;/b&gt;; sign and export again and send the new packet (the level above goes by the last one received).&lt;br&gt;&lt;br&gt;What was sent stays in the file and can be compared with the changes at any time. Edit it?</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="223"/>
        <source>修改原因(&amp;R)：</source>
        <translation>&amp;Reason for the change:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="226"/>
        <source>例如：补充照片、更正面积（可不填，会记入修改历史）</source>
        <translation>e.g. added photos, corrected an area (optional; recorded in the history)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="228"/>
        <source>按上级审核意见补充修改（退回补充）</source>
        <translation>Additions asked for by the reviewer (returned for more)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review_import.py" line="236"/>
        <location filename="../../dqsa/ui/sent_banner.py" line="240"/>
        <source>取消(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/sent_banner.py" line="249"/>
        <source>在窗口中选择“修改（需重新报送）”</source>
        <translation>Choose &quot;Edit (must be sent again)&quot; in the window</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="60"/>
        <source>台账以只读方式打开，不能签署审核结果（签署后要在台账中记下返回的结果）：</source>
        <translation>The desk file is open read-only, so no review result can be signed (the desk must record each result it returns): </translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="64"/>
        <source>这个材料包的签署身份还没有核实，核实并接受后才能审核和导出审核结果。</source>
        <translation>The signing identity of this packet has not been verified yet; verify and accept it before reviewing and exporting a review result.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="66"/>
        <source>这个材料包已被同一中心同一年度的新版本替换，请对新版本导出审核结果。</source>
        <translation>This packet has been replaced by a newer one from the same center for the same year; export the review result from the newer one.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="105"/>
        <source>导出审核结果：{0}</source>
        <translation>Export review result: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="108"/>
        <source>{0} · {1} 年度&#x3000;审核结论：{2}</source>
        <translation>{0} · {1}&#x3000;Verdict: {2}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="117"/>
        <source>审核结果是一个签过名的 zip 文件（内含逐项复核得分、理由、审核意见和一份可打印的 PDF），请用电子邮件或 U 盘交给该中心，中心用“文件 → 导入审核结果”导入。</source>
        <translation>The review result is a signed zip file (item-by-item reviewed scores, reasons, the comment and a printable PDF). Give it to the center by email or USB stick; the center imports it with “File → Import review result”.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="122"/>
        <source>审核结论仍是“待审核”：中心导入后看到的也是“待审核”。审核完成后请先选定结论。</source>
        <translation>The verdict is still “Pending”: the center will see “Pending” too. Choose a verdict first once the review is done.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="125"/>
        <source>已于 {0} 导出过审核结果（{1}）；再次导出会生成新的一份，中心以最后导入的为准。</source>
        <translation>A review result was exported on {0} ({1}); exporting again makes a new one, and the center goes by the last one it imports.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="144"/>
        <source>例如 组织委员</source>
        <translation>e.g. Organization committee member</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="159"/>
        <source>签署人(&amp;S)：</source>
        <translation>&amp;Signer:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="160"/>
        <source>职务(&amp;T)：</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="161"/>
        <source>台账签署口令(&amp;P)：</source>
        <translation>Desk signing &amp;passphrase:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="165"/>
        <source>找不到签署私钥：新建签署身份(&amp;G)（各中心会看到新的证书指纹）</source>
        <translation>Signing key not found: create a new si&amp;gning identity (the centers will see a new certificate fingerprint)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="170"/>
        <source>签署并导出(&amp;E)</source>
        <translation>Sign and &amp;export</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="222"/>
        <source>这台电脑上找不到本台账的签署私钥（换了电脑、重装了系统，或文件被删除）。请把原来那台电脑上的签署身份复制过来；实在无法找回时，勾选下面的“新建签署身份”，但各中心会看到新的证书指纹，需要告知它们以新指纹为准。本台账登记的证书指纹：</source>
        <translation>This computer does not have the desk&apos;s signing key (a new computer, a reinstalled system, or the file was deleted). Copy the signing identity over from the old computer; if it cannot be recovered, tick “create a new signing identity” below, but the centers will see a new certificate fingerprint and must be told to go by it. The certificate fingerprint registered for this desk:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="231"/>
        <source>第一次签署：将为本台账建立签署身份（数字证书），签署后会显示它的证书指纹，请告知各中心。请设定一个口令（至少 8 个字符，可以用中文，不能全是数字），输入两遍，并记在安全的地方。</source>
        <translation>First signature: a signing identity (digital certificate) will be created for this desk; its certificate fingerprint is shown after signing, tell it to the centers. Choose a passphrase (at least 8 characters, Chinese allowed, not all digits), type it twice, and keep it somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="235"/>
        <source>将新建签署身份：请设定新的口令，输入两遍。各中心会看到新的证书指纹，请告知它们。</source>
        <translation>A new signing identity will be created: choose a new passphrase and type it twice. The centers will see a new certificate fingerprint; tell them.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="240"/>
        <source>请输入本台账的签署口令。本台账的证书指纹（各中心据此核对审核结果，四位一组）：</source>
        <translation>Enter the desk&apos;s signing passphrase. The desk&apos;s certificate fingerprint (the centers check review results against it, in groups of four):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="242"/>
        <source>请输入本台账的签署口令。</source>
        <translation>Enter the desk&apos;s signing passphrase.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="256"/>
        <source>审核结果保存到</source>
        <translation>Save the review result to</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="275"/>
        <location filename="../../dqsa/ui/desk/returning.py" line="367"/>
        <source>找不到本台账的签署私钥，没有导出。</source>
        <translation>The desk&apos;s signing key was not found; nothing was exported.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="277"/>
        <source>请输入台账签署口令。</source>
        <translation>Enter the desk&apos;s signing passphrase.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="287"/>
        <source>台账签署口令至少 {0} 个字符（可以用中文），不能全是数字，也不能是同一个字符重复。请牢记：忘记口令时只能新建签署身份，各中心会看到新的证书指纹。</source>
        <translation>The desk&apos;s signing passphrase needs at least {0} characters (Chinese allowed), not all digits and not one character repeated. Remember it: if it is forgotten, only a new signing identity can be made, and the centers will see a new certificate fingerprint.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="294"/>
        <source>请选择一个已有的文件夹保存审核结果（例如桌面或 U 盘）。</source>
        <translation>Choose an existing folder for the review result (for example the desktop or a USB stick).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="327"/>
        <source>正在签署审核结果…</source>
        <translation>Signing the review result…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="328"/>
        <source>导出审核结果</source>
        <translation>Export review result</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="377"/>
        <source>将为本台账新建签署身份。以后的审核结果证书指纹会改变，各中心导入时会看到新的指纹，需要它们确认；请主动告知各中心以新指纹为准。继续吗？</source>
        <translation>A new signing identity will be created for this desk. Review results will carry a new certificate fingerprint, which the centers must confirm when they import them; tell them to go by the new fingerprint. Continue?</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="398"/>
        <source>无法写出审核结果：{0}</source>
        <translation>Could not write the review result: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="400"/>
        <source>导出审核结果失败：{0}</source>
        <translation>Exporting the review result failed: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="407"/>
        <source>审核结果已导出</source>
        <translation>Review result exported</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="410"/>
        <source>已为本台账建立签署身份。请把下面的证书指纹告知各中心（电话或当面，四位一组逐组读），供它们核对。

</source>
        <translation>A signing identity was created for this desk. Tell the centers the certificate fingerprint below (by phone or in person, reading it group by group) so they can check it.

</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/desk/returning.py" line="416"/>
        <source>审核结果已签署并保存：
{0}

{1}本台账的证书指纹：
{2}

台账已记下这次返回。</source>
        <translation>The review result was signed and saved:
{0}

{1}The desk&apos;s certificate fingerprint:
{2}

The desk has recorded this return.</translation>
    </message>
</context>
<context>
    <name>AssessmentWizard</name>
    <message>
        <location filename="../../forms/wizard.ui" line="10"/>
        <source>年度自评</source>
        <translation>Annual self-assessment</translation>
    </message>
    <message>
        <location filename="../../forms/wizard.ui" line="22"/>
        <source>实时得分</source>
        <translation>Live score</translation>
    </message>
    <message>
        <location filename="../../forms/wizard.ui" line="48"/>
        <source>返回年度列表(&amp;Y)</source>
        <translation>Back to the list of &amp;years</translation>
    </message>
    <message>
        <location filename="../../forms/wizard.ui" line="50"/>
        <source>上一步(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../forms/wizard.ui" line="51"/>
        <source>下一步(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
</context>
<context>
    <name>DeskReview</name>
    <message>
        <location filename="../../forms/desk_review.ui" line="8"/>
        <source>返回列表(&amp;B)</source>
        <translation>&amp;Back to the list</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="9"/>
        <source>上一个中心(&amp;Q)</source>
        <translation>Previous center (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="10"/>
        <source>下一个中心(&amp;N)</source>
        <translation>&amp;Next center</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="12"/>
        <source>查看自评报告(&amp;P)</source>
        <translation>View re&amp;port</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="13"/>
        <source>查看照片(&amp;O)</source>
        <translation>Ph&amp;otos</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="14"/>
        <source>上年材料(&amp;L)</source>
        <translation>&amp;Last year</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="15"/>
        <source>另存材料包(&amp;S)…</source>
        <translation>&amp;Save packet as…</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="16"/>
        <source>导出审核结果(&amp;X)…</source>
        <translation>E&amp;xport review result…</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="16"/>
        <source>签署本中心本年度的审核结果（zip），交给中心导入</source>
        <translation>Sign this center&apos;s review result for this year (a zip) for the center to import</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="40"/>
        <source>审核结论：</source>
        <translation>Review result:</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="41"/>
        <source>待审核(&amp;W)</source>
        <translation>Pending (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="42"/>
        <source>通过(&amp;G)</source>
        <translation>Passed (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="43"/>
        <source>退回补充(&amp;U)</source>
        <translation>Ret&amp;urned</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="44"/>
        <source>有问题(&amp;J)</source>
        <translation>Problem (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="46"/>
        <source>审核人(&amp;R)：</source>
        <translation>&amp;Reviewer:</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="47"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="52"/>
        <source>审核意见(&amp;M)：</source>
        <translation>Co&amp;mment:</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="56"/>
        <source>给中心的意见（退回补充时写明需要补充什么）</source>
        <translation>Your comment to the center (when returning, say what must be added)</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="69"/>
        <source>逐项复核(&amp;I)：选中条目后在下方填写复核得分和理由（与自评相同的不必填写）</source>
        <translation>&amp;Items: choose one, then enter your score and reason below (nothing needed where you agree)</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="80"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="81"/>
        <source>自评</source>
        <translation>Own</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="82"/>
        <source>复核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="83"/>
        <source>复核理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="98"/>
        <source>复核得分(&amp;K)：</source>
        <translation>Reviewer’s score (&amp;K):</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="101"/>
        <source>理由(&amp;E)：</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="102"/>
        <source>复核得分与自评不同时必须写明理由</source>
        <translation>A reason is required when your score differs from the center’s</translation>
    </message>
    <message>
        <location filename="../../forms/desk_review.ui" line="103"/>
        <source>按自评(&amp;Z)</source>
        <translation>As the center’s (&amp;Z)</translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <location filename="../../forms/desk_view.ui" line="8"/>
        <source>上级审核台账</source>
        <translation>Review desk</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="20"/>
        <source>年度(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="23"/>
        <source>评分标准(&amp;S)：</source>
        <translation>&amp;Standard:</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="30"/>
        <source>地区(&amp;R)：</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="32"/>
        <source>级别(&amp;L)：</source>
        <translation>&amp;Level:</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="34"/>
        <source>审核状态(&amp;T)：</source>
        <translation>Review s&amp;tate:</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="36"/>
        <source>接收状态(&amp;U)：</source>
        <translation>Receipt stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="38"/>
        <source>查找(&amp;K)：</source>
        <translation>Loo&amp;k for:</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="39"/>
        <source>中心名称中的字</source>
        <translation>part of a center’s name</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="45"/>
        <source>各中心(&amp;C)</source>
        <translation>&amp;Centers</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="77"/>
        <source>统计图表(&amp;D)</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="89"/>
        <source>接收材料包(&amp;A)…</source>
        <translation>Receive p&amp;ackets…</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="90"/>
        <source>审核(&amp;O)</source>
        <translation>Rev&amp;iew</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="91"/>
        <source>核实身份(&amp;I)…</source>
        <translation>Check &amp;identity…</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="92"/>
        <source>导入名册(&amp;M)…</source>
        <translation>I&amp;mport roster…</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="94"/>
        <source>导出汇总表(&amp;X)…</source>
        <translation>E&amp;xport roll-up workbook…</translation>
    </message>
    <message>
        <location filename="../../forms/desk_view.ui" line="95"/>
        <source>导出汇总报告(&amp;P)…</source>
        <translation>Export roll-up re&amp;port…</translation>
    </message>
</context>
<context>
    <name>EvidenceStrip</name>
    <message>
        <location filename="../../dqsa/ui/evidence_strip.py" line="64"/>
        <source>可以把照片或文件拖到这里；选中后按 Delete 键删除</source>
        <translation>Drag photos or files here; select one and press Delete to remove it</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/evidence_strip.py" line="69"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/evidence_strip.py" line="101"/>
        <source>选择照片或文件</source>
        <translation>Choose photos or files</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/evidence_strip.py" line="147"/>
        <source>添加失败：{0}</source>
        <translation>Could not add: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/evidence_strip.py" line="148"/>
        <source>正在添加 {0}…</source>
        <translation>Adding {0}…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/evidence_strip.py" line="155"/>
        <source>正在添加 {0} 个文件…</source>
        <translation>Adding {0} files…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../forms/first_run_dialog.ui" line="5"/>
        <source>欢迎使用党群服务中心自评</source>
        <translation>Welcome to the party-mass service center self-assessment</translation>
    </message>
    <message>
        <location filename="../../forms/first_run_dialog.ui" line="10"/>
        <source>第一次使用，请先填写本中心的基本情况。以后可以在“中心概况”中修改。</source>
        <translation>Since this is your first time, please enter your center&apos;s basic details. You can change them later under &quot;Center profile&quot;.</translation>
    </message>
    <message>
        <location filename="../../forms/first_run_dialog.ui" line="16"/>
        <source>中心名称(&amp;M)：</source>
        <translation>Center na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../forms/first_run_dialog.ui" line="17"/>
        <source>例如：某某村党群服务中心</source>
        <translation>e.g. XX Village Party-Mass Service Center</translation>
    </message>
    <message>
        <location filename="../../forms/first_run_dialog.ui" line="18"/>
        <source>评分标准(&amp;S)：</source>
        <translation>Criteria &amp;pack:</translation>
    </message>
    <message>
        <location filename="../../forms/first_run_dialog.ui" line="21"/>
        <source>中心级别(&amp;L)：</source>
        <translation>Center &amp;level:</translation>
    </message>
    <message>
        <location filename="../../forms/first_run_dialog.ui" line="22"/>
        <source>请选择本中心的级别</source>
        <translation>Choose the level of the center</translation>
    </message>
    <message>
        <location filename="../../forms/first_run_dialog.ui" line="23"/>
        <source>所在地区(&amp;R)：</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <location filename="../../forms/first_run_dialog.ui" line="24"/>
        <source>例如：湖州市吴兴区某某街道（可不填）</source>
        <translation>e.g. XX Subdistrict, Wuxing District, Huzhou (optional)</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../forms/home_view.ui" line="8"/>
        <source>中心名称</source>
        <translation>Center name</translation>
    </message>
    <message>
        <location filename="../../forms/home_view.ui" line="20"/>
        <source>历年自评(&amp;Y)：</source>
        <translation>Self-assessments by &amp;year:</translation>
    </message>
    <message>
        <location filename="../../forms/home_view.ui" line="34"/>
        <source>新建年度自评(&amp;N)…</source>
        <translation>&amp;New self-assessment…</translation>
    </message>
    <message>
        <location filename="../../forms/home_view.ui" line="35"/>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../forms/home_view.ui" line="36"/>
        <source>对比(&amp;C)</source>
        <translation>&amp;Compare</translation>
    </message>
    <message>
        <location filename="../../forms/home_view.ui" line="37"/>
        <source>导出签署材料(&amp;E)</source>
        <translation>&amp;Export signed packet</translation>
    </message>
    <message>
        <location filename="../../forms/home_view.ui" line="38"/>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
</context>
<context>
    <name>PageFrame</name>
    <message>
        <location filename="../../forms/page_frame.ui" line="12"/>
        <source>页面标题</source>
        <translation>Page title</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../forms/profile_page.ui" line="6"/>
        <source>中心名称(&amp;M)：</source>
        <translation>Center na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../forms/profile_page.ui" line="8"/>
        <source>中心级别(&amp;L)：</source>
        <translation>Center &amp;level:</translation>
    </message>
    <message>
        <location filename="../../forms/profile_page.ui" line="10"/>
        <source>所在地区(&amp;R)：</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <location filename="../../forms/profile_page.ui" line="12"/>
        <source>联系方式(&amp;C)：</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <location filename="../../forms/profile_page.ui" line="14"/>
        <source>评估人(&amp;A)：</source>
        <translation>&amp;Assessor:</translation>
    </message>
    <message>
        <location filename="../../forms/profile_page.ui" line="16"/>
        <source>自评年度：</source>
        <translation>Assessment year:</translation>
    </message>
    <message>
        <location filename="../../forms/profile_page.ui" line="18"/>
        <source>评分标准：</source>
        <translation>Criteria pack:</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../forms/review_page.ui" line="17"/>
        <source>下一个缺改进措施的条目(&amp;J)</source>
        <translation>Next item without a measure (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="28"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="29"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="30"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="32"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="31"/>
        <source>改进措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="45"/>
        <source>更正得分(&amp;G)：</source>
        <translation>Override &amp;score:</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="47"/>
        <source>理由(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="48"/>
        <source>更正必须写明理由</source>
        <translation>An override needs a reason</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="49"/>
        <source>更正(&amp;U)</source>
        <translation>&amp;Override</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="50"/>
        <source>恢复自动得分(&amp;Z)</source>
        <translation>Restore &amp;automatic score</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="61"/>
        <source>改进措施(&amp;X)（标准 7.5 持续改进，未得满分的条目填写）：</source>
        <translation>&amp;Corrective action (standard 7.5, continual improvement; for items below full marks):</translation>
    </message>
</context>
<context>
    <name>StaffTable</name>
    <message>
        <location filename="../../forms/staff_table.ui" line="8"/>
        <source>工作人员名单(&amp;T)（直接在表格中填写；空格键勾选“是”）：</source>
        <translation>S&amp;taff list (type directly in the table; press Space to tick a box):</translation>
    </message>
    <message>
        <location filename="../../forms/staff_table.ui" line="22"/>
        <source>添加人员(&amp;J)</source>
        <translation>&amp;Add person</translation>
    </message>
    <message>
        <location filename="../../forms/staff_table.ui" line="23"/>
        <source>删除所选人员(&amp;K)</source>
        <translation>&amp;Remove selected people</translation>
    </message>
</context>
</TS>
