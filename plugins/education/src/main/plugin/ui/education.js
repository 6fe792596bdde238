// The education plugin's page: a tutoring chat (the tutor skill, one run per learner message), the teacher's
// view of the sessions, and a quiz builder whose questions can be answered right here.
import { artifactList, el, fileDrop, i18n } from '/ui/kit/atrium.js';
import { mountShell } from '/ui/portal/shell.js';
import { engineLine, field, localProblem, runPanel, select, tabs, tx } from '/ui/kit/widgets.js';

i18n.add('en', {
  'edu.title': 'Education', 'edu.lead': 'A tutor that guides with questions and hints instead of giving the answer, and quizzes from your course material.',
  'tab.tutor': 'Tutor', 'tab.teacher': 'Teacher', 'tab.quiz': 'Quiz builder',
  't.start': 'Start a session', 't.problem': 'Problem', 't.problem.hint': 'Type the problem, or add a photo of it instead.',
  't.photo': 'Photo of the problem', 't.subject': 'Subject', 't.level': 'Level', 't.level.placeholder': 'e.g. grade 4',
  't.language': 'Language', 'lang.auto': 'Detect', 'lang.en': 'English', 'lang.zh': 'Chinese',
  't.teacher.part': 'For the teacher (optional): reference solution', 't.solution': 'Worked solution',
  't.solution.hint': 'One step per line, e.g. "3 × 4 = 12". With it the tutor can give graduated hints.',
  't.answer': 'Final answer', 't.reveal': 'Reveal the answer after this many wrong attempts',
  't.reveal.hint': 'Empty: never reveal.', 't.begin': 'Start tutoring', 't.need.problem': 'Type the problem or add a photo.',
  't.your.problem': 'Your problem', 't.message': 'Your answer, a step or a question',
  't.message.hint': 'Write a step such as "12 + 5 = 17" and the tutor checks it. Enter sends, Shift+Enter adds a line.',
  't.send': 'Send', 't.hint': 'Give me a hint', 't.hint.message': 'I need a hint, please.', 't.new': 'New problem',
  't.you': 'You', 't.tutor': 'Tutor', 't.solved': 'Solved', 't.not.solved': 'Not solved yet', 't.hints': 'Hints used: {n}',
  't.attempts': 'Wrong attempts: {n}', 't.hint.level': 'Hint {n} of 4', 't.step.right': 'Correct step', 't.step.wrong': 'This step is not right',
  't.expected': 'expected {value}', 't.flags': 'Flagged for the teacher: {flags}', 't.guard': 'The answer guard reworded this reply.',
  'move.ask': 'question', 'move.probe': 'probing', 'move.hint': 'hint', 'move.confirm': 'confirmed', 'move.locate-error': 'error found',
  'move.encourage': 'encouragement', 'move.refuse-answer': 'no answer given', 'move.reveal': 'answer revealed',
  'tc.load': 'Load sessions', 'tc.none': 'No tutoring sessions yet.', 'tc.created': 'Started', 'tc.learner': 'Learner',
  'tc.problem': 'Problem', 'tc.outcome': 'Outcome', 'tc.revealed': 'Revealed', 'tc.open': 'In progress',
  'tc.attempts': 'Attempts', 'tc.hints': 'Hints', 'tc.steps': 'Steps found', 'tc.leaks': 'Leaks blocked', 'tc.flags': 'Flags',
  'tc.transcript': 'Transcript', 'tc.sessions': '{n} sessions',
  'q.material': 'Material', 'q.material.hint': 'PDF, DOCX, slides as PDF, or text.', 'q.text': 'Or paste the material',
  'q.count': 'Number of questions', 'q.kinds': 'Kinds of question', 'q.mc': 'Multiple choice', 'q.tf': 'True / false',
  'q.short': 'Short answer', 'q.level': 'Level', 'q.language': 'Language', 'q.build': 'Write the quiz',
  'q.need.material': 'Add a file or paste the material.', 'q.need.kind': 'Choose at least one kind of question.',
  'q.check': 'Check', 'q.check.all': 'Check all answers', 'q.right': 'Right!', 'q.wrong': 'Not quite.', 'q.answer': 'Answer: {answer}',
  'q.from': 'From the material', 'q.score': 'Score: {right} of {total}', 'q.your.answer': 'Your answer', 'q.unanswered': 'Answer first.',
  'q.question': 'Question {n}', 'q.downloads': 'Downloads',
});
i18n.add('zh', {
  'edu.title': '教育', 'edu.lead': '用提问和提示引导、而不直接给出答案的辅导老师，以及根据课程材料生成的测验。',
  'tab.tutor': '辅导', 'tab.teacher': '教师', 'tab.quiz': '出题',
  't.start': '开始辅导', 't.problem': '题目', 't.problem.hint': '输入题目，或者上传题目的照片。',
  't.photo': '题目照片', 't.subject': '科目', 't.level': '年级', 't.level.placeholder': '例如：四年级',
  't.language': '语言', 'lang.auto': '自动识别', 'lang.en': '英文', 'lang.zh': '中文',
  't.teacher.part': '教师填写（可选）：参考解答', 't.solution': '解题步骤',
  't.solution.hint': '每行一步，例如“3 × 4 = 12”。有了它，辅导老师可以给出逐级提示。',
  't.answer': '最终答案', 't.reveal': '答错多少次后可以公布答案', 't.reveal.hint': '留空：从不公布。',
  't.begin': '开始', 't.need.problem': '请输入题目或上传照片。',
  't.your.problem': '你的题目', 't.message': '你的答案、步骤或问题',
  't.message.hint': '写出一步，例如“12 + 5 = 17”，老师会帮你检查。回车发送，Shift+回车换行。',
  't.send': '发送', 't.hint': '给我一个提示', 't.hint.message': '请给我一个提示。', 't.new': '换一道题',
  't.you': '你', 't.tutor': '老师', 't.solved': '已解出', 't.not.solved': '尚未解出', 't.hints': '已用提示：{n}',
  't.attempts': '答错次数：{n}', 't.hint.level': '提示 {n}/4', 't.step.right': '这一步正确', 't.step.wrong': '这一步不对',
  't.expected': '应为 {value}', 't.flags': '已提醒老师：{flags}', 't.guard': '答案保护改写了这条回复。',
  'move.ask': '提问', 'move.probe': '追问', 'move.hint': '提示', 'move.confirm': '确认', 'move.locate-error': '指出错误',
  'move.encourage': '鼓励', 'move.refuse-answer': '不直接给答案', 'move.reveal': '公布答案',
  'tc.load': '加载辅导记录', 'tc.none': '还没有辅导记录。', 'tc.created': '开始时间', 'tc.learner': '学生',
  'tc.problem': '题目', 'tc.outcome': '结果', 'tc.revealed': '已公布答案', 'tc.open': '进行中',
  'tc.attempts': '尝试', 'tc.hints': '提示', 'tc.steps': '完成步骤', 'tc.leaks': '拦截泄露', 'tc.flags': '提醒',
  'tc.transcript': '对话记录', 'tc.sessions': '共 {n} 次辅导',
  'q.material': '材料', 'q.material.hint': 'PDF、DOCX、导出为 PDF 的幻灯片或文本。', 'q.text': '或粘贴材料',
  'q.count': '题目数量', 'q.kinds': '题型', 'q.mc': '选择题', 'q.tf': '判断题', 'q.short': '简答题',
  'q.level': '年级', 'q.language': '语言', 'q.build': '生成测验',
  'q.need.material': '请上传文件或粘贴材料。', 'q.need.kind': '请至少选择一种题型。',
  'q.check': '检查', 'q.check.all': '检查全部答案', 'q.right': '答对了！', 'q.wrong': '不太对。', 'q.answer': '答案：{answer}',
  'q.from': '出自材料', 'q.score': '得分：{right}/{total}', 'q.your.answer': '你的答案', 'q.unanswered': '请先作答。',
  'q.question': '第 {n} 题', 'q.downloads': '下载',
});

