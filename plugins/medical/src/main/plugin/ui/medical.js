// The medical plugin's page: draft a report (draft-report), review it — edit, sign with an explicit
// confirmation, amend with a reason — (review-report, one audited run per action), and de-identify text.
import { artifactList, el, fileDrop, i18n } from '/ui/kit/atrium.js';
import { mountShell } from '/ui/portal/shell.js';
import { engineLine, field, localProblem, runPanel, select, tabs, tx } from '/ui/kit/widgets.js';

i18n.add('en', {
  'med.title': 'Clinical reports',
  'med.lead': 'Drafts for a clinician to review and sign, every statement linked to its source; personal data removed before any external model sees it. Not a medical device.',
  'tab.draft': 'Draft a report', 'tab.deid': 'De-identify',
  'd.type': 'Report type', 'type.visit-note': 'Clinic visit note', 'type.radiology': 'Radiology report', 'type.discharge': 'Discharge summary',
  'd.source': 'Dialogue or dictation', 'd.source.hint': '"Doctor: …" / "Patient: …" lines, or dictated text.',
  'd.recording': 'Recording', 'd.recording.hint': 'Audio or video of the visit; needs a transcription provider.',
  'd.findings': 'Findings', 'd.findings.hint': 'One per line.', 'd.labs': 'Lab results file',
  'd.labs.hint': 'CSV, XLSX or text with columns test, value, unit and optionally range.',
  'd.labsText': 'Or paste lab rows', 'd.labsText.hint': 'One result per line, e.g. "K 6.9 mmol/L 3.5-5.1".',
  'd.prior': 'Prior reports', 'd.prior.hint': 'PDF, DOCX or text; up to 5.', 'd.age': 'Age', 'd.sex': 'Sex',
  'sex.unspecified': 'Not stated', 'sex.female': 'Female', 'sex.male': 'Male', 'd.language': 'Language',
  'lang.auto': 'Detect', 'lang.en': 'English', 'lang.zh': 'Chinese', 'd.names': 'Names to remove',
  'd.names.hint': 'Patient, relatives or staff, comma-separated: always removed before a model sees the text.',
  'd.material': 'Patient material', 'd.context': 'Patient context', 'd.run': 'Draft the report',
  'd.need.source': 'Give a dialogue, a recording, findings, labs or a prior report.',
  'd.open': 'Open a report by its id', 'd.open.id': 'Report id', 'd.open.go': 'Open',
  'st.draft': 'Draft — requires clinician sign-off', 'st.signed': 'Signed', 'st.amendment-draft': 'Amendment — not signed yet',
  'signed.by': 'Signed by {signer} at {time}', 'hash': 'SHA-256 {hash}',
  'alerts': 'Critical values', 'sections': 'Report', 'sources': 'Sources', 'sources.hint': 'Choose a statement to see the sentences it comes from.',
  'statement.sources': 'From: {ids}', 'no.sources': 'Written by a clinician; no machine source.',
  'labs': 'Laboratory results', 'lab.test': 'Test', 'lab.value': 'Value', 'lab.unit': 'Unit', 'lab.range': 'Reference range', 'lab.flag': 'Flag',
  'flag.normal': 'normal', 'flag.high': 'high', 'flag.low': 'low', 'flag.critical': 'critical', 'flag.unflagged': 'no range',
  'phi': 'Identifiers removed before drafting', 'phi.none': 'None found.', 'checks': 'Corrected by the checks',
  'check.negationCorrected': 'Negations restored', 'check.labValuesCorrected': 'Lab values corrected', 'check.criticalAddedToAssessment': 'Critical values added to the assessment',
  'edit': 'Edit', 'amend': 'Amend', 'save': 'Save as a new version', 'save.amend': 'Save the amendment', 'discard': 'Cancel',
  'edit.note': 'Comment (optional)', 'amend.reason': 'Reason for the amendment', 'amend.need.reason': 'An amendment needs a reason.',
  'section.text': 'Text of {section}',
  'sign.title': 'Sign-off', 'sign.attest': 'I have reviewed this report and sign it', 'sign.button': 'Sign…',
  'sign.need.attest': 'Tick the statement first: nothing is signed without it.',
  'sign.confirm.title': 'Sign version {n}?', 'sign.confirm.body': 'A signed report cannot be changed; later changes are amendments that reference it. Your name, the time and a hash of the content are recorded.',
  'sign.confirm.yes': 'Sign the report', 'sign.confirm.no': 'Go back',
  'versions': 'Version history', 'v.number': 'Version', 'v.kind': 'Kind', 'v.author': 'Author', 'v.time': 'Time', 'v.signature': 'Signature',
  'v.amends': 'Amends', 'audit': 'Audit trail', 'audit.line': '{time} · {user} · {action} · v{version}',
  'downloads': 'Downloads', 'warnings': 'Notes', 'report.id': 'Report id: {id}',
  'de.text': 'Clinical text', 'de.file': 'Or a document', 'de.file.hint': 'TXT, PDF, DOCX, XLSX or CSV.', 'de.names': 'Known names',
  'de.names.hint': 'Comma-separated; always removed.', 'de.dates': 'Dates', 'dates.placeholder': 'Replace with a placeholder',
  'dates.shift': 'Shift consistently', 'dates.year': 'Keep the year only', 'de.language': 'Language', 'de.run': 'De-identify',
  'de.need': 'Paste text or choose a document.', 'de.output': 'De-identified text', 'de.original': 'Original with identifiers marked',
  'kind.draft': 'draft', 'kind.edit': 'edit', 'kind.signed': 'signed', 'kind.amendment': 'amendment',
  'act.drafted': 'drafted', 'act.viewed': 'viewed', 'act.edited': 'edited', 'act.signed': 'signed', 'act.amended': 'amended',
  'de.counts': 'Replaced', 'de.copy': 'Copy', 'de.copied': 'Copied', 'de.save': 'Download .txt', 'de.total': '{n} identifiers replaced',
});
i18n.add('zh', {
  'med.title': '临床报告', 'med.lead': '由医生审阅并签署的报告草稿，每条陈述都链接到来源；任何外部模型看到文本之前都会移除个人信息。本工具不是医疗器械。',
  'tab.draft': '起草报告', 'tab.deid': '去标识化',
  'd.type': '报告类型', 'type.visit-note': '门诊病历', 'type.radiology': '影像报告', 'type.discharge': '出院小结',
  'd.source': '问诊对话或口述', 'd.source.hint': '“医生：…”/“患者：…”逐行，或口述文本。',
  'd.recording': '录音', 'd.recording.hint': '问诊的音频或视频；需要配置语音转写服务。',
  'd.findings': '检查所见', 'd.findings.hint': '每行一条。', 'd.labs': '检验结果文件',
  'd.labs.hint': 'CSV、XLSX 或文本，列为项目、数值、单位，参考范围可选。',
  'd.labsText': '或粘贴检验结果', 'd.labsText.hint': '每行一项，例如“K 6.9 mmol/L 3.5-5.1”。',
  'd.prior': '既往报告', 'd.prior.hint': 'PDF、DOCX 或文本；最多 5 份。', 'd.age': '年龄', 'd.sex': '性别',
  'sex.unspecified': '未说明', 'sex.female': '女', 'sex.male': '男', 'd.language': '语言',
  'lang.auto': '自动识别', 'lang.en': '英文', 'lang.zh': '中文', 'd.names': '需移除的姓名',
  'd.names.hint': '患者、家属或医护人员姓名，用逗号分隔：模型看到文本前一律移除。',
  'd.material': '患者资料', 'd.context': '患者信息', 'd.run': '起草报告',
  'd.need.source': '请提供问诊对话、录音、检查所见、检验结果或既往报告。',
  'd.open': '按编号打开报告', 'd.open.id': '报告编号', 'd.open.go': '打开',
  'st.draft': '草稿——需医生签署', 'st.signed': '已签署', 'st.amendment-draft': '修订稿——尚未签署',
  'signed.by': '{signer} 于 {time} 签署', 'hash': 'SHA-256 {hash}',
  'alerts': '危急值', 'sections': '报告', 'sources': '来源', 'sources.hint': '选择一条陈述，查看它出自哪些原句。',
  'statement.sources': '出自：{ids}', 'no.sources': '由医生撰写，无机器来源。',
  'labs': '检验结果', 'lab.test': '项目', 'lab.value': '结果', 'lab.unit': '单位', 'lab.range': '参考范围', 'lab.flag': '标记',
  'flag.normal': '正常', 'flag.high': '偏高', 'flag.low': '偏低', 'flag.critical': '危急', 'flag.unflagged': '无参考范围',
  'phi': '起草前移除的标识信息', 'phi.none': '未发现。', 'checks': '校验修正',
  'check.negationCorrected': '恢复的否定表述', 'check.labValuesCorrected': '更正的检验数值', 'check.criticalAddedToAssessment': '补入评估的危急值',
  'edit': '编辑', 'amend': '修订', 'save': '保存为新版本', 'save.amend': '保存修订', 'discard': '取消',
  'edit.note': '备注（可选）', 'amend.reason': '修订原因', 'amend.need.reason': '修订需要填写原因。',
  'section.text': '{section}的内容',
  'sign.title': '签署', 'sign.attest': '我已审阅本报告并签署', 'sign.button': '签署…',
  'sign.need.attest': '请先勾选声明：未经确认不会签署。',
  'sign.confirm.title': '签署第 {n} 版？', 'sign.confirm.body': '签署后的报告不可更改；之后的修改将作为引用它的修订版本。系统会记录您的姓名、时间和内容哈希。',
  'sign.confirm.yes': '签署报告', 'sign.confirm.no': '返回',
  'versions': '版本历史', 'v.number': '版本', 'v.kind': '类型', 'v.author': '作者', 'v.time': '时间', 'v.signature': '签名',
  'v.amends': '修订自', 'audit': '审计记录', 'audit.line': '{time} · {user} · {action} · 第 {version} 版',
  'downloads': '下载', 'warnings': '提示', 'report.id': '报告编号：{id}',
  'de.text': '临床文本', 'de.file': '或上传文档', 'de.file.hint': 'TXT、PDF、DOCX、XLSX 或 CSV。', 'de.names': '已知姓名',
  'de.names.hint': '用逗号分隔；一律移除。', 'de.dates': '日期', 'dates.placeholder': '替换为占位符',
  'dates.shift': '统一平移', 'dates.year': '只保留年份', 'de.language': '语言', 'de.run': '去标识化',
  'de.need': '请粘贴文本或选择文档。', 'de.output': '去标识化后的文本', 'de.original': '原文（已标出标识信息）',
  'kind.draft': '草稿', 'kind.edit': '编辑', 'kind.signed': '签署', 'kind.amendment': '修订',
  'act.drafted': '起草', 'act.viewed': '查看', 'act.edited': '编辑', 'act.signed': '签署', 'act.amended': '修订',
  'de.counts': '已替换', 'de.copy': '复制', 'de.copied': '已复制', 'de.save': '下载 .txt', 'de.total': '共替换 {n} 处标识信息',
});

