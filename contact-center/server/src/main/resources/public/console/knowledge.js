// The knowledge panel: search as you type, facets, highlighted snippets, suggestions for the
// citizen's latest message, and one click to insert an answer into the reply.
import { get } from './api.js';

/**
 * The text of an HTML-escaped fragment (&amp;, &#x27;, ...) with any tags dropped. DOMParser
 * documents run no scripts and load nothing; only textContent is taken.
 */
function text(fragment) {
  return new DOMParser().parseFromString(fragment, 'text/html').documentElement.textContent;
}

/** Builds DOM nodes from a snippet whose only markup is highlight tags; everything else is text. */
export function highlighted(snippet) {
  const parts = String(snippet ?? '').split(/<\/?(?:b|em|mark|strong)>/i);
  return parts.map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(text(part));
    return Object.assign(document.createElement('mark'), { textContent: text(part) });
  });
}

/** The snippet as plain text, for the reply box. */
export function plain(snippet) {
  return text(String(snippet ?? ''));
}

export class KnowledgePanel {
  constructor(root, language, insert) {
    this.root = root;
    this.language = language;
    this.insert = insert;
    this.filters = {};
    this.timer = null;
    this.lastSuggestedFor = null;
    const input = root.querySelector('input[name=q]');
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.search(input.value), 200);
    });
    root.querySelector('form.search').addEventListener('submit', (e) => { e.preventDefault(); this.search(input.value); });
    this.input = input;
  }

  async search(q) {
    const query = q.trim();
    const results = this.root.querySelector('.results');
    if (!query) { results.replaceChildren(); return; }
    const params = new URLSearchParams({ q: query, lang: this.language, ...this.filters });
    try {
      const [data, suggest] = await Promise.all([
        get(`/api/v1/answers/search?${params}`),
        get(`/api/v1/answers/suggest?${new URLSearchParams({ q: query, lang: this.language })}`).catch(() => null),
      ]);
      this.root.querySelector('.result-count').textContent = `${data.total ?? 0} answers`;
      results.replaceChildren(...(data.hits ?? []).map((hit) => this.item(hit)));
      this.facets(data.facets ?? {}, query);
      this.suggestList(suggest);
    } catch (e) {
      this.root.querySelector('.result-count').textContent = `Search unavailable (${e.message})`;
    }
  }

  suggestList(data) {
    const list = this.root.querySelector('.suggest-list');
    const items = Array.isArray(data) ? data : (data?.suggestions ?? data?.items ?? []);
    list.replaceChildren(...items.slice(0, 5).map((s) => {
      const label = typeof s === 'string' ? s : (s.text ?? s.title ?? '');
      const button = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary small', textContent: label });
      button.addEventListener('click', () => { this.input.value = label; this.search(label); });
      const li = document.createElement('li');
      li.append(button);
      return li;
    }));
  }

  facets(facets, query) {
    const box = this.root.querySelector('.facets');
    const buttons = [];
    for (const [name, values] of Object.entries(facets)) {
      const entries = Array.isArray(values) ? values.map((v) => [v.value ?? v.label, v.count]) : Object.entries(values);
      for (const [value, count] of entries.slice(0, 6)) {
        const active = this.filters[name] === value;
        const button = Object.assign(document.createElement('button'), {
          type: 'button', className: 'secondary small', textContent: `${value} (${count})`,
        });
        button.setAttribute('aria-pressed', String(active));
        button.addEventListener('click', () => {
          if (active) delete this.filters[name]; else this.filters[name] = value;
          this.search(query);
        });
        buttons.push(button);
      }
    }
    box.replaceChildren(...buttons);
  }

  item(hit) {
    const li = document.createElement('li');
    const title = Object.assign(document.createElement('strong'), { textContent: hit.title });
    const meta = Object.assign(document.createElement('span'), { className: 'muted', textContent: ` · ${hit.department ?? ''} ${hit.category ?? ''}` });
    const snippet = document.createElement('div');
    snippet.append(...highlighted(hit.snippet));
    const insert = Object.assign(document.createElement('button'), { type: 'button', className: 'small insert', textContent: 'Insert' });
    insert.setAttribute('aria-label', `Insert answer: ${hit.title}`);
    insert.addEventListener('click', () => this.insert(plain(hit.snippet)));
    li.append(title, meta, snippet, insert);
    return li;
  }

  /** Suggests answers for the citizen's latest message (once per message). */
  async suggestFor(message) {
    if (!message || message === this.lastSuggestedFor) return;
    this.lastSuggestedFor = message;
    const list = this.root.querySelector('.suggestions');
    try {
      const data = await get(`/api/v1/answers/search?${new URLSearchParams({ q: message, lang: this.language })}`);
      list.replaceChildren(...(data.hits ?? []).slice(0, 3).map((hit) => this.item(hit)));
    } catch (e) {
      list.replaceChildren(Object.assign(document.createElement('li'), { className: 'muted', textContent: 'No suggestions available.' }));
    }
  }
}
