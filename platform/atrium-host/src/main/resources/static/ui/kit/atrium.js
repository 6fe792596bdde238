// Atrium UI kit: what the portal, the generated skill pages and plugin pages share.
// An ES module with no build step: import it from /ui/kit/atrium.js. It is versioned with the SDK.
//
//   import { api, runAndFollow, skillForm, renderResult, i18n, theme } from '/ui/kit/atrium.js';
//
// Everything written into the page goes through textContent or the Markdown sanitiser: a plugin's
// descriptions, results and model output are never trusted as HTML.
import { marked } from '/webjars/marked/lib/marked.esm.js';
import DOMPurify from '/webjars/dompurify/dist/purify.es.mjs';

export const KIT_VERSION = '0.1.0';

// ---------------------------------------------------------------------------------------------------
// Auth and the API client

const KEY_STORAGE = 'atrium.key';
const expiredHandlers = [];

/** The API key the user pasted (kept for this browser tab only), or a signed-in session's cookie. */
export const auth = {
  key: () => sessionStorage.getItem(KEY_STORAGE),
  setKey: (key) => key ? sessionStorage.setItem(KEY_STORAGE, key.trim()) : sessionStorage.removeItem(KEY_STORAGE),
  /** Called with the problem when a request is refused for want of credentials (expired session, revoked key). */
  onExpired: (handler) => expiredHandlers.push(handler),
};

/** A refused request: {@code problem} is the server's problem+json (title, detail, code, status). */
export class ProblemError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || 'request failed');
    this.problem = problem;
    this.status = problem.status;
  }
}

function cookie(name) {
  const match = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

/** Headers every call needs: the key if one is set, the CSRF token for a cookie session's writes. */
export function authHeaders(method = 'GET') {
  const headers = {};
  const key = auth.key();
  if (key) headers.Authorization = 'Bearer ' + key;
  const xsrf = cookie('XSRF-TOKEN');
  if (!key && xsrf && method !== 'GET' && method !== 'HEAD') headers['X-XSRF-TOKEN'] = xsrf;
  return headers;
}

async function problemOf(response) {
  let problem;
  try {
    problem = await response.json();
  } catch (e) {
    problem = {};
  }
  if (!problem || typeof problem !== 'object') problem = {};
  problem.status = problem.status || response.status;
  problem.title = problem.title || response.statusText || 'Request failed';
  return problem;
}

/** The error for a refused response; a 401 also tells whoever waits for an expired session. */
async function refused(response) {
  const problem = await problemOf(response);
  if (response.status === 401) expiredHandlers.forEach((h) => h(problem));
  return new ProblemError(problem);
}

/**
 * Calls the platform's API. {@code json} is sent as a JSON body, {@code body} as is (FormData, Blob).
 * Resolves to the parsed JSON (or null for an empty answer); rejects with a ProblemError.
 */
export async function api(path, { method = 'GET', json, body, headers = {}, signal } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...authHeaders(method), ...headers },
    credentials: 'same-origin', signal };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(path, init);
  if (!response.ok) throw await refused(response);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Uploads with progress (fetch cannot report it): onProgress gets 0..100. Resolves to the JSON answer. */
export function upload(path, formData, { method = 'POST', onProgress } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    Object.entries(authHeaders(method)).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress && onProgress(Math.round(100 * e.loaded / e.total));
    xhr.onload = () => {
      let answer = null;
      try { answer = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { answer = null; }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(answer);
      const problem = answer && typeof answer === 'object' ? answer : {};
      problem.status = problem.status || xhr.status;
      problem.title = problem.title || xhr.statusText || 'Upload failed';
      if (xhr.status === 401) expiredHandlers.forEach((h) => h(problem));
      reject(new ProblemError(problem));
    };
    xhr.onerror = () => reject(new ProblemError({ status: 0, title: 'Network error', detail: 'the upload did not reach the server' }));
    xhr.send(formData);
  });
}

// ---------------------------------------------------------------------------------------------------
// Runs

