// The office plugin's page: meeting minutes (then questions about the same meeting) and expense reports.
import { artifactList, download, el, fileDrop, i18n } from '/ui/kit/atrium.js';
import { mountShell } from '/ui/portal/shell.js';
import { artifact, authImage, engineLine, field, localProblem, runPanel, select, tabs, tx } from '/ui/kit/widgets.js';

i18n.add('en', {
  'office.title': 'Office', 'office.lead': 'Meeting minutes you can check against the transcript, and expense reports from receipts.',
  'tab.minutes': 'Meeting minutes', 'tab.expenses': 'Expenses',
  'm.transcript': 'Transcript', 'm.transcript.hint': 'One "Speaker: words" line per turn. Or drop a file below.',
  'm.file': 'Transcript file or recording',
  'm.file.hint': 'TXT, Markdown, DOCX, PDF, VTT or SRT; audio and video need a transcription provider.',
  'm.or': 'or', 'm.title': 'Title', 'm.date': 'Meeting date', 'm.date.hint': 'Due dates such as "by Friday" are counted from it.',
  'm.attendees': 'Attendees', 'm.attendees.hint': 'Comma-separated; speakers are added.', 'm.language': 'Language',
  'lang.auto': 'Detect', 'lang.en': 'English', 'lang.zh': 'Chinese', 'm.run': 'Write the minutes',
  'm.detail': 'Detail', 'detail.brief': 'Brief', 'detail.standard': 'Standard', 'detail.detailed': 'Detailed',
  'm.need.input': 'Paste a transcript or choose a file.', 'm.summary': 'Summary', 'm.topics': 'Topics',
  'm.decisions': 'Decisions', 'm.actions': 'Action items', 'm.open': 'Open questions', 'm.none': 'None found.',
  'm.what': 'What', 'm.owner': 'Owner', 'm.due': 'Due', 'm.quote': 'Said', 'm.attendees.found': 'Attendees',
  'm.source': 'Source', 'm.edited.md': 'Download edited minutes (.md)',
  'm.edit.hint': 'Owners and due dates can be corrected here before you share the minutes.',
  'm.downloads': 'Downloads',
  'qa.title': 'Ask about this meeting', 'qa.question': 'Question', 'qa.ask': 'Ask',
  'qa.placeholder': 'What did the group decide about the budget?', 'qa.quotes': 'Where it was said', 'qa.no.meeting': 'Write the minutes first: questions use the same transcript.',
  'e.files': 'Receipts and invoices', 'e.files.hint': 'JPG, PNG, WebP, TIFF or PDF; a PDF page is one receipt unless the receipt runs over several pages. Up to 50 files.',
  'e.employee': 'Employee', 'e.run': 'Read the receipts', 'e.need.files': 'Choose at least one receipt.',
  'e.need.employee': 'Name the employee.', 'e.receipts': 'Receipts', 'e.blocked': 'Blocked', 'e.review': 'To review',
  'e.duplicates': 'Duplicates', 'e.totals': 'Totals by category', 'e.category': 'Category', 'e.currency': 'Currency',
  'e.total': 'Total', 'e.file': 'File', 'e.vendor': 'Vendor', 'e.date': 'Date', 'e.status': 'Status',
  'e.ok': 'OK', 'e.warn': 'Warning', 'e.block': 'Blocked', 'e.details': 'Details', 'e.fields': 'Fields',
  'e.confidence': 'Confidence', 'e.value': 'Value', 'e.field': 'Field', 'e.lines': 'Line items', 'e.checks': 'Checks',
  'e.violations': 'Policy', 'e.image': 'Receipt {n} with the fields found boxed', 'e.low': 'Low confidence: check this value',
  'e.report': 'Download the expense report (XLSX)', 'e.home': 'Home currency: {c}', 'e.no.dups': 'No duplicates.',
  'e.earlier': 'earlier run {run}', 'e.description': 'Description', 'e.quantity': 'Qty', 'e.unitPrice': 'Unit price',
  'e.amount': 'Amount', 'e.no.lines': 'No line items read.',
  'f.vendor': 'Vendor', 'f.address': 'Address', 'f.date': 'Date', 'f.time': 'Time', 'f.currency': 'Currency',
  'f.subtotal': 'Subtotal', 'f.tax': 'Tax', 'f.tip': 'Tip', 'f.total': 'Total', 'f.paymentMethod': 'Payment',
  'f.category': 'Category', 'f.invoiceCode': 'Invoice code', 'f.invoiceNumber': 'Invoice number',
  'cat.meals': 'Meals', 'cat.travel': 'Travel', 'cat.lodging': 'Lodging', 'cat.transport': 'Transport',
  'cat.office supplies': 'Office supplies', 'cat.other': 'Other',
  'e.approved': 'Approved', 'e.approve': 'Approve receipt {n}', 'e.fixed': 'Corrected by you (was {was})',
  'e.csv': 'Download the reviewed receipts (CSV)', 'e.reviewed.xlsx': 'Reviewed report with approvals (XLSX)',
  'e.fix.hint': 'Correct a value here; the table, the CSV and the reviewed report use your correction.',
  'e.approved.count': '{n} of {total} approved',
  'chk.passed': 'passed', 'chk.failed': 'failed', 'chk.review': 'review', 'chk.skipped': 'skipped', 'chk.warning': 'warning',
});
i18n.add('zh', {
  'office.title': '办公', 'office.lead': '可对照原文核对的会议纪要，以及由票据生成的报销单。',
  'tab.minutes': '会议纪要', 'tab.expenses': '报销',
  'm.transcript': '会议记录', 'm.transcript.hint': '每行一段发言：“发言人：内容”。也可以在下面上传文件。',
  'm.file': '记录文件或录音', 'm.file.hint': 'TXT、Markdown、DOCX、PDF、VTT 或 SRT；音视频需要配置语音转写服务。',
  'm.or': '或', 'm.title': '标题', 'm.date': '会议日期', 'm.date.hint': '“周五前”等截止日期以此日期推算。',
  'm.attendees': '参会人', 'm.attendees.hint': '用逗号分隔；发言人会自动加入。', 'm.language': '语言',
  'lang.auto': '自动识别', 'lang.en': '英文', 'lang.zh': '中文', 'm.run': '生成纪要',
  'm.detail': '详略', 'detail.brief': '简要', 'detail.standard': '标准', 'detail.detailed': '详细',
  'm.need.input': '请粘贴会议记录或选择文件。', 'm.summary': '摘要', 'm.topics': '议题',
  'm.decisions': '决定', 'm.actions': '待办事项', 'm.open': '待解决问题', 'm.none': '未发现。',
  'm.what': '事项', 'm.owner': '负责人', 'm.due': '截止日期', 'm.quote': '原话', 'm.attendees.found': '参会人',
  'm.source': '出处', 'm.edited.md': '下载修改后的纪要（.md）',
  'm.edit.hint': '分享前可在此更正负责人和截止日期。', 'm.downloads': '下载',
  'qa.title': '就本次会议提问', 'qa.question': '问题', 'qa.ask': '提问',
  'qa.placeholder': '大家对预算做了什么决定？', 'qa.quotes': '出处', 'qa.no.meeting': '请先生成纪要：提问使用同一份会议记录。',
  'e.files': '票据和发票', 'e.files.hint': 'JPG、PNG、WebP、TIFF 或 PDF；PDF 每页算一张票据，跨页的票据合为一张。最多 50 个文件。',
  'e.employee': '员工', 'e.run': '识别票据', 'e.need.files': '请至少选择一张票据。',
  'e.need.employee': '请填写员工姓名。', 'e.receipts': '票据', 'e.blocked': '被拦截', 'e.review': '待复核',
  'e.duplicates': '重复报销', 'e.totals': '按类别合计', 'e.category': '类别', 'e.currency': '币种',
  'e.total': '合计', 'e.file': '文件', 'e.vendor': '商家', 'e.date': '日期', 'e.status': '状态',
  'e.ok': '通过', 'e.warn': '警告', 'e.block': '拦截', 'e.details': '详情', 'e.fields': '字段',
  'e.confidence': '置信度', 'e.value': '值', 'e.field': '字段', 'e.lines': '明细', 'e.checks': '检查',
  'e.violations': '报销政策', 'e.image': '第 {n} 张票据（已框出识别到的字段）', 'e.low': '置信度低：请核对此值',
  'e.report': '下载报销单（XLSX）', 'e.home': '本位币：{c}', 'e.no.dups': '没有重复报销。',
  'e.earlier': '之前的运行 {run}', 'e.description': '描述', 'e.quantity': '数量', 'e.unitPrice': '单价',
  'e.amount': '金额', 'e.no.lines': '未识别到明细。',
  'f.vendor': '商家', 'f.address': '地址', 'f.date': '日期', 'f.time': '时间', 'f.currency': '币种',
  'f.subtotal': '小计', 'f.tax': '税额', 'f.tip': '小费', 'f.total': '合计', 'f.paymentMethod': '支付方式',
  'f.category': '类别', 'f.invoiceCode': '发票代码', 'f.invoiceNumber': '发票号码',
  'cat.meals': '餐饮', 'cat.travel': '差旅', 'cat.lodging': '住宿', 'cat.transport': '交通',
  'cat.office supplies': '办公用品', 'cat.other': '其他',
  'e.approved': '已批准', 'e.approve': '批准第 {n} 张票据', 'e.fixed': '已由你更正（原为 {was}）',
  'e.csv': '下载复核后的票据（CSV）', 'e.reviewed.xlsx': '含批准结果的复核报告（XLSX）',
  'e.fix.hint': '可在此更正数值；表格、CSV 和复核报告都会使用你的更正。',
  'e.approved.count': '已批准 {n}/{total}',
  'chk.passed': '通过', 'chk.failed': '未通过', 'chk.review': '待复核', 'chk.skipped': '跳过', 'chk.warning': '警告',
});

