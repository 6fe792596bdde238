// The e-commerce plugin's page: one product's listing (with its compliance and grounding reports), a catalogue
// into listings.xlsx, and a model try-on preview.
import { artifactList, authHeaders, download, el, fileDrop, i18n } from '/ui/kit/atrium.js';
import { mountShell } from '/ui/portal/shell.js';
import { artifact, authImage, engineLine, field, localProblem, runPanel, select, tabs, tx } from '/ui/kit/widgets.js';

i18n.add('en', {
  'ec.title': 'E-commerce',
  'ec.lead': "Marketplace-ready listings that keep the marketplace's rules and state only the facts you gave, for one product or a catalogue, and a model try-on preview.",
  'tab.listing': 'Listing', 'tab.bulk': 'Catalogue', 'tab.tryon': 'Try-on',
  'l.attributes': 'Attributes', 'l.attributes.hint': 'One name and value per row (Material · Copper). Empty rows are left out.',
  'l.name': 'Name', 'l.value': 'Value', 'l.add': 'Add a row', 'l.remove.row': 'Remove row {n}',
  'l.name.n': 'Name {n}', 'l.value.n': 'Value {n}',
  'l.brand': 'Brand', 'l.category': 'Category', 'l.category.hint': 'For example Home & Kitchen > Kettles.',
  'l.photos': 'Product photos', 'l.photos.hint': 'JPG, PNG or WebP, up to 6. Text on the packaging becomes attributes.',
  'l.marketplace': 'Marketplace', 'l.language': 'Language', 'l.tone': 'Tone', 'l.keywords': 'Must-include keywords',
  'l.keywords.hint': 'Comma-separated: in the title if they fit, else in the search terms.',
  'lang.default': "Marketplace's language", 'lang.en': 'English', 'lang.zh': 'Chinese',
  'l.language.other': 'Other language code', 'l.language.other.hint': 'Any other code (fr, de, ja…) needs a remote model.',
  'tone.neutral': 'Neutral', 'tone.friendly': 'Friendly', 'tone.premium': 'Premium', 'tone.technical': 'Technical',
  'mk.amazon': 'Amazon', 'mk.shopify': 'Shopify', 'mk.taobao': 'Taobao', 'mk.jd': 'JD', 'mk.generic': 'Generic',
  'l.run': 'Write the listing', 'l.need.input': 'Give attributes, a brand, a category, keywords or photos.',
  'l.bad.language': 'The language must be a code such as en or zh.',
  'l.listing': 'Listing', 'l.complies': 'Complies with every {m} rule', 'l.not.complies': 'Some {m} rules could not be met from this input',
  'l.edit.hint': 'Edit any field in place; the counts follow the marketplace\'s rules as you type. "Check my edits" checks your text on the server with the same rules and the same attributes.',
  'l.edited': 'Edited: not checked yet', 'l.over': '{n} over',
  'l.bullets.exactly': '{n} of {max}', 'l.bullets.range': '{n} ({min}–{max})',
  'l.bullet.n': 'Bullet point {n}', 'l.remove.bullet': 'Remove bullet point {n}', 'l.add.bullet': 'Add a bullet point',
  'l.check': 'Check my edits', 'l.undo': 'Undo my edits', 'l.export.json': 'Export JSON', 'l.export.csv': 'Export CSV',
  'l.check.hint': 'The check keeps your wording and repairs only what breaks a rule or states a fact the attributes do not give; each repair is listed under Compliance, each removed fact under Grounding.',
  'l.checked.notice': 'Your edited listing, checked against the {m} rules and traced to the attributes. The fields show it with the repairs made; nothing was rewritten from scratch.',
  'f.title': 'Title', 'f.bullets': 'Bullet points', 'f.description': 'Description', 'f.searchTerms': 'Search terms',
  'l.copy': 'Copy', 'l.copy.field': 'Copy the {f}', 'l.copied': 'Copied', 'l.copy.failed': 'Copy failed: select the text instead',
  'l.length': '{n} of {max} {unit}', 'l.count': '{n} {unit}',
  'unit.characters': 'characters', 'unit.bytes': 'bytes (UTF-8)', 'unit.units': 'units (a Chinese character counts 2)',
  'l.compliance': 'Compliance', 'l.rule': 'Rule', 'l.status': 'Status', 'l.how': 'How',
  'st.passed': 'passed', 'st.fixed': 'fixed', 'st.failed': 'failed',
  'l.grounding': 'Grounding', 'l.grounding.hint': 'Every number, unit, material, size, count and code of the listing, and where it came from in your input.',
  'l.fact': 'Fact', 'l.source': 'Traced to', 'l.in': 'In', 'l.kept': 'Kept', 'l.removed': 'Removed',
  'l.untraced': 'not in the input', 'l.no.facts': 'The listing states no facts that needed tracing.',
  'b.file': 'Catalogue (CSV, TSV or XLSX)', 'b.file.hint': 'The first row names the columns: brand, category, keywords, attributes, sku, and any attribute (Material, Color, Size…). One product per row.',
  'b.engine': 'Engine', 'engine.auto': 'Remote model when configured', 'engine.offline': 'Always offline',
  'b.run': 'Write the listings', 'b.need.file': 'Choose a catalogue file.',
  'b.rows': 'Rows', 'b.succeeded': 'Listed', 'b.failed': 'Failed', 'b.compliant': 'Compliant',
  'b.download': 'Download listings.xlsx', 'b.first': 'First rows', 'b.first.hint': 'Read from listings.xlsx; the file holds every row and field.',
  'b.row': 'Row', 'b.sku': 'SKU', 'b.compliance': 'Compliance', 'b.removed': 'Removed facts',
  'b.errors': 'Rows that could not be listed', 'b.error': 'Error', 'b.no.errors': 'Every row was listed.',
  'b.preview.failed': 'The first rows could not be shown here; they are in listings.xlsx.',
  't.person': 'Model photo', 't.garment': 'Garment photo', 't.garment.hint': 'The garment alone, flat or on a hanger, on a plain background.',
  't.images.hint': 'JPG, PNG or WebP, up to 20 MB and 25 megapixels.',
  't.category': 'Garment category', 'cat.upper': 'Upper body', 'cat.lower': 'Lower body', 'cat.dress': 'Dress',
  't.region': 'Region (optional)', 't.region.hint': 'x, y, width, height in model-photo pixels where the garment goes; estimated when empty.',
  't.size': 'Output size (optional)', 't.size.hint': 'WIDTHxHEIGHT, for example 768x1024; default the model photo\'s size.',
  't.run': 'Try it on', 't.need.person': 'Choose a model photo.', 't.need.garment': 'Choose a garment photo.',
  't.bad.region': 'The region must be four whole numbers: x, y, width, height.', 't.bad.size': 'The output size must look like 768x1024.',
  't.chosen': 'Chosen {what}', 't.result': 'Try-on', 't.mask': 'Mask (white where the garment went)', 't.before': 'Model photo',
  't.preview': 'Preview: made by offline compositing (the garment cut out, fitted to the region and shaded), not a generative try-on. The image is marked as AI-generated.',
  't.generated': 'Generated by a remote image model; the image is marked as AI-generated.',
  't.facts': '{w} × {h} px · region [{region}]', 't.use.region': 'Use this region',
  't.region.estimated': 'Region estimated from the photo', 't.region.given': 'Region as you gave it',
  't.region.skin': 'Region estimated from the photo (body outline and skin)',
  't.adjust': 'Adjust the region', 't.adjust.hint': 'Drag the box to move it and its corners to resize it (mouse, pen or touch). With the keyboard: arrow keys move it, Shift and the arrow keys resize it.',
  't.region.box': 'Garment region: x {x}, y {y}, width {w}, height {h} pixels', 't.corner': 'Resize from the {c} corner',
  'corner.nw': 'top left', 'corner.ne': 'top right', 'corner.sw': 'bottom left', 'corner.se': 'bottom right',
  't.rerun': 'Re-run with this region',
  't.compare': 'Before and after', 't.slider': 'Share of the try-on shown, from the right',
  'downloads': 'Downloads',
});
i18n.add('zh', {
  'ec.title': '电商',
  'ec.lead': '符合平台规则、只陈述你提供的事实的商品详情（单个商品或整个商品表），以及模特试穿预览。',
  'tab.listing': '商品详情', 'tab.bulk': '商品表', 'tab.tryon': '试穿',
  'l.attributes': '属性', 'l.attributes.hint': '每行一个名称和值（材质 · 铜）。空行不会提交。',
  'l.name': '名称', 'l.value': '值', 'l.add': '添加一行', 'l.remove.row': '删除第 {n} 行',
  'l.name.n': '名称 {n}', 'l.value.n': '值 {n}',
  'l.brand': '品牌', 'l.category': '类目', 'l.category.hint': '例如 家居厨房 > 电水壶。',
  'l.photos': '商品照片', 'l.photos.hint': 'JPG、PNG 或 WebP，最多 6 张。包装上的文字会成为属性。',
  'l.marketplace': '平台', 'l.language': '语言', 'l.tone': '语气', 'l.keywords': '必须包含的关键词',
  'l.keywords.hint': '用逗号分隔：放得下时放进标题，否则放进搜索词。',
  'lang.default': '平台默认语言', 'lang.en': '英文', 'lang.zh': '中文',
  'l.language.other': '其他语言代码', 'l.language.other.hint': '其他语言（fr、de、ja…）需要远程模型。',
  'tone.neutral': '中性', 'tone.friendly': '亲切', 'tone.premium': '高端', 'tone.technical': '专业',
  'mk.amazon': '亚马逊', 'mk.shopify': 'Shopify', 'mk.taobao': '淘宝', 'mk.jd': '京东', 'mk.generic': '通用',
  'l.run': '生成商品详情', 'l.need.input': '请填写属性、品牌、类目、关键词或上传照片。',
  'l.bad.language': '语言必须是 en、zh 这样的代码。',
  'l.listing': '商品详情', 'l.complies': '符合 {m} 的全部规则', 'l.not.complies': '根据现有信息，部分 {m} 规则无法满足',
  'l.edit.hint': '可直接修改每个字段；输入时按平台规则实时计数。“检查我的修改”会在服务器上用同样的规则和同样的属性检查你的文字。',
  'l.edited': '已修改：尚未检查', 'l.over': '超出 {n}',
  'l.bullets.exactly': '{n} / {max}', 'l.bullets.range': '{n}（{min}–{max}）',
  'l.bullet.n': '卖点 {n}', 'l.remove.bullet': '删除卖点 {n}', 'l.add.bullet': '添加卖点',
  'l.check': '检查我的修改', 'l.undo': '撤销我的修改', 'l.export.json': '导出 JSON', 'l.export.csv': '导出 CSV',
  'l.check.hint': '检查会保留你的措辞，只修正违反规则或陈述了属性中没有的事实的内容；每项修正列在“合规检查”中，每个删除的事实列在“事实溯源”中。',
  'l.checked.notice': '这是你修改后的商品详情，已按 {m} 的规则检查并与属性逐一核对。各字段显示修正后的内容；没有重新生成。',
  'f.title': '标题', 'f.bullets': '卖点', 'f.description': '描述', 'f.searchTerms': '搜索词',
  'l.copy': '复制', 'l.copy.field': '复制{f}', 'l.copied': '已复制', 'l.copy.failed': '复制失败：请手动选择文字',
  'l.length': '{n} / {max} {unit}', 'l.count': '{n} {unit}',
  'unit.characters': '字符', 'unit.bytes': '字节（UTF-8）', 'unit.units': '单位（一个汉字算 2）',
  'l.compliance': '合规检查', 'l.rule': '规则', 'l.status': '状态', 'l.how': '处理方式',
  'st.passed': '通过', 'st.fixed': '已修正', 'st.failed': '未通过',
  'l.grounding': '事实溯源', 'l.grounding.hint': '商品详情中的每个数字、单位、材质、尺码、数量和型号，以及它在你的输入中的出处。',
  'l.fact': '事实', 'l.source': '出处', 'l.in': '位置', 'l.kept': '保留', 'l.removed': '已删除',
  'l.untraced': '输入中没有', 'l.no.facts': '商品详情中没有需要溯源的事实。',
  'b.file': '商品表（CSV、TSV 或 XLSX）', 'b.file.hint': '第一行为列名：brand、category、keywords、attributes、sku，以及任意属性（Material、Color、Size…）。每行一个商品。',
  'b.engine': '引擎', 'engine.auto': '已配置时使用远程模型', 'engine.offline': '始终离线',
  'b.run': '生成商品详情', 'b.need.file': '请选择商品表文件。',
  'b.rows': '行数', 'b.succeeded': '已生成', 'b.failed': '失败', 'b.compliant': '合规',
  'b.download': '下载 listings.xlsx', 'b.first': '前几行', 'b.first.hint': '读取自 listings.xlsx；文件中包含全部行和字段。',
  'b.row': '行', 'b.sku': 'SKU', 'b.compliance': '合规', 'b.removed': '删除的事实',
  'b.errors': '无法生成的行', 'b.error': '错误', 'b.no.errors': '每一行都已生成。',
  'b.preview.failed': '无法在此显示前几行；请查看 listings.xlsx。',
  't.person': '模特照片', 't.garment': '服装照片', 't.garment.hint': '只有服装，平铺或挂在衣架上，背景单一。',
  't.images.hint': 'JPG、PNG 或 WebP，不超过 20 MB 和 2500 万像素。',
  't.category': '服装类别', 'cat.upper': '上装', 'cat.lower': '下装', 'cat.dress': '连衣裙',
  't.region': '区域（可选）', 't.region.hint': '服装在模特照片中的位置：x, y, 宽, 高（像素）；留空则自动估计。',
  't.size': '输出尺寸（可选）', 't.size.hint': '宽x高，例如 768x1024；默认与模特照片相同。',
  't.run': '试穿', 't.need.person': '请选择模特照片。', 't.need.garment': '请选择服装照片。',
  't.bad.region': '区域必须是四个整数：x, y, 宽, 高。', 't.bad.size': '输出尺寸格式应为 768x1024。',
  't.chosen': '已选择的{what}', 't.result': '试穿效果', 't.mask': '蒙版（白色为服装所在区域）', 't.before': '模特照片',
  't.preview': '预览：由离线合成生成（抠出服装、贴合区域并加阴影），不是生成式试穿。图片已标注为 AI 生成。',
  't.generated': '由远程图像模型生成；图片已标注为 AI 生成。',
  't.facts': '{w} × {h} 像素 · 区域 [{region}]', 't.use.region': '使用此区域',
  't.region.estimated': '区域由照片自动估计', 't.region.given': '区域为你指定的位置',
  't.region.skin': '区域由照片自动估计（人体轮廓与肤色）',
  't.adjust': '调整区域', 't.adjust.hint': '拖动方框可移动，拖动四角可调整大小（鼠标、触控笔或手指）。键盘：方向键移动，Shift 加方向键调整大小。',
  't.region.box': '服装区域：x {x}，y {y}，宽 {w}，高 {h} 像素', 't.corner': '从{c}调整大小',
  'corner.nw': '左上角', 'corner.ne': '右上角', 'corner.sw': '左下角', 'corner.se': '右下角',
  't.rerun': '用此区域重新试穿',
  't.compare': '前后对比', 't.slider': '右侧显示试穿效果的比例',
  'downloads': '下载',
});