const LANGUAGES = [['auto', 'lang.auto'], ['en', 'lang.en'], ['zh', 'lang.zh']];
const LAB_TYPES = ['text/csv', '.csv', 'text/plain', '.txt', '.xlsx', '.xls'];
const DOC_TYPES = ['application/pdf', '.docx', 'text/plain', 'text/markdown', '.md', '.txt'];

// ---------------------------------------------------------------------------------------------------
// Drafting

function draftPanel() {
  const reportType = select('d-type', [['visit-note', 'type.visit-note'], ['radiology', 'type.radiology'], ['discharge', 'type.discharge']], 'visit-note');
  const source = el('textarea', { rows: 10 });
  const recording = fileDrop({ id: 'd-recording', label: i18n.t('d.recording'), accept: ['audio/*', 'video/*'], maxBytes: 500 * 1024 * 1024 });
  const findings = el('textarea', { rows: 3 });
  const labs = fileDrop({ id: 'd-labs', label: i18n.t('d.labs'), accept: LAB_TYPES, maxBytes: 20 * 1024 * 1024 });
  const labsText = el('textarea', { rows: 4, spellcheck: 'false' });
  const prior = fileDrop({ id: 'd-prior', label: i18n.t('d.prior'), accept: DOC_TYPES, multiple: true, maxFiles: 5, maxBytes: 50 * 1024 * 1024 });
  const age = el('input', { type: 'number', min: 0, max: 130, step: 1 });
  const sex = select('d-sex', [['unspecified', 'sex.unspecified'], ['female', 'sex.female'], ['male', 'sex.male']], 'unspecified');
  const language = select('d-language', LANGUAGES, 'auto');
  const names = el('input', { type: 'text', autocomplete: 'off' });
  const runner = runPanel('medical', 'draft-report');
  const problems = el('div');
  const report = el('div', { id: 'report', 'aria-live': 'polite' });
  const submit = el('button', { type: 'submit', id: 'd-run', 'data-i18n': 'd.run' }, i18n.t('d.run'));

  const form = el('form', { class: 'pg-card', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const issues = [...recording.validate(), ...labs.validate(), ...prior.validate()];
    const hasSource = source.value.trim() || findings.value.trim() || labsText.value.trim()
      || recording.files().length || labs.files().length || prior.files().length;
    if (!hasSource) issues.push(i18n.t('d.need.source'));
    if (issues.length) { problems.replaceChildren(localProblem(issues)); return; }
    problems.replaceChildren();
    const values = { reportType: reportType.value, sex: sex.value, language: language.value };
    for (const [id, node] of [['source', source], ['findings', findings], ['labsText', labsText], ['patientName', names]]) {
      if (node.value.trim()) values[id] = node.value.trim();
    }
    if (age.value !== '') values.age = Number(age.value);
    submit.disabled = true;
    report.replaceChildren();
    const run = await runner.run(values, { recording: recording.files(), labs: labs.files(), priorReports: prior.files() });
    submit.disabled = false;
    if (!run) return;
    const r = run.result;
    const doc = new ReportView(report, {
      id: r.document, status: 'draft', alerts: r.alerts || [], labs: r.labs || [], sources: r.sourceSentences || [],
      titles: Object.fromEntries((r.sections || []).map((s) => [s.name, s.title])),
      sections: (r.sections || []).map((s) => ({ name: s.name, title: s.title, text: s.text, statements: s.statements || [], sources: s.sources || [] })),
      phiReplaced: r.phiReplaced || {}, checks: r.checks || {}, warnings: r.warnings || [], engine: r.engine,
      artifacts: run.artifacts || [], versions: [{ number: 1, kind: 'draft', author: '', time: '', amends: '', signature: '' }], audit: [],
    });
    doc.render();
    report.querySelector('h2')?.focus();
  } },
  el('div', { class: 'pg-grid' }, field('d-type', 'd.type', reportType)),
  el('fieldset', { class: 'pg-fieldset' }, tx('d.material', 'legend'),
    field('d-source', 'd.source', source, 'd.source.hint'),
    el('div', { class: 'atr-field-row' }, tx('d.recording', 'label', { for: 'd-recording' }), recording.element, tx('d.recording.hint', 'p', { class: 'atr-hint' })),
    field('d-findings', 'd.findings', findings, 'd.findings.hint'),
    el('div', { class: 'pg-two' },
      el('div', { class: 'atr-field-row' }, tx('d.labs', 'label', { for: 'd-labs' }), labs.element, tx('d.labs.hint', 'p', { class: 'atr-hint' })),
      field('d-labs-text', 'd.labsText', labsText, 'd.labsText.hint')),
    el('div', { class: 'atr-field-row' }, tx('d.prior', 'label', { for: 'd-prior' }), prior.element, tx('d.prior.hint', 'p', { class: 'atr-hint' }))),
  el('fieldset', { class: 'pg-fieldset' }, tx('d.context', 'legend'),
    el('div', { class: 'pg-grid' }, field('d-age', 'd.age', age), field('d-sex', 'd.sex', sex), field('d-language', 'd.language', language)),
    field('d-names', 'd.names', names, 'd.names.hint')),
  el('div', { class: 'pg-actions' }, submit), problems);

  // A report drafted earlier (its id is in the draft and on the PDF) opens through the review skill's view.
  const openId = el('input', { type: 'text', id: 'd-open-id', autocomplete: 'off', placeholder: 'rpt-…' });
  const openRunner = runPanel('medical', 'review-report');
  const open = el('details', { class: 'pg-card pg-open' }, tx('d.open', 'summary'),
    el('form', { class: 'pg-ask-row', onsubmit: async (e) => {
      e.preventDefault();
      if (!openId.value.trim()) { openId.focus(); return; }
      const run = await openRunner.run({ document: openId.value.trim(), action: 'view' });
      if (!run) return;
      const doc = new ReportView(report, { id: openId.value.trim(), titles: {}, sources: [], phiReplaced: null });
      doc.apply(run);
      doc.render();
      report.querySelector('h2')?.focus();
    } }, tx('d.open.id', 'label', { for: 'd-open-id', class: 'visually-hidden' }), openId,
    el('button', { type: 'submit', class: 'secondary', 'data-i18n': 'd.open.go' }, i18n.t('d.open.go'))), openRunner.element);

  return el('section', {}, open, form, runner.element, report);
}

