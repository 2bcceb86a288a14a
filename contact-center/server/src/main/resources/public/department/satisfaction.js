// The department's citizen satisfaction under the inbox: per category (the total first) the mean rating
// of the answers (1-5), how many cases were rated and how many low (1-2, the follow-up view's cases),
// from GET /api/v1/reports/departments?department=… (the live figures). Hidden while nothing was rated.
'use strict';
window.DepartmentSatisfaction = {
  show(report) {
    const rows = (report.rows || []).filter(r => r.rated > 0);
    document.getElementById('satisfaction').replaceChildren(...rows.map(r => {
      const tr = document.createElement('tr');
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = r.category === '*' ? window.I.t('allCategories') : r.category;
      tr.append(name, ...[r.satisfaction.toFixed(2), String(r.rated), String(r.lowRated)].map(text => {
        const td = document.createElement('td');
        td.textContent = text;
        return td;
      }));
      return tr;
    }));
    document.getElementById('satisfaction-table').hidden = rows.length === 0;
  }
};
