// A minimal plugin page on the UI kit: run the echo skill, stream its words, show the result and the download.
import { artifactList, i18n, problemView, progressBar, renderResult, runAndFollow, theme } from '/ui/kit/atrium.js';

i18n.add('en', { 'hello.title': 'Say hello', 'hello.label': 'Your text', 'hello.send': 'Echo it' });
i18n.add('zh', { 'hello.title': '打个招呼', 'hello.label': '输入文字', 'hello.send': '回显' });
theme.apply();
i18n.apply(document);

const progress = progressBar();
document.getElementById('progress').appendChild(progress.element);
const echo = document.getElementById('echo');
const outcome = document.getElementById('outcome');

document.getElementById('hello-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  echo.textContent = '';
  outcome.replaceChildren();
  try {
    const { done } = await runAndFollow('hello', 'echo', { text: document.getElementById('text').value }, {},
      (type, data) => {
        if (type === 'delta') echo.textContent += data.text;
        if (type === 'progress') progress.set(data.percent, data.message);
      });
    const run = await done;
    outcome.replaceChildren(renderResult(run.result), artifactList(run.artifacts));
  } catch (error) {
    outcome.replaceChildren(problemView(error));
  }
});
