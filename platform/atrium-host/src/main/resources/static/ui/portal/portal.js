// The portal: plugins, skills, runs, usage and administration, one hash route each (#/plugins …).
import { api, artifactList, el, followRun, formatBytes, i18n, problemView, renderResult, renderValue, upload }
  from '/ui/kit/atrium.js';
import { mountShell } from '/ui/portal/shell.js';

i18n.add('en', {
  'plugins.title': 'Plugins', 'install.title': 'Install or upgrade a plugin', 'install.drop': 'Drop a plugin archive (.zip) here or choose one',
  'install.done': 'Installed {id} {version}', 'upgrade': 'Replace the installed version {version} with this archive', 'enable': 'Enable', 'disable': 'Disable', 'uninstall': 'Uninstall',
  'uninstall.confirm': 'Uninstall {id}? Its runs stay; its settings and storage are kept unless you purge them.',
  'settings': 'Settings', 'save': 'Save', 'saved': 'Saved', 'grants': 'Capabilities', 'declared': 'asks for', 'granted': 'granted',
  'signed.by': 'signed by {signer}', 'unsigned': 'unsigned', 'sensitive': 'sensitive: every run is audited', 'bundled': 'bundled',
  'skills.title': 'Skills', 'search': 'Search skills', 'open': 'Open',
  'runs.title': 'Runs', 'filter': 'Filter', 'any': 'any', 'plugin': 'Plugin', 'skill': 'Skill', 'status': 'Status',
  'from': 'From', 'to': 'To', 'created': 'Created', 'duration': 'Duration', 'no.runs': 'No runs match.',
  'run.title': 'Run {id}', 'timeline': 'Events', 'error': 'Error',
  'usage.title': 'Usage', 'days': 'Days', 'runs.per.day': 'Runs and model calls per day', 'tokens.per.day': 'Tokens per day', 'cost.per.day': 'Cost per day',
  'by.plugin': 'By plugin', 'by.provider': 'By provider', 'by.tenant': 'By tenant', 'cost': 'Cost',
  'admin.title': 'Administration', 'models': 'Model providers', 'check': 'Check health', 'playground': 'Playground',
  'message': 'Message', 'send': 'Send', 'keys': 'API keys', 'new.key': 'New key', 'name': 'Name', 'role': 'Role',
  'create': 'Create', 'revoke': 'Revoke', 'key.once': 'Copy this key now; it is not shown again:', 'users': 'Users',
  'audit': 'Audit log', 'user.name': 'User name', 'password': 'Password (12+ characters)', 'new.user': 'New user', 'action': 'Action', 'actor': 'Actor', 'outcome': 'Outcome', 'when': 'When', 'target': 'Target',
  'not.allowed': 'Your role cannot see this.', 'sign.in.first': 'Sign in, or paste an API key above, to use the portal.',
});
i18n.add('zh', {
  'plugins.title': '插件', 'install.title': '安装或升级插件', 'install.drop': '将插件包（.zip）拖放到此处或选择文件',
  'install.done': '已安装 {id} {version}', 'upgrade': '用此安装包替换已安装的 {version} 版本', 'enable': '启用', 'disable': '停用', 'uninstall': '卸载',
  'uninstall.confirm': '卸载 {id}？运行记录会保留；除非清除，设置和存储也会保留。',
  'settings': '设置', 'save': '保存', 'saved': '已保存', 'grants': '能力授权', 'declared': '申请', 'granted': '已授予',
  'signed.by': '签名者 {signer}', 'unsigned': '未签名', 'sensitive': '敏感：每次运行都会审计', 'bundled': '内置',
  'skills.title': '技能', 'search': '搜索技能', 'open': '打开',
  'runs.title': '运行记录', 'filter': '筛选', 'any': '全部', 'plugin': '插件', 'skill': '技能', 'status': '状态',
  'from': '起始', 'to': '截止', 'created': '创建时间', 'duration': '耗时', 'no.runs': '没有符合条件的运行。',
  'run.title': '运行 {id}', 'timeline': '事件', 'error': '错误',
  'usage.title': '用量', 'days': '天数', 'runs.per.day': '每日运行与模型调用', 'tokens.per.day': '每日令牌数', 'cost.per.day': '每日费用',
  'by.plugin': '按插件', 'by.provider': '按提供方', 'by.tenant': '按租户', 'cost': '费用',
  'admin.title': '管理', 'models': '模型提供方', 'check': '检查状态', 'playground': '试用',
  'message': '消息', 'send': '发送', 'keys': 'API 密钥', 'new.key': '新建密钥', 'name': '名称', 'role': '角色',
  'create': '创建', 'revoke': '吊销', 'key.once': '请立即复制此密钥，之后不再显示：', 'users': '用户',
  'audit': '审计日志', 'user.name': '用户名', 'password': '密码（至少 12 个字符）', 'new.user': '新建用户', 'action': '操作', 'actor': '操作者', 'outcome': '结果', 'when': '时间', 'target': '对象',
  'not.allowed': '你的角色无权查看此内容。', 'sign.in.first': '请先登录，或在上方粘贴 API 密钥。',
});