const MARKETPLACES = ['amazon', 'shopify', 'taobao', 'jd', 'generic'].map((m) => [m, 'mk.' + m]);
const LANGUAGES = [['', 'lang.default'], ['en', 'lang.en'], ['zh', 'lang.zh']];
const TONES = ['neutral', 'friendly', 'premium', 'technical'].map((t) => [t, 'tone.' + t]);
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const CATALOGUE_TYPES = ['.csv', '.tsv', '.xlsx', 'text/csv', 'text/tab-separated-values',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const rerenders = {};

/** A language select plus a free code box: the skill takes any code (others need a remote model). */
function languageControls(prefix) {
  const choice = select(prefix + '-language', LANGUAGES, '');
  const other = el('input', { type: 'text', id: prefix + '-language-other', placeholder: 'fr', size: 8, autocomplete: 'off' });
  return {
    fields: [field(prefix + '-language', 'l.language', choice),
      field(prefix + '-language-other', 'l.language.other', other, 'l.language.other.hint')],
    value: () => (other.value.trim() || choice.value).toLowerCase(),
    valid: () => !other.value.trim() || /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i.test(other.value.trim()),
  };
}

function saveText(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(url); link.remove(); }, 1000);
}

// ---------------------------------------------------------------------------------------------------
// Listing