const LANGUAGES = [['auto', 'lang.auto'], ['en', 'lang.en'], ['zh', 'lang.zh']];
const SESSION_KEY = 'atrium.education.session';

// ---------------------------------------------------------------------------------------------------
// Tutor

function tutorPanel() {
  const problem = el('textarea', { rows: 4 });
  const photo = fileDrop({ id: 't-photo', label: i18n.t('t.photo'), accept: ['image/*'], maxBytes: 10 * 1024 * 1024 });
  const subject = el('input', { type: 'text', value: 'math' });
  const level = el('input', { type: 'text', placeholder: i18n.t('t.level.placeholder'), 'data-i18n-placeholder': 't.level.placeholder' });
  const language = select('t-language', LANGUAGES, 'auto');
  const solution = el('textarea', { rows: 4 });
  const answer = el('input', { type: 'text' });
  const reveal = el('input', { type: 'number', min: 0, max: 100, step: 1 });
  const startRunner = runPanel('education', 'tutor');
  const problems = el('div');
  const begin = el('button', { type: 'submit', id: 't-begin', 'data-i18n': 't.begin' }, i18n.t('t.begin'));

  const startForm = el('form', { class: 'pg-card', id: 't-start', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const issues = [...photo.validate()];
    if (!problem.value.trim() && !photo.files().length) issues.push(i18n.t('t.need.problem'));
    if (issues.length) { problems.replaceChildren(localProblem(issues)); return; }
    problems.replaceChildren();
    const values = { subject: subject.value.trim() || 'math', language: language.value };
    if (problem.value.trim()) values.problem = problem.value.trim();
    if (level.value.trim()) values.level = level.value.trim();
    if (solution.value.trim()) values.solution = solution.value.trim();
    if (answer.value.trim()) values.answer = answer.value.trim();
    if (reveal.value !== '') values.revealAfter = Number(reveal.value);
    begin.disabled = true;
    const run = await startRunner.run(values, problem.value.trim() ? {} : { photo: photo.files() });
    begin.disabled = false;
    if (!run) return;
    const picture = photo.files()[0];
    let text = values.problem;
    if (!text) text = (await sessionView(run.result.session))?.problem || '';
    sessionStorage.setItem(SESSION_KEY, run.result.session);
    chat.open({ session: run.result.session, problem: text, picture, turns: [] });
    chat.tutorTurn(run.result);
  } },
  tx('t.start', 'h2'),
  field('t-problem', 't.problem', problem, 't.problem.hint'),
  el('div', { class: 'atr-field-row' }, tx('t.photo', 'label', { for: 't-photo' }), photo.element),
  el('div', { class: 'pg-grid' }, field('t-subject', 't.subject', subject), field('t-level', 't.level', level),
    field('t-language', 't.language', language)),
  el('details', { class: 'pg-teacher-part' }, tx('t.teacher.part', 'summary'),
    field('t-solution', 't.solution', solution, 't.solution.hint'),
    el('div', { class: 'pg-grid' }, field('t-answer', 't.answer', answer), field('t-reveal', 't.reveal', reveal, 't.reveal.hint'))),
  el('div', { class: 'pg-actions' }, begin), problems, startRunner.element);

  const chat = chatView(() => { startForm.hidden = false; sessionStorage.removeItem(SESSION_KEY); problem.focus(); });
  chat.element.hidden = true;
  chat.onOpen = () => { startForm.hidden = true; };

  // A session of this tab survives a reload: its transcript comes back from the teacher view.
  const saved = sessionStorage.getItem(SESSION_KEY);
  if (saved) {
    sessionView(saved).then((s) => {
      if (!s) return;
      chat.open({ session: s.session, problem: s.problem, turns: s.transcript || [] });
      chat.status({ solved: s.solved, hintsUsed: s.hintsUsed, attempts: s.attempts, flags: (s.flags || []).map((f) => f.kind) });
    });
  }
  return el('section', {}, startForm, chat.element);
}