const view = document.getElementById('view');
let me = null;
const t = i18n.t;

function badge(text, kind = text) {
  return el('span', { class: 'atr-badge ' + kind }, text);
}

function section(title, ...children) {
  return el('section', {}, el('h2', {}, title), ...children);
}

function grid(columns, rows) {
  return el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-grid' },
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c)))))));
}

function guard(render) {
  return async (...args) => {
    try {
      await render(...args);
    } catch (error) {
      view.replaceChildren(error.status === 403 ? el('p', {}, t('not.allowed')) : problemView(error));
    }
  };
}

// ------------------------------------------------------------------------------------------- plugins

// The cards are refreshed on their own after an action, so the install section keeps its message.
async function refreshCards() {
  const cards = document.getElementById('plugin-cards');
  if (!cards) return pluginsView();
  const plugins = await api('/api/plugins');
  cards.replaceChildren(...plugins.map((p) => pluginCard(p, me && me.role === 'admin')));
}

const pluginsView = guard(async () => {
  const plugins = await api('/api/plugins');
  const message = el('div', { id: 'install-message', 'aria-live': 'polite' });
  const bar = el('progress', { max: 100, value: 0, hidden: true, 'aria-label': 'upload progress' });
  const chooser = el('input', { type: 'file', id: 'plugin-file', accept: '.zip,application/zip' });
  const zone = el('label', { class: 'atr-drop', for: 'plugin-file' }, el('span', {}, t('install.drop')), chooser);
  async function install(file, upgrade = false) {
    if (!file) return;
    message.replaceChildren();
    bar.hidden = false;
    bar.value = 0;
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const installed = await upload('/api/plugins' + (upgrade ? '?upgrade=true' : ''), form, { onProgress: (p) => { bar.value = p; } });
      message.replaceChildren(el('p', { class: 'ok' }, t('install.done', { id: installed.id, version: installed.version })));
      await refreshCards();
    } catch (error) {
      message.replaceChildren(problemView(error));
      // Same id as an installed plugin: offer to replace it (the server puts the old one back if this fails).
      if (error.problem && error.problem.code === 'plugin-already-installed') {
        message.appendChild(el('button', { type: 'button', id: 'upgrade', onclick: () => install(file, true) },
          t('upgrade', { version: error.problem.installedVersion || '' })));
      }
    } finally {
      bar.hidden = true;
    }
  }
  // Cleared after each pick, so choosing the same file again (an upgrade) is seen as a new choice.
  chooser.addEventListener('change', () => { const file = chooser.files[0]; chooser.value = ''; install(file); });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); install(e.dataTransfer.files[0]); });
  const admin = me && me.role === 'admin';
  view.replaceChildren(el('h1', {}, t('plugins.title')),
    admin ? section(t('install.title'), zone, bar, message) : null,
    el('div', { class: 'atr-cards', id: 'plugin-cards' }, plugins.map((p) => pluginCard(p, admin))));
});

