// The sign-in form: carries the CSRF token from its cookie, says so when the last attempt failed.
import { i18n, theme } from '/ui/kit/atrium.js';

i18n.add('en', { 'login.user': 'User name', 'login.password': 'Password', 'login.failed': 'Wrong user name or password.',
  'login.first': 'On a new installation, sign in as admin with the key in $ATRIUM_HOME/initial-admin-key as the password.' });
i18n.add('zh', { 'login.user': '用户名', 'login.password': '密码', 'login.failed': '用户名或密码错误。',
  'login.first': '新安装时，用户名为 admin，密码是 $ATRIUM_HOME/initial-admin-key 中的密钥。' });
theme.apply();
document.documentElement.lang = i18n.locale() === 'zh' ? 'zh-CN' : 'en';
i18n.apply(document);
document.getElementById('login-error').hidden = !new URLSearchParams(location.search).has('error');
document.getElementById('login-form').addEventListener('submit', () => {
  const token = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  document.getElementById('csrf').value = token ? decodeURIComponent(token.slice('XSRF-TOKEN='.length)) : '';
});
