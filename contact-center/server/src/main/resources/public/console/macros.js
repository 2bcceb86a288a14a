// Canned responses for the conversation's language (and the department of the answer in use, when
// there is one), managed by supervisors. Variables: {citizenName}, {caseNumber}, {operatorName}.
import { get } from './api.js';

/** The macro body with its variables filled; an unknown value leaves a visible blank to fill in. */
export function fill(body, values) {
  return body.replace(/\{(citizenName|caseNumber|operatorName)\}/g, (all, name) => values[name] || `[${name}]`);
}

export class Macros {
  constructor(panel, language, values, insert) {
    this.select = panel.querySelector('select.macro');
    this.language = language;
    this.values = values;
    this.insert = insert;
    this.items = [];
    this.select.addEventListener('change', () => {
      const macro = this.items.find((m) => m.id === this.select.value);
      if (macro) this.insert(fill(macro.body, this.values()));
      this.select.value = '';
    });
    this.load();
  }

  async load(department) {
    const params = new URLSearchParams({ language: this.language });
    if (department) params.set('department', department);
    try {
      this.items = (await get(`/api/v1/macros?${params}`)).items ?? [];
    } catch (e) {
      this.items = [];
    }
    this.select.replaceChildren(Object.assign(document.createElement('option'), { value: '', textContent: '—' }),
      ...this.items.map((m) => Object.assign(document.createElement('option'), { value: m.id, textContent: m.title })));
  }
}