function pluginCard(plugin, admin) {
  const details = el('div');
  const act = (path, method = 'POST') => async () => {
    try {
      await api(path, { method });
      await refreshCards();
    } catch (error) {
      details.replaceChildren(problemView(error));
    }
  };
  const actions = admin ? el('div', { class: 'actions' },
    plugin.enabled
      ? el('button', { type: 'button', class: 'secondary', onclick: act(`/api/plugins/${plugin.id}/disable`) }, t('disable'))
      : el('button', { type: 'button', class: 'secondary', onclick: act(`/api/plugins/${plugin.id}/enable`) }, t('enable')),
    el('button', { type: 'button', class: 'secondary', onclick: () => settingsForm(plugin, details) }, t('settings')),
    el('button', { type: 'button', class: 'secondary', onclick: () => grantsForm(plugin, details) }, t('grants')),
    el('button', { type: 'button', class: 'danger', onclick: () => confirm(t('uninstall.confirm', { id: plugin.id }))
      && act(`/api/plugins/${plugin.id}`, 'DELETE')() }, t('uninstall'))) : null;
  return el('article', { class: 'atr-card', 'data-plugin': plugin.id },
    el('h3', {}, plugin.id, ' ', el('span', { class: 'atr-hint' }, plugin.version)),
    el('div', {}, badge(plugin.state), plugin.bundled ? [' ', badge(t('bundled'), 'info')] : null,
      plugin.sensitive ? [' ', badge(t('sensitive'), 'running')] : null),
    plugin.description ? el('p', { class: 'atr-hint' }, plugin.description) : null,
    el('p', { class: 'atr-hint' }, plugin.provider || '', ' · ', plugin.signedBy ? t('signed.by', { signer: plugin.signedBy }) : t('unsigned')),
    el('div', {}, plugin.skills.map((s) => [el('a', { href: `/skills/${plugin.id}/${s.id}` }, s.title || s.id), ' '])),
    el('p', { class: 'atr-hint' }, t('declared'), ': ', (plugin.capabilities.declared || []).join(', ') || '—', ' · ',
      t('granted'), ': ', (plugin.capabilities.granted || []).join(', ') || '—'),
    plugin.error ? el('p', { class: 'atr-field-error' }, plugin.error) : null,
    actions, details);
}

async function settingsForm(plugin, container) {
  try {
    const current = await api(`/api/plugins/${plugin.id}/settings`);
    const properties = (current.schema && current.schema.properties) || {};
    const inputs = {};
    const rows = Object.entries(properties).map(([name, schema]) => {
      const id = `set-${plugin.id}-${name}`;
      const secret = (current.secrets || []).includes(name);
      const value = current.values ? current.values[name] : undefined;
      let control;
      if (schema.type === 'boolean') control = el('input', { id, type: 'checkbox' });
      else if (Array.isArray(schema.enum)) control = el('select', { id }, schema.enum.map((o) => el('option', { value: o }, String(o))));
      else if (schema.type === 'object' || schema.type === 'array') control = el('textarea', { id, rows: 4 });
      else control = el('input', { id, type: secret ? 'password' : (schema.type === 'number' || schema.type === 'integer' ? 'number' : 'text'),
        autocomplete: secret ? 'new-password' : undefined });
      if (schema.type === 'boolean') control.checked = Boolean(value ?? schema.default);
      else if (schema.type === 'object' || schema.type === 'array') control.value = value === undefined ? '' : JSON.stringify(value, null, 2);
      else if (value !== undefined && value !== null) control.value = value;
      inputs[name] = { control, schema };
      return el('div', { class: 'atr-field-row' }, el('label', { for: id }, schema.title || name),
        control, schema.description ? el('p', { class: 'atr-hint' }, schema.description) : null);
    });
    const note = el('div', { 'aria-live': 'polite' });
    const form = el('form', { class: 'atr-form', onsubmit: async (e) => {
      e.preventDefault();
      const values = {};
      for (const [name, { control, schema }] of Object.entries(inputs)) {
        if (schema.type === 'boolean') values[name] = control.checked;
        else if (control.value === '') continue;
        else if (schema.type === 'number' || schema.type === 'integer') values[name] = Number(control.value);
        else if (schema.type === 'object' || schema.type === 'array') {
          try { values[name] = JSON.parse(control.value); } catch (err) { note.replaceChildren(problemView({ title: name, detail: err.message })); return; }
        } else values[name] = control.value;
      }
      try {
        await api(`/api/plugins/${plugin.id}/settings`, { method: 'PUT', json: { values } });
        note.replaceChildren(el('p', {}, t('saved')));
      } catch (error) {
        note.replaceChildren(problemView(error));
      }
    } }, rows, el('div', {}, el('button', { type: 'submit' }, t('save'))), note);
    container.replaceChildren(el('h4', {}, t('settings')), rows.length ? form : el('p', { class: 'atr-hint' }, '—'));
  } catch (error) {
    container.replaceChildren(problemView(error));
  }
}

