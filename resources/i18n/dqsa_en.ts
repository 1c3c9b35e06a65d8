<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="93"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="93"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="97"/>
        <source>符合</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="97"/>
        <source>不符合</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="97"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/first_run.py" line="24"/>
        <source>（据编制说明，非正式标准）</source>
        <translation> (based on the explanatory notes; not an official standard)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/first_run.py" line="40"/>
        <source>请填写中心名称。</source>
        <translation>Please enter the center name.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="18"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="18"/>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="48"/>
        <source>正在打开中心文件…</source>
        <translation>Opening the center file…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="65"/>
        <source>尚未填写中心概况</source>
        <translation>Center profile not filled in yet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="66"/>
        <source>请点“新建本年度自评”，先填写中心名称、级别和评分标准。</source>
        <translation>Click &quot;New self-assessment for this year&quot; and first enter the center&apos;s name, level and criteria pack.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="81"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="81"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="81"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="81"/>
        <source>签署日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="81"/>
        <source>最后修改</source>
        <translation>Last modified</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/home.py" line="108"/>
        <source>至少有两个年度的自评才能对比</source>
        <translation>Comparing needs self-assessments of at least two years</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/app.py" line="47"/>
        <location filename="../../dqsa/ui/main_window.py" line="84"/>
        <source>党群服务中心自评</source>
        <translation>Party-mass service center self-assessment</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="107"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="108"/>
        <source>打开中心文件(&amp;O)…</source>
        <translation>&amp;Open center file…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="109"/>
        <source>新建中心文件(&amp;N)…</source>
        <translation>&amp;New center file…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="110"/>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="111"/>
        <source>备份与恢复(&amp;B)…</source>
        <translation>&amp;Backup and restore…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="113"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="114"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="116"/>
        <source>用户指南(&amp;G)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="118"/>
        <source>校验材料包(&amp;V)…</source>
        <translation>&amp;Verify a packet…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="119"/>
        <source>打开示例中心(&amp;E)</source>
        <translation>Open &amp;example center</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="120"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="141"/>
        <source>（示例，修改不会影响您的文件）</source>
        <translation> (example; changes will not affect your files)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="178"/>
        <source>无法打开文件</source>
        <translation>Cannot open file</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="182"/>
        <source>打开最近的备份（副本）</source>
        <translation>Open latest backup (as a copy)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="194"/>
        <source>已打开备份</source>
        <translation>Backup opened</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="194"/>
        <source>已把备份复制为：
{0}
请核对内容后继续使用。</source>
        <translation>The backup was copied to:
{0}
Please check its contents before you continue.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/app.py" line="95"/>
        <location filename="../../dqsa/ui/main_window.py" line="199"/>
        <source>打开中心文件</source>
        <translation>Open center file</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="206"/>
        <source>新建中心文件</source>
        <translation>New center file</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="212"/>
        <source>文件已存在</source>
        <translation>File already exists</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="212"/>
        <source>这个文件已经存在，请换一个名称，或用“打开”。</source>
        <translation>This file already exists. Choose another name, or use &quot;Open&quot;.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="239"/>
        <source>本年度已有自评</source>
        <translation>This year&apos;s self-assessment exists</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="239"/>
        <source>{0} 年度的自评已经存在，现在打开它。</source>
        <translation>The {0} self-assessment already exists; opening it now.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="248"/>
        <source>新建本年度自评</source>
        <translation>New self-assessment for this year</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="250"/>
        <source>是否以 {0} 年度的自评为起点？
会复制场地、人员、功能区、制度和照片等情况，不复制评分、更正和签署。</source>
        <translation>Start from the {0} self-assessment?
Site, staff, functional zones, systems, photos and similar details are copied; scores, overrides and signatures are not.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="262"/>
        <source>无法新建</source>
        <translation>Cannot create</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="302"/>
        <source>用户指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="302"/>
        <source>找不到用户指南文件（安装不完整？）：docs/用户指南.md</source>
        <translation>The user guide was not found (incomplete installation?): docs/用户指南.md</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="325"/>
        <source>删除年度自评</source>
        <translation>Delete self-assessment</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="326"/>
        <source>确定删除 {0} 年度的自评吗？
删除前会自动备份，需要时可从“文件 → 备份与恢复”找回。</source>
        <translation>Delete the {0} self-assessment?