function attributesTable() {
  const rows = [];
  const tbody = el('tbody');
  const draw = () => tbody.replaceChildren(...rows.map((row, i) => el('tr', {},
    el('td', {}, el('input', { type: 'text', value: row.name, 'aria-label': i18n.t('l.name.n', { n: i + 1 }),
      oninput: (e) => { row.name = e.target.value; } })),
    el('td', {}, el('input', { type: 'text', value: row.value, 'aria-label': i18n.t('l.value.n', { n: i + 1 }),
      oninput: (e) => { row.value = e.target.value; } })),
    el('td', {}, el('button', { type: 'button', class: 'link', 'aria-label': i18n.t('l.remove.row', { n: i + 1 }),
      onclick: () => { rows.splice(i, 1); if (!rows.length) rows.push({ name: '', value: '' }); draw();
        tbody.querySelector('tr:last-child input')?.focus(); } }, '✕')))));
  const add = (name = '', value = '') => { rows.push({ name, value }); draw(); };
  [['Material', ''], ['Color', ''], ['', '']].forEach(([n, v]) => rows.push({ name: n, value: v }));
  draw();
  const addButton = el('button', { type: 'button', class: 'secondary', id: 'l-add-attr', 'data-i18n': 'l.add',
    onclick: () => { add(); tbody.querySelector('tr:last-child input')?.focus(); } }, i18n.t('l.add'));
  const element = el('fieldset', { class: 'pg-attrs-set', 'aria-describedby': 'l-attrs-hint' },
    tx('l.attributes', 'legend'), tx('l.attributes.hint', 'p', { class: 'atr-hint', id: 'l-attrs-hint' }),
    el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table pg-attrs', id: 'l-attrs' },
      el('thead', {}, el('tr', {}, tx('l.name', 'th', { scope: 'col' }), tx('l.value', 'th', { scope: 'col' }),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, i18n.t('remove'))))), tbody)),
    addButton);
  return {
    element, redraw: draw,
    // The JSON object the skill reads: name → value; a repeated name keeps its values as a list (joined by the skill).
    json() {
      const out = {};
      rows.forEach(({ name, value }) => {
        const n = name.trim(); const v = value.trim();
        if (!n || !v) return;
        if (n in out) out[n] = [].concat(out[n], v); else out[n] = v;
      });
      return Object.keys(out).length ? JSON.stringify(out) : '';
    },
  };
}