/** Starts a run: JSON when there are no files, otherwise multipart with an "input" JSON part. */
export function startRun(plugin, skill, values = {}, files = {}) {
  const path = `/api/skills/${encodeURIComponent(plugin)}/${encodeURIComponent(skill)}/runs`;
  const withFiles = Object.entries(files).filter(([, list]) => list && list.length);
  if (!withFiles.length) return api(path, { method: 'POST', json: values });
  const form = new FormData();
  form.append('input', new Blob([JSON.stringify(values)], { type: 'application/json' }));
  for (const [id, list] of withFiles) for (const file of list) form.append(id, file, file.name);
  return api(path, { method: 'POST', body: form });
}

/** Cancels a run. */
export function cancelRun(runId) {
  return api(`/api/runs/${encodeURIComponent(runId)}`, { method: 'DELETE' });
}

/**
 * Follows a run's server-sent events (replayed from the start). {@code onEvent(type, data, seq)} sees each
 * one. Resolves with the last event once the run has ended. Read with fetch, not EventSource, so a key
 * can travel in the Authorization header.
 */
export async function followRun(runId, onEvent, { signal } = {}) {
  const response = await fetch(`/api/runs/${encodeURIComponent(runId)}/events`, {
    headers: { Accept: 'text/event-stream', ...authHeaders() }, credentials: 'same-origin', signal });
  if (!response.ok) throw await refused(response);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let last = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
      const event = { type: 'message', data: '', id: null };
      for (const line of block.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const field = line.slice(0, colon);
        const text = line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.type = text;
        else if (field === 'data') event.data += (event.data ? '\n' : '') + text;
        else if (field === 'id') event.id = Number(text);
      }
      let data = event.data;
      try { data = JSON.parse(event.data); } catch (e) { /* plain text */ }
      last = { type: event.type, data, seq: event.id };
      onEvent(event.type, data, event.id);
    }
  }
  return last;
}

/**
 * Starts a run and follows it. Returns {run, done, cancel}: {@code done} resolves to the finished run as
 * the API reports it.
 */
export async function runAndFollow(plugin, skill, values, files, onEvent) {
  const run = await startRun(plugin, skill, values, files);
  const done = followRun(run.id, onEvent).then(() => api(`/api/runs/${encodeURIComponent(run.id)}`));
  return { run, done, cancel: () => cancelRun(run.id) };
}

/** Downloads an artifact with the caller's credentials (a plain link would not carry a key). */
export async function download(url, name) {
  const response = await fetch(url, { headers: authHeaders(), credentials: 'same-origin' });
  if (!response.ok) throw await refused(response);
  const blob = await response.blob();
  const link = el('a', { href: URL.createObjectURL(blob), download: name || url.split('/').pop() });
  document.body.appendChild(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

// ---------------------------------------------------------------------------------------------------
// i18n and theme

const dictionaries = { en: {}, zh: {} };

/** Translations: t('key', {n: 3}) with {n} placeholders; elements with data-i18n are translated by apply(). */
export const i18n = {
  locale: () => localStorage.getItem('atrium.locale') || ((navigator.language || 'en').startsWith('zh') ? 'zh' : 'en'),
  add(locale, entries) { Object.assign(dictionaries[locale] = dictionaries[locale] || {}, entries); },
  setLocale(locale) {
    localStorage.setItem('atrium.locale', locale);
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    i18n.apply(document);
    window.dispatchEvent(new CustomEvent('atrium:locale', { detail: locale }));
  },
  t(key, vars = {}) {
    const text = (dictionaries[i18n.locale()] || {})[key] ?? dictionaries.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? vars[name] : m));
  },
  apply(root) {
    root.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = i18n.t(node.dataset.i18n); });
    root.querySelectorAll('[data-i18n-label]').forEach((node) => node.setAttribute('aria-label', i18n.t(node.dataset.i18nLabel)));
    root.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = i18n.t(node.dataset.i18nPlaceholder); });
  },
};

/** Light or dark, remembered in this browser; follows the system until chosen. */
export const theme = {
  current: () => localStorage.getItem('atrium.theme')
    || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
  set(name) { localStorage.setItem('atrium.theme', name); document.documentElement.dataset.theme = name; },
  toggle() { theme.set(theme.current() === 'dark' ? 'light' : 'dark'); },
  apply() { document.documentElement.dataset.theme = theme.current(); },
};