function grantsForm(plugin, container) {
  const declared = plugin.capabilities.declared || [];
  const granted = new Set(plugin.capabilities.granted || []);
  const boxes = declared.map((name) => {
    const id = `grant-${plugin.id}-${name}`;
    const box = el('input', { type: 'checkbox', id, value: name, checked: granted.has(name) || undefined });
    return { name, row: el('div', { class: 'atr-field-row inline' }, box, el('label', { for: id }, name)), box };
  });
  const note = el('div', { 'aria-live': 'polite' });
  container.replaceChildren(el('h4', {}, t('grants')), el('form', { class: 'atr-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api(`/api/plugins/${plugin.id}/grants`, { method: 'PUT', json: { capabilities: boxes.filter((b) => b.box.checked).map((b) => b.name) } });
      note.replaceChildren(el('p', {}, t('saved')));
    } catch (error) {
      note.replaceChildren(problemView(error));
    }
  } }, boxes.map((b) => b.row), el('div', {}, el('button', { type: 'submit' }, t('save'))), note));
}

// -------------------------------------------------------------------------------------------- skills

const skillsView = guard(async () => {
  const skills = await api('/api/skills');
  const search = el('input', { type: 'search', id: 'skill-search', 'aria-label': t('search'), placeholder: t('search') });
  const list = el('div', { class: 'atr-cards', id: 'skill-cards' });
  function show() {
    const q = search.value.trim().toLowerCase();
    list.replaceChildren(...skills.filter((s) => !q || [s.plugin, s.id, s.title, s.description].join(' ').toLowerCase().includes(q))
      .map((s) => el('article', { class: 'atr-card' },
        el('h3', {}, el('a', { href: `/skills/${s.plugin}/${s.id}` }, s.title || s.id)),
        el('p', { class: 'atr-hint' }, s.plugin + ' / ' + s.id),
        s.description ? el('p', {}, s.description) : null)));
  }
  search.addEventListener('input', show);
  show();
  view.replaceChildren(el('h1', {}, t('skills.title')), el('div', { class: 'atr-toolbar' }, search), list);
});

// ---------------------------------------------------------------------------------------------- runs

function duration(ms) {
  return ms == null ? '' : ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s';
}

const runsView = guard(async (params) => {
  const query = new URLSearchParams(params);
  const runs = await api('/api/runs?' + query);
  const skills = await api('/api/skills').catch(() => []);
  const field = (name, control) => el('label', {}, t(name), control);
  const plugin = el('select', { name: 'plugin' }, el('option', { value: '' }, t('any')),
    [...new Set(skills.map((s) => s.plugin))].map((p) => el('option', { value: p }, p)));
  const skill = el('input', { type: 'text', name: 'skill', value: params.get('skill') || '' });
  const status = el('select', { name: 'status' }, el('option', { value: '' }, t('any')),
    ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out'].map((s) => el('option', { value: s }, s)));
  const from = el('input', { type: 'date', name: 'from' });
  const to = el('input', { type: 'date', name: 'to' });
  plugin.value = params.get('plugin') || '';
  status.value = params.get('status') || '';
  from.value = (params.get('from') || '').slice(0, 10);
  to.value = (params.get('to') || '').slice(0, 10);
  const filters = el('form', { class: 'atr-toolbar', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (plugin.value) next.set('plugin', plugin.value);
    if (skill.value) next.set('skill', skill.value);
    if (status.value) next.set('status', status.value);
    if (from.value) next.set('from', from.value + 'T00:00:00Z');
    if (to.value) next.set('to', to.value + 'T23:59:59Z');
    location.hash = '#/runs?' + next;
  } }, field('plugin', plugin), field('skill', skill), field('status', status), field('from', from), field('to', to),
  el('button', { type: 'submit' }, t('filter')));
  view.replaceChildren(el('h1', {}, t('runs.title')), filters, runs.length
    ? grid([t('created'), t('plugin'), t('skill'), t('status'), t('duration'), ''], runs.map((r) => [
      new Date(r.createdAt).toLocaleString(), r.plugin, r.skill, badge(r.status), duration(r.durationMs),
      el('a', { href: '#/runs/' + r.id }, t('open'))]))
    : el('p', {}, t('no.runs')));
});

