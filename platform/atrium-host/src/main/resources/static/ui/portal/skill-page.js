// The page generated for any skill from its spec alone: /skills/{plugin}/{skill}.
import { api, artifactList, el, i18n, problemView, progressBar, renderMarkdown, renderResult, runAndFollow, skillForm }
  from '/ui/kit/atrium.js';
import { mountShell } from '/ui/portal/shell.js';

const [, , plugin, skill] = location.pathname.split('/').map(decodeURIComponent);
const main = document.getElementById('skill-page');

async function render() {
  await mountShell('skills');
  let spec;
  try {
    spec = await api(`/api/skills/${encodeURIComponent(plugin)}/${encodeURIComponent(skill)}`);
  } catch (error) {
    main.replaceChildren(problemView(error));
    return;
  }
  document.title = `${spec.title} · Atrium`;
  const form = skillForm(spec);
  const runButton = el('button', { type: 'submit', id: 'run' }, i18n.t('run'));
  const cancelButton = el('button', { type: 'button', class: 'danger', id: 'cancel', hidden: true }, i18n.t('cancel'));
  const errors = el('div', { id: 'errors' });
  const progress = progressBar();
  progress.element.hidden = true;
  const status = el('p', { id: 'status', class: 'atr-hint' });
  const stream = el('div', { id: 'stream', class: 'atr-stream', hidden: true, 'aria-live': 'polite' });
  const result = el('section', { id: 'result', hidden: true }, el('h2', {}, i18n.t('result')));
  const artifacts = el('section', { id: 'artifacts', hidden: true }, el('h2', {}, i18n.t('artifacts')));

  const formElement = el('form', { id: 'skill-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); start(); } },
    form.element, el('div', { class: 'atr-toolbar' }, runButton, cancelButton));
  main.replaceChildren(
    el('p', { class: 'atr-hint' }, el('a', { href: '/#/skills' }, plugin), ' / ', skill, ' · v' + spec.pluginVersion),
    el('h1', {}, spec.title),
    spec.description ? el('p', {}, spec.description) : null,
    formElement, errors, progress.element, status, stream, result, artifacts);

  let current = null;
  cancelButton.addEventListener('click', () => current && current.cancel().catch((e) => errors.replaceChildren(problemView(e))));

  async function start() {
    const problems = form.validate();
    if (problems.length) {
      errors.replaceChildren(el('div', { class: 'atr-problem', role: 'alert' }, problems.map((p) => el('div', {}, p))));
      return;
    }
    errors.replaceChildren();
    result.hidden = true;
    artifacts.hidden = true;
    stream.hidden = true;
    stream.textContent = '';
    progress.element.hidden = false;
    progress.set(0, i18n.t('running'));
    status.textContent = '';
    runButton.disabled = true;
    let text = '';
    try {
      current = await runAndFollow(plugin, skill, form.values(), form.files(), (type, data) => {
        if (type === 'progress') progress.set(data.percent, data.message);
        else if (type === 'delta') {
          text += data.text ?? '';
          stream.hidden = false;
          stream.textContent = text;
        } else if (type === 'status') status.textContent = data.status;
      });
      cancelButton.hidden = false;
      const finished = await current.done;
      status.replaceChildren(el('span', { class: 'atr-badge ' + finished.status, id: 'run-status' }, i18n.t(finished.status)),
        ' ', el('a', { href: '/#/runs/' + finished.id }, finished.id),
        finished.usage && finished.usage.engines && finished.usage.engines.length
          ? ' · ' + i18n.t('engine') + ': ' + finished.usage.engines.join(', ') : '');
      if (text) stream.replaceChildren(renderMarkdown(text));
      if (finished.status === 'succeeded') {
        progress.set(100, null);
        result.replaceChildren(el('h2', {}, i18n.t('result')), renderResult(finished.result));
        result.hidden = false;
      } else if (finished.error) {
        errors.replaceChildren(problemView(finished.error));
      }
      if (finished.artifacts && finished.artifacts.length) {
        artifacts.replaceChildren(el('h2', {}, i18n.t('artifacts')), artifactList(finished.artifacts));
        artifacts.hidden = false;
      }
    } catch (error) {
      errors.replaceChildren(problemView(error));
    } finally {
      runButton.disabled = false;
      cancelButton.hidden = true;
      current = null;
    }
  }
}

window.addEventListener('atrium:locale', () => location.reload());
render();
