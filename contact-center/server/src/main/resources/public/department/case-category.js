// A case's category in the city's tree on the department case page: the current type (and whether the
// operator, the classifier or staff gave it) and a list of every type, grouped by service, to correct it
// (GET/PUT /api/v1/cases/{id}/category; the tree from GET /api/v1/analytics/taxonomy, read once).
// department.js calls CaseCategory.show(api, caseId) when a case opens, change(api, caseId) on submit and
// rerender() when the language changes.
'use strict';
window.CaseCategory = (() => {
  let taxonomy = null;
  let last = null;   // the shown case's category, for a change of language
  const $ = id => document.getElementById(id);
  const name = x => (window.I.lang === 'ko' ? x.nameKo : x.nameEn) || x.code;

  function render(category) {
    last = category;
    $('case-category').textContent = category.category
      ? name({code: category.category, nameKo: category.nameKo, nameEn: category.nameEn}) + ' · '
        + window.I.t('categorySource_' + category.source)
      : window.I.t('noCategory');
    const select = $('category-select');
    select.replaceChildren(...taxonomy.services.map(service => {
      const group = document.createElement('optgroup');
      group.label = name(service);
      group.append(...taxonomy.types.filter(t => t.service === service.code)
        .map(t => new Option(name(t), t.code, false, t.code === category.category)));
      return group;
    }).filter(group => group.children.length > 0));
  }

  async function show(api, caseId) {
    $('category-status').textContent = '';
    if (!taxonomy) taxonomy = await api('GET', '/api/v1/analytics/taxonomy');
    render(await api('GET', '/api/v1/cases/' + encodeURIComponent(caseId) + '/category'));
    $('category-form').hidden = false;
  }

  async function change(api, caseId) {
    render(await api('PUT', '/api/v1/cases/' + encodeURIComponent(caseId) + '/category',
      {category: $('category-select').value}));
    $('category-status').textContent = window.I.t('categoryChanged');
  }

  /** The shown category again, in the page's new language. */
  function rerender() {
    if (last && taxonomy) render(last);
  }

  return { show, change, rerender };
})();