/** A report document on screen: the draft or its latest reviewed version, with the review actions. */
class ReportView {
  constructor(root, state) {
    this.root = root;
    this.s = state;
    this.runner = runPanel('medical', 'review-report');
    this.editing = null;
    window.addEventListener('atrium:locale', () => this.root.contains(this.runner.element) && this.render());
  }

  /** Takes a review-report run's answer: status, current version, history, audit and the new downloads. */
  apply(run) {
    const r = run.result;
    const v = r.version || {};
    const titles = this.s.titles || {};
    const previous = Object.fromEntries((this.s.sections || []).map((s) => [s.name, s]));
    this.s.status = r.status;
    this.s.alerts = v.alerts || [];
    this.s.labs = v.labs || this.s.labs || [];
    this.s.sections = (v.sections || []).map((s) => {
      const before = previous[s.name];
      // A section whose text did not change keeps the draft's statements and their source links.
      const keep = before && before.text === s.text && before.statements;
      return { name: s.name, title: titles[s.name] || s.name, text: s.text, sources: s.sources || [], statements: keep ? before.statements : null };
    });
    this.s.current = v;
    this.s.engine = v.engine || this.s.engine;
    this.s.versions = r.versions || [];
    this.s.audit = r.audit || [];
    this.s.artifacts = run.artifacts || [];
  }