i18n.add('en', {
  'run': 'Run', 'cancel': 'Cancel', 'running': 'Running…', 'cancelled': 'Cancelled', 'failed': 'Failed',
  'succeeded': 'Done', 'result': 'Result', 'artifacts': 'Downloads', 'output': 'Output', 'inputs': 'Inputs',
  'required': 'required', 'choose.files': 'Drop files here or choose', 'choose.file': 'Drop a file here or choose',
  'file.too.large': '{name} is larger than {limit}', 'file.wrong.type': '{name} is not one of {accept}',
  'too.many.files': 'at most {n} files', 'missing': '{label} is required', 'remove': 'Remove',
  'engine': 'Engine', 'usage': 'Usage', 'session.expired': 'Your session has expired or your key is no longer valid. Sign in again.',
  'sign.in': 'Sign in', 'no.value': '—', 'yes': 'yes', 'no': 'no', 'any.type': 'any type', 'up.to': 'up to {size}',
  'progress': 'Progress', 'error': 'Error',
});
i18n.add('zh', {
  'run': '运行', 'cancel': '取消', 'running': '运行中…', 'cancelled': '已取消', 'failed': '失败',
  'succeeded': '完成', 'result': '结果', 'artifacts': '下载', 'output': '输出', 'inputs': '输入',
  'required': '必填', 'choose.files': '拖放文件到此处或选择', 'choose.file': '拖放一个文件到此处或选择',
  'file.too.large': '{name} 超过 {limit}', 'file.wrong.type': '{name} 不是以下类型之一：{accept}',
  'too.many.files': '最多 {n} 个文件', 'missing': '请填写{label}', 'remove': '移除',
  'engine': '引擎', 'usage': '用量', 'session.expired': '登录已过期或密钥已失效，请重新登录。',
  'sign.in': '登录', 'no.value': '—', 'yes': '是', 'no': '否', 'any.type': '任意类型', 'up.to': '不超过 {size}',
  'progress': '进度', 'error': '错误',
});

// ---------------------------------------------------------------------------------------------------
// DOM helpers and components

/** el('button', {class: 'primary', onclick: f}, 'Run'): attributes, listeners (on…), and text/Node children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** "12.3 MB". */
export function formatBytes(bytes) {
  if (bytes == null) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return (unit ? value.toFixed(value < 10 ? 1 : 0) : value) + ' ' + units[unit];
}

/** A labelled progress bar: set(percent, message). */
export function progressBar() {
  const bar = el('progress', { max: 100, value: 0, 'aria-label': i18n.t('progress'), 'data-i18n-label': 'progress' });
  const message = el('span', { class: 'atr-progress-message', 'aria-live': 'polite' });
  const element = el('div', { class: 'atr-progress' }, bar, message);
  return {
    element,
    set(percent, text) {
      if (percent != null) bar.value = Math.max(0, Math.min(100, percent));
      if (text != null) message.textContent = text;
    },
  };
}

function accepts(accept, file) {
  if (!accept || !accept.length) return true;
  const type = (file.type || '').toLowerCase();
  const name = file.name.toLowerCase();
  return accept.some((pattern) => {
    const p = pattern.toLowerCase().split(';')[0].trim();
    if (p.startsWith('.')) return name.endsWith(p);
    if (p.endsWith('/*')) return type.startsWith(p.slice(0, -1));
    return type === p;
  });
}

/**
 * A file drop zone with a chooser; checks type and size before anything is uploaded.
 * Returns {element, files(), validate()} where validate() gives the error messages.
 */