function listingPanel() {
  const attrs = attributesTable();
  const brand = el('input', { type: 'text' });
  const category = el('input', { type: 'text' });
  const photos = fileDrop({ id: 'l-photos', label: i18n.t('l.photos'), accept: IMAGE_TYPES, multiple: true, maxFiles: 6,
    maxBytes: 15 * 1024 * 1024 });
  const marketplace = select('l-marketplace', MARKETPLACES, 'amazon');
  const language = languageControls('l');
  const tone = select('l-tone', TONES, 'neutral');
  const keywords = el('input', { type: 'text' });
  const runner = runPanel('ecommerce', 'listing');
  const output = el('div', { id: 'listing-result', 'aria-live': 'polite' });
  const problems = el('div');
  const submit = el('button', { type: 'submit', id: 'l-run', 'data-i18n': 'l.run' }, i18n.t('l.run'));
  let last = null;
  const present = (run) => {
    const editor = listingEditor(run, async (draft) => {
      const checked = await runner.run({ ...last.values, draft: JSON.stringify(draft) }, last.files);
      if (checked) present(checked);
    });
    const show = () => output.replaceChildren(editor.render());
    show();
    rerenders.listing = show;
    output.querySelector('h2')?.focus();
  };
  const form = el('form', { class: 'pg-card', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const values = { marketplace: marketplace.value, tone: tone.value };
    const json = attrs.json();
    if (json) values.attributes = json;
    if (brand.value.trim()) values.brand = brand.value.trim();
    if (category.value.trim()) values.category = category.value.trim();
    if (keywords.value.trim()) values.keywords = keywords.value.trim();
    if (language.value()) values.language = language.value();
    const issues = [...photos.validate()];
    if (!language.valid()) issues.push(i18n.t('l.bad.language'));
    if (!json && !values.brand && !values.category && !values.keywords && !photos.files().length) issues.push(i18n.t('l.need.input'));
    if (issues.length) { problems.replaceChildren(localProblem(issues)); return; }
    problems.replaceChildren();
    submit.disabled = true;
    output.replaceChildren();
    const files = photos.files().length ? { photos: [...photos.files()] } : {};
    const run = await runner.run(values, files);
    submit.disabled = false;
    if (!run) return;
    // A check sends the same inputs again (the facts the edits are traced to), with the edited listing as the draft.
    last = { values, files };
    present(run);
  } },
  attrs.element,
  el('div', { class: 'pg-grid' }, field('l-brand', 'l.brand', brand), field('l-category', 'l.category', category, 'l.category.hint')),
  el('div', { class: 'atr-field-row' }, tx('l.photos', 'label', { for: 'l-photos' }), photos.element, tx('l.photos.hint', 'p', { class: 'atr-hint' })),
  el('div', { class: 'pg-grid' }, field('l-marketplace', 'l.marketplace', marketplace), ...language.fields,
    field('l-tone', 'l.tone', tone)),
  field('l-keywords', 'l.keywords', keywords, 'l.keywords.hint'),
  el('div', { class: 'pg-actions' }, submit));
  rerenders.attrs = attrs.redraw;
  return el('section', {}, form, problems, runner.element, output);
}

const UNIT = { characters: 'unit.characters', bytes: 'unit.bytes', units: 'unit.units' };
const FIELDS = ['title', 'bullets', 'description', 'searchTerms'];

/** The limit of a length rule, read from its description ("title at most 200 characters"), so overrides show. */
function limitOf(compliance, rule) {
  const c = (compliance || []).find((x) => x.rule === rule);
  const m = c && /at most (\d+) (characters|bytes|units)/.exec(c.description || '');
  return m ? { max: Number(m[1]), unit: m[2] } : null;
}

/** The bullet-count rule as a range ("exactly 5 bullet points", "3 to 5 bullet points"). */
function bulletRange(compliance) {
  const d = ((compliance || []).find((x) => x.rule === 'bullet-count') || {}).description || '';
  const exactly = /exactly (\d+)/.exec(d);
  if (exactly) return { min: Number(exactly[1]), max: Number(exactly[1]) };
  const range = /(\d+) to (\d+)/.exec(d);
  return range ? { min: Number(range[1]), max: Number(range[2]) } : null;
}

/** Length as the rule pack counts it: code points, UTF-8 bytes, or units where a Chinese/full-width character is 2. */
function measure(text, unit) {
  if (unit === 'bytes') return new TextEncoder().encode(text).length;
  const points = Array.from(text);
  if (unit === 'units') return points.reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1), 0);
  return points.length;
}

/** A length badge that follows the text as it is edited: "187 of 200 characters", red and "12 over" past the limit. */
function liveCount(limit, fallbackUnit, id) {
  const badge = el('span', { class: 'pg-badge pg-muted pg-count', id });
  const update = (text) => {
    const unit = limit ? limit.unit : fallbackUnit;
    const n = measure(text || '', unit);
    const over = limit ? n - limit.max : 0;
    badge.className = 'pg-badge pg-count ' + (over > 0 ? 'pg-bad' : 'pg-muted');
    badge.textContent = (limit ? i18n.t('l.length', { n, max: limit.max, unit: i18n.t(UNIT[unit]) })
      : i18n.t('l.count', { n, unit: i18n.t(UNIT[unit]) })) + (over > 0 ? ' · ' + i18n.t('l.over', { n: over }) : '');
  };
  return { badge, update };
}

function copyButton(text, fieldKey, id) {
  const label = i18n.t('l.copy.field', { f: i18n.t(fieldKey).toLowerCase() });
  const status = el('span', { class: 'atr-hint', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', class: 'secondary', id, 'aria-label': label, title: label,
    onclick: async () => {
      try { await navigator.clipboard.writeText(typeof text === 'function' ? text() : text); status.textContent = i18n.t('l.copied'); }
      catch (e) { status.textContent = i18n.t('l.copy.failed'); }
      setTimeout(() => { status.textContent = ''; }, 2500);
    } }, i18n.t('l.copy'));
  return el('span', { class: 'pg-copy' }, button, ' ', status);
}

/** A text area for one field, its live count (which it is described by) and what it changes on input. */
function editArea(id, label, value, count, rows, onInput) {
  const area = el('textarea', { id, rows, class: 'pg-edit', 'aria-label': label, 'aria-describedby': count.badge.id });
  area.value = value;
  count.update(value);
  area.addEventListener('input', () => { onInput(area.value); count.update(area.value); });
  return area;
}