const TRANSCRIPT_TYPES = ['text/plain', 'text/markdown', '.md', '.txt', 'text/vtt', '.vtt', 'application/x-subrip', '.srt',
  '.docx', 'application/pdf', 'audio/*', 'video/*'];
const RECEIPT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'application/pdf'];
const LANGUAGES = [['auto', 'lang.auto'], ['en', 'lang.en'], ['zh', 'lang.zh']];
const DETAILS = [['brief', 'detail.brief'], ['standard', 'detail.standard'], ['detailed', 'detail.detailed']];
const rerenders = {};

// ---------------------------------------------------------------------------------------------------
// Minutes and questions

function minutesPanel() {
  const transcript = el('textarea', { rows: 10, spellcheck: 'false' });
  const drop = fileDrop({ id: 'm-file', label: i18n.t('m.file'), accept: TRANSCRIPT_TYPES, maxBytes: 500 * 1024 * 1024 });
  const title = el('input', { type: 'text' });
  const date = el('input', { type: 'date', value: new Date().toISOString().slice(0, 10) });
  const attendees = el('input', { type: 'text' });
  const language = select('m-language', LANGUAGES, 'auto');
  const detail = select('m-detail', DETAILS, 'standard');
  const runner = runPanel('office', 'minutes');
  const output = el('div', { id: 'minutes-result', 'aria-live': 'polite' });
  const problems = el('div');
  const submit = el('button', { type: 'submit', id: 'm-run', 'data-i18n': 'm.run' }, i18n.t('m.run'));
  let meeting = null; // the transcript or file the minutes came from, reused for questions

  const form = el('form', { class: 'pg-card', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const text = transcript.value.trim();
    const files = drop.files();
    const issues = [...drop.validate()];
    if (!text && !files.length) issues.push(i18n.t('m.need.input'));
    if (issues.length) { problems.replaceChildren(localProblem(issues)); return; }
    problems.replaceChildren();
    const values = { language: language.value, detail: detail.value };
    if (text) values.transcript = text;
    if (title.value.trim()) values.title = title.value.trim();
    if (date.value) values.date = date.value;
    if (attendees.value.trim()) values.attendees = attendees.value.trim();
    submit.disabled = true;
    output.replaceChildren();
    const run = await runner.run(values, text ? {} : { file: files });
    submit.disabled = false;
    if (!run) return;
    meeting = text ? { values: { transcript: text }, files: {} } : { values: {}, files: { file: files } };
    const actions = (run.result.actionItems || []).map((a) => ({ ...a }));
    const view = el('div');
    const show = () => view.replaceChildren(minutesView(run, actions));
    show();
    output.replaceChildren(view, askCard(() => meeting));
    rerenders.minutes = show;
    output.querySelector('h2')?.focus();
  } },
  field('m-transcript', 'm.transcript', transcript, 'm.transcript.hint'),
  tx('m.or', 'p', { class: 'pg-or' }),
  el('div', { class: 'atr-field-row' }, tx('m.file', 'label', { for: 'm-file' }), drop.element, tx('m.file.hint', 'p', { class: 'atr-hint' })),
  el('div', { class: 'pg-grid' },
    field('m-title', 'm.title', title), field('m-date', 'm.date', date, 'm.date.hint'),
    field('m-attendees', 'm.attendees', attendees, 'm.attendees.hint'), field('m-language', 'm.language', language),
    field('m-detail', 'm.detail', detail)),
  el('div', { class: 'pg-actions' }, submit));
  return el('section', {}, form, problems, runner.element, output);
}

