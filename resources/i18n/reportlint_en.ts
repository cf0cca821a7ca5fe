<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name />
        <message>
            <source>保存修改</source>
            <translation>Save changes</translation>
        </message>
        <message>
            <source>“{name}”有未保存的修改。是否保存？</source>
            <translation>“{name}” has unsaved changes. Save them?</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>不保存</source>
            <translation>Don't save</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>“{name}”已被其他程序修改。是否重新载入？</source>
            <translation>“{name}” was changed by another program. Reload it?</translation>
        </message>
        <message>
            <source>重新载入会丢失在这里所做的未保存修改。</source>
            <translation>Reloading discards the unsaved changes made here.</translation>
        </message>
        <message>
            <source>文件已更改</source>
            <translation>File changed</translation>
        </message>
        <message>
            <source>文件被占用</source>
            <translation>File in use</translation>
        </message>
        <message>
            <source>另存为…</source>
            <translation>Save as…</translation>
        </message>
        <message>
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>公文 (*.docx *.txt);;Word 文档 (*.docx);;文本文件 (*.txt)</source>
            <translation>Documents (*.docx *.txt);;Word documents (*.docx);;Text files (*.txt)</translation>
        </message>
        <message>
            <source>另存为</source>
            <translation>Save as</translation>
        </message>
        <message>
            <source>Word 文档 (*.docx);;文本文件 (*.txt)</source>
            <translation>Word documents (*.docx);;Text files (*.txt)</translation>
        </message>
        <message>
            <source>此修改不一定正确（例如编号跳过可能是漏写了一部分），请确认以下改动：</source>
            <translation>This fix may not be right (a skipped number may mean a missing part, for example). Please check these changes:</translation>
        </message>
        <message>
            <source>位置</source>
            <translation>Location</translation>
        </message>
        <message>
            <source>原文</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>改为</source>
            <translation>Change to</translation>
        </message>
        <message>
            <source>应用修改</source>
            <translation>Apply changes</translation>
        </message>
        <message>
            <source>无法打开</source>
            <translation>Cannot open</translation>
        </message>
        <message>
            <source>无法打开“{p}”：
{r}</source>
            <translation>Cannot open “{p}”:
{r}</translation>
        </message>
    </context>
    <context>
        <name>AboutDialog</name>
        <message>
            <source>关于 ReportLint</source>
            <extracomment>(name shown, distribution name for its version, license, homepage)</extracomment>
            <translation>About ReportLint</translation>
        </message>
        <message>
            <source>ReportLint 公文结构校对</source>
            <translation>ReportLint — structure checker for Chinese official reports</translation>
        </message>
        <message>
            <source>版本 %1</source>
            <translation>Version %1</translation>
        </message>
        <message>
            <source>检查工作总结、述职报告、情况报告、请示、通知等公文的结构：标题序号、序次语、占位符、缺失部分……</source>
            <translation>Checks the structure of Chinese official documents (work summaries, duty reports, situation reports, requests, notices): heading numbers, ordinal series, placeholders, missing sections…</translation>
        </message>
        <message>
            <source>随附的第三方组件及其许可证：</source>
            <translation>Bundled third-party components and their licenses:</translation>
        </message>
        <message>
            <source>组件</source>
            <translation>Component</translation>
        </message>
        <message>
            <source>版本</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>许可证</source>
            <translation>License</translation>
        </message>
        <message>
            <source>网址</source>
            <translation>Website</translation>
        </message>
        <message>
            <source>Qt 和 PySide6 以 LGPLv3 许可证提供，可以替换为其他兼容版本；其源代码可在上述网址获取。</source>
            <translation>Qt and PySide6 are provided under the LGPLv3 and may be replaced with another compatible version; their source code is available at the address above.</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Crash</name>
        <message>
            <source>出现意外错误</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <source>ReportLint 遇到了一个意外错误，但仍在运行。</source>
            <translation>ReportLint ran into an unexpected error but is still running.</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>打开的文档没有丢失，建议尽快保存。
错误：%1
详细信息已记录到 %2。</source>
            <translation>Your open documents are not lost; we recommend saving them soon.