function oneLine(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** The edited listing as the skill's draft input and as the exports write it. */
function cleanDraft(state) {
  return { title: oneLine(state.title).trim(), bullets: state.bullets.map((b) => oneLine(b).trim()).filter(Boolean),
    description: state.description.trim(), searchTerms: oneLine(state.searchTerms).trim() };
}

/** CSV of the edited listing, one row per field (bullets numbered); cells that a spreadsheet would run are quoted as text. */
function listingCsv(d) {
  const cell = (v) => { const t = /^[=+\-@\t\r]/.test(v) ? "'" + v : v; return '"' + t.replace(/"/g, '""') + '"'; };
  const rows = [['field', 'text'], ['title', d.title], ...d.bullets.map((b, i) => ['bullet ' + (i + 1), b]),
    ['description', d.description], ['searchTerms', d.searchTerms]];
  return '\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The listing as a form the user edits in place: every field with its live count against the pack's rule, copy
 * buttons, "check" (the skill again, with the edits as its draft: same rules, same grounding), undo and exports.
 */
function listingEditor(run, onCheck) {
  const r = run.result;
  const original = { title: r.title || '', bullets: [...(r.bullets || [])], description: r.description || '', searchTerms: r.searchTerms || '' };
  let state = { ...original, bullets: [...original.bullets] };
  const compliance = r.compliance || [];
  const limits = { title: limitOf(compliance, 'title-length'), bullet: limitOf(compliance, 'bullet-length'),
    description: limitOf(compliance, 'description-length'), searchTerms: limitOf(compliance, 'search-terms-length') };
  const range = bulletRange(compliance);
  let edited = false;
  let statusNode = null;
  let checking = false;
  let holder = null;

  const markEdited = () => {
    edited = JSON.stringify(state) !== JSON.stringify(original);
    if (statusNode) statusNode.replaceChildren(statusBadge());
  };
  const m = () => i18n.t('mk.' + r.marketplace);
  const statusBadge = () => (edited
    ? el('span', { class: 'pg-badge pg-warn', id: 'l-edited' }, i18n.t('l.edited'))
    : el('span', { class: 'pg-badge ' + (r.complies ? 'pg-ok' : 'pg-bad') }, i18n.t(r.complies ? 'l.complies' : 'l.not.complies', { m: m() })));
  const redraw = () => { if (holder) holder.replaceWith(render()); };

  function fieldBlock(fieldKey, id, head, body) {
    return el('section', { class: 'pg-field-out', id: 'out-' + id, 'aria-labelledby': 'out-' + id + '-h' },
      el('div', { class: 'pg-field-head' }, el('h3', { id: 'out-' + id + '-h' }, i18n.t(fieldKey), ' ', head[0]), head[1]), body);
  }

  function bulletsBlock() {
    const countBadge = el('span', { class: 'pg-badge', id: 'l-bullet-count' });
    const updateCount = () => {
      const n = state.bullets.filter((b) => b.trim()).length;
      const bad = range && (n < range.min || n > range.max);
      countBadge.className = 'pg-badge ' + (bad ? 'pg-bad' : 'pg-muted');
      countBadge.textContent = range ? i18n.t(range.min === range.max ? 'l.bullets.exactly' : 'l.bullets.range', { n, min: range.min, max: range.max }) : String(n);
    };
    updateCount();
    const items = state.bullets.map((b, i) => {
      const count = liveCount(limits.bullet, 'characters', 'l-edit-bullet-' + (i + 1) + '-count');
      const label = i18n.t('l.bullet.n', { n: i + 1 });
      return el('li', {}, editArea('l-edit-bullet-' + (i + 1), label, b, count, 3, (v) => { state.bullets[i] = v; markEdited(); updateCount(); }),
        el('div', { class: 'pg-edit-foot' }, count.badge,
          copyButton(() => oneLine(state.bullets[i]).trim(), 'l.bullet.n', 'copy-bullet-' + (i + 1)),
          el('button', { type: 'button', class: 'link', 'aria-label': i18n.t('l.remove.bullet', { n: i + 1 }),
            onclick: () => { state.bullets.splice(i, 1); markEdited(); redraw(); } }, i18n.t('remove'))));
    });
    const add = el('button', { type: 'button', class: 'secondary', id: 'l-add-bullet',
      onclick: () => { state.bullets.push(''); markEdited(); redraw(); document.getElementById('l-edit-bullet-' + state.bullets.length)?.focus(); } },
    i18n.t('l.add.bullet'));
    return fieldBlock('f.bullets', 'bullets', [countBadge, copyButton(() => cleanDraft(state).bullets.join('\n'), 'f.bullets', 'copy-bullets')],
      [el('ol', { class: 'pg-bullets' }, items), add]);
  }

  function textBlock(fieldKey, id, name, limit, unit, rows) {
    const count = liveCount(limit, unit, 'l-edit-' + id + '-count');
    const area = editArea('l-edit-' + id, i18n.t(fieldKey), state[name], count, rows, (v) => { state[name] = v; markEdited(); });
    return fieldBlock(fieldKey, id, [count.badge, copyButton(() => cleanDraft(state)[name], fieldKey, 'copy-' + id)], area);
  }

  async function check(button) {
    if (checking) return;
    const draft = cleanDraft(state);
    checking = true;
    button.disabled = true;
    try { await onCheck(draft); } finally { checking = false; button.disabled = false; }
  }

  function render() {
    const checkButton = el('button', { type: 'button', id: 'l-check', onclick: () => check(checkButton) }, i18n.t('l.check'));
    const base = 'listing-' + (r.marketplace || 'listing');
    statusNode = el('span', {}, statusBadge());
    holder = el('article', { class: 'pg-card pg-listing' },
      el('h2', { tabindex: -1 }, i18n.t('l.listing'), ' · ', m(), r.language ? ` · ${r.language}` : ''),
      r.mode === 'checked' ? el('p', { class: 'pg-notice', id: 'l-checked', role: 'note' }, i18n.t('l.checked.notice', { m: m() })) : null,
      el('p', {}, statusNode),
      tx('l.edit.hint', 'p', { class: 'atr-hint' }),
      textBlock('f.title', 'title', 'title', limits.title, 'characters', 2),
      bulletsBlock(),
      textBlock('f.description', 'description', 'description', limits.description, 'characters', 6),
      textBlock('f.searchTerms', 'terms', 'searchTerms', limits.searchTerms, 'bytes', 3),
      el('div', { class: 'pg-actions' }, checkButton,
        el('button', { type: 'button', class: 'secondary', id: 'l-undo',
          onclick: () => { state = { ...original, bullets: [...original.bullets] }; markEdited(); redraw(); } }, i18n.t('l.undo')),
        el('button', { type: 'button', class: 'secondary', id: 'l-export-json',
          onclick: () => saveText(JSON.stringify({ marketplace: r.marketplace, language: r.language, ...cleanDraft(state) }, null, 2) + '\n',
            base + '.json', 'application/json') }, i18n.t('l.export.json')),
        el('button', { type: 'button', class: 'secondary', id: 'l-export-csv',
          onclick: () => saveText(listingCsv(cleanDraft(state)), base + '.csv', 'text/csv;charset=utf-8') }, i18n.t('l.export.csv'))),
      tx('l.check.hint', 'p', { class: 'atr-hint' }),
      reports(r));
    return holder;
  }
  return { render };
}

function reports(r) {
  const compliance = r.compliance || [];
  const grounding = r.grounding || [];
  const status = (c) => (!c.passed ? ['pg-bad', 'st.failed', 'pg-row-bad'] : c.fix ? ['pg-warn', 'st.fixed', 'pg-row-fixed'] : ['pg-ok', 'st.passed', '']);
  return [
    tx('l.compliance', 'h3'),
    el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table pg-compliance', id: 'l-compliance' },
      el('thead', {}, el('tr', {}, ['l.rule', 'l.status', 'l.how'].map((k) => tx(k, 'th', { scope: 'col' })))),
      el('tbody', {}, compliance.map((c) => {
        const [cls, key, row] = status(c);
        return el('tr', { class: row || null },
          el('td', {}, el('strong', {}, c.description || c.rule), el('div', { class: 'atr-hint' }, c.rule)),
          el('td', {}, el('span', { class: 'pg-badge ' + cls }, i18n.t(key))),
          el('td', {}, c.fix || (c.passed ? '' : i18n.t('no.value'))));
      })))),
    tx('l.grounding', 'h3'), tx('l.grounding.hint', 'p', { class: 'atr-hint' }),
    grounding.length ? el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table pg-grounding', id: 'l-grounding' },
      el('thead', {}, el('tr', {}, ['l.fact', 'l.in', 'l.source', 'l.status'].map((k) => tx(k, 'th', { scope: 'col' })))),
      el('tbody', {}, grounding.map((g) => el('tr', { class: g.kept ? null : 'pg-removed' },
        el('td', {}, g.value), el('td', {}, FIELDS.includes(g.field) ? i18n.t('f.' + g.field) : (g.field || '')),
        el('td', {}, g.source || el('em', { class: 'pg-muted' }, i18n.t('l.untraced'))),
        el('td', {}, el('span', { class: 'pg-badge ' + (g.kept ? 'pg-ok' : 'pg-bad') }, i18n.t(g.kept ? 'l.kept' : 'l.removed'))))))))
      : tx('l.no.facts', 'p', { class: 'atr-hint' }),
    engineLine(r.engine)];
}