function list(items, render) {
  return items && items.length ? el('ul', { class: 'pg-items' }, items.map((item) => el('li', {}, render(item))))
    : tx('m.none', 'p', { class: 'atr-hint' });
}

function minutesView(run, actions) {
  const r = run.result;
  const actionRows = actions.map((a, i) => el('tr', {},
    el('td', {}, a.what),
    el('td', {}, el('input', { type: 'text', value: a.owner || '', 'aria-label': i18n.t('m.owner') + ' ' + (i + 1),
      oninput: (e) => { a.owner = e.target.value; } })),
    el('td', {}, el('input', { type: 'date', value: a.due || '', 'aria-label': i18n.t('m.due') + ' ' + (i + 1),
      oninput: (e) => { a.due = e.target.value; } })),
    el('td', {}, el('blockquote', { class: 'pg-quote' }, a.quote || ''))));
  const actionTable = actions.length ? el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table pg-actions-table' },
    el('thead', {}, el('tr', {}, ['m.what', 'm.owner', 'm.due', 'm.quote'].map((k) => tx(k, 'th', { scope: 'col' })))),
    el('tbody', {}, actionRows))) : tx('m.none', 'p', { class: 'atr-hint' });

  const editedMarkdown = () => {
    const lines = [`# ${r.title}`, '', `${i18n.t('m.date')}: ${r.date}`, `${i18n.t('m.attendees.found')}: ${(r.attendees || []).join(', ')}`, '',
      `## ${i18n.t('m.summary')}`, '', r.summary || '', '', `## ${i18n.t('m.topics')}`, ''];
    (r.topics || []).forEach((t) => lines.push(`- **${t.title}** (${t.source}): ${t.summary}`));
    lines.push('', `## ${i18n.t('m.decisions')}`, '');
    (r.decisions || []).forEach((d) => lines.push(`- ${d.text}`));
    lines.push('', `## ${i18n.t('m.actions')}`, '', `| ${i18n.t('m.what')} | ${i18n.t('m.owner')} | ${i18n.t('m.due')} |`, '|---|---|---|');
    actions.forEach((a) => lines.push(`| ${cell(a.what)} | ${cell(a.owner)} | ${cell(a.due)} |`));
    lines.push('', `## ${i18n.t('m.open')}`, '');
    (r.openQuestions || []).forEach((q) => lines.push(`- ${q}`));
    return lines.join('\n') + '\n';
  };
  const saveEdited = () => {
    const url = URL.createObjectURL(new Blob([editedMarkdown()], { type: 'text/markdown' }));
    const link = el('a', { href: url, download: 'minutes-edited.md' });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(url); link.remove(); }, 1000);
  };

  return el('article', { class: 'pg-card pg-minutes' },
    el('h2', { tabindex: -1 }, r.title),
    el('p', { class: 'atr-hint' }, r.date),
    el('ul', { class: 'pg-chips', 'aria-label': i18n.t('m.attendees.found') }, (r.attendees || []).map((a) => el('li', {}, a))),
    tx('m.summary', 'h3'), el('p', { class: 'pg-summary' }, r.summary),
    tx('m.topics', 'h3'),
    list(r.topics, (t) => [el('strong', {}, t.title), ' ', el('span', { class: 'pg-badge pg-muted', title: i18n.t('m.source') }, t.source),
      el('p', { class: 'pg-topic-summary' }, t.summary)]),
    tx('m.decisions', 'h3'),
    list(r.decisions, (d) => [el('span', {}, d.text), d.quote && d.quote !== d.text ? el('blockquote', { class: 'pg-quote' }, d.quote) : null]),
    tx('m.actions', 'h3'), actions.length ? tx('m.edit.hint', 'p', { class: 'atr-hint' }) : null, actionTable,
    tx('m.open', 'h3'), list(r.openQuestions, (q) => q),
    tx('m.downloads', 'h3'),
    el('div', { class: 'pg-actions' }, artifactList(run.artifacts),
      el('button', { type: 'button', class: 'secondary', onclick: saveEdited, 'data-i18n': 'm.edited.md' }, i18n.t('m.edited.md'))),
    engineLine(r.engine));
}