async function sessionView(id) {
  const runner = runPanel('education', 'tutor');
  const run = await runner.run({ action: 'teacher', session: id });
  return run && run.result.sessions && run.result.sessions[0];
}

function chatView(onNew) {
  const problemCard = el('div', { class: 'pg-problem' });
  const log = el('ol', { class: 'pg-chat', role: 'log', 'aria-live': 'polite', 'aria-label': i18n.t('tc.transcript') });
  const statusLine = el('div', { class: 'pg-tutor-status' });
  const message = el('textarea', { rows: 2, id: 't-message', 'aria-describedby': 't-message-hint' });
  const runner = runPanel('education', 'tutor');
  const send = el('button', { type: 'submit', id: 't-send', 'data-i18n': 't.send' }, i18n.t('t.send'));
  const hint = el('button', { type: 'button', class: 'secondary', id: 't-hint', 'data-i18n': 't.hint' }, i18n.t('t.hint'));
  let session = null;
  let history = []; // [role, data] of every turn shown, drawn again when the language changes
  let last = null;

  async function say(text) {
    if (!text.trim() || !session) return;
    learnerTurn(text.trim());
    send.disabled = hint.disabled = true;
    const run = await runner.run({ session, message: text.trim() });
    send.disabled = hint.disabled = false;
    if (run) view.tutorTurn(run.result);
    message.focus();
  }
  function learnerTurn(text, redraw) {
    if (!redraw) history.push(['learner', text]);
    log.append(el('li', { class: 'pg-msg pg-learner' }, el('span', { class: 'pg-who' }, i18n.t('t.you')), el('p', {}, text)));
    log.lastElementChild.scrollIntoView({ block: 'nearest' });
  }
  message.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); say(message.value); message.value = ''; }
  });
  hint.addEventListener('click', () => say(i18n.t('t.hint.message')));
  window.addEventListener('atrium:locale', () => session && view.redraw());

  const element = el('section', { class: 'pg-card pg-tutor', 'aria-labelledby': 't-chat-heading' },
    el('div', { class: 'pg-chat-head' }, tx('t.your.problem', 'h2', { id: 't-chat-heading' }),
      el('button', { type: 'button', class: 'secondary', id: 't-new', onclick: () => { element.hidden = true; onNew(); },
        'data-i18n': 't.new' }, i18n.t('t.new'))),
    problemCard, statusLine, log,
    el('form', { class: 'pg-composer', onsubmit: (e) => { e.preventDefault(); say(message.value); message.value = ''; } },
      tx('t.message', 'label', { for: 't-message' }), message,
      tx('t.message.hint', 'p', { class: 'atr-hint', id: 't-message-hint' }),
      el('div', { class: 'pg-actions' }, send, hint)),
    runner.element);

  const view = {
    element,
    onOpen: null,
    open({ session: id, problem, picture, turns }) {
      session = id;
      problemCard.replaceChildren(el('p', { class: 'pg-problem-text' }, problem || ''),
        ...(picture ? [el('img', { src: URL.createObjectURL(picture), alt: i18n.t('t.photo'), class: 'pg-problem-photo' })] : []));
      log.replaceChildren();
      statusLine.replaceChildren();
      history = [];
      last = null;
      for (const turn of turns) {
        if (turn.role === 'learner') learnerTurn(turn.text);
        else view.tutorTurn({ reply: turn.text, move: turn.move });
      }
      element.hidden = false;
      if (view.onOpen) view.onOpen();
      message.focus();
    },
    tutorTurn(r, redraw) {
      if (!redraw) history.push(['tutor', r]);
      const check = r.stepCheck;
      log.append(el('li', { class: 'pg-msg pg-tutor-msg' },
        el('span', { class: 'pg-who' }, i18n.t('t.tutor')),
        r.move ? el('span', { class: 'pg-badge pg-move pg-move-' + r.move }, i18n.t('move.' + r.move)) : null,
        r.move === 'hint' && r.hintLevel ? el('span', { class: 'pg-hint-level', title: i18n.t('t.hint.level', { n: r.hintLevel }) },
          el('meter', { min: 0, max: 4, value: r.hintLevel, 'aria-label': i18n.t('t.hint.level', { n: r.hintLevel }) }),
          ' ', i18n.t('t.hint.level', { n: r.hintLevel })) : null,
        check ? el('p', { class: 'pg-step ' + (check.correct ? 'pg-step-right' : 'pg-step-wrong') },
          el('span', { 'aria-hidden': 'true' }, check.correct ? '✓ ' : '✗ '),
          el('span', {}, i18n.t(check.correct ? 't.step.right' : 't.step.wrong') + ': '), el('code', {}, check.step),
          !check.correct && check.expected != null ? el('span', { class: 'atr-hint' }, ' — ' + i18n.t('t.expected', { value: check.expected })) : null) : null,
        el('p', {}, r.reply),
        r.guardRewrote ? tx('t.guard', 'p', { class: 'atr-hint' }) : null));
      log.lastElementChild.scrollIntoView({ block: 'nearest' });
      if (r.session && !redraw) view.status(r);
    },
    redraw() {
      log.replaceChildren();
      history.forEach(([role, data]) => (role === 'learner' ? learnerTurn(data, true) : view.tutorTurn(data, true)));
      if (last) view.status(last);
    },
    status(r) {
      last = r;
      statusLine.replaceChildren(...[
        el('span', { class: 'pg-badge ' + (r.solved ? 'pg-ok' : 'pg-muted') }, i18n.t(r.solved ? 't.solved' : 't.not.solved')),
        r.hintsUsed != null ? el('span', {}, i18n.t('t.hints', { n: r.hintsUsed })) : null,
        r.attempts != null ? el('span', {}, i18n.t('t.attempts', { n: r.attempts })) : null,
        (r.flags || []).length ? el('span', { class: 'pg-warn' }, i18n.t('t.flags', { flags: r.flags.join(', ') })) : null,
        engineLine(r.engine)].filter(Boolean));
    },
  };
  return view;
}

