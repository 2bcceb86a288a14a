// The operator's disposition: the contact's category in the city's tree (service → category →
// type), sent with the wrap-up or the close so the analysis uses the operator's choice instead of
// the classifier's guess. Three native selects, so it works by keyboard alone; no choice sends none.
const option = (value, label) => Object.assign(document.createElement('option'), { value, textContent: label });
const named = (n) => `${n.nameEn} · ${n.nameKo}`;

export class Disposition {
  constructor(fieldset, taxonomy) {
    this.taxonomy = taxonomy ?? { services: [], categories: [], types: [] };
    this.service = fieldset.querySelector('select[name=dispositionService]');
    this.category = fieldset.querySelector('select[name=dispositionCategory]');
    this.type = fieldset.querySelector('select[name=dispositionType]');
    this.service.replaceChildren(option('', '— not chosen —'),
      ...this.taxonomy.services.map((s) => option(s.code, named(s))));
    this.service.addEventListener('change', () => this.fillCategories());
    this.category.addEventListener('change', () => this.fillTypes());
    this.fillCategories();
  }

  fillCategories() {
    const service = this.service.value;
    const categories = this.taxonomy.categories.filter((c) => service && c.code.startsWith(`${service}.`));
    this.category.replaceChildren(...categories.map((c) => option(c.code, named(c))));
    this.category.disabled = categories.length === 0;
    this.fillTypes();
  }

  fillTypes() {
    const types = this.taxonomy.types.filter((t) => t.category === this.category.value);
    this.type.replaceChildren(...types.map((t) => option(t.code, named(t))));
    this.type.disabled = types.length === 0;
  }

  /** The chosen type code, or undefined when the operator chose none. */
  value() { return this.type.disabled || !this.type.value ? undefined : this.type.value; }
}