function cell(text) {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function askCard(meeting) {
  const question = el('input', { type: 'text', id: 'qa-question', placeholder: i18n.t('qa.placeholder'), required: true,
    'data-i18n-placeholder': 'qa.placeholder' });
  const runner = runPanel('office', 'meeting-qa');
  const answers = el('div', { 'aria-live': 'polite' });
  const ask = el('button', { type: 'submit', id: 'qa-ask', 'data-i18n': 'qa.ask' }, i18n.t('qa.ask'));
  return el('section', { class: 'pg-card', 'aria-labelledby': 'qa-heading' },
    tx('qa.title', 'h2', { id: 'qa-heading' }),
    el('form', { class: 'pg-ask', onsubmit: async (e) => {
      e.preventDefault();
      const m = meeting();
      if (!m) { runner.showProblem({ title: i18n.t('qa.no.meeting') }); return; }
      if (!question.value.trim()) { question.focus(); return; }
      ask.disabled = true;
      const run = await runner.run({ ...m.values, question: question.value.trim() }, m.files);
      ask.disabled = false;
      if (!run) return;
      const r = run.result;
      answers.prepend(el('div', { class: 'pg-answer' },
        el('p', { class: 'pg-question' }, question.value.trim()),
        el('p', { class: 'pg-answer-text' }, r.answer),
        (r.quotes || []).length ? el('details', { open: true }, tx('qa.quotes', 'summary'),
          el('ul', { class: 'pg-items' }, r.quotes.map((q) => el('li', {},
            el('span', { class: 'pg-badge pg-muted' }, q.source), ' ', q.speaker ? el('strong', {}, q.speaker + ': ') : null,
            el('span', {}, q.text))))) : null,
        engineLine(r.engine)));
      question.value = '';
    } },
    el('div', { class: 'pg-ask-row' }, tx('qa.question', 'label', { for: 'qa-question', class: 'visually-hidden' }), question, ask)),
    runner.element, answers);
}

// ---------------------------------------------------------------------------------------------------
// Expenses

function expensesPanel() {
  const drop = fileDrop({ id: 'e-files', label: i18n.t('e.files'), accept: RECEIPT_TYPES, multiple: true, maxFiles: 50,
    maxBytes: 50 * 1024 * 1024 });
  const employee = el('input', { type: 'text', autocomplete: 'name', required: true });
  const runner = runPanel('office', 'expenses');
  const output = el('div', { id: 'expenses-result', 'aria-live': 'polite' });
  const problems = el('div');
  const submit = el('button', { type: 'submit', id: 'e-run', 'data-i18n': 'e.run' }, i18n.t('e.run'));
  const form = el('form', { class: 'pg-card', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const issues = [...drop.validate()];
    if (!drop.files().length) issues.push(i18n.t('e.need.files'));
    if (!employee.value.trim()) issues.push(i18n.t('e.need.employee'));
    if (issues.length) { problems.replaceChildren(localProblem(issues)); return; }
    problems.replaceChildren();
    submit.disabled = true;
    output.replaceChildren();
    const run = await runner.run({ employee: employee.value.trim() }, { files: drop.files() });
    submit.disabled = false;
    if (!run) return;
    const review = (run.result.receipts || []).map(() => ({ approved: false, fixes: {} }));
    const show = () => output.replaceChildren(expensesView(run, review));
    show();
    rerenders.expenses = show;
  } },
  el('div', { class: 'atr-field-row' }, tx('e.files', 'label', { for: 'e-files' }), drop.element, tx('e.files.hint', 'p', { class: 'atr-hint' })),
  el('div', { class: 'pg-grid' }, field('e-employee', 'e.employee', employee)),
  el('div', { class: 'pg-actions' }, submit));
  return el('section', {}, form, problems, runner.element, output);
}