const runView = guard(async (id) => {
  const run = await api('/api/runs/' + encodeURIComponent(id));
  const timeline = el('ol', { class: 'atr-timeline', id: 'timeline' });
  view.replaceChildren(
    el('p', {}, el('a', { href: '#/runs' }, '← ' + t('runs.title'))),
    el('h1', {}, t('run.title', { id: run.id.slice(0, 8) })),
    el('p', {}, badge(run.status), ' ', el('a', { href: `/skills/${run.plugin}/${run.skill}` }, `${run.plugin} / ${run.skill}`),
      ' · ', new Date(run.createdAt).toLocaleString(), ' · ', duration(run.durationMs),
      run.usage && run.usage.engines && run.usage.engines.length ? ' · ' + t('engine') + ': ' + run.usage.engines.join(', ') : ''),
    run.error ? section(t('error'), problemView(run.error)) : null,
    section(t('inputs'), renderValue(run.inputs.values, 1), run.inputs.files.length ? renderValue(run.inputs.files) : null),
    run.result ? section(t('result'), renderResult(run.result)) : null,
    run.artifacts.length ? section(t('artifacts'), artifactList(run.artifacts)) : null,
    section(t('usage'), renderValue(run.usage, 1)),
    section(t('timeline'), timeline));
  // The events stream replays a finished run's history and ends.
  followRun(run.id, (type, data, seq) => {
    timeline.appendChild(el('li', {}, el('code', {}, `#${seq} ${type}`), ' ',
      type === 'delta' ? String(data.text ?? '') : typeof data === 'object' ? JSON.stringify(data).slice(0, 300) : String(data)));
  }).catch((error) => timeline.appendChild(el('li', {}, problemView(error))));
});

// --------------------------------------------------------------------------------------------- usage

const usageView = guard(async (params) => {
  const days = Number(params.get('days') || 30);
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86400000);
  const usage = await api(`/api/usage?from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`);
  const daysSelect = el('select', { id: 'usage-days', onchange: (e) => { location.hash = '#/usage?days=' + e.target.value; } },
    [7, 30, 90].map((d) => el('option', { value: d }, String(d))));
  daysSelect.value = String(days);
  const runsChart = el('div', { class: 'atr-chart', id: 'chart-runs', role: 'img', 'aria-label': t('runs.per.day') });
  const tokensChart = el('div', { class: 'atr-chart', id: 'chart-tokens', role: 'img', 'aria-label': t('tokens.per.day') });
  const costChart = el('div', { class: 'atr-chart', id: 'chart-cost', role: 'img', 'aria-label': t('cost.per.day') });
  const costOf = (row) => Object.entries(row.cost || {}).map(([currency, amount]) => `${amount} ${currency}`).join(', ') || '0';
  const table = (key, rows) => grid([key, t('runs.title'), 'calls', 'input tokens', 'output tokens', t('cost')],
    rows.map((r) => [r[key], r.runs, r.calls, r.inputTokens, r.outputTokens, costOf(r)]));
  view.replaceChildren(el('h1', {}, t('usage.title')),
    el('div', { class: 'atr-toolbar' }, el('label', { for: 'usage-days' }, t('days')), daysSelect),
    section(t('runs.per.day'), runsChart), section(t('tokens.per.day'), tokensChart), section(t('cost.per.day'), costChart),
    section(t('by.plugin'), table('plugin', usage.byPlugin)), section(t('by.provider'), table('provider', usage.byProvider)),
    section(t('by.tenant'), table('tenant', usage.byTenant)));
  // ECharts is large: loaded only on this page.
  const echarts = await import('/webjars/echarts/dist/echarts.esm.min.js');
  const dark = document.documentElement.dataset.theme === 'dark' ? 'dark' : null;
  const daysAxis = usage.byDay.map((d) => d.day);
  const runs = echarts.init(runsChart, dark);
  runs.setOption({ animation: false, tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: daysAxis }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('runs.title'), type: 'bar', data: usage.byDay.map((d) => d.runs) },
      { name: 'calls', type: 'bar', data: usage.byDay.map((d) => d.calls) }] });
  const tokens = echarts.init(tokensChart, dark);
  tokens.setOption({ animation: false, tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: daysAxis }, yAxis: { type: 'value' },
    series: [{ name: 'input', type: 'line', stack: 'tokens', areaStyle: {}, data: usage.byDay.map((d) => d.inputTokens) },
      { name: 'output', type: 'line', stack: 'tokens', areaStyle: {}, data: usage.byDay.map((d) => d.outputTokens) }] });
  // Cost is kept per currency (never converted): one line each.
  const currencies = [...new Set(usage.byDay.flatMap((d) => Object.keys(d.cost || {})))];
  const cost = echarts.init(costChart, dark);
  cost.setOption({ animation: false, tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: daysAxis }, yAxis: { type: 'value' },
    series: (currencies.length ? currencies : ['USD']).map((currency) => ({ name: currency, type: 'line',
      data: usage.byDay.map((d) => Number((d.cost || {})[currency] || 0)) })) });
  runsChart.dataset.rendered = String(usage.byDay.length);
  addEventListener('resize', () => { runs.resize(); tokens.resize(); cost.resize(); });
});

