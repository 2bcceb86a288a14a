// The operator's disposition: the contact's category in the city's tree (service → category →
// type), sent with the wrap-up or the close so the analysis uses the operator's choice instead of
// the classifier's guess. Three native selects, so it works by keyboard alone; no choice sends none.
import { named, refill } from './names.js';

const I = window.I18N;

export class Disposition {
  constructor(fieldset, taxonomy) {
    this.taxonomy = taxonomy ?? { services: [], categories: [], types: [] };
    this.service = fieldset.querySelector('select[name=dispositionService]');
    this.category = fieldset.querySelector('select[name=dispositionCategory]');
    this.type = fieldset.querySelector('select[name=dispositionType]');
    this.service.addEventListener('change', () => this.fillCategories());
    this.category.addEventListener('change', () => this.fillTypes());
    this.translate();
  }

  /** The tree's names in the operator's language (again when it changes; the choices stay). */
  translate() {
    refill(this.service, [['', I.t('notChosen')], ...this.taxonomy.services.map((s) => [s.code, named(s)])]);
    this.fillCategories();
  }

  fillCategories() {
    const service = this.service.value;
    const categories = this.taxonomy.categories.filter((c) => service && c.code.startsWith(`${service}.`));
    refill(this.category, categories.map((c) => [c.code, named(c)]));
    this.category.disabled = categories.length === 0;
    this.fillTypes();
  }

  fillTypes() {
    const types = this.taxonomy.types.filter((t) => t.category === this.category.value);
    refill(this.type, types.map((t) => [t.code, named(t)]));
    this.type.disabled = types.length === 0;
  }

  /** The chosen type code, or undefined when the operator chose none. */
  value() { return this.type.disabled || !this.type.value ? undefined : this.type.value; }
}