const FIELD_ORDER = ['vendor', 'address', 'date', 'time', 'currency', 'subtotal', 'tax', 'tip', 'total', 'paymentMethod',
  'category', 'invoiceCode', 'invoiceNumber'];
// Fields the skill queued for review (its policy's threshold) are the ones highlighted; 0.6 is the default
// threshold, used only for line items, which the review list does not cover.
const REVIEW_BELOW = 0.6;
let queued = new Set();

function value(f) {
  return f && f.value !== null && f.value !== undefined ? f.value : null;
}

function fieldCell(f, render = (v) => String(v), low = undefined) {
  if (f && f.fixed) {
    return el('td', { class: 'pg-fixed', title: i18n.t('e.fixed', { was: f.was ?? i18n.t('no.value') }) }, render(f.value), ' ✎');
  }
  const v = value(f);
  if (v === null) return el('td', { class: 'pg-muted' }, i18n.t('no.value'));
  if (low === undefined) low = f.confidence !== null && f.confidence < REVIEW_BELOW;
  return el('td', { class: low ? 'pg-low' : null, title: low ? i18n.t('e.low') + ` (${Math.round(f.confidence * 100)}%)` : null },
    render(v), low ? el('span', { class: 'visually-hidden' }, ' — ' + i18n.t('e.low')) : null);
}