// ---------------------------------------------------------------------------------------------------
// Catalogue

function bulkPanel() {
  const drop = fileDrop({ id: 'b-file', label: i18n.t('b.file'), accept: CATALOGUE_TYPES, maxBytes: 20 * 1024 * 1024 });
  const marketplace = select('b-marketplace', MARKETPLACES, 'amazon');
  const language = languageControls('b');
  const engine = select('b-engine', [['auto', 'engine.auto'], ['offline', 'engine.offline']], 'auto');
  const runner = runPanel('ecommerce', 'listing-bulk');
  const output = el('div', { id: 'bulk-result', 'aria-live': 'polite' });
  const problems = el('div');
  const submit = el('button', { type: 'submit', id: 'b-run', 'data-i18n': 'b.run' }, i18n.t('b.run'));
  const form = el('form', { class: 'pg-card', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const issues = [...drop.validate()];
    if (!drop.files().length) issues.push(i18n.t('b.need.file'));
    if (!language.valid()) issues.push(i18n.t('l.bad.language'));
    if (issues.length) { problems.replaceChildren(localProblem(issues)); return; }
    problems.replaceChildren();
    const values = { marketplace: marketplace.value, engine: engine.value };
    if (language.value()) values.language = language.value();
    submit.disabled = true;
    output.replaceChildren();
    const run = await runner.run(values, { file: drop.files() });
    submit.disabled = false;
    if (!run) return;
    const xlsx = artifact(run, 'listings.xlsx');
    let first = null;
    const show = () => output.replaceChildren(bulkView(run, xlsx, first));
    show();
    rerenders.bulk = show;
    if (xlsx) {
      first = await firstRows(xlsx.url, 10).catch(() => 'failed');
      show();
    }
  } },
  el('div', { class: 'atr-field-row' }, tx('b.file', 'label', { for: 'b-file' }), drop.element, tx('b.file.hint', 'p', { class: 'atr-hint' })),
  el('div', { class: 'pg-grid' }, field('b-marketplace', 'l.marketplace', marketplace), ...language.fields, field('b-engine', 'b.engine', engine)),
  el('div', { class: 'pg-actions' }, submit));
  return el('section', {}, form, problems, runner.element, output);
}

function stat(key, n, cls) {
  return el('div', { class: 'pg-stat' + (cls ? ' ' + cls : '') }, el('strong', {}, String(n)), tx(key));
}

function bulkView(run, xlsx, first) {
  const r = run.result;
  const failed = r.failed || [];
  const notCompliant = (r.succeeded ?? 0) - (r.compliant ?? 0);
  let preview = null;
  if (first === 'failed') preview = tx('b.preview.failed', 'p', { class: 'atr-hint' });
  else if (first && first.rows.length) {
    const col = (name) => first.header.indexOf(name);
    const [iRow, iSku, iTitle, iComp, iRemoved] = ['Row', 'SKU', 'Title', 'Compliance', 'Removed facts'].map(col);
    preview = [tx('b.first', 'h3'), tx('b.first.hint', 'p', { class: 'atr-hint' }),
      el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table pg-bulk-rows', id: 'b-rows' },
        el('thead', {}, el('tr', {}, ['b.row', 'b.sku', 'f.title', 'b.compliance', 'b.removed'].map((k) => tx(k, 'th', { scope: 'col' })))),
        el('tbody', {}, first.rows.map((row) => {
          const ok = row[iComp] === 'complies';
          return el('tr', { class: ok ? null : 'pg-row-bad' }, el('td', { class: 'pg-num' }, String(row[iRow] ?? '').replace(/\.0+$/, '')), el('td', {}, row[iSku] ?? ''),
            el('td', {}, row[iTitle] ?? ''), el('td', {}, el('span', { class: 'pg-badge ' + (ok ? 'pg-ok' : 'pg-bad') }, row[iComp] ?? '')),
            el('td', {}, row[iRemoved] ?? ''));
        }))))];
  }
  return el('article', { class: 'pg-card' },
    el('div', { class: 'pg-stats' }, stat('b.rows', r.rows ?? 0), stat('b.succeeded', r.succeeded ?? 0, 'pg-ok'),
      stat('b.failed', failed.length, failed.length ? 'pg-bad' : null),
      stat('b.compliant', r.compliant ?? 0, notCompliant > 0 ? 'pg-warn' : 'pg-ok')),
    xlsx ? el('div', { class: 'pg-actions' }, el('button', { type: 'button', id: 'b-download',
      onclick: () => download(xlsx.url, xlsx.name) }, '⬇ ' + i18n.t('b.download'))) : null,
    preview,
    tx('b.errors', 'h3'),
    failed.length ? el('div', { class: 'atr-table-wrap' }, el('table', { class: 'atr-table pg-errors', id: 'b-errors' },
      el('thead', {}, el('tr', {}, ['b.row', 'b.sku', 'b.error'].map((k) => tx(k, 'th', { scope: 'col' })))),
      el('tbody', {}, failed.map((f) => el('tr', { class: 'pg-row-bad' }, el('td', { class: 'pg-num' }, String(f.row)),
        el('td', {}, f.sku || ''), el('td', {}, f.error || ''))))))
      : tx('b.no.errors', 'p', { class: 'atr-hint' }),
    engineLine(r.engine));
}