// ---------------------------------------------------------------------------------------------------
// Teacher

function teacherPanel() {
  const runner = runPanel('education', 'tutor');
  const output = el('div', { 'aria-live': 'polite' });
  const load = el('button', { type: 'button', id: 'tc-load', 'data-i18n': 'tc.load' }, i18n.t('tc.load'));
  let last = null;
  const show = () => output.replaceChildren(teacherView(last));
  load.addEventListener('click', async () => {
    load.disabled = true;
    const run = await runner.run({ action: 'teacher' });
    load.disabled = false;
    if (!run) return;
    last = run.result.sessions || [];
    show();
  });
  window.addEventListener('atrium:locale', () => last && show());
  return el('section', {}, el('div', { class: 'pg-actions' }, load), runner.element, output);
}

function teacherView(sessions) {
  if (!sessions.length) return tx('tc.none', 'p', { class: 'atr-hint' });
  const outcome = (s) => s.solved ? el('span', { class: 'pg-badge pg-ok' }, i18n.t('t.solved'))
    : s.revealed ? el('span', { class: 'pg-badge pg-warn' }, i18n.t('tc.revealed'))
      : el('span', { class: 'pg-badge pg-muted' }, i18n.t('tc.open'));
  return el('div', {},
    el('p', { class: 'atr-hint' }, i18n.t('tc.sessions', { n: sessions.length })),
    sessions.map((s) => el('details', { class: 'pg-card pg-session' + ((s.flags || []).length ? ' pg-flagged' : '') },
      el('summary', {},
        el('strong', {}, s.learner || '—'), ' · ', el('span', { class: 'pg-session-problem' }, (s.problem || '').length > 90 ? s.problem.slice(0, 90) + '…' : s.problem || ''), ' ',
        outcome(s), (s.flags || []).length ? el('span', { class: 'pg-badge pg-bad' }, '⚑ ' + s.flags.length) : null),
      el('dl', { class: 'atr-tree' },
        [['tc.created', new Date(s.created).toLocaleString()], ['tc.problem', s.problem], ['tc.attempts', s.attempts], ['tc.hints', s.hintsUsed],
          ['tc.steps', s.stepsFound], ['tc.leaks', s.leaksBlocked]].map(([k, v]) => [tx(k, 'dt'), el('dd', {}, String(v ?? '—'))])),
      (s.flags || []).length ? [tx('tc.flags', 'h3'), el('ul', { class: 'pg-items' }, s.flags.map((f) =>
        el('li', { class: 'pg-bad' }, el('strong', {}, f.kind), ': ', f.message)))] : null,
      tx('tc.transcript', 'h3'),
      el('ol', { class: 'pg-chat' }, (s.transcript || []).map((t) => el('li', { class: 'pg-msg ' + (t.role === 'learner' ? 'pg-learner' : 'pg-tutor-msg') },
        el('span', { class: 'pg-who' }, i18n.t(t.role === 'learner' ? 't.you' : 't.tutor')),
        t.move ? el('span', { class: 'pg-badge pg-move' }, i18n.t('move.' + t.move)) : null,
        el('p', {}, t.text)))))));
}