function money(v) {
  const n = Number(v);
  return Number.isFinite(n) ? n.toLocaleString(i18n.locale() === 'zh' ? 'zh-CN' : 'en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(v);
}

function receiptStatus(receipt) {
  const violations = receipt.violations || [];
  const failed = (receipt.checks || []).some((c) => c.status === 'failed' || c.status === 'review');
  if (violations.some((v) => v.severity === 'blocking')) return ['pg-bad', 'e.block'];
  if (violations.length || failed) return ['pg-warn', 'e.warn'];
  return ['pg-ok', 'e.ok'];
}

function category(c) {
  return c ? i18n.t('cat.' + c) : i18n.t('no.value');
}

/** A field as shown: the reviewer's correction when there is one. */
function shown(receipt, state, name) {
  if (name in state.fixes) return { value: state.fixes[name], fixed: true, was: value(receipt[name]) };
  return receipt[name];
}

function expensesView(run, review) {
  const r = run.result;
  const receipts = r.receipts || [];
  queued = new Set((r.review || []).map((q) => `${q.receipt}:${q.field}`));
  const report = artifact(run, 'expense-report.xlsx');
  const detail = el('div', { id: 'receipt-detail' });
  const tbody = el('tbody');
  const approvedCount = el('p', { class: 'atr-hint', 'aria-live': 'polite' });
  const rows = () => receipts.map((receipt, i) => {
    const [cls, key] = receiptStatus(receipt);
    const state = review[i];
    const open = el('button', { type: 'button', class: 'link', 'aria-controls': 'receipt-detail',
      onclick: () => { detail.replaceChildren(receiptDetail(run, receipt, i, state, refresh)); detail.querySelector('h3')?.focus(); } },
    i18n.t('e.details'));
    const approve = el('input', { type: 'checkbox', checked: state.approved || undefined, 'aria-label': i18n.t('e.approve', { n: i + 1 }),
      onchange: (e) => { state.approved = e.target.checked; count(); } });
    return el('tr', { class: 'pg-row-' + cls.slice(3) },
      el('td', {}, String(i + 1)), el('td', { class: 'pg-file' }, receipt.file + (receipt.page > 1 ? ` p.${receipt.page}` : '')),
      ...[['vendor'], ['date'], ['total', money], ['currency'], ['category', category]].map(([name, render]) =>
        fieldCell(shown(receipt, state, name), render, queued.has(`${i + 1}:${name}`))),
      el('td', {}, el('span', { class: 'pg-badge ' + cls }, i18n.t(key))), el('td', { class: 'pg-approve' }, approve), el('td', {}, open));
  });
  const count = () => { approvedCount.textContent = i18n.t('e.approved.count', { n: review.filter((x) => x.approved).length, total: receipts.length }); };
  const refresh = () => { tbody.replaceChildren(...rows()); count(); };
  refresh();
  const csv = () => {
    const columns = ['file', 'page', ...FIELD_ORDER, 'approved', 'corrected'];
    const quote = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
    const lines = [columns.join(',')].concat(receipts.map((receipt, i) => {
      const state = review[i];
      return [receipt.file, receipt.page, ...FIELD_ORDER.map((name) => value(shown(receipt, state, name))),
        state.approved ? 'yes' : 'no', Object.keys(state.fixes).join(' ')].map(quote).join(',');
    }));
    const url = URL.createObjectURL(new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }));
    const link = el('a', { href: url, download: 'expenses-reviewed.csv' });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(url); link.remove(); }, 1000);
  };
  // The corrected values and approvals go back to the expense-report skill, which checks them again and
  // writes the workbook anew; bare values count as typed by the reviewer.
  const reviewRunner = runPanel('office', 'expense-report');
  const reviewed = async () => {
    const body = receipts.map((receipt, i) => {
      const copy = { ...receipt, approved: !!review[i].approved };
      for (const [name, fix] of Object.entries(review[i].fixes)) copy[name] = fix;
      return copy;
    });
    const done = await reviewRunner.run({ employee: r.employee || '', receipts: JSON.stringify(body) });
    const xlsx = done && artifact(done, 'expense-report.xlsx');
    if (xlsx) download(xlsx.url, xlsx.name);
  };
  const totals = Object.entries(r.totalsByCategory || {}).flatMap(([cat, byCurrency]) =>
    Object.entries(byCurrency).map(([currency, total]) => el('tr', {}, el('td', {}, category(cat)), el('td', {}, currency),
      el('td', { class: 'pg-num' }, money(total)))));

  return el('article', { class: 'pg-card' },
    el('div', { class: 'pg-stats' },
      stat('e.receipts', receipts.length), stat('e.blocked', r.blocked ?? 0, r.blocked ? 'pg-bad' : null),
      stat('e.review', (r.review || []).length, (r.review || []).length ? 'pg-warn' : null),
      stat('e.duplicates', (r.duplicates || []).length, (r.duplicates || []).length ? 'pg-bad' : null)),
    report ? el('div', { class: 'pg-actions' }, el('button', { type: 'button', id: 'e-report',
      onclick: () => download(report.url, report.name) }, '⬇ ' + i18n.t('e.report'))) : null,
    tx('e.receipts', 'h2'),
    el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table pg-receipts' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '#'),
        ['e.file', 'e.vendor', 'e.date', 'e.total', 'e.currency', 'e.category', 'e.status', 'e.approved'].map((k) => tx(k, 'th', { scope: 'col' })),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, i18n.t('e.details'))))),
      tbody)),
    approvedCount,
    el('div', { class: 'pg-actions' },
      el('button', { type: 'button', id: 'e-reviewed', onclick: reviewed }, '⬇ ' + i18n.t('e.reviewed.xlsx')),
      el('button', { type: 'button', class: 'secondary', id: 'e-csv', onclick: csv }, '⬇ ' + i18n.t('e.csv'))),
    reviewRunner.element,
    detail,
    tx('e.duplicates', 'h2'),
    (r.duplicates || []).length ? el('ul', { class: 'pg-items' }, r.duplicates.map((d) => el('li', { class: 'pg-bad' },
      '#' + d.receipts.join(' ↔ #') + ' (' + d.files.join(', ') + '): ' + d.reason,
      d.earlier ? ' — ' + i18n.t('e.earlier', { run: d.earlier.run }) : '')))
      : tx('e.no.dups', 'p', { class: 'atr-hint' }),
    tx('e.totals', 'h2'),
    el('p', { class: 'atr-hint' }, i18n.t('e.home', { c: r.homeCurrency || '' })),
    el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table pg-totals' },
      el('thead', {}, el('tr', {}, ['e.category', 'e.currency', 'e.total'].map((k) => tx(k, 'th', { scope: 'col' })))),
      el('tbody', {}, totals))),
    tx('m.downloads', 'h3'), artifactList(run.artifacts),
    engineLine(r.engine));
}