/** The first rows of listings.xlsx's first sheet, read in the browser (ZIP central directory + DecompressionStream). */
async function firstRows(url, limit) {
  const response = await fetch(url, { headers: authHeaders(), credentials: 'same-origin' });
  if (!response.ok) throw new Error(response.statusText);
  const buf = new Uint8Array(await response.arrayBuffer());
  const view = new DataView(buf.buffer);
  let eocd = buf.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries = {};
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    entries[decoder.decode(buf.subarray(p + 46, p + 46 + nameLength))] = { method, size, local };
    p += 46 + nameLength + extra + comment;
  }
  async function text(name) {
    const e = entries[name];
    if (!e) return null;
    const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
    const data = buf.subarray(start, start + e.size);
    if (e.method === 0) return decoder.decode(data);
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text();
  }
  const xml = (s) => new DOMParser().parseFromString(s, 'application/xml');
  const sharedText = await text('xl/sharedStrings.xml');
  const shared = sharedText ? Array.from(xml(sharedText).getElementsByTagName('si')).map((si) =>
    Array.from(si.getElementsByTagName('t')).map((t) => t.textContent).join('')) : [];
  const sheetName = Object.keys(entries).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort()[0];
  const sheet = xml(await text(sheetName));
  const column = (ref) => [...ref.replace(/\d+/g, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const rows = Array.from(sheet.getElementsByTagName('row')).slice(0, limit + 1).map((row) => {
    const cells = [];
    Array.from(row.getElementsByTagName('c')).forEach((c, i) => {
      const type = c.getAttribute('t');
      const v = c.getElementsByTagName('v')[0]?.textContent ?? '';
      const value = type === 's' ? shared[Number(v)] ?? ''
        : type === 'inlineStr' ? Array.from(c.getElementsByTagName('t')).map((t) => t.textContent).join('') : v;
      cells[c.getAttribute('r') ? column(c.getAttribute('r')) : i] = value;
    });
    return cells;
  });
  return { header: rows[0] || [], rows: rows.slice(1) };
}

// ---------------------------------------------------------------------------------------------------
// Try-on

/** A single-image drop with a local preview (an object URL; nothing is uploaded until the run). */
function imagePick(id, key, hintKey) {
  const drop = fileDrop({ id, label: i18n.t(key), accept: IMAGE_TYPES, maxBytes: 20 * 1024 * 1024 });
  const preview = el('div', { class: 'pg-preview-pick' });
  let url = null;
  const refresh = () => setTimeout(() => {
    if (url) URL.revokeObjectURL(url);
    url = null;
    const file = drop.files()[0];
    if (file && IMAGE_TYPES.includes(file.type)) {
      url = URL.createObjectURL(file);
      preview.replaceChildren(el('img', { src: url, alt: i18n.t('t.chosen', { what: i18n.t(key).toLowerCase() }) + ': ' + file.name }));
    } else preview.replaceChildren();
  });
  drop.input.addEventListener('change', refresh);
  drop.element.addEventListener('drop', refresh);
  drop.element.addEventListener('click', (e) => { if (e.target.closest('button')) refresh(); });
  return {
    drop, url: () => url,
    element: el('div', { class: 'atr-field-row' }, tx(key, 'label', { for: id }), drop.element,
      hintKey ? tx(hintKey, 'p', { class: 'atr-hint' }) : null, preview),
  };
}

function tryonPanel() {
  const person = imagePick('t-person', 't.person', 't.images.hint');
  const garment = imagePick('t-garment', 't.garment', 't.garment.hint');
  const category = select('t-category', [['upper', 'cat.upper'], ['lower', 'cat.lower'], ['dress', 'cat.dress']], 'upper');
  const region = el('input', { type: 'text', inputmode: 'numeric', placeholder: '120, 260, 420, 480', autocomplete: 'off' });
  const size = el('input', { type: 'text', placeholder: '768x1024', autocomplete: 'off' });
  const runner = runPanel('ecommerce', 'tryon');
  const output = el('div', { id: 'tryon-result', 'aria-live': 'polite' });
  const problems = el('div');
  const submit = el('button', { type: 'submit', id: 't-run', 'data-i18n': 't.run' }, i18n.t('t.run'));
  const form = el('form', { class: 'pg-card', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const issues = [...person.drop.validate(), ...garment.drop.validate()];
    if (!person.drop.files().length) issues.push(i18n.t('t.need.person'));
    if (!garment.drop.files().length) issues.push(i18n.t('t.need.garment'));
    const values = { category: category.value };
    const box = region.value.trim().replace(/^\[|\]$/g, '');
    if (box) {
      const parts = box.split(/[\s,]+/).filter(Boolean);
      if (parts.length !== 4 || parts.some((x) => !/^\d+$/.test(x))) issues.push(i18n.t('t.bad.region'));
      else values.region = '[' + parts.join(', ') + ']';
    }
    if (size.value.trim()) {
      if (!/^\d+\s*[x×]\s*\d+$/i.test(size.value.trim())) issues.push(i18n.t('t.bad.size'));
      else values.outputSize = size.value.trim().replace(/\s+/g, '').replace('×', 'x').toLowerCase();
    }
    if (issues.length) { problems.replaceChildren(localProblem(issues)); return; }
    problems.replaceChildren();
    submit.disabled = true;
    output.replaceChildren();
    const before = person.url();
    const run = await runner.run(values, { person: person.drop.files(), garment: garment.drop.files() });
    submit.disabled = false;
    if (!run) return;
    const show = () => output.replaceChildren(tryonView(run, before, (r) => { region.value = r.join(', '); region.focus(); },
      (r) => { region.value = r.join(', '); form.requestSubmit(); }));
    show();
    rerenders.tryon = show;
    output.querySelector('h2')?.focus();
  } },
  el('div', { class: 'pg-grid' }, person.element, garment.element),
  el('div', { class: 'pg-grid' }, field('t-category', 't.category', category), field('t-region', 't.region', region, 't.region.hint'),
    field('t-size', 't.size', size, 't.size.hint')),
  el('div', { class: 'pg-actions' }, submit));
  return el('section', {}, form, problems, runner.element, output);
}

function tryonView(run, before, useRegion, rerun) {
  const r = run.result;
  const image = artifact(run, 'tryon.png');
  const mask = artifact(run, 'mask.png');
  const box = Array.isArray(r.region) ? r.region : [];
  return el('article', { class: 'pg-card' },
    el('h2', { tabindex: -1 }, i18n.t('t.result')),
    el('p', { class: r.preview ? 'pg-notice' : 'atr-hint', id: 't-notice', role: r.preview ? 'note' : null },
      i18n.t(r.preview ? 't.preview' : 't.generated')),
    el('p', { class: 'atr-hint' }, i18n.t('t.facts', { w: r.width, h: r.height, region: box.join(', ') }), ' · ',
      el('span', { id: 't-region-source' }, i18n.t(r.regionSource === 'given' ? 't.region.given'
        : r.regionMethod === 'silhouette+skin' ? 't.region.skin' : 't.region.estimated')), ' ',
      box.length === 4 ? el('button', { type: 'button', class: 'link', onclick: () => useRegion(box) }, i18n.t('t.use.region')) : null),
    before && box.length === 4 ? regionEditor(before, box, rerun) : null,
    el('div', { class: 'pg-images' },
      before ? el('figure', {}, el('img', { src: before, alt: i18n.t('t.before') }), el('figcaption', {}, i18n.t('t.before'))) : null,
      image ? el('figure', {}, authImage(image.url, i18n.t('t.result'), { id: 't-image' }), el('figcaption', {}, i18n.t('t.result'))) : null,
      mask ? el('figure', {}, authImage(mask.url, i18n.t('t.mask'), { id: 't-mask' }), el('figcaption', {}, i18n.t('t.mask'))) : null),
    before && image ? compare(before, image.url) : null,
    (r.notes || []).length ? el('ul', { class: 'pg-items' }, r.notes.map((n) => el('li', {}, String(n)))) : null,
    tx('downloads', 'h3'), artifactList(run.artifacts),
    engineLine(r.engine));
}