// ---------------------------------------------------------------------------------------------------
// Quiz

function quizPanel() {
  const material = fileDrop({ id: 'q-material', label: i18n.t('q.material'),
    accept: ['application/pdf', '.docx', 'text/plain', 'text/markdown', '.md', '.txt'], maxBytes: 50 * 1024 * 1024 });
  const text = el('textarea', { rows: 6 });
  const count = el('input', { type: 'number', min: 1, max: 30, step: 1, value: 5 });
  const kinds = [['multiple-choice', 'q.mc'], ['true-false', 'q.tf'], ['short-answer', 'q.short']].map(([value, key]) => ({
    value, box: el('input', { type: 'checkbox', id: 'q-kind-' + value, checked: true }), key }));
  const level = el('input', { type: 'text' });
  const language = select('q-language', LANGUAGES, 'auto');
  const runner = runPanel('education', 'quiz');
  const problems = el('div');
  const output = el('div', { 'aria-live': 'polite' });
  const build = el('button', { type: 'submit', id: 'q-build', 'data-i18n': 'q.build' }, i18n.t('q.build'));
  const form = el('form', { class: 'pg-card', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const issues = [...material.validate()];
    if (!material.files().length && !text.value.trim()) issues.push(i18n.t('q.need.material'));
    const chosen = kinds.filter((k) => k.box.checked).map((k) => k.value);
    if (!chosen.length) issues.push(i18n.t('q.need.kind'));
    if (issues.length) { problems.replaceChildren(localProblem(issues)); return; }
    problems.replaceChildren();
    const values = { count: Number(count.value || 5), kinds: chosen.join(','), language: language.value };
    if (text.value.trim()) values.text = text.value.trim();
    if (level.value.trim()) values.level = level.value.trim();
    build.disabled = true;
    output.replaceChildren();
    const run = await runner.run(values, { material: material.files() });
    build.disabled = false;
    if (run) output.replaceChildren(quizView(run));
  } },
  el('div', { class: 'atr-field-row' }, tx('q.material', 'label', { for: 'q-material' }), material.element, tx('q.material.hint', 'p', { class: 'atr-hint' })),
  field('q-text', 'q.text', text),
  el('div', { class: 'pg-grid' }, field('q-count', 'q.count', count), field('q-level', 'q.level', level), field('q-language', 'q.language', language),
    el('fieldset', { class: 'pg-kinds' }, tx('q.kinds', 'legend'),
      kinds.map((k) => el('label', { for: k.box.id }, k.box, ' ', tx(k.key))))),
  el('div', { class: 'pg-actions' }, build), problems);
  return el('section', {}, form, runner.element, output);
}