  async review(values) {
    const run = await this.runner.run({ document: this.s.id, ...values });
    if (!run) return false;
    this.editing = null;
    this.apply(run);
    this.render();
    return true;
  }

  render() {
    const s = this.s;
    const signed = s.status === 'signed';
    const signature = s.current && s.current.signature;
    const status = el('div', { class: 'pg-status pg-status-' + s.status, role: 'status' },
      el('strong', {}, i18n.t('st.' + s.status)),
      signature ? el('span', {}, ' · ' + i18n.t('signed.by', { signer: signature.signer, time: new Date(signature.time).toLocaleString() })) : null,
      signature ? el('code', { class: 'pg-hash', title: signature.hash }, i18n.t('hash', { hash: signature.hash.slice(0, 16) + '…' })) : null);
    const alerts = (s.alerts || []).length ? el('div', { class: 'pg-alerts', role: 'alert' },
      el('strong', {}, '⚠ ' + i18n.t('alerts')), el('ul', {}, s.alerts.map((a) => el('li', {}, a)))) : null;

    this.pane = el('ol', { class: 'pg-sources', tabindex: 0, 'aria-label': i18n.t('sources') },
      (s.sources || []).map((src) => el('li', { id: 'src-' + src.id, 'data-id': src.id },
        el('span', { class: 'pg-src-id' }, src.id), ' ',
        src.origin && src.origin !== 'source' ? el('span', { class: 'pg-badge pg-muted' }, src.origin) : null, ' ',
        src.speaker ? el('strong', {}, src.speaker + ': ') : null, el('span', {}, src.text))));
    const byId = Object.fromEntries((s.sources || []).map((src) => [src.id, src]));

    const sections = (s.sections || []).map((section) => this.section(section, signed, byId));
    const hasSources = (s.sources || []).length > 0;

    this.root.replaceChildren(el('article', { class: 'pg-card pg-report' },
      el('h2', { tabindex: -1 }, i18n.t('sections')),
      el('p', { class: 'atr-hint' }, i18n.t('report.id', { id: s.id })),
      status, alerts,
      el('div', { class: hasSources ? 'pg-report-grid' : '' },
        el('div', { class: 'pg-sections' }, sections),
        hasSources ? el('aside', { class: 'pg-source-pane', 'aria-labelledby': 'sources-heading' },
          tx('sources', 'h3', { id: 'sources-heading' }), tx('sources.hint', 'p', { class: 'atr-hint' }), this.pane) : null),
      this.labsTable(),
      this.facts(),
      this.runner.element,
      this.signArea(signed),
      this.history(),
      tx('downloads', 'h3'), artifactList(s.artifacts),
      engineLine(s.engine)));
  }