function stat(key, n, cls) {
  return el('div', { class: 'pg-stat' + (cls ? ' ' + cls : '') }, el('strong', {}, String(n)), tx(key));
}

function receiptDetail(run, receipt, index, state, refresh) {
  const image = artifact(run, `receipt-${index + 1}.png`);
  const fieldRows = FIELD_ORDER.filter((name) => receipt[name]).map((name) => {
    const f = receipt[name];
    const low = queued.has(`${index + 1}:${name}`);
    const id = `fix-${index}-${name}`;
    const input = el('input', { type: 'text', id, value: name in state.fixes ? state.fixes[name] : (value(f) ?? ''),
      class: (low ? 'pg-low-input' : '') + (name in state.fixes ? ' pg-fixed-input' : ''),
      onchange: (e) => {
        const original = value(f) === null ? '' : String(value(f));
        if (e.target.value === original) delete state.fixes[name];
        else state.fixes[name] = e.target.value;
        e.target.classList.toggle('pg-fixed-input', name in state.fixes);
        refresh();
      } });
    return el('tr', { class: low ? 'pg-low-row' : null },
      el('th', { scope: 'row' }, el('label', { for: id }, i18n.t('f.' + name))),
      el('td', {}, input, low ? el('span', { class: 'pg-warn pg-low-mark', title: i18n.t('e.low') }, ' ⚠', el('span', { class: 'visually-hidden' }, i18n.t('e.low'))) : null),
      el('td', { class: 'pg-num' }, value(f) === null ? '' : Math.round((f.confidence ?? 0) * 100) + '%'));
  });
  const lines = receipt.lineItems || [];
  return el('section', { class: 'pg-receipt', 'aria-label': i18n.t('e.details') },
    el('h3', { tabindex: -1 }, `#${index + 1} · ${receipt.file}`),
    el('div', { class: 'pg-receipt-grid' },
      image ? el('figure', { class: 'pg-receipt-image' }, authImage(image.url, i18n.t('e.image', { n: index + 1 }))) : null,
      el('div', {},
        tx('e.fix.hint', 'p', { class: 'atr-hint' }),
        el('table', { class: 'atr-table pg-fields' }, el('thead', {}, el('tr', {}, ['e.field', 'e.value', 'e.confidence'].map((k) => tx(k, 'th', { scope: 'col' })))),
          el('tbody', {}, fieldRows)),
        tx('e.checks', 'h4'),
        el('ul', { class: 'pg-items' }, (receipt.checks || []).map((c) => el('li', {},
          el('span', { class: 'pg-badge ' + ({ passed: 'pg-ok', failed: 'pg-bad', review: 'pg-warn' }[c.status] || 'pg-muted') }, i18n.t('chk.' + c.status)),
          ' ', el('strong', {}, c.name), ': ', c.message))),
        (receipt.violations || []).length ? [tx('e.violations', 'h4'), el('ul', { class: 'pg-items' }, receipt.violations.map((v) =>
          el('li', { class: v.severity === 'blocking' ? 'pg-bad' : 'pg-warn' },
            el('span', { class: 'pg-badge' }, v.severity === 'blocking' ? i18n.t('e.block') : i18n.t('e.warn')), ' ', v.message)))] : null,
        tx('e.lines', 'h4'),
        lines.length ? el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table' },
          el('thead', {}, el('tr', {}, ['e.description', 'e.quantity', 'e.unitPrice', 'e.amount'].map((k) => tx(k, 'th', { scope: 'col' })))),
          el('tbody', {}, lines.map((l) => el('tr', {}, fieldCell(l.description), fieldCell(l.quantity), fieldCell(l.unitPrice, money),
            fieldCell(l.amount, money))))))
          : tx('e.no.lines', 'p', { class: 'atr-hint' }))));
}

// ---------------------------------------------------------------------------------------------------

async function start() {
  await mountShell(null);
  i18n.apply(document);
  document.getElementById('office-tabs').replaceChildren(tabs([
    { id: 'minutes', key: 'tab.minutes', panel: minutesPanel() },
    { id: 'expenses', key: 'tab.expenses', panel: expensesPanel() },
  ]));
  // Static labels follow the switch through data-i18n; results are drawn again in the new language.
  window.addEventListener('atrium:locale', () => Object.values(rerenders).forEach((show) => show()));
}

start();
