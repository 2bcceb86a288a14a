// The staff pages' language (the wallboard family and the operator console): the six citizen
// languages, chosen as on /chat/ and /track/ (/shared/language-select.js: ?lang=, else the last
// choice in localStorage 'onenumber.lang', shared by the staff pages, else the browser's language,
// else Korean) with the page's <select id="lang">. The texts are one catalogue per language; the
// script tag names where they are: <script src="/shared/i18n.js" data-texts="texts/"> loads
// texts/<code>.js, which sets window.PageTexts[code]. Only the chosen language's catalogue is
// loaded: written into the page right after this script (document.write of a same-origin script,
// so it runs before the page's own scripts), and another one on demand when the choice changes.
// window.I18N.apply(root) fills every element (of the page, or of root) with data-i18n (text) and data-i18n-label (aria-label) and
// sets <html lang>; fill(key, values) puts values into a text's {placeholders}; has(key) asks
// without recording; onChange(fn) runs fn after the choice changes; locale(), number(), time(),
// date() and dateTime() format in the chosen language with Intl. A key missing in the chosen
// language shows as the key and is recorded (missing()); gaps() loads every catalogue and answers
// (a Promise) every key a language lacks against Korean, the reference: the browser tests fail on either.
window.I18N = (function () {
  'use strict';
  const STORAGE_KEY = 'onenumber.lang';
  const base = document.currentScript.dataset.texts;
  const codes = Object.fromEntries(window.LanguageSelect.LANGUAGES.map(([code]) => [code, true]));
  const texts = () => (window.PageTexts = window.PageTexts || {});
  let lang = window.LanguageSelect.start(STORAGE_KEY, codes);
  document.documentElement.lang = lang;
  document.write('<script src="' + base + lang + '.js"><\/script>');
  const listeners = [];
  const missing = new Set();

  /** Loads a language's catalogue once (after the page's start: a script element). */
  function load(code) {
    if (texts()[code]) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src: base + code + '.js' });
      script.onload = resolve;
      script.onerror = () => reject(new Error('no catalogue for ' + code));
      document.head.append(script);
    });
  }

  const has = key => texts()[lang] != null && texts()[lang][key] != null;

  function t(key) {
    if (has(key)) return texts()[lang][key];
    missing.add(lang + ':' + key);
    return key;
  }

  /** The text of {@code key} with each {name} replaced by values[name]. */
  const fill = (key, values) => Object.entries(values).reduce((text, [k, v]) => text.replace('{' + k + '}', v), t(key));

  /** Writes the texts into the page, or into {@code root} only (a part just made from a template). */
  function apply(root) {
    document.documentElement.lang = lang;
    const within = root || document;
    within.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    within.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  }

  function onChange(fn) { listeners.push(fn); }

  const locale = () => window.LanguageSelect.locale(lang);
  const number = (value, options) => new Intl.NumberFormat(locale(), options).format(value);
  // Mongolia reads the clock in 24 hours, but Chromium's ICU data for mn-MN says AM/PM: asked for here.
  const clock = () => (lang === 'mn' ? { hourCycle: 'h23' } : {});
  const time = at => new Date(at).toLocaleTimeString(locale(), clock());
  const date = at => new Date(at).toLocaleDateString(locale());
  const dateTime = at => new Date(at).toLocaleString(locale(), clock());

  /** Every key some language lacks against Korean, as "code:key" (a Promise: it loads every catalogue). */
  function gaps() {
    return Promise.all(Object.keys(codes).map(load)).then(() => {
      const reference = Object.keys(texts().ko);
      return Object.keys(codes).flatMap(code => reference.filter(key => texts()[code][key] == null).map(key => code + ':' + key));
    });
  }

  /** Switches to {@code code} once its catalogue is here: texts, <html lang>, then the listeners. */
  function choose(code) {
    return load(code).then(() => {
      lang = code;
      apply();
      listeners.forEach(fn => fn(code));
    });
  }

  // The selector: now when the page put this script after it, else once the page is parsed.
  function wire() {
    const select = document.getElementById('lang');
    if (select) window.LanguageSelect.wire(select, STORAGE_KEY, lang, choose);
  }
  if (document.getElementById('lang')) wire(); else document.addEventListener('DOMContentLoaded', wire);

  return { t, has, fill, apply, onChange, locale, number, time, date, dateTime, gaps,
    missing: () => [...missing], get lang() { return lang; } };
})();