  section(section, signed, byId) {
    const heading = el('h3', { id: 'sec-' + slug(section.name) }, section.title || section.name);
    if (this.editing === section.name) return this.editor(section, signed, heading);
    const edit = el('button', { type: 'button', class: 'secondary pg-edit', 'aria-describedby': heading.id,
      onclick: () => { this.editing = section.name; this.render(); this.root.querySelector('.pg-editor textarea')?.focus(); } },
    i18n.t(signed ? 'amend' : 'edit'));
    let body;
    if (section.statements && section.statements.length) {
      body = el('p', { class: 'pg-statements' }, section.statements.map((st) => {
        const ids = st.sources || [];
        const tip = ids.map((id) => byId[id] ? `${id}: ${byId[id].text}` : id).join('\n');
        return [el('button', { type: 'button', class: 'pg-stmt', title: tip || i18n.t('no.sources'),
          'aria-label': st.text + (ids.length ? ' — ' + i18n.t('statement.sources', { ids: ids.join(', ') }) : ''),
          onclick: (e) => this.showSources(ids, e.currentTarget) }, st.text), ' '];
      }));
    } else {
      body = el('p', { class: 'pg-section-text' }, section.text || '');
    }
    return el('section', { class: 'pg-section', 'aria-labelledby': heading.id }, el('div', { class: 'pg-section-head' }, heading, edit), body);
  }

