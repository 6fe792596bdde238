// The portal's frame, shared by the portal and the generated skill pages: navigation, language, theme,
// who is signed in, an API-key field for clients without a session, and the expired-session banner.
import { api, auth, el, i18n, theme } from '/ui/kit/atrium.js';

i18n.add('en', {
  'nav.plugins': 'Plugins', 'nav.skills': 'Skills', 'nav.runs': 'Runs', 'nav.usage': 'Usage', 'nav.admin': 'Admin',
  'theme.toggle': 'Light / dark', 'language': 'Language', 'signed.in.as': '{user} · {role} · {tenant}',
  'sign.out': 'Sign out', 'api.key': 'API key', 'use.key': 'Use key', 'forget.key': 'Forget key',
});
i18n.add('zh', {
  'nav.plugins': '插件', 'nav.skills': '技能', 'nav.runs': '运行记录', 'nav.usage': '用量', 'nav.admin': '管理',
  'theme.toggle': '浅色 / 深色', 'language': '语言', 'signed.in.as': '{user} · {role} · {tenant}',
  'sign.out': '退出', 'api.key': 'API 密钥', 'use.key': '使用密钥', 'forget.key': '清除密钥',
});

const routes = [['plugins', '/#/plugins'], ['skills', '/#/skills'], ['runs', '/#/runs'], ['usage', '/#/usage'], ['admin', '/#/admin']];

/** Mounts the header at the top of the body; resolves to the caller (/api/me) or null when signed out. */
export async function mountShell(active) {
  theme.apply();
  document.documentElement.lang = i18n.locale() === 'zh' ? 'zh-CN' : 'en';
  const nav = el('nav', { 'aria-label': 'main' }, routes.map(([name, href]) => el('a', { href, 'data-route': name,
    'aria-current': name === active ? 'page' : undefined, 'data-i18n': 'nav.' + name }, i18n.t('nav.' + name))));
  const language = el('select', { id: 'language', 'data-i18n-label': 'language', 'aria-label': i18n.t('language'),
    onchange: (e) => i18n.setLocale(e.target.value) },
    el('option', { value: 'en' }, 'English'), el('option', { value: 'zh' }, '简体中文'));
  language.value = i18n.locale();
  const themeButton = el('button', { type: 'button', class: 'secondary', id: 'theme', onclick: () => theme.toggle(),
    'data-i18n': 'theme.toggle' }, i18n.t('theme.toggle'));
  const who = el('span', { id: 'who' });
  const tools = el('div', { class: 'tools' }, language, themeButton, who);
  const banner = el('div', { class: 'atr-banner', id: 'expired', role: 'alert', hidden: true },
    el('span', { 'data-i18n': 'session.expired' }, i18n.t('session.expired')), ' ',
    el('a', { href: '/login', 'data-i18n': 'sign.in' }, i18n.t('sign.in')));
  document.body.prepend(el('header', { class: 'atr-header' }, el('a', { class: 'brand', href: '/' }, 'Atrium'), nav, tools), banner);
  auth.onExpired(() => { banner.hidden = false; });

  let me = null;
  try {
    me = await api('/api/me');
  } catch (e) {
    me = null;
  }
  who.replaceChildren(...(me ? signedIn(me) : signedOut()));
  return me;
}

function signedIn(me) {
  const parts = [el('span', { class: 'atr-hint' }, i18n.t('signed.in.as', { user: me.username || me.user, role: me.role, tenant: me.tenant }))];
  if (auth.key()) {
    parts.push(el('button', { type: 'button', class: 'link', id: 'forget-key', 'data-i18n': 'forget.key',
      onclick: () => { auth.setKey(null); location.reload(); } }, i18n.t('forget.key')));
  } else {
    // Spring Security's logout is a POST carrying the CSRF token.
    const xsrf = (document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')) || '').slice(11);
    parts.push(el('form', { method: 'post', action: '/logout', class: 'inline' },
      el('input', { type: 'hidden', name: '_csrf', value: decodeURIComponent(xsrf) }),
      el('button', { type: 'submit', class: 'link', 'data-i18n': 'sign.out' }, i18n.t('sign.out'))));
  }
  return parts;
}

function signedOut() {
  const key = el('input', { type: 'password', id: 'api-key', autocomplete: 'off', 'aria-label': i18n.t('api.key'),
    'data-i18n-label': 'api.key', placeholder: 'atr_…' });
  return [el('a', { href: '/login', id: 'sign-in', 'data-i18n': 'sign.in' }, i18n.t('sign.in')),
    el('form', { class: 'inline', onsubmit: (e) => { e.preventDefault(); auth.setKey(key.value); location.reload(); } },
      key, ' ', el('button', { type: 'submit', class: 'secondary', id: 'use-key', 'data-i18n': 'use.key' }, i18n.t('use.key')))];
}
