// The wallboard family's language (issue 11): the six citizen languages, chosen as on /chat/ and /track/
// (/shared/language-select.js: ?lang=, else the family's last choice in localStorage 'onenumber.lang',
// else the browser's language, else Korean) with the <select id="lang"> of each page. The texts are one
// catalogue, texts/<code>.js (window.WallboardTexts; Korean is the reference: every language has its
// keys; prefixes cp_, hc_, wf_, mo_ are the campaign, Happy-call, welfare and monitoring pages').
// window.I18N.apply() fills every element with data-i18n (text) and data-i18n-label (aria-label) and
// sets <html lang>; fill(key, values) puts values into a text's {placeholders}; onChange(fn) runs fn
// after the choice changes; locale(), number() and time() format in the chosen language with Intl.
// A key missing in the chosen language shows as the key and is recorded (missing()), and gaps() lists
// every key a language lacks: the browser test fails on either.
window.I18N = (function () {
  'use strict';
  const STORAGE_KEY = 'onenumber.lang';
  const texts = window.WallboardTexts;
  let lang = window.LanguageSelect.start(STORAGE_KEY, texts);
  document.documentElement.lang = lang;
  const listeners = [];
  const missing = new Set();

  function t(key) {
    const text = texts[lang][key];
    if (text != null) return text;
    missing.add(lang + ':' + key);
    return key;
  }

  /** The text of {@code key} with each {name} replaced by values[name]. */
  const fill = (key, values) => Object.entries(values).reduce((text, [k, v]) => text.replace('{' + k + '}', v), t(key));

  function apply() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  }

  function onChange(fn) { listeners.push(fn); }

  const locale = () => window.LanguageSelect.locale(lang);
  const number = (value, options) => new Intl.NumberFormat(locale(), options).format(value);
  const time = at => new Date(at).toLocaleTimeString(locale());

  /** Every key some language lacks against Korean, as "code:key". */
  function gaps() {
    const reference = Object.keys(texts.ko);
    return Object.keys(texts).flatMap(code => reference.filter(key => texts[code][key] == null).map(key => code + ':' + key));
  }

  const select = document.getElementById('lang');
  if (select) {
    window.LanguageSelect.wire(select, STORAGE_KEY, lang, code => {
      lang = code;
      apply();
      listeners.forEach(fn => fn(code));
    });
  }

  return { t, fill, apply, onChange, locale, number, time, gaps, missing: () => [...missing], get lang() { return lang; } };
})();