// --------------------------------------------------------------------------------------------- admin

const adminView = guard(async () => {
  const parts = [el('h1', {}, t('admin.title'))];
  const models = await api('/api/models').catch((e) => e);
  if (!(models instanceof Error)) {
    const output = el('div', { 'aria-live': 'polite' });
    const provider = el('select', { id: 'play-provider' }, models.providers.map((p) => el('option', { value: p.name }, p.name)));
    const message = el('textarea', { id: 'play-message', rows: 3 });
    parts.push(section(t('models'), grid(['', 'kind', 'capabilities', 'health', ''], models.providers.map((p) => [
      p.name, p.kind, (p.capabilities || []).join(', '), p.health ? badge(p.health.status || String(p.health.ok), p.health.ok ? 'succeeded' : 'failed') : '',
      el('button', { type: 'button', class: 'secondary', onclick: async (e) => {
        try { e.target.textContent = JSON.stringify((await api(`/api/models/${p.name}/health`, { method: 'POST' })).status ?? 'ok'); } catch (err) { output.replaceChildren(problemView(err)); }
      } }, t('check'))])),
    el('h3', {}, t('playground')),
    el('form', { class: 'atr-form', onsubmit: async (e) => {
      e.preventDefault();
      output.replaceChildren(el('p', {}, i18n.t('running')));
      try {
        const answer = await api(`/api/models/${provider.value}/chat`, { method: 'POST', json: { message: message.value } });
        output.replaceChildren(renderResult(answer));
      } catch (error) {
        output.replaceChildren(problemView(error));
      }
    } }, el('label', { for: 'play-provider' }, 'Provider'), provider, el('label', { for: 'play-message' }, t('message')), message,
    el('div', {}, el('button', { type: 'submit' }, t('send')))), output));
  }
  const keys = await api('/api/keys').catch((e) => e);
  if (!(keys instanceof Error)) {
    const name = el('input', { type: 'text', id: 'key-name', required: true });
    const role = el('select', { id: 'key-role' }, ['user', 'auditor', 'admin'].map((r) => el('option', { value: r }, r)));
    const shown = el('div', { 'aria-live': 'polite' });
    parts.push(section(t('keys'), grid([t('name'), t('role'), 'prefix', t('created'), ''], keys.map((k) => [k.name, k.role, k.prefix + '…',
      new Date(k.createdAt).toLocaleString(), k.revokedAt ? badge('revoked', 'failed')
        : el('button', { type: 'button', class: 'danger', onclick: async () => { await api('/api/keys/' + k.id, { method: 'DELETE' }); adminView(); } }, t('revoke'))])),
    el('form', { class: 'atr-toolbar', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const created = await api('/api/keys', { method: 'POST', json: { name: name.value, role: role.value } });
        shown.replaceChildren(el('p', {}, t('key.once'), ' ', el('code', { id: 'new-key' }, created.key)));
      } catch (error) {
        shown.replaceChildren(problemView(error));
      }
    } }, el('label', {}, t('name'), name), el('label', {}, t('role'), role), el('button', { type: 'submit' }, t('new.key'))), shown));
  }
  const users = await api('/api/users').catch((e) => e);
  if (!(users instanceof Error)) {
    const username = el('input', { type: 'text', id: 'user-name', required: true, autocomplete: 'off' });
    const password = el('input', { type: 'password', id: 'user-password', required: true, minlength: 12, autocomplete: 'new-password' });
    const userRole = el('select', { id: 'user-role' }, ['user', 'auditor', 'admin'].map((r) => el('option', { value: r }, r)));
    const userNote = el('div', { 'aria-live': 'polite' });
    parts.push(section(t('users'), grid(['user', t('role'), 'tenant', ''], users.map((u) => [u.username, u.role, u.tenant,
      u.disabled ? badge('disabled', 'failed') : el('button', { type: 'button', class: 'danger', onclick: async () => {
        try { await api('/api/users/' + u.id, { method: 'PATCH', json: { disabled: true } }); adminView(); } catch (err) { userNote.replaceChildren(problemView(err)); }
      } }, t('disable'))])),
    el('form', { class: 'atr-toolbar', id: 'new-user', onsubmit: async (e) => {
      e.preventDefault();
      try {
        await api('/api/users', { method: 'POST', json: { username: username.value, password: password.value, role: userRole.value } });
        adminView();
      } catch (error) {
        userNote.replaceChildren(problemView(error));
      }
    } }, el('label', {}, t('user.name'), username), el('label', {}, t('password'), password), el('label', {}, t('role'), userRole),
    el('button', { type: 'submit' }, t('new.user'))), userNote));
  }
  const auditBody = el('div', { id: 'audit-rows' });
  const auditFilters = {
    action: el('input', { type: 'search', id: 'audit-action', placeholder: 'plugin.install' }),
    actor: el('input', { type: 'search', id: 'audit-actor' }),
    outcome: el('select', { id: 'audit-outcome' }, el('option', { value: '' }, t('any')), el('option', { value: 'success' }, 'success'),
      el('option', { value: 'failure' }, 'failure')),
    from: el('input', { type: 'date', id: 'audit-from' }),
    to: el('input', { type: 'date', id: 'audit-to' }),
  };
  // The server filters (action prefix, actor, outcome, dates) and pages; newest first.
  async function loadAudit() {
    const query = new URLSearchParams({ size: '200' });
    for (const [name, control] of Object.entries(auditFilters)) {
      if (!control.value) continue;
      query.set(name, name === 'from' ? control.value + 'T00:00:00Z' : name === 'to' ? control.value + 'T23:59:59Z' : control.value);
    }
    try {
      const audit = await api('/api/audit?' + query);
      auditBody.replaceChildren(grid([t('when'), t('actor'), t('action'), t('target'), t('outcome'), ''], audit.items.map((a) => [
        new Date(a.at).toLocaleString(), a.actor, a.action, a.target,
        badge(a.outcome, a.outcome === 'success' ? 'succeeded' : 'failed'), a.detail || ''])));
    } catch (error) {
      auditBody.replaceChildren(problemView(error));
    }
  }
  const auditAllowed = await api('/api/audit?size=1').then(() => true).catch(() => false);
  if (auditAllowed) {
    parts.push(section(t('audit'), el('form', { class: 'atr-toolbar', onsubmit: (e) => { e.preventDefault(); loadAudit(); } },
      el('label', {}, t('action'), auditFilters.action), el('label', {}, t('actor'), auditFilters.actor),
      el('label', {}, t('outcome'), auditFilters.outcome), el('label', {}, t('from'), auditFilters.from),
      el('label', {}, t('to'), auditFilters.to), el('button', { type: 'submit' }, t('filter'))), auditBody));
    loadAudit();
  }
  view.replaceChildren(...parts);
});

// ------------------------------------------------------------------------------------------- routing

function route() {
  const [path, queryString] = (location.hash.replace(/^#/, '') || '/plugins').split('?');
  const params = new URLSearchParams(queryString || '');
  const segments = path.split('/').filter(Boolean);
  const name = segments[0] || 'plugins';
  document.querySelectorAll('.atr-header nav a').forEach((a) => a.setAttribute('aria-current', a.dataset.route === name ? 'page' : 'false'));
  if (!me) {
    view.replaceChildren(el('p', { id: 'signed-out' }, t('sign.in.first')));
    return;
  }
  if (name === 'skills') skillsView();
  else if (name === 'runs' && segments[1]) runView(segments[1]);
  else if (name === 'runs') runsView(params);
  else if (name === 'usage') usageView(params);
  else if (name === 'admin') adminView();
  else pluginsView();
}

window.addEventListener('hashchange', route);
window.addEventListener('atrium:locale', route);
mountShell((location.hash.replace(/^#\/?/, '').split(/[/?]/)[0]) || 'plugins').then((caller) => {
  me = caller;
  route();
});
