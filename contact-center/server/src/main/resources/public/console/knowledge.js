// The knowledge panel: search as you type, facets, highlighted snippets, suggestions for the
// citizen's latest message, and one click to insert an answer into the reply.
import { get, post } from './api.js';
import { languageName } from './names.js';

const I = window.I18N;

/**
 * The snippet parsed once as the body of an inert document (DOMParser runs no scripts and loads
 * nothing). Parsing it whole keeps the spaces around highlights: a fragment parsed on its own
 * loses its leading white space ("needs<b>a</b> permit" came out as "needsa permit").
 */
function parse(snippet) {
  return new DOMParser().parseFromString(`<!doctype html><body>${String(snippet ?? '')}`, 'text/html').body;
}

const HIGHLIGHT = new Set(['B', 'EM', 'MARK', 'STRONG']);

/** DOM nodes for a snippet whose only markup is highlight tags; everything else becomes text. */
export function highlighted(snippet) {
  return [...parse(snippet).childNodes].map((node) => (node.nodeType === Node.ELEMENT_NODE && HIGHLIGHT.has(node.tagName)
    ? Object.assign(document.createElement('mark'), { textContent: node.textContent })
    : document.createTextNode(node.textContent)));
}

/** The snippet as plain text, for the reply box. */
export function plain(snippet) {
  return parse(snippet).textContent;
}

/** Hits of several languages' searches, the first language's first, each answer once. */
export function merged(results) {
  const seen = new Set();
  const hits = [];
  for (const r of results) for (const hit of r?.hits ?? []) if (!seen.has(hit.id)) { seen.add(hit.id); hits.push(hit); }
  return hits;
}

export class KnowledgePanel {
  /**
   * @param languages the conversation's language first, then the operator's other languages
   * @param insert called with the text and the hit when the operator inserts an answer
   */
  constructor(root, languages, insert) {
    this.root = root;
    this.languages = [...new Set(languages.filter(Boolean))];
    this.language = this.languages[0];
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
    try {
      const [suggest, ...all] = await Promise.all([
        get(`/api/v1/answers/suggest?${new URLSearchParams({ q: query, lang: this.language })}`).catch(() => null),
        ...this.languages.map((lang) => get(`/api/v1/answers/search?${new URLSearchParams({ q: query, lang, ...this.filters })}`)
          .catch(() => null)),
      ]);
      if (all.every((r) => r === null)) throw new Error('no answer');
      const hits = merged(all);
      this.root.querySelector('.result-count').textContent = I.fill('answers', { n: hits.length, languages: this.languages.map(languageName).join(', ') });
      results.replaceChildren(...hits.map((hit) => this.item(hit)));
      this.facets(all.find((r) => r)?.facets ?? {}, query);
      this.suggestList(suggest);
    } catch (e) {
      this.root.querySelector('.result-count').textContent = I.fill('searchUnavailable', { why: e.message });
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
    const insert = Object.assign(document.createElement('button'), { type: 'button', className: 'small insert', textContent: I.t('insert') });
    insert.setAttribute('aria-label', I.fill('insertLabel', { title: hit.title }));
    insert.addEventListener('click', () => this.insert(plain(hit.snippet), hit));
    li.append(title, meta, snippet, insert);
    return li;
  }

  /** Suggests answers for the citizen's latest message (once per message). */
  async suggestFor(message) {
    if (!message || message === this.lastSuggestedFor) return;
    this.lastSuggestedFor = message;
    const list = this.root.querySelector('.suggestions');
    try {
      // The citizen's words without function words, in the conversation's language first; nothing
      // rather than noise when no answer is relevant enough (the server's relevance floor).
      // The message goes in the body, never the URL: proxies and access logs record URLs.
      const languages = this.languages.filter((l) => l !== this.language);
      const data = await post('/api/v1/answers/suggestions', { message, lang: this.language, languages, limit: 3 });
      const items = data.items ?? [];
      list.replaceChildren(...(items.length ? items.map((hit) => this.item(hit))
        : [Object.assign(document.createElement('li'), { className: 'muted', textContent: I.t('noSuggestion') })]));
    } catch (e) {
      list.replaceChildren(Object.assign(document.createElement('li'), { className: 'muted', textContent: I.t('noSuggestions') }));
    }
  }
}