const MIN_REGION = 8;

/**
 * The model photo with the garment region as a box the user drags (move) and resizes by its corners, with pointer
 * events (mouse, pen, touch) and the keyboard; the box is kept inside the photo and at least 8 pixels each way, as
 * the skill requires. Coordinates are the photo's own pixels: the photo is shown without EXIF rotation, as the
 * server reads it.
 */
function regionEditor(src, box, rerun) {
  let W = 0;
  let H = 0;
  let r = { x: box[0], y: box[1], w: box[2], h: box[3] };
  const img = el('img', { src, alt: i18n.t('t.before'), draggable: 'false' });
  const readout = el('p', { class: 'atr-hint', id: 't-region-readout', 'aria-live': 'polite' });
  const corners = ['nw', 'ne', 'sw', 'se'].map((c) => el('span', { class: 'pg-handle pg-handle-' + c, dataset: { handle: c },
    title: i18n.t('t.corner', { c: i18n.t('corner.' + c) }) }));
  const rect = el('div', { class: 'pg-region', id: 't-region-box', tabindex: 0, role: 'group',
    'aria-describedby': 't-adjust-hint' }, corners);
  const frame = el('div', { class: 'pg-region-frame' }, img, rect);
  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), Math.max(lo, hi));
  const fit = () => {
    r.w = clamp(Math.round(r.w), MIN_REGION, W);
    r.h = clamp(Math.round(r.h), MIN_REGION, H);
    r.x = clamp(Math.round(r.x), 0, W - r.w);
    r.y = clamp(Math.round(r.y), 0, H - r.h);
  };
  const draw = () => {
    if (!W || !H) { rect.hidden = true; return; }
    rect.hidden = false;
    Object.assign(rect.style, { left: (r.x / W) * 100 + '%', top: (r.y / H) * 100 + '%',
      width: (r.w / W) * 100 + '%', height: (r.h / H) * 100 + '%' });
    const label = i18n.t('t.region.box', { x: r.x, y: r.y, w: r.w, h: r.h });
    rect.setAttribute('aria-label', label);
    readout.textContent = label;
  };
  img.addEventListener('load', () => { W = img.naturalWidth; H = img.naturalHeight; fit(); draw(); });

  let drag = null;
  rect.addEventListener('pointerdown', (e) => {
    if (!W || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    rect.focus();
    rect.setPointerCapture(e.pointerId);
    const shown = img.getBoundingClientRect();
    drag = { id: e.pointerId, mode: e.target.dataset.handle || 'move', x0: e.clientX, y0: e.clientY, start: { ...r },
      sx: W / shown.width, sy: H / shown.height };
  });
  rect.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dx = (e.clientX - drag.x0) * drag.sx;
    const dy = (e.clientY - drag.y0) * drag.sy;
    const s = drag.start;
    if (drag.mode === 'move') {
      r = { ...s, x: clamp(s.x + dx, 0, W - s.w), y: clamp(s.y + dy, 0, H - s.h) };
    } else {
      const right = s.x + s.w;
      const bottom = s.y + s.h;
      let { x, y, w, h } = s;
      if (drag.mode.includes('w')) { x = clamp(s.x + dx, 0, right - MIN_REGION); w = right - x; }
      if (drag.mode.includes('e')) w = clamp(s.w + dx, MIN_REGION, W - s.x);
      if (drag.mode.includes('n')) { y = clamp(s.y + dy, 0, bottom - MIN_REGION); h = bottom - y; }
      if (drag.mode.includes('s')) h = clamp(s.h + dy, MIN_REGION, H - s.y);
      r = { x, y, w, h };
    }
    fit();
    draw();
  });
  const end = (e) => { if (drag && e.pointerId === drag.id) drag = null; };
  rect.addEventListener('pointerup', end);
  rect.addEventListener('pointercancel', end);
  rect.addEventListener('keydown', (e) => {
    const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
    if (!d || !W) return;
    e.preventDefault();
    const step = Math.max(1, Math.round(Math.min(W, H) / 100));
    if (e.shiftKey) { r.w += d[0] * step; r.h += d[1] * step; } else { r.x += d[0] * step; r.y += d[1] * step; }
    fit();
    draw();
  });
  draw();
  return el('section', { class: 'pg-region-set' }, tx('t.adjust', 'h3'), tx('t.adjust.hint', 'p', { class: 'atr-hint', id: 't-adjust-hint' }),
    frame, readout,
    el('div', { class: 'pg-actions' }, el('button', { type: 'button', id: 't-rerun', onclick: () => rerun([r.x, r.y, r.w, r.h]) }, i18n.t('t.rerun'))));
}

/** Before/after: the try-on drawn over the model photo, cut by a slider (arrow keys move it). */
function compare(before, afterUrl) {
  const after = authImage(afterUrl, i18n.t('t.result'), { class: 'pg-after' });
  const slider = el('input', { type: 'range', min: 0, max: 100, value: 50, id: 't-slider',
    oninput: (e) => { after.style.clipPath = `inset(0 0 0 ${100 - e.target.value}%)`; } });
  after.style.clipPath = 'inset(0 0 0 50%)';
  return el('section', { class: 'pg-compare-set' }, tx('t.compare', 'h3'),
    el('div', { class: 'pg-compare' }, el('img', { src: before, alt: i18n.t('t.before') }), after),
    field('t-slider', 't.slider', slider));
}

// ---------------------------------------------------------------------------------------------------

async function start() {
  await mountShell(null);
  i18n.apply(document);
  document.getElementById('ecommerce-tabs').replaceChildren(tabs([
    { id: 'listing', key: 'tab.listing', panel: listingPanel() },
    { id: 'bulk', key: 'tab.bulk', panel: bulkPanel() },
    { id: 'tryon', key: 'tab.tryon', panel: tryonPanel() },
  ]));
  // Static labels follow the switch through data-i18n; results (and the attribute rows' labels) are drawn again.
  window.addEventListener('atrium:locale', () => Object.values(rerenders).forEach((show) => show()));
}

start();
