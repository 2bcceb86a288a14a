// The citizen pages' language choice (track, monitoring, transparency), in one place: the six
// citizen languages (ko en zh ja vi mn) with their names and date locales, the starting language
// (?lang=, else the page's last choice, else the browser's language when the page speaks it and
// wants it, else Korean) and the <select> that changes it and remembers the choice per page.
'use strict';
window.LanguageSelect = (() => {
  const LANGUAGES = [['ko', '한국어', 'ko-KR'], ['en', 'English', 'en-GB'], ['zh', '中文', 'zh-CN'],
    ['ja', '日本語', 'ja-JP'], ['vi', 'Tiếng Việt', 'vi-VN'], ['mn', 'Монгол', 'mn-MN']];

  /**
   * The language to start in; {@code texts} holds the page's texts by language code. A page that
   * starts in Korean whatever the browser says (the city's public figures) passes fromBrowser false.
   */
  function start(storageKey, texts, fromBrowser = true) {
    const asked = new URLSearchParams(location.search).get('lang') || localStorage.getItem(storageKey)
      || (fromBrowser ? (navigator.language || 'ko').slice(0, 2) : 'ko');
    return texts[asked] ? asked : 'ko';
  }

  /** Fills {@code select} with the languages (each option in its own language) and calls onChange(code). */
  function wire(select, storageKey, current, onChange) {
    for (const [code, name] of LANGUAGES) {
      const option = new Option(name, code);
      option.lang = code;
      select.append(option);
    }
    select.value = current;
    select.addEventListener('change', () => {
      localStorage.setItem(storageKey, select.value);
      onChange(select.value);
    });
  }

  /** The date locale of a language code. */
  const locale = code => (LANGUAGES.find(l => l[0] === code) || LANGUAGES[0])[2];

  return { LANGUAGES, start, wire, locale };
})();
