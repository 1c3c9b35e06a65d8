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
        <source>符合</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="145"/>
        <location filename="../../dqsa/ui/review.py" line="231"/>
        <source>不符合</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="145"/>
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
        <source>（未保存）</source>
        <translation> (not saved)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="241"/>
        <source>（未保存；保存的仍是 {0}）</source>
        <translation> (not saved; the file still holds {0})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/first_run.py" line="47"/>
        <source>请填写中心名称。</source>
        <translation>Please enter the center name.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/first_run.py" line="51"/>
        <source>请选择中心级别（面积、人员等条目按级别计分）。</source>
        <translation>Please choose the level of the center (area, staff and other items are scored by level).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/first_run.py" line="74"/>
        <source>依据：{0}。这是编制说明，不是正式发布的标准，结果仅供对照。</source>
        <translation>Based on: {0}. This is an explanatory note, not a published standard; results are for reference only.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="81"/>
        <source>正在打开中心文件…</source>
        <extracomment>A figure still being scored. The list was drawn; True when every year&apos;s figures are on screen (none &quot;…&quot;).</extracomment>
        <translation>Opening the center file…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="147"/>
        <source>尚未填写中心概况</source>
        <translation>Center profile not filled in yet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="148"/>
        <source>请点“新建年度自评”，先填写中心名称、级别和评分标准。</source>
        <translation>Click “New self-assessment” and first enter the center’s name, level and criteria.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="123"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="90"/>
        <source>没有打开中心文件</source>
        <translation>No center file is open</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="91"/>
        <source>请用“文件 → 打开中心文件”选择一个文件。</source>
        <translation>Choose a file with “File → Open center file”.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="123"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="123"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="123"/>
        <source>签署日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="123"/>
        <source>最后修改</source>
        <translation>Last modified</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="154"/>
        <source>只读：</source>
        <translation>Read-only: </translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="165"/>
        <source>至少有两个年度的自评才能对比</source>
        <translation>Comparing needs self-assessments of at least two years</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="166"/>
        <source>文件以只读方式打开</source>
        <translation>The file is open read-only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/app.py" line="53"/>
        <location filename="../../dqsa/ui/main_window.py" line="93"/>
        <source>党群服务中心自评</source>
        <translation>Party-mass service center self-assessment</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="116"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="117"/>
        <source>打开中心文件(&amp;O)…</source>
        <translation>&amp;Open center file…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="118"/>
        <source>新建中心文件(&amp;N)…</source>
        <translation>&amp;New center file…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="119"/>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="120"/>
        <source>备份与恢复(&amp;B)…</source>
        <translation>&amp;Backup and restore…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="123"/>
        <source>备份签署身份(&amp;K)…</source>
        <translation>Bac&amp;k up signing identity…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="124"/>
        <source>恢复签署身份(&amp;I)…</source>
        <translation>Restore signing &amp;identity…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="126"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="128"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="130"/>
        <source>用户指南(&amp;G)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="132"/>
        <source>校验材料包(&amp;V)…</source>
        <translation>&amp;Verify a packet…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="133"/>
        <source>打开示例中心(&amp;E)</source>
        <translation>Open &amp;example center</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="134"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="139"/>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="143"/>
        <source>正常</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="143"/>
        <source>较大</source>
        <translation>larger</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="143"/>
        <source>很大</source>
        <translation>largest</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="147"/>
        <source>文字{0}（{1}%）(&amp;{2})</source>
        <translation>Text {0} ({1}%) (&amp;{2})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="156"/>
        <source>放大文字(&amp;I)</source>
        <translation>&amp;Increase text size</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="159"/>
        <source>缩小文字(&amp;O)</source>
        <translation>Decrease text size (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="192"/>
        <source>（示例，修改不会影响您的文件）</source>
        <translation> (example; changes will not affect your files)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="229"/>
        <source>无法打开文件</source>
        <translation>Cannot open file</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="233"/>
        <source>打开最近的备份（副本）</source>
        <translation>Open latest backup (as a copy)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="245"/>
        <source>已打开备份</source>
        <translation>Backup opened</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="245"/>
        <source>已把备份复制为：
{0}
请核对内容后继续使用。</source>
        <translation>The backup was copied to:
{0}
Please check its contents before you continue.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="351"/>
        <source>找不到用户指南文件（安装不完整？请重新安装程序）：docs/用户指南.md</source>
        <translation>The user guide was not found (incomplete installation? please reinstall the program): docs/用户指南.md</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/app.py" line="152"/>
        <location filename="../../dqsa/ui/main_window.py" line="250"/>
        <source>打开中心文件</source>
        <translation>Open center file</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="258"/>
        <source>新建中心文件</source>
        <translation>New center file</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="265"/>
        <source>文件已存在</source>
        <translation>File already exists</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="265"/>
        <source>这个文件已经存在，请换一个名称，或用“打开”。</source>
        <translation>This file already exists. Choose another name, or use &quot;Open&quot;.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="302"/>
        <source>无法新建</source>
        <translation>Cannot create</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/help_window.py" line="26"/>
        <location filename="../../dqsa/ui/main_window.py" line="351"/>
        <source>用户指南</source>
        <extracomment>Widest a picture of the guide is shown (the screenshots are 1000 px wide).</extracomment>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="381"/>
        <source>删除年度自评</source>
        <translation>Delete self-assessment</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="382"/>
        <source>确定删除 {0} 年度的自评吗？
删除前会自动备份，需要时可从“文件 → 备份与恢复”找回。</source>
        <translation>Delete the {0} self-assessment?
A backup is made automatically first; if needed, you can get it back from &quot;File → Backup and restore&quot;.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="393"/>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="397"/>
        <source>已删除 {0} 年度自评，删除前的备份：{1}</source>
        <translation>Deleted the {0} self-assessment. Backup made before deleting: {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="415"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="418"/>
        <source>自动备份（最新的在最上面）。恢复前会先备份当前内容，恢复后可以再改回来。</source>
        <translation>Automatic backups (newest first). The current contents are backed up before a restore, so you can switch back afterwards.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="428"/>
        <source>从所选备份恢复(&amp;R)</source>
        <translation>&amp;Restore from selected backup</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="444"/>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="448"/>
        <source>已从备份恢复：{0}</source>
        <translation>Restored from backup: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="454"/>
        <source>{0}（版本 {1}）</source>
        <translation>{0} (version {1})</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="458"/>
        <source>关于 dqsa</source>
        <translation>About dqsa</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="460"/>
        <source>&lt;b&gt;党群服务中心自评 dqsa {0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;评分标准包：&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;数据文件：{2}&lt;br&gt;日志文件：{3}</source>
        <translation>&lt;b&gt;Party-mass service center self-assessment (dqsa) {0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;Criteria packs:&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Data file: {2}&lt;br&gt;Log file: {3}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="469"/>
        <source>已保存 {0}</source>
        <translation>Saved at {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="473"/>
        <source>未能保存，修改仍在窗口中</source>
        <translation>Not saved; your changes are still in the window</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="481"/>
        <source>正在完成导出或照片添加，完成后自动关闭…</source>
        <translation>Finishing the export or the photos being added; the window closes when done…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="490"/>
        <source>有修改未能保存</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="491"/>
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
        <location filename="../../dqsa/ui/review.py" line="50"/>
        <source>{0}：符合 {1}/{2} 项</source>
        <translation>{0}: {1}/{2} items met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="55"/>
        <source>合计：{0}%</source>
        <translation>Total: {0}%</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="57"/>
        <source>合计：{0} / {1}</source>
        <translation>Total: {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="58"/>
        <source>未填写 {0} 项</source>
        <translation>Unanswered: {0} items</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="201"/>
        <location filename="../../dqsa/ui/review.py" line="34"/>
        <location filename="../../dqsa/ui/review.py" line="77"/>
        <source>{0} 项</source>
        <extracomment>The tree&apos;s columns.</extracomment>
        <translation>{0} items</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="80"/>
        <source>每年重新填写、本年度还没有填写的 {0} 项</source>
        <translation>{0} answers asked every year and not filled in for this year yet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="92"/>
        <source>点击页面名称转到该页填写：</source>
        <translation>Click a page&apos;s name to go there:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="195"/>
        <source>第{0}项&#x3000;{1}</source>
        <translation>Item {0}  {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="231"/>
        <source>未得满分</source>
        <translation>Below full marks:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="233"/>
        <source>{0}。</source>
        <translation>{0}.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="235"/>
        <source>{0}。{1} {2} 项，改进措施都已填写。</source>
        <translation>{0}. {1} {2} items, all with an improvement measure.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="237"/>
        <source>{0}。{1} {2} 项，已填写改进措施 {3} 项，还缺 {4} 项（在下方列表的“改进措施”一列标为“待填写”）。</source>
        <translation>{0}. {1} {2} items, {3} with an improvement measure, {4} still missing (marked “to write” in the Measures column below).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="274"/>
        <source>在上面的列表中选择一个条目（方向键），查看依据、更正得分或填写改进措施。</source>
        <translation>Select an item in the list above (arrow keys) to see its basis, override its score or enter a corrective action.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="295"/>
        <source>更正结果（符合/不符合）：</source>
        <translation>Override result (met/not_met):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="295"/>
        <source>更正得分(&amp;G)：</source>
        <translation>Override &amp;score:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="314"/>
        <source>请填写“符合”“不符合”或“不适用”</source>
        <translation>Type “met”, “not met” or “n/a”</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="323"/>
        <source>请填写更正后的得分（数字）</source>
        <translation>Enter the override score (a number)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="356"/>
        <source>已填写</source>
        <translation>written</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="358"/>
        <source>待填写</source>
        <translation>to write</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="49"/>
        <source>&lt;b&gt;{0} 年度自评&lt;/b&gt;&lt;br&gt;{1}</source>
        <extracomment>What a person edits with; a read-only wizard disables these (labels, lists and trees stay usable).</extracomment>
        <translation>&lt;b&gt;{0} self-assessment&lt;/b&gt;&lt;br&gt;{1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="92"/>
        <location filename="../../dqsa/ui/wizard.py" line="94"/>
        <source>评分总览</source>
        <translation>Score review</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="179"/>
        <source>注意：本年度自评在 {0} 签署导出后又有修改，已报送的材料包与现在的内容不一致；如需报送，请重新签署导出。</source>
        <translation>Note: this year&apos;s self-assessment was changed after it was signed and exported on {0}; the packet already sent no longer matches it. Sign and export again before sending.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="185"/>
        <source>本年度自评已于 {0} 签署导出。再修改会使其变回草稿，需要重新导出。</source>
        <translation>This year&apos;s self-assessment was signed and exported on {0}. Any change turns it back into a draft that must be exported again.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="385"/>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="110"/>
        <source>签署人姓名(&amp;S)：</source>
        <translation>&amp;Signer&apos;s name:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="111"/>
        <source>签署人职务(&amp;T)：</source>
        <translation>Signer&apos;s &amp;title:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="112"/>
        <location filename="../../dqsa/ui/identity.py" line="115"/>
        <location filename="../../dqsa/ui/identity.py" line="208"/>
        <source>签署口令(&amp;P)：</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="137"/>
        <source>签署并导出材料包(&amp;E)</source>
        <translation>Sign and &amp;export the packet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="143"/>
        <source>打开所在文件夹(&amp;O)</source>
        <translation>&amp;Open the folder</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="204"/>
        <source>本中心已有签署身份，请输入当初设定的口令。</source>
        <translation>This center already has a signing identity: enter the passphrase chosen then.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="164"/>
        <source>还有 {0} 项未填写（记 0 分）：{1}</source>
        <translation>{0} items are unanswered (scored 0): {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="170"/>
        <source>所有条目都已填写。</source>
        <translation>Every item is answered.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="216"/>
        <source>材料包保存到</source>
        <translation>Save the packet to</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="48"/>
        <source>签署口令相当于本中心电子印章的密码：每次签署导出都要输入。口令不保存在电脑里，程序和任何人都无法替您找回；忘记了只能新建签署身份，上级需要重新核对证书指纹。请把口令记在本子上，和公章一样妥善保管。</source>
        <extracomment>Items named in full in a message; more are counted (&quot;…等 21 项&quot;).</extracomment>
        <translation>The signing passphrase is the password of the center’s electronic seal: it is asked for at every signed export. It is not stored on the computer and nobody, not even the program, can recover it; if it is forgotten, a new signing identity must be created and the level above must check the new certificate fingerprint. Write it down and keep it as safely as the official seal.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="58"/>
        <source> 等 {0} 项</source>
        <translation> and others, {0} items in all</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="85"/>
        <source>导出的材料包是一个 zip 文件，内含签署过的 PDF 报告、Excel 自评表、答卷和照片等证明材料，可以直接用电子邮件报送上级，也可以拷在 U 盘上送去。</source>
        <translation>The packet is a zip file holding the signed PDF report, the Excel self-assessment, the answers and the evidence such as photos; send it to the level above by e-mail or bring it on a USB stick.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="104"/>
        <source>第一次设定口令，请再输入一遍确认</source>
        <translation>A new passphrase: type it once more to confirm</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="106"/>
        <source>选择(&amp;C)…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="113"/>
        <source>再次输入口令(&amp;A)：</source>
        <translation>P&amp;assphrase again:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="116"/>
        <source>保存到(&amp;D)：</source>
        <translation>Save to fol&amp;der:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="123"/>
        <source>忘记了口令，新建签署身份(&amp;G)（证书指纹会改变，请告知上级）</source>
        <translation>Passphrase forgotten: create a new si&amp;gning identity (the certificate fingerprint changes; tell the level above)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="132"/>
        <source>去填写改进措施(&amp;M)</source>
        <translation>Write the &amp;measures</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="197"/>
        <source>第一次签署：将为本中心建立签署身份（数字证书）。请设定一个口令（至少 8 个字符，可以用中文，不能全是数字），输入两遍，并记在安全的地方。</source>
        <translation>First signature: a signing identity (digital certificate) will be created for the center. Choose a passphrase (at least 8 characters, Chinese allowed, not only digits), type it twice and keep it in a safe place.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="202"/>
        <source>将新建签署身份：请设定新的口令，输入两遍。</source>
        <translation>A new signing identity will be created: choose a new passphrase and type it twice.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="227"/>
        <source>两次输入的口令不一样，请重新输入。</source>
        <translation>The two passphrases differ; please type them again.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="252"/>
        <source>正在新建签署身份</source>
        <translation>Creating the signing identity</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="258"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="259"/>
        <location filename="../../dqsa/ui/wizard.py" line="97"/>
        <location filename="../../dqsa/ui/wizard.py" line="100"/>
        <source>签署导出</source>
        <translation>Sign and export</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="287"/>
        <source>还有 {0} 项未填写，这些条目记 0 分。</source>
        <translation>{0} items are not answered yet and score 0.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="291"/>
        <source>以下 {0} 项未得满分，还没有填写改进措施：
{1}</source>
        <translation>These {0} items are below full marks and have no improvement measure yet:
{1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="299"/>
        <source>还有没填完的内容</source>
        <translation>Some things are not filled in yet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="300"/>
        <source>仍要签署导出吗？</source>
        <translation>Sign and export anyway?</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="309"/>
        <source>新建签署身份</source>
        <translation>New signing identity</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="310"/>
        <source>将用刚输入的口令新建签署身份。以后报送的材料包证书指纹会改变，请告知上级。继续吗？</source>
        <translation>A new signing identity will be created with the passphrase just entered. Packets sent from now on will show a new certificate fingerprint; tell the level above. Continue?</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="321"/>
        <source>已为本中心建立签署身份。</source>
        <translation>A signing identity was created for this center.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="323"/>
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
        <location filename="../../dqsa/ui/export_page.py" line="346"/>
        <source>无法打开文件夹</source>
        <translation>Cannot open the folder</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="348"/>
        <source>没能打开文件管理器。材料包保存在：
{0}
请在“此电脑”或文件管理器中打开这个文件夹。</source>
        <translation>The file manager could not be opened. The packet was saved in:
{0}
Please open this folder in “This PC” or a file manager.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="359"/>
        <source>所有适用条目都已符合，不需要改进措施。</source>
        <translation>Every applicable item is met: no improvement measure is needed.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="361"/>
        <source>所有条目都得了满分，不需要改进措施。</source>
        <translation>Every item has full marks: no improvement measure is needed.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="364"/>
        <source>改进措施：不符合 {0} 项，已填写 {1} 项</source>
        <translation>Improvement measures: {0} items not met, {1} written</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="366"/>
        <source>改进措施：未得满分 {0} 项，已填写 {1} 项</source>
        <translation>Improvement measures: {0} items below full marks, {1} written</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="369"/>
        <source>，全部填写了。</source>
        <translation>, all written.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="370"/>
        <source>，还缺 {0} 项：{1}</source>
        <translation>, {0} missing: {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/verification.py" line="25"/>
        <source>选择收到的材料包</source>
        <translation>Choose the packet you received</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/verification.py" line="25"/>
        <source>材料包 (*.zip);;所有文件 (*)</source>
        <translation>Packets (*.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/verification.py" line="35"/>
        <source>正在校验 {0}…</source>
        <translation>Checking {0}…</translation>
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
        <location filename="../../dqsa/ui/comparison_view.py" line="125"/>
        <location filename="../../dqsa/ui/comparison_view.py" line="276"/>
        <location filename="../../dqsa/ui/comparison_view.py" line="277"/>
        <source>{0} 年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="165"/>
        <source>与以往年度对比</source>
        <extracomment>Columns: the item, both years, the change, the trend, then the item&apos;s wording (and the domain&apos;s note). Where a row keeps its item id (the first column shows the item as the standard labels it).</extracomment>
        <translation>Compare with earlier years</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="177"/>
        <source>较早年度(&amp;A)：</source>
        <translation>E&amp;arlier year:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="179"/>
        <source>较晚年度(&amp;B)：</source>
        <translation>&amp;Later year:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="181"/>
        <source>只看退步(&amp;R)</source>
        <translation>&amp;Regressed only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="182"/>
        <source>只看有变化的(&amp;C)</source>
        <translation>&amp;Changed only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="215"/>
        <source>情况变化：</source>
        <translation>What changed:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="233"/>
        <source>请选择两个不同的年度，较早的在左边。</source>
        <translation>Choose two different years, the earlier one on the left.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="242"/>
        <source>（没有变化）</source>
        <translation>(no change)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="247"/>
        <source>{0} {1} 项</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="252"/>
        <source>合计 {0}/{1} → {2}/{3}；{4}。</source>
        <translation>Total {0}/{1} → {2}/{3}; {4}.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="280"/>
        <source>考评内容 / 说明</source>
        <translation>Criterion / note</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="297"/>
        <location filename="../../dqsa/ui/pages.py" line="86"/>
        <location filename="../../dqsa/ui/review.py" line="302"/>
        <source>条目编号：{0}</source>
        <translation>Item id: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="275"/>
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
        <source>未填写</source>
        <translation>not answered</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="278"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="279"/>
        <source>趋势</source>
        <translation>Trend</translation>
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