  showSources(ids, button) {
    this.root.querySelectorAll('.pg-stmt.pg-on').forEach((b) => b.classList.remove('pg-on'));
    button.classList.add('pg-on');
    this.pane.querySelectorAll('.pg-hl').forEach((li) => li.classList.remove('pg-hl'));
    const found = ids.map((id) => this.pane.querySelector(`[data-id="${CSS.escape(id)}"]`)).filter(Boolean);
    found.forEach((li) => li.classList.add('pg-hl'));
    if (found.length) this.pane.scrollTop = found[0].offsetTop - this.pane.offsetTop - 8;
    // On a phone the pane is under the report: bring it into view.
    if (found.length && matchMedia('(max-width: 760px)').matches) this.pane.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  editor(section, signed, heading) {
    const id = 'edit-' + slug(section.name);
    const text = el('textarea', { id, rows: Math.max(4, Math.ceil((section.text || '').length / 90) + 1) });
    text.value = section.text || '';
    const note = el('input', { type: 'text', id: id + '-note' });
    const problems = el('div');
    return el('section', { class: 'pg-section pg-editor', 'aria-labelledby': heading.id }, heading,
      el('form', { onsubmit: async (e) => {
        e.preventDefault();
        if (signed && !note.value.trim()) { problems.replaceChildren(localProblem([i18n.t('amend.need.reason')])); note.focus(); return; }
        await this.review({ action: signed ? 'amend' : 'edit', sections: `## ${section.name}\n${text.value.trim()}\n`,
          note: note.value.trim() || undefined });
      } },
      el('label', { for: id, class: 'visually-hidden' }, i18n.t('section.text', { section: section.title || section.name })), text,
      field(id + '-note', signed ? 'amend.reason' : 'edit.note', note), problems,
      el('div', { class: 'pg-actions' },
        el('button', { type: 'submit' }, i18n.t(signed ? 'save.amend' : 'save')),
        el('button', { type: 'button', class: 'secondary', onclick: () => { this.editing = null; this.render(); } }, i18n.t('discard')))));
  }

  labsTable() {
    const labs = this.s.labs || [];
    if (!labs.length) return null;
    return el('section', { 'aria-labelledby': 'labs-heading' }, tx('labs', 'h3', { id: 'labs-heading' }),
      el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table pg-labs' },
        el('thead', {}, el('tr', {}, ['lab.test', 'lab.value', 'lab.unit', 'lab.range', 'lab.flag'].map((k) => tx(k, 'th', { scope: 'col' })))),
        el('tbody', {}, labs.map((l) => el('tr', { class: 'pg-lab-' + l.flag },
          el('td', {}, l.test), el('td', { class: 'pg-num' }, String(l.value)), el('td', {}, l.unit || ''), el('td', {}, l.range || ''),
          el('td', {}, el('span', { class: 'pg-badge pg-flag-' + l.flag }, (l.flag === 'critical' ? '⚠ ' : l.flag === 'high' ? '↑ ' : l.flag === 'low' ? '↓ ' : '')
            + i18n.t('flag.' + l.flag)))))))));
  }

  facts() {
    const s = this.s;
    if (!s.phiReplaced) return null;
    const phi = Object.entries(s.phiReplaced);
    const checks = Object.entries(s.checks || {}).filter(([, n]) => n);
    return el('div', { class: 'pg-facts' },
      el('section', {}, tx('phi', 'h3'), phi.length ? el('ul', { class: 'pg-chips' }, phi.map(([type, n]) => el('li', {}, `${type} × ${n}`)))
        : tx('phi.none', 'p', { class: 'atr-hint' })),
      checks.length ? el('section', {}, tx('checks', 'h3'), el('ul', { class: 'pg-items' },
        checks.map(([k, n]) => el('li', {}, `${i18n.t('check.' + k)}: ${n}`)))) : null,
      (s.warnings || []).length ? el('section', {}, tx('warnings', 'h3'), el('ul', { class: 'pg-items pg-warn' }, s.warnings.map((w) => el('li', {}, w)))) : null);
  }

  signArea(signed) {
    if (signed) return null;
    const attest = el('input', { type: 'checkbox', id: 'sign-attest' });
    const problems = el('div');
    const dialog = el('dialog', { class: 'pg-dialog', 'aria-labelledby': 'sign-dialog-title' });
    const number = (this.s.current && this.s.current.number) || (this.s.versions || []).length || 1;
    dialog.append(
      el('h3', { id: 'sign-dialog-title' }, i18n.t('sign.confirm.title', { n: number })),
      el('p', {}, i18n.t('sign.confirm.body')),
      el('form', { method: 'dialog', class: 'pg-actions' },
        el('button', { value: 'sign', id: 'sign-confirm' }, i18n.t('sign.confirm.yes')),
        el('button', { value: 'cancel', class: 'secondary', autofocus: true }, i18n.t('sign.confirm.no'))));
    dialog.addEventListener('close', async () => {
      if (dialog.returnValue !== 'sign') return;
      await this.review({ action: 'sign', confirm: true });
    });
    return el('section', { class: 'pg-sign', 'aria-labelledby': 'sign-heading' }, tx('sign.title', 'h3', { id: 'sign-heading' }),
      el('div', { class: 'atr-field-row inline' }, attest, el('label', { for: 'sign-attest' }, i18n.t('sign.attest'))),
      problems,
      el('div', { class: 'pg-actions' }, el('button', { type: 'button', id: 'sign', onclick: () => {
        if (!attest.checked) { problems.replaceChildren(localProblem([i18n.t('sign.need.attest')])); attest.focus(); return; }
        problems.replaceChildren();
        dialog.returnValue = '';
        dialog.showModal();
      } }, i18n.t('sign.button'))), dialog);
  }

  history() {
    const versions = this.s.versions || [];
    const audit = this.s.audit || [];
    return el('details', { class: 'pg-history', open: versions.length > 1 || undefined },
      tx('versions', 'summary'),
      el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table' },
        el('thead', {}, el('tr', {}, ['v.number', 'v.kind', 'v.author', 'v.time', 'v.amends', 'v.signature'].map((k) => tx(k, 'th', { scope: 'col' })))),
        el('tbody', {}, versions.map((v) => el('tr', {},
          el('td', {}, String(v.number)), el('td', {}, i18n.t('kind.' + v.kind)), el('td', {}, v.author || ''),
          el('td', {}, v.time ? new Date(v.time).toLocaleString() : ''), el('td', {}, v.amends ? 'v' + v.amends : ''),
          el('td', {}, v.signature ? el('span', { title: v.signature.hash }, `${v.signature.signer} · ${new Date(v.signature.time).toLocaleString()}`) : '')))))),
      audit.length ? [tx('audit', 'h4'), el('ul', { class: 'pg-items pg-audit' }, audit.map((a) => el('li', {},
        i18n.t('audit.line', { time: new Date(a.time).toLocaleString(), user: a.user, action: i18n.t('act.' + a.action), version: a.version }))))] : null);
  }
}