export function fileDrop({ id, label, accept = [], maxBytes, multiple = false, maxFiles = 1 }) {
  let chosen = [];
  const input = el('input', { type: 'file', id, multiple: multiple || undefined,
    accept: accept.length ? accept.join(',') : undefined, class: 'atr-file-input' });
  const list = el('ul', { class: 'atr-file-list' });
  const errors = el('div', { class: 'atr-field-error', role: 'alert' });
  const hint = el('span', { class: 'atr-hint' },
    (accept.length ? accept.join(', ') : i18n.t('any.type')) + (maxBytes ? ' · ' + i18n.t('up.to', { size: formatBytes(maxBytes) }) : ''));
  const zone = el('label', { class: 'atr-drop', for: id, tabindex: -1 },
    el('span', { 'data-i18n': multiple ? 'choose.files' : 'choose.file' }, i18n.t(multiple ? 'choose.files' : 'choose.file')), hint, input);

  function problems() {
    const found = [];
    if (multiple && chosen.length > maxFiles) found.push(i18n.t('too.many.files', { n: maxFiles }));
    for (const file of chosen) {
      if (maxBytes && file.size > maxBytes) found.push(i18n.t('file.too.large', { name: file.name, limit: formatBytes(maxBytes) }));
      if (!accepts(accept, file)) found.push(i18n.t('file.wrong.type', { name: file.name, accept: accept.join(', ') }));
    }
    return found;
  }
  function show() {
    list.replaceChildren(...chosen.map((file, index) => el('li', {},
      `${file.name} (${formatBytes(file.size)})`, ' ',
      el('button', { type: 'button', class: 'link', onclick: () => { chosen.splice(index, 1); show(); } }, i18n.t('remove')))));
    errors.replaceChildren(...problems().map((p) => el('div', {}, p)));
  }
  function take(files) {
    chosen = multiple ? chosen.concat(Array.from(files)) : Array.from(files).slice(0, 1);
    show();
  }
  input.addEventListener('change', () => { take(input.files); input.value = ''; });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); take(e.dataTransfer.files); });
  const element = el('div', { class: 'atr-file' }, zone, list, errors);
  element.setAttribute('aria-label', label || id);
  return { element, files: () => chosen.slice(), validate: problems, input };
}

/** Markdown rendered to sanitised HTML (model output may contain anything). */
export function renderMarkdown(text) {
  const node = el('div', { class: 'atr-markdown' });
  node.innerHTML = DOMPurify.sanitize(marked.parse(String(text ?? '')), { USE_PROFILES: { html: true } });
  return node;
}

function isRecordList(value) {
  return Array.isArray(value) && value.length > 0
    && value.every((v) => v && typeof v === 'object' && !Array.isArray(v));
}

function scalar(value) {
  if (value === null || value === undefined) return el('span', { class: 'atr-null' }, i18n.t('no.value'));
  if (typeof value === 'boolean') return el('span', {}, i18n.t(value ? 'yes' : 'no'));
  if (typeof value === 'string' && /^data:image\/(png|jpeg|gif|webp);base64,/.test(value)) {
    return el('img', { src: value, alt: '', class: 'atr-image' });
  }
  return el('span', {}, String(value));
}

/** A table for lists of records, a collapsible tree for objects, text for the rest. */
export function renderValue(value, depth = 0) {
  if (isRecordList(value)) {
    const columns = [...new Set(value.flatMap((row) => Object.keys(row)))];
    return el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table' },
      el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, value.map((row) => el('tr', {}, columns.map((c) => el('td', {},
        row[c] !== null && typeof row[c] === 'object' ? renderValue(row[c], depth + 1) : scalar(row[c]))))))));
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      return el('ul', { class: 'atr-list' }, value.map((v) => el('li', {}, scalar(v))));
    }
    return tree(value, depth);
  }
  if (value !== null && typeof value === 'object') return tree(value, depth);
  return scalar(value);
}

function tree(value, depth) {
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const body = el('dl', { class: 'atr-tree' }, entries.map(([k, v]) => [el('dt', {}, k), el('dd', {}, renderValue(v, depth + 1))]));
  if (depth === 0) return body;
  return el('details', { open: depth < 2 || undefined },
    el('summary', {}, Array.isArray(value) ? `[${value.length}]` : `{${entries.length}}`), body);
}

/** The result of a run: each field under its name; long strings as Markdown. */
export function renderResult(result) {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return renderValue(result);
  const section = el('div', { class: 'atr-result' });
  for (const [name, value] of Object.entries(result)) {
    const body = typeof value === 'string' && (value.length > 120 || value.includes('\n')) ? renderMarkdown(value) : renderValue(value, 0);
    section.appendChild(el('section', { class: 'atr-field' }, el('h3', {}, name), body));
  }
  return section;
}