function normalise(s) {
  return String(s ?? '').toLowerCase().normalize('NFKC').replace(/[\s\p{P}]+/gu, '');
}

function quizView(run) {
  const questions = run.result.questions || [];
  const score = el('p', { class: 'pg-score', 'aria-live': 'polite' });
  const checks = [];
  const items = questions.map((q, i) => {
    const name = 'q-' + i;
    const feedback = el('div', { class: 'pg-feedback', 'aria-live': 'polite' });
    let control;
    let given;
    const choices = q.choices && q.choices.length ? q.choices : null;
    if (choices) {
      control = el('div', { class: 'pg-choices' }, choices.map((c, j) => el('label', { for: `${name}-${j}` },
        el('input', { type: 'radio', name, id: `${name}-${j}`, value: c }), ' ', c)));
      given = () => control.querySelector('input:checked')?.value;
    } else {
      control = el('input', { type: 'text', id: name + '-text', 'aria-label': i18n.t('q.your.answer') });
      given = () => control.value.trim();
    }
    const check = (force) => {
      const answer = given();
      if (!answer && !force) { feedback.replaceChildren(tx('q.unanswered', 'p', { class: 'pg-warn' })); return null; }
      const a = normalise(answer);
      const key = normalise(q.answer);
      const right = Boolean(answer) && (a === key || (!choices && key.length > 3 && a.includes(key)));
      feedback.replaceChildren(...[
        answer ? el('p', { class: right ? 'pg-ok' : 'pg-bad' }, el('strong', {}, i18n.t(right ? 'q.right' : 'q.wrong'))) : null,
        el('p', {}, i18n.t('q.answer', { answer: q.answer })),
        q.source ? el('blockquote', { class: 'pg-quote' }, el('span', { class: 'visually-hidden' }, i18n.t('q.from') + ': '), q.source) : null].filter(Boolean));
      return right;
    };
    checks.push(check);
    return el('li', { class: 'pg-question-item' }, el('fieldset', {},
      el('legend', {}, el('span', { class: 'pg-qnum', 'aria-label': i18n.t('q.question', { n: i + 1 }) }, `${i + 1}.`), ' ', q.question),
      control,
      el('div', { class: 'pg-actions' }, el('button', { type: 'button', class: 'secondary', onclick: () => check(false), 'data-i18n': 'q.check' }, i18n.t('q.check'))),
      feedback));
  });
  const checkAll = () => {
    const results = checks.map((c) => c(true));
    score.textContent = i18n.t('q.score', { right: results.filter(Boolean).length, total: questions.length });
  };
  return el('article', { class: 'pg-card' },
    el('ol', { class: 'pg-quiz', role: 'list' }, items),
    el('div', { class: 'pg-actions' }, el('button', { type: 'button', id: 'q-check-all', onclick: checkAll, 'data-i18n': 'q.check.all' }, i18n.t('q.check.all'))),
    score,
    tx('q.downloads', 'h3'), artifactList(run.artifacts),
    engineLine(run.result.engine));
}

// ---------------------------------------------------------------------------------------------------

async function start() {
  await mountShell(null);
  i18n.apply(document);
  document.getElementById('education-tabs').replaceChildren(tabs([
    { id: 'tutor', key: 'tab.tutor', panel: tutorPanel() },
    { id: 'teacher', key: 'tab.teacher', panel: teacherPanel() },
    { id: 'quiz', key: 'tab.quiz', panel: quizPanel() },
  ]));
}

start();