A backup is made automatically first; if needed, you can get it back from &quot;File → Backup and restore&quot;.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="337"/>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="341"/>
        <source>已删除 {0} 年度自评，删除前的备份：{1}</source>
        <translation>Deleted the {0} self-assessment. Backup made before deleting: {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="351"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="354"/>
        <source>自动备份（最新的在最上面）。恢复前会先备份当前内容，恢复后可以再改回来。</source>
        <translation>Automatic backups (newest first). The current contents are backed up before a restore, so you can switch back afterwards.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="364"/>
        <source>从所选备份恢复(&amp;R)</source>
        <translation>&amp;Restore from selected backup</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="380"/>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="384"/>
        <source>已从备份恢复：{0}</source>
        <translation>Restored from backup: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="392"/>
        <source>关于 dqsa</source>
        <translation>About dqsa</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="394"/>
        <source>&lt;b&gt;党群服务中心自评 dqsa {0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;评分标准包：&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;数据文件：{2}&lt;br&gt;日志文件：{3}</source>
        <translation>&lt;b&gt;Party-mass service center self-assessment (dqsa) {0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;Criteria packs:&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Data file: {2}&lt;br&gt;Log file: {3}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="403"/>
        <source>已保存 {0}</source>
        <translation>Saved at {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="407"/>
        <source>未能保存，修改仍在窗口中</source>
        <translation>Not saved; your changes are still in the window</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="415"/>
        <source>有修改未能保存</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/main_window.py" line="416"/>
        <source>有 {0} 处修改因磁盘问题未能保存。仍要退出吗？（已保存的内容不受影响）</source>
        <translation>{0} change(s) could not be saved because of a disk problem. Quit anyway? (Content already saved is not affected.)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="46"/>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="46"/>
        <source>人工</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="46"/>
        <source>更正</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="57"/>
        <source>得分 {0} / {1}</source>
        <translation>Score {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="69"/>
        <source>（{0} 分）</source>
        <translation> ({0} pts)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="133"/>
        <source>其他情况</source>
        <translation>Other facts</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="137"/>
        <source>台账资料（建立并保存齐全的打勾）：</source>
        <translation>Ledgers (tick those that are set up and kept complete):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="148"/>
        <source>评分：</source>
        <translation>Score:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="148"/>
        <source>分</source>
        <translation>pts</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="148"/>
        <source>0–{0}，步长 0.5</source>
        <translation>0–{0}, in steps of 0.5</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="153"/>
        <source>核查结果：</source>
        <translation>Check result:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="171"/>
        <source>说明：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="171"/>
        <source>评分依据、现场情况等（可不填）</source>
        <translation>Basis for the score, on-site findings, etc. (optional)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="181"/>
        <source>{0}：根据“人员配备”页的工作人员名单自动计算</source>
        <translation>{0}: calculated automatically from the staff list on the &quot;Staffing&quot; page</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="196"/>
        <source>整数，不小于 {0}</source>
        <translation>Whole number, at least {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="196"/>
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="213"/>
        <source>已设置</source>
        <translation>in place</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="213"/>
        <source>已建立</source>
        <translation>established</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="213"/>
        <source>齐全</source>
        <translation>complete</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="219"/>
        <source>面积</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="219"/>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="274"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="274"/>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="274"/>
        <source>专职</source>
        <translation>Full-time</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="274"/>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="274"/>
        <source>受过培训</source>
        <translation>Trained</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/pages.py" line="274"/>
        <source>电话（可不填）</source>
        <translation>Phone (optional)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="40"/>
        <source>{0}：符合 {1}/{2} 项</source>
        <translation>{0}: {1}/{2} items met</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="45"/>
        <source>合计：{0}%</source>
        <translation>Total: {0}%</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="47"/>
        <source>合计：{0} / {1}</source>
        <translation>Total: {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="48"/>
        <source>未填写 {0} 项</source>
        <translation>Unanswered: {0} items</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="24"/>
        <source>{0} 项</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="130"/>
        <source>{0}。未得满分 {1} 项（请在下方填写改进措施）。</source>
        <translation>{0}. Below full marks: {1} items (enter corrective actions below).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="144"/>
        <source>在上面的列表中选择一个条目（方向键），查看依据、更正得分或填写改进措施。</source>
        <translation>Select an item in the list above (arrow keys) to see its basis, override its score or enter a corrective action.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="165"/>
        <source>更正结果（符合/不符合）：</source>
        <translation>Override result (met/not_met):</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="165"/>
        <source>更正得分(&amp;G)：</source>
        <translation>Override &amp;score:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="180"/>
        <source>请填写“符合”“不符合”或“不适用”</source>
        <translation>Type “met”, “not met” or “n/a”</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/review.py" line="189"/>
        <source>请填写更正后的得分（数字）</source>
        <translation>Enter the override score (a number)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="20"/>
        <source>逐项对照标准原文填写。是/否题用方向键选择；数字直接输入，填错会在旁边提示。</source>
        <translation>Fill in each item against the wording of the standard. Choose yes/no answers with the arrow keys; type numbers directly (mistakes are flagged next to the field).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="21"/>
        <source>在表格中列出全部专兼职工作人员。专职人数、党员比例由名单自动计算。</source>
        <translation>List all full-time and part-time staff in the table. The number of full-time staff and the share of party members are calculated from the list.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="23"/>
        <source>勾选已设置的功能区和宣传展示内容；可以为每个功能区填写面积、添加照片（也可以把照片拖进来）。</source>
        <translation>Tick the functional zones and publicity displays that are in place; for each zone you can enter its area and add photos (or drag photos in).</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="25"/>
        <source>勾选已建立的工作机制和台账；可以附上制度文件。</source>
        <translation>Tick the working mechanisms and ledgers that are established; you can attach the written rules.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="26"/>
        <source>有次数要求的条目填写本年度次数，由程序计分；其余条目按实际情况人工评分并写明依据。</source>
        <translation>For items with a required number of times, enter this year&apos;s count and the program scores it; score the other items manually from the actual situation and state the basis.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="27"/>
        <source>资金保障逐项选择；满意度调查填写调查人数和满意人数，程序计算满意率。</source>
        <translation>Answer each funding item; for the satisfaction survey, enter the number of people surveyed and the number satisfied, and the program calculates the satisfaction rate.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="42"/>
        <source>&lt;b&gt;{0} 年度自评&lt;/b&gt;&lt;br&gt;{1}</source>
        <translation>&lt;b&gt;{0} self-assessment&lt;/b&gt;&lt;br&gt;{1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="69"/>
        <location filename="../../dqsa/ui/wizard.py" line="70"/>
        <source>评分总览</source>
        <translation>Score review</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="125"/>
        <source>注意：本年度自评在 {0} 签署导出后又有修改，已报送的材料包与现在的内容不一致；如需报送，请重新签署导出。</source>
        <translation>Note: this year&apos;s self-assessment was changed after it was signed and exported on {0}; the packet already sent no longer matches it. Sign and export again before sending.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/wizard.py" line="131"/>
        <source>本年度自评已于 {0} 签署导出。再修改会使其变回草稿，需要重新导出。</source>
        <translation>This year&apos;s self-assessment was signed and exported on {0}. Any change turns it back into a draft that must be exported again.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="63"/>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="83"/>
        <source>导出的材料包是一个 zip 文件，内含签署过的 PDF 报告、Excel 自评表、答卷和证明材料，可以直接通过电子邮件报送上级。签署使用本中心的数字证书，口令只保存在您心里。</source>
        <translation>The packet is one zip file holding the signed PDF report, the Excel workbook, the answers and the evidence; it can be emailed to the level above as it is. It is signed with the center&apos;s digital certificate; only you know the passphrase.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="97"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="101"/>
        <source>签署人姓名(&amp;S)：</source>
        <translation>&amp;Signer&apos;s name:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="102"/>
        <source>签署人职务(&amp;T)：</source>
        <translation>Signer&apos;s &amp;title:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="103"/>
        <source>签署口令(&amp;P)：</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="104"/>
        <source>保存到(&amp;F)：</source>
        <translation>Save to &amp;folder:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="111"/>
        <source>忘记了口令：新建签署身份（证书指纹会改变，请告知上级）</source>
        <translation>Forgot the passphrase: create a new signing identity (the certificate fingerprint changes; tell the level above)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="118"/>
        <source>签署并导出材料包(&amp;E)</source>
        <translation>Sign and &amp;export the packet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="124"/>
        <source>打开所在文件夹(&amp;O)</source>
        <translation>&amp;Open the folder</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="140"/>
        <source>本中心已有签署身份，请输入当初设定的口令。</source>
        <translation>This center already has a signing identity: enter the passphrase chosen then.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="144"/>
        <source>第一次签署：将为本中心建立签署身份（数字证书）。请设定一个口令（至少 6 个字符）并牢记。</source>
        <translation>First signing: a signing identity (digital certificate) will be created for this center. Choose a passphrase (at least 6 characters) and remember it.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="150"/>
        <source>还有 {0} 项未填写（记 0 分）：{1}</source>
        <translation>{0} items are unanswered (scored 0): {1}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="156"/>
        <source>所有条目都已填写。</source>
        <translation>Every item is answered.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="160"/>
        <source>材料包保存到</source>
        <translation>Save the packet to</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="170"/>
        <source>还有未填写的条目</source>
        <translation>Unanswered items</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="171"/>
        <source>还有 {0} 项未填写，这些条目记 0 分。仍要签署导出吗？</source>
        <translation>{0} items are unanswered and score 0. Sign and export anyway?</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="185"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="186"/>
        <location filename="../../dqsa/ui/wizard.py" line="73"/>
        <location filename="../../dqsa/ui/wizard.py" line="75"/>
        <source>签署导出</source>
        <translation>Sign and export</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="204"/>
        <source>新建签署身份</source>
        <translation>New signing identity</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="205"/>
        <source>将用刚输入的口令新建签署身份。以后报送的材料包证书指纹会改变，请告知上级。继续吗？</source>
        <translation>A new signing identity will be created with the passphrase just entered. Packets sent from now on will show a new certificate fingerprint; tell the level above. Continue?</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="221"/>
        <source>已为本中心建立签署身份。</source>
        <translation>A signing identity was created for this center.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="223"/>
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
        <location filename="../../dqsa/ui/export_page.py" line="245"/>
        <source>选择收到的材料包</source>
        <translation>Choose the packet you received</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="245"/>
        <source>材料包 (*.zip);;所有文件 (*)</source>
        <translation>Packets (*.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/export_page.py" line="251"/>
        <source>校验材料包</source>
        <translation>Verify a packet</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="40"/>
        <source>进步</source>
        <translation>Improved</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="41"/>
        <source>退步</source>
        <translation>Regressed</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="42"/>
        <source>不变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="43"/>
        <source>仅上年有</source>
        <translation>Earlier year only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="44"/>
        <source>仅本年有</source>
        <translation>Later year only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="87"/>
        <location filename="../../dqsa/ui/comparison_view.py" line="211"/>
        <location filename="../../dqsa/ui/comparison_view.py" line="212"/>
        <source>{0} 年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="118"/>
        <source>与以往年度对比</source>
        <translation>Compare with earlier years</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="130"/>
        <source>较早年度(&amp;A)：</source>
        <translation>E&amp;arlier year:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="132"/>
        <source>较晚年度(&amp;B)：</source>
        <translation>&amp;Later year:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="134"/>
        <source>只看退步(&amp;R)</source>
        <translation>&amp;Regressed only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="135"/>
        <source>只看有变化的(&amp;C)</source>
        <translation>&amp;Changed only</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="162"/>
        <source>情况变化：</source>
        <translation>What changed:</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="179"/>
        <source>请选择两个不同的年度，较早的在左边。</source>
        <translation>Choose two different years, the earlier one on the left.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="186"/>
        <source>（没有变化）</source>
        <translation>(no change)</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="189"/>
        <source>合计 {0}/{1} → {2}/{3}；进步 {4} 项，退步 {5} 项，不变 {6} 项。</source>
        <translation>Total {0}/{1} → {2}/{3}; {4} improved, {5} regressed, {6} unchanged.</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="209"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="210"/>
        <source>考评内容</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="213"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/comparison_view.py" line="214"/>
        <source>趋势</source>
        <translation>Trend</translation>
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
        <source>返回年度列表(&amp;H)</source>
        <translation>Back to &amp;year list</translation>
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
        <location filename="../../dqsa/ui/evidence_strip.py" line="54"/>
        <source>可以把照片或文件拖到这里；选中后按 Delete 键删除</source>
        <translation>Drag photos or files here; select one and press Delete to remove it</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/evidence_strip.py" line="57"/>
        <source>添加照片或文件…</source>
        <translation>Add photos or files…</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/evidence_strip.py" line="58"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../dqsa/ui/evidence_strip.py" line="89"/>
        <source>选择照片或文件</source>
        <translation>Choose photos or files</translation>
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
        <location filename="../../forms/first_run_dialog.ui" line="20"/>
        <source>中心级别(&amp;L)：</source>
        <translation>Center &amp;level:</translation>
    </message>
    <message>
        <location filename="../../forms/first_run_dialog.ui" line="22"/>
        <source>所在地区(&amp;R)：</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <location filename="../../forms/first_run_dialog.ui" line="23"/>
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
        <source>新建本年度自评(&amp;N)</source>
        <translation>&amp;New self-assessment for this year</translation>
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
    <name>NumberField</name>
    <message>
        <location filename="../../dqsa/ui/fields.py" line="144"/>
        <source>请输入数字，例如 230 或 230.5</source>
        <translation>Enter a number, e.g. 230 or 230.5</translation>
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
        <location filename="../../forms/review_page.ui" line="18"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="19"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="20"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="21"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="34"/>
        <source>更正得分(&amp;G)：</source>
        <translation>Override &amp;score:</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="36"/>
        <source>理由(&amp;Y)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="37"/>
        <source>更正必须写明理由</source>
        <translation>An override needs a reason</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="38"/>
        <source>更正(&amp;U)</source>
        <translation>&amp;Override</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="39"/>
        <source>恢复自动得分(&amp;Z)</source>
        <translation>Restore &amp;automatic score</translation>
    </message>
    <message>
        <location filename="../../forms/review_page.ui" line="50"/>
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