/** Download buttons for a run's artifacts. */
export function artifactList(artifacts) {
  return el('ul', { class: 'atr-artifacts' }, (artifacts || []).map((a) => el('li', {},
    el('button', { type: 'button', class: 'secondary', onclick: () => download(a.url, a.name), 'data-artifact': a.name },
      '⬇ ' + a.name), ' ', el('span', { class: 'atr-hint' }, formatBytes(a.size)))));
}

/** A problem shown as its title and detail. */
export function problemView(error) {
  const problem = error instanceof ProblemError ? error.problem : (error && error.problem) || error || {};
  return el('div', { class: 'atr-problem', role: 'alert' },
    el('strong', {}, problem.title || problem.code || i18n.t('error')),
    problem.detail ? el('p', {}, problem.detail) : null);
}

function controlFor(input) {
  const id = 'in-' + input.id;
  const common = { id, name: input.id, required: input.required || undefined };
  switch (input.type) {
    case 'LONG_TEXT': return el('textarea', { ...common, rows: 6 });
    case 'NUMBER': return el('input', { ...common, type: 'number', step: 'any', min: input.min ?? undefined, max: input.max ?? undefined });
    case 'BOOLEAN': return el('input', { ...common, type: 'checkbox', required: undefined });
    case 'CHOICE': return el('select', common,
      input.required ? null : el('option', { value: '' }, ''), (input.options || []).map((o) => el('option', { value: o }, o)));
    default: return el('input', { ...common, type: 'text' });
  }
}

/**
 * A form built from a skill's spec: the right control per input type, labels, help, defaults, and file
 * drops that check type and size. Returns {element, values(), files(), validate()}.
 */
export function skillForm(spec) {
  const controls = {};
  const drops = {};
  const fields = spec.inputs.map((input) => {
    const id = 'in-' + input.id;
    const label = el('label', { for: id }, input.label || input.id, input.required ? el('span', { class: 'atr-required', title: i18n.t('required') }, ' *') : null);
    const help = input.description ? el('p', { class: 'atr-hint', id: id + '-help' }, input.description) : null;
    let control;
    if (input.type === 'FILE' || input.type === 'FILES') {
      const drop = fileDrop({ id, label: input.label, accept: input.accept, maxBytes: input.maxBytes,
        multiple: input.type === 'FILES', maxFiles: input.maxFiles });
      drops[input.id] = drop;
      control = drop.element;
    } else {
      control = controlFor(input);
      if (help) control.setAttribute('aria-describedby', id + '-help');
      if (input.defaultValue !== null && input.defaultValue !== undefined) {
        if (input.type === 'BOOLEAN') control.checked = Boolean(input.defaultValue);
        else control.value = input.defaultValue;
      }
      controls[input.id] = { input, control };
    }
    return el('div', { class: 'atr-field-row' + (input.type === 'BOOLEAN' ? ' inline' : '') }, label, control, help);
  });
  const element = el('div', { class: 'atr-form' }, fields);
  return {
    element,
    values() {
      const values = {};
      for (const [id, { input, control }] of Object.entries(controls)) {
        if (input.type === 'BOOLEAN') values[id] = control.checked;
        else if (control.value !== '') values[id] = input.type === 'NUMBER' ? Number(control.value) : control.value;
      }
      return values;
    },
    files() {
      return Object.fromEntries(Object.entries(drops).map(([id, drop]) => [id, drop.files()]));
    },
    validate() {
      const problems = [];
      for (const input of spec.inputs) {
        if (drops[input.id]) {
          problems.push(...drops[input.id].validate());
          if (input.required && !drops[input.id].files().length) problems.push(i18n.t('missing', { label: input.label || input.id }));
        } else if (input.required && input.type !== 'BOOLEAN' && controls[input.id].control.value === '') {
          problems.push(i18n.t('missing', { label: input.label || input.id }));
        }
      }
      return problems;
    },
  };
}