function slug(name) {
  return String(name).toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-');
}

// ---------------------------------------------------------------------------------------------------
// De-identification

function deidentifyPanel() {
  const text = el('textarea', { rows: 8 });
  const file = fileDrop({ id: 'de-file', label: i18n.t('de.file'), accept: [...DOC_TYPES, '.xlsx', '.csv', 'text/csv'], maxBytes: 50 * 1024 * 1024 });
  const names = el('input', { type: 'text', autocomplete: 'off' });
  const dates = select('de-dates', [['placeholder', 'dates.placeholder'], ['shift', 'dates.shift'], ['year', 'dates.year']], 'placeholder');
  const language = select('de-language', LANGUAGES, 'auto');
  const runner = runPanel('medical', 'deidentify');
  const problems = el('div');
  const output = el('div', { 'aria-live': 'polite' });
  const submit = el('button', { type: 'submit', id: 'de-run', 'data-i18n': 'de.run' }, i18n.t('de.run'));
  const form = el('form', { class: 'pg-card', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const issues = [...file.validate()];
    const original = text.value;
    if (!original.trim() && !file.files().length) issues.push(i18n.t('de.need'));
    if (issues.length) { problems.replaceChildren(localProblem(issues)); return; }
    problems.replaceChildren();
    const values = { dates: dates.value, language: language.value };
    if (original.trim()) values.text = original;
    if (names.value.trim()) values.names = names.value.trim();
    submit.disabled = true;
    output.replaceChildren();
    const run = await runner.run(values, original.trim() ? {} : { file: file.files() });
    submit.disabled = false;
    if (run) output.replaceChildren(deidentifiedView(run.result, original.trim() ? original : null));
  } },
  field('de-text', 'de.text', text),
  el('div', { class: 'atr-field-row' }, tx('de.file', 'label', { for: 'de-file' }), file.element, tx('de.file.hint', 'p', { class: 'atr-hint' })),
  el('div', { class: 'pg-grid' }, field('de-names', 'de.names', names, 'de.names.hint'), field('de-dates', 'de.dates', dates),
    field('de-language', 'de.language', language)),
  el('div', { class: 'pg-actions' }, submit), problems);
  return el('section', {}, form, runner.element, output);
}