Error: %1
The details were logged to %2.</translation>
        </message>
    </context>
    <context>
        <name>DocumentEditor</name>
        <message>
            <source>[图片]</source>
            <translation>[image]</translation>
        </message>
        <message>
            <source>[图表]</source>
            <translation>[chart]</translation>
        </message>
        <message>
            <source>[文本框]</source>
            <translation>[text box]</translation>
        </message>
        <message>
            <source>[脚注]</source>
            <translation>[footnote]</translation>
        </message>
        <message>
            <source>[尾注]</source>
            <translation>[endnote]</translation>
        </message>
        <message>
            <source>[公式]</source>
            <translation>[equation]</translation>
        </message>
        <message>
            <source>[对象]</source>
            <translation>[object]</translation>
        </message>
        <message>
            <source>正在输入法组字，请先完成输入</source>
            <translation>The input method is composing; finish the input first</translation>
        </message>
        <message>
            <source>此处是 Word 自动生成的内容（域结果/目录/修订），请在 Word 中修改</source>
            <translation>This text is generated by Word (field result / table of contents / tracked change); edit it in Word</translation>
        </message>
        <message>
            <source>此段是 Word 自动生成或带修订的只读内容，请在 Word 中修改</source>
            <translation>This paragraph is generated by Word or has tracked changes and is read-only; edit it in Word</translation>
        </message>
        <message>
            <source>图片、公式、脚注等对象不能在这里修改，请在 Word 中修改</source>
            <translation>Images, equations, footnotes and other objects cannot be edited here; edit them in Word</translation>
        </message>
        <message>
            <source>修复：{0}</source>
            <translation>Fix: {0}</translation>
        </message>
        <message>
            <source>修复全部此类问题</source>
            <translation>Fix all problems of this kind</translation>
        </message>
        <message>
            <source>忽略此处</source>
            <translation>Ignore here</translation>
        </message>
        <message>
            <source>本文档忽略此规则</source>
            <translation>Ignore this rule in this document</translation>
        </message>
        <message>
            <source>光标处没有问题</source>
            <translation>No problem at the cursor</translation>
        </message>
        <message>
            <source>缩放：{0}%</source>
            <translation>Zoom: {0}%</translation>
        </message>
    </context>
    <context>
        <name>FindReplaceBar</name>
        <message>
            <source>查找：</source>
            <translation>Find:</translation>
        </message>
        <message>
            <source>查找内容</source>
            <translation>Text to find</translation>
        </message>
        <message>
            <source>上一个</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>查找上一个（Shift+Enter）</source>
            <translation>Find previous (Shift+Enter)</translation>
        </message>
        <message>
            <source>下一个</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>查找下一个（Enter）</source>
            <translation>Find next (Enter)</translation>
        </message>
        <message>
            <source>区分大小写</source>
            <translation>Match case</translation>
        </message>
        <message>
            <source>关闭（Esc）</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>替换为：</source>
            <translation>Replace with:</translation>
        </message>
        <message>
            <source>替换内容</source>
            <translation>Replacement text</translation>
        </message>
        <message>
            <source>替换</source>
            <translation>Replace</translation>
        </message>
        <message>
            <source>全部替换</source>
            <translation>Replace all</translation>
        </message>
        <message>
            <source>未找到</source>
            <translation>Not found</translation>
        </message>
        <message>
            <source>已从头继续</source>
            <translation>Continued from the top</translation>
        </message>
        <message>
            <source>已从末尾继续</source>
            <translation>Continued from the bottom</translation>
        </message>
        <message>
            <source>只读内容，未替换</source>
            <translation>Read-only text, not replaced</translation>
        </message>
        <message>
            <source>已替换 {0} 处，{1} 处在只读内容中未替换</source>
            <translation>Replaced {0}; {1} in read-only text not replaced</translation>
        </message>
        <message>
            <source>已替换 {0} 处</source>
            <translation>Replaced {0}</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>新建</source>
            <extracomment>Replaced by tests (class attribute or per instance). A lint result for the current text was shown (tests and --self-test wait on it).</extracomment>
            <translation>New</translation>
        </message>
        <message>
            <source>打开…</source>
            <translation>Open…</translation>
        </message>
        <message>
            <source>打开示例报告</source>
            <translation>Open the sample report</translation>
        </message>
        <message>
            <source>重新载入</source>
            <translation>Reload</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>另存为…</source>
            <translation>Save as…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>Exit</translation>
        </message>
        <message>
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>剪切</source>
            <translation>Cut</translation>
        </message>
        <message>
            <source>复制</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>粘贴</source>
            <translation>Paste</translation>
        </message>
        <message>
            <source>全选</source>
            <translation>Select all</translation>
        </message>
        <message>
            <source>查找…</source>
            <translation>Find…</translation>
        </message>
        <message>
            <source>替换…</source>
            <translation>Replace…</translation>
        </message>
        <message>
            <source>放大</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <source>缩小</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <source>原始大小</source>
            <translation>Actual size</translation>
        </message>
        <message>
            <source>显示已忽略的问题</source>
            <translation>Show ignored problems</translation>
        </message>
        <message>
            <source>大纲全部展开</source>
            <translation>Expand the whole outline</translation>
        </message>
        <message>
            <source>大纲全部折叠</source>
            <translation>Collapse the whole outline</translation>
        </message>
        <message>
            <source>下一个问题</source>
            <translation>Next problem</translation>
        </message>
        <message>
            <source>上一个问题</source>
            <translation>Previous problem</translation>
        </message>
        <message>
            <source>快速修复</source>
            <translation>Quick fix</translation>
        </message>
        <message>
            <source>修复全部此类问题</source>
            <translation>Fix all problems of this kind</translation>
        </message>
        <message>
            <source>忽略此处</source>
            <translation>Ignore here</translation>
        </message>
        <message>
            <source>重新检查</source>
            <translation>Check again</translation>
        </message>
        <message>
            <source>设置…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <source>规则说明</source>
            <translation>Rule reference</translation>
        </message>
        <message>
            <source>关于 ReportLint</source>
            <translation>About ReportLint</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>最近打开</source>
            <translation>Recent files</translation>
        </message>
        <message>
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>视图(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>工具(&amp;T)</source>
            <translation>&amp;Tools</translation>
        </message>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>工具栏</source>
            <translation>Toolbar</translation>
        </message>
        <message>
            <source> 文种：</source>
            <translation> Document type: </translation>
        </message>
        <message>
            <source>文档类型：“自动”按标题识别</source>
            <translation>Document type: “Automatic” recognises it from the title</translation>
        </message>
        <message>
            <source>检查出错：{m}</source>
            <translation>Checking failed: {m}</translation>
        </message>
        <message>
            <source>配置文件错误</source>
            <translation>Configuration file error</translation>
        </message>
        <message>
            <source>已使用默认设置。</source>
            <translation>The default settings are used.</translation>
        </message>
        <message>
            <source>自动</source>
            <translation>Automatic</translation>
        </message>
        <message>
            <source>正在检查…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>识别为：{t}</source>
            <translation>Recognised as: {t}</translation>
        </message>
        <message>
            <source>未识别文种</source>
            <translation>Document type not recognised</translation>
        </message>
        <message>
            <source>字数 {n}</source>
            <translation>Words {n}</translation>
        </message>
        <message>
            <source>未发现问题</source>
            <translation>No problems found</translation>
        </message>
        <message>
            <source>{e} 错误 · {w} 警告 · {i} 提示</source>
            <translation>{e} errors · {w} warnings · {i} info</translation>
        </message>
        <message>
            <source>第 {n} 段</source>
            <translation>Paragraph {n}</translation>
        </message>
        <message>
            <source>没有问题</source>
            <translation>No problems</translation>
        </message>
        <message>
            <source>光标处没有问题</source>
            <translation>No problem at the cursor</translation>
        </message>
        <message>
            <source>正在重新检查，请稍后再试</source>
            <translation>Checking again; please try in a moment</translation>
        </message>
        <message>
            <source>已忽略此处的问题</source>
            <translation>The problem here is ignored</translation>
        </message>
        <message>
            <source>本文档已忽略规则 {r}</source>
            <translation>Rule {r} is ignored in this document</translation>
        </message>
        <message>
            <source>无法保存忽略设置：{e}</source>
            <translation>Cannot save the ignore settings: {e}</translation>
        </message>
        <message>
            <source>此问题没有自动修改，请手动修改</source>
            <translation>This problem has no automatic fix; please correct it by hand</translation>
        </message>
        <message>
            <source>已修改：{d}</source>
            <translation>Changed: {d}</translation>
        </message>
        <message>
            <source>修改涉及只读内容（域结果、修订或自动编号），未应用</source>
            <translation>The change touches read-only text (field result, tracked change or automatic number) and was not applied</translation>
        </message>
        <message>
            <source>没有可自动修复的此类问题</source>
            <translation>No problems of this kind can be fixed automatically</translation>
        </message>
        <message>
            <source>修复全部 {r}</source>
            <translation>Fix all {r}</translation>
        </message>
        <message>
            <source>修改涉及只读内容，未应用</source>
            <translation>The change touches read-only text and was not applied</translation>
        </message>
        <message>
            <source>已修复 {n} 处 {r} 问题</source>
            <translation>Fixed {n} {r} problem(s)</translation>
        </message>
        <message>
            <source>无法打开</source>
            <translation>Cannot open</translation>
        </message>
        <message>
            <source>无法重新载入</source>
            <translation>Cannot reload</translation>
        </message>
        <message>
            <source>已保存到 {p}</source>
            <translation>Saved to {p}</translation>
        </message>
        <message>
            <source>未能保存“{p}”：
{m}</source>
            <translation>Could not save “{p}”:
{m}</translation>
        </message>
        <message>
            <source>文档仍保留在窗口中，修改没有丢失。</source>
            <translation>The document is still open in the window; no changes were lost.</translation>
        </message>
        <message>
            <source>可以另存为一个新文件。</source>
            <translation>You can save it as a new file.</translation>
        </message>
        <message>
            <source>保存失败</source>
            <translation>Save failed</translation>
        </message>
        <message>
            <source>恢复的文档</source>
            <translation>Recovered document</translation>
        </message>
        <message>
            <source>（暂无）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>清除列表</source>
            <translation>Clear list</translation>
        </message>
        <message>
            <source>保存修改</source>
            <translation>Save changes</translation>
        </message>
        <message>
            <source>不保存</source>
            <translation>Don't save</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>文件已更改</source>
            <translation>File changed</translation>
        </message>
        <message>
            <source>文件被占用</source>
            <translation>File in use</translation>
        </message>
        <message>
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>公文 (*.docx *.txt);;Word 文档 (*.docx);;文本文件 (*.txt)</source>
            <translation>Documents (*.docx *.txt);;Word documents (*.docx);;Text files (*.txt)</translation>
        </message>
        <message>
            <source>另存为</source>
            <translation>Save as</translation>
        </message>
        <message>
            <source>Word 文档 (*.docx);;文本文件 (*.txt)</source>
            <translation>Word documents (*.docx);;Text files (*.txt)</translation>
        </message>
        <message>
            <source>应用修改</source>
            <translation>Apply changes</translation>
        </message>
        <message>
            <source>“{name}”已被其他程序修改。是否重新载入？</source>
            <translation>“{name}” was changed by another program. Reload it?</translation>
        </message>
        <message>
            <source>重新载入会丢失在这里所做的未保存修改。</source>
            <translation>Reloading discards the unsaved changes made here.</translation>
        </message>
        <message>
            <source>此修改不一定正确（例如编号跳过可能是漏写了一部分），请确认以下改动：</source>
            <translation>This fix may not be right (a skipped number may mean a missing part, for example). Please check these changes:</translation>
        </message>
        <message>
            <source>位置</source>
            <translation>Location</translation>
        </message>
        <message>
            <source>原文</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>改为</source>
            <translation>Change to</translation>
        </message>
        <message>
            <source>“{name}”有未保存的修改。是否保存？</source>
            <translation>“{name}” has unsaved changes. Save them?</translation>
        </message>
        <message>
            <source>无法打开“{p}”：
{r}</source>
            <translation>Cannot open “{p}”:
{r}</translation>
        </message>
    </context>
    <context>
        <name>Models</name>
        <message>
            <source>（空标题）</source>
            <translation>(empty heading)</translation>
        </message>
        <message>
            <source>错误</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>警告</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>提示</source>
            <translation>Info</translation>
        </message>
        <message>
            <source>级别</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>规则</source>
            <translation>Rule</translation>
        </message>
        <message>
            <source>位置</source>
            <translation>Location</translation>
        </message>
        <message>
            <source>第 {n} 段</source>
            <translation>Paragraph {n}</translation>
        </message>
        <message>
            <source>标题</source>
            <translation>Heading</translation>
        </message>
        <message>
            <source>{n} 个问题</source>
            <translation>{n} problem(s)</translation>
        </message>
        <message>
            <source>原文：{x}</source>
            <translation>Text: {x}</translation>
        </message>
        <message>
            <source>修改：{x}</source>
            <translation>Fix: {x}</translation>
        </message>
    </context>
    <context>
        <name>OutlineDock</name>
        <message>
            <source>大纲</source>
            <translation>Outline</translation>
        </message>
        <message>
            <source>全部展开</source>
            <translation>Expand all</translation>
        </message>
        <message>
            <source>全部折叠</source>
            <translation>Collapse all</translation>
        </message>
        <message>
            <source>没有识别到标题</source>
            <translation>No headings found</translation>
        </message>
    </context>
    <context>
        <name>ProblemsDock</name>
        <message>
            <source>问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>全部规则</source>
            <translation>All rules</translation>
        </message>
        <message>
            <source>搜索问题…</source>
            <translation>Search problems…</translation>
        </message>
        <message>
            <source>修复</source>
            <translation>Fix</translation>
        </message>
        <message>
            <source>应用所选问题的修改建议 (Ctrl+.)</source>
            <translation>Apply the suggested fix of the selected problem (Ctrl+.)</translation>
        </message>
        <message>
            <source>修复全部此类问题</source>
            <translation>Fix all problems of this kind</translation>
        </message>
        <message>
            <source>未发现问题。这份文档的结构、编号和标点都没有检查出问题。</source>
            <translation>No problems found. The structure, numbering and punctuation of this document look fine.</translation>
        </message>
        <message>
            <source>没有符合筛选条件的问题。</source>
            <translation>No problems match the filter.</translation>
        </message>
        <message>
            <source>转到</source>
            <translation>Go to</translation>
        </message>
        <message>
            <source>修复：{d}</source>
            <translation>Fix: {d}</translation>
        </message>
        <message>
            <source>忽略此处</source>
            <translation>Ignore here</translation>
        </message>
        <message>
            <source>本文档忽略此规则</source>
            <translation>Ignore this rule in this document</translation>
        </message>
        <message>
            <source>规则说明</source>
            <translation>Rule reference</translation>
        </message>
        <message>
            <source>复制问题列表</source>
            <translation>Copy problem list</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>恢复未保存的文档</source>
            <extracomment>Shown for an untitled document (e.g. "未命名 1"); files show their name. The file this copy was read from (set by :meth:`RecoveryManager.pending`).</extracomment>
            <translation>Recover unsaved documents</translation>
        </message>
        <message>
            <source>ReportLint 上次没有正常退出。以下文档有未保存的修改，勾选要恢复的文档：</source>
            <translation>ReportLint did not exit normally last time. The documents below have unsaved changes; tick the ones to recover:</translation>
        </message>
        <message>
            <source>%1 — 保存于 %2，共 %3 段</source>
            <translation>%1 — saved at %2, %3 paragraphs</translation>
        </message>
        <message>
            <source>未命名文档</source>
            <translation>Untitled document</translation>
        </message>
        <message>
            <source>未勾选的恢复副本将被删除。</source>
            <translation>Recovery copies that are not ticked will be deleted.</translation>
        </message>
        <message>
            <source>恢复所选</source>
            <translation>Recover selected</translation>
        </message>
        <message>
            <source>全部丢弃</source>
            <translation>Discard all</translation>
        </message>
        <message>
            <source>以后再说</source>
            <translation>Later</translation>
        </message>
    </context>
    <context>
        <name>RulesHelpDialog</name>
        <message>
            <source>规则说明</source>
            <translation>Rule reference</translation>
        </message>
        <message>
            <source>搜索规则（编号或说明）</source>
            <translation>Search rules (id or description)</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>错误</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>警告</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>提示</source>
            <translation>Info</translation>
        </message>
        <message>
            <source>作用</source>
            <translation>What it checks</translation>
        </message>
        <message>
            <source>为什么</source>
            <translation>Why</translation>
        </message>
        <message>
            <source>示例</source>
            <translation>Example</translation>
        </message>
        <message>
            <source>修改后</source>
            <translation>Corrected</translation>
        </message>
        <message>
            <source>规则编号：%1</source>
            <translation>Rule id: %1</translation>
        </message>
        <message>
            <source>默认级别：%1</source>
            <translation>Default severity: %1</translation>
        </message>
        <message>
            <source>可一键修复</source>
            <translation>Can be fixed automatically</translation>
        </message>
        <message>
            <source>需人工修改</source>
            <translation>Needs a manual correction</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>设置</source>
            <extracomment>QSettings key of the editor's base font size (points).</extracomment>
            <translation>Settings</translation>
        </message>
        <message>
            <source>规则</source>
            <translation>Rule</translation>
        </message>
        <message>
            <source>规则设置保存在用户配置文件中，命令行检查同样使用：%1</source>
            <translation>Rule settings are stored in your user configuration file, which the command line also uses: %1</translation>
        </message>
        <message>
            <source>规则设置</source>
            <translation>Rules</translation>
        </message>
        <message>
            <source>无法读取配置文件，规则设置不能修改：%1</source>
            <translation>The configuration file cannot be read, so rule settings cannot be changed: %1</translation>
        </message>
        <message>
            <source>启用</source>
            <translation>On</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>级别</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>错误</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>警告</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>提示</source>
            <translation>Info</translation>
        </message>
        <message>
            <source>启用或关闭这条规则</source>
            <translation>Turn this rule on or off</translation>
        </message>
        <message>
            <source>恢复默认规则设置</source>
            <translation>Restore default rule settings</translation>
        </message>
        <message>
            <source>编辑器</source>
            <translation>Editor</translation>
        </message>
        <message>
            <source> 磅</source>
            <translation> pt</translation>
        </message>
        <message>
            <source>字号(&amp;F)：</source>
            <translation>&amp;Font size:</translation>
        </message>
        <message>
            <source>（重新启动后生效）</source>
            <translation>(takes effect after a restart)</translation>
        </message>
        <message>
            <source>界面语言(&amp;L)：</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>无法保存规则设置</source>
            <translation>Cannot save the rule settings</translation>
        </message>
    </context>
    <context>
        <name>StartPage</name>
        <message>
            <source>ReportLint 公文结构校对</source>
            <translation>ReportLint — structure checker for Chinese official reports</translation>
        </message>
        <message>
            <source>打开一份工作总结、述职报告、情况报告、请示或通知（.docx / .txt），或把文件拖到窗口里。</source>
            <translation>Open a work summary, duty report, situation report, request or notice (.docx / .txt), or drag a file onto the window.</translation>
        </message>
        <message>
            <source>打开文件…</source>
            <translation>Open file…</translation>
        </message>
        <message>
            <source>打开示例报告</source>
            <translation>Open the sample report</translation>
        </message>
        <message>
            <source>新建空白文档</source>
            <translation>New blank document</translation>
        </message>
        <message>
            <source>最近打开的文件</source>
            <translation>Recent files</translation>
        </message>
        <message>
            <source>（暂无）</source>
            <translation>(none)</translation>
        </message>
    </context>
</TS>
