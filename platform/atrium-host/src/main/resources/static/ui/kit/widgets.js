// UI kit widgets for richer plugin pages: translated labels and selects, accessible tabs, a run panel with
// progress, warnings and cancel, artifact links and images fetched with the caller's credentials.
//
//   import { tabs, runPanel, field } from '/ui/kit/widgets.js';   (styles: /ui/kit/widgets.css)
import { authHeaders, cancelRun, el, i18n, problemView, progressBar, runAndFollow } from '/ui/kit/atrium.js';

i18n.add('en', { 'parts.warning': 'Note', 'parts.engine': 'Engine: {engine}' });
i18n.add('zh', { 'parts.warning': '提示', 'parts.engine': '引擎：{engine}' });

/** Text that follows the language switch: a node with data-i18n. */
export function tx(key, tag = 'span', attrs = {}) {
  return el(tag, { ...attrs, 'data-i18n': key }, i18n.t(key));
}

/** A label and its control (the control gets the id); an optional hint described by the control. */
export function field(id, key, control, hintKey) {
  control.id = control.id || id;
  const hint = hintKey ? tx(hintKey, 'p', { class: 'atr-hint', id: id + '-hint' }) : null;
  if (hint) control.setAttribute('aria-describedby', id + '-hint');
  return el('div', { class: 'atr-field-row' }, tx(key, 'label', { for: control.id }), control, hint);
}

/** A select whose options are translated: options [[value, key], …]. */
export function select(id, options, value) {
  const node = el('select', { id }, options.map(([v, key]) => el('option', { value: v, 'data-i18n': key }, i18n.t(key))));
  if (value !== undefined) node.value = value;
  return node;
}

/**
 * Tabs with the ARIA tab pattern: arrow keys move between tabs, the chosen one is kept in the URL's hash.
 * tabs: [{id, key, panel}]. Returns the element.
 */
export function tabs(list) {
  const bar = el('div', { role: 'tablist', class: 'pg-tabs' });
  const buttons = list.map((tab) => el('button', { type: 'button', role: 'tab', id: 'tab-' + tab.id,
    'aria-controls': 'panel-' + tab.id, class: 'pg-tab', 'data-i18n': tab.key }, i18n.t(tab.key)));
  list.forEach((tab) => {
    tab.panel.id = 'panel-' + tab.id;
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', 'tab-' + tab.id);
  });
  function show(index, focus) {
    buttons.forEach((b, i) => {
      b.setAttribute('aria-selected', String(i === index));
      b.tabIndex = i === index ? 0 : -1;
      list[i].panel.hidden = i !== index;
    });
    if (focus) buttons[index].focus();
    history.replaceState(null, '', '#' + list[index].id);
  }
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => show(i, false));
    b.addEventListener('keydown', (e) => {
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      show((next + buttons.length) % buttons.length, true);
    });
  });
  bar.append(...buttons);
  const start = Math.max(0, list.findIndex((t) => '#' + t.id === location.hash));
  show(start, false);
  return el('div', { class: 'pg-tabset' }, bar, list.map((t) => t.panel));
}

/**
 * A run shown in place: progress bar with the skill's messages, a cancel button, warnings, the problem when
 * it fails. run(values, files) resolves to the finished run when it succeeded, to null otherwise.
 */
export function runPanel(plugin, skill, { onEvent } = {}) {
  const progress = progressBar();
  const cancel = el('button', { type: 'button', class: 'danger', hidden: true, 'data-i18n': 'cancel' }, i18n.t('cancel'));
  const notes = el('ul', { class: 'pg-warnings', hidden: true });
  const problem = el('div');
  const bar = el('div', { class: 'pg-run', hidden: true }, el('div', { class: 'pg-run-line' }, progress.element, cancel));
  const element = el('div', {}, bar, notes, problem);
  let current = null;
  cancel.addEventListener('click', () => current && cancelRun(current).catch((e) => problem.replaceChildren(problemView(e))));
  async function run(values, files = {}) {
    problem.replaceChildren();
    notes.replaceChildren();
    notes.hidden = true;
    bar.hidden = false;
    cancel.hidden = false;
    progress.set(0, i18n.t('running'));
    try {
      const { run: started, done } = await runAndFollow(plugin, skill, values, files, (type, data) => {
        if (type === 'progress') progress.set(data.percent, data.message);
        if (type === 'warning') {
          notes.hidden = false;
          notes.append(el('li', {}, el('strong', {}, i18n.t('parts.warning') + ': '), data.message ?? String(data)));
        }
        if (onEvent) onEvent(type, data);
      });
      current = started.id;
      const finished = await done;
      if (finished.status === 'succeeded') {
        progress.set(100, i18n.t('succeeded'));
        bar.hidden = true;
        return finished;
      }
      bar.hidden = true;
      problem.replaceChildren(finished.error ? problemView(finished.error)
        : el('div', { class: 'atr-problem', role: 'alert' }, el('strong', {}, i18n.t(finished.status))));
      return null;
    } catch (error) {
      bar.hidden = true;
      problem.replaceChildren(problemView(error));
      return null;
    } finally {
      cancel.hidden = true;
      current = null;
    }
  }
  return { element, run, showProblem: (error) => problem.replaceChildren(problemView(error)) };
}

/** An artifact of a finished run by name (or by a test on the name). */
export function artifact(run, name) {
  return (run.artifacts || []).find((a) => (typeof name === 'function' ? name(a.name) : a.name === name));
}

/** An image fetched with the caller's credentials (an <img src> would not carry an API key). */
export function authImage(url, alt, attrs = {}) {
  const img = el('img', { alt, ...attrs });
  fetch(url, { headers: authHeaders(), credentials: 'same-origin' })
    .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(r.statusText))))
    .then((blob) => { img.src = URL.createObjectURL(blob); })
    .catch(() => { img.alt = alt + ' (—)'; });
  return img;
}

/** The engine line under a result. */
export function engineLine(engine) {
  return engine ? el('p', { class: 'atr-hint pg-engine' }, i18n.t('parts.engine', { engine })) : null;
}

/** Problems from the page's own checks, shown like the server's. */
export function localProblem(messages) {
  return el('div', { class: 'atr-problem', role: 'alert' }, messages.map((m) => el('div', {}, m)));
}
