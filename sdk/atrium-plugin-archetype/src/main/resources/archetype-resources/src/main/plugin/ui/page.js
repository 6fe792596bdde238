// The plugin's page: runs the summarize skill through the platform's API and shows its progress and result.
import { i18n, problemView, progressBar, renderResult, runAndFollow, theme } from '/ui/kit/atrium.js';

i18n.add('en', { 'page.title': 'Summarize a text', 'page.text': 'Text', 'page.sentences': 'Sentences',
  'page.run': 'Summarize' });
i18n.add('zh', { 'page.title': '文本摘要', 'page.text': '文本', 'page.sentences': '句数', 'page.run': '生成摘要' });
theme.apply();
i18n.apply(document);

const progress = progressBar();
document.getElementById('progress').appendChild(progress.element);
const outcome = document.getElementById('outcome');

document.getElementById('summary-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  outcome.replaceChildren();
  const inputs = {
    text: document.getElementById('text').value,
    sentences: Number(document.getElementById('sentences').value),
  };
  try {
    const { done } = await runAndFollow('${pluginId}', 'summarize', inputs, {}, (type, data) => {
      if (type === 'progress') progress.set(data.percent, data.message);
    });
    const run = await done;
    outcome.replaceChildren(renderResult(run.result));
  } catch (error) {
    outcome.replaceChildren(problemView(error));
  }
});