/** Text with the placeholders ([NAME_1], [DATE_2]…) marked. */
function withPlaceholders(text) {
  const parts = [];
  let last = 0;
  for (const m of String(text).matchAll(/\[([A-Z]+)_\d+\]/g)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(el('mark', { class: 'pg-phi pg-phi-' + m[1].toLowerCase(), title: m[1] }, m[0]));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

/** The original text with each replaced span marked by its type. */
function withSpans(text, spans) {
  const parts = [];
  let last = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < last) continue;
    if (span.start > last) parts.push(text.slice(last, span.start));
    parts.push(el('mark', { class: 'pg-phi pg-phi-' + span.type.toLowerCase(), title: span.type }, text.slice(span.start, span.end),
      el('span', { class: 'pg-phi-type' }, span.type)));
    last = span.end;
  }
  parts.push(text.slice(last));
  return parts;
}

function deidentifiedView(r, original) {
  const counts = Object.entries(r.phiReplaced || {});
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  const copy = el('button', { type: 'button', class: 'secondary', onclick: async () => {
    await navigator.clipboard.writeText(r.text);
    copy.textContent = i18n.t('de.copied');
    setTimeout(() => { copy.textContent = i18n.t('de.copy'); }, 1500);
  } }, i18n.t('de.copy'));
  const save = el('button', { type: 'button', class: 'secondary', onclick: () => {
    const url = URL.createObjectURL(new Blob([r.text], { type: 'text/plain;charset=utf-8' }));
    const link = el('a', { href: url, download: 'deidentified.txt' });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(url); link.remove(); }, 1000);
  } }, i18n.t('de.save'));
  return el('article', { class: 'pg-card' },
    el('p', {}, el('strong', {}, i18n.t('de.total', { n: total }))),
    counts.length ? el('ul', { class: 'pg-chips', 'aria-label': i18n.t('de.counts') },
      counts.map(([type, n]) => el('li', { class: 'pg-phi-' + type.toLowerCase() }, `${type} × ${n}`))) : null,
    el('div', { class: original ? 'pg-two' : '' },
      original ? el('section', {}, tx('de.original', 'h3'), el('pre', { class: 'pg-text' }, withSpans(original, r.spans || []))) : null,
      el('section', {}, tx('de.output', 'h3'), el('pre', { class: 'pg-text', id: 'de-output' }, withPlaceholders(r.text || '')))),
    el('div', { class: 'pg-actions' }, copy, save));
}

// ---------------------------------------------------------------------------------------------------

async function start() {
  await mountShell(null);
  i18n.apply(document);
  document.getElementById('medical-tabs').replaceChildren(tabs([
    { id: 'draft', key: 'tab.draft', panel: draftPanel() },
    { id: 'deidentify', key: 'tab.deid', panel: deidentifyPanel() },
  ]));
}

start();
