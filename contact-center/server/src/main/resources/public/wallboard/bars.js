// A horizontal bar chart drawn into an <svg role="img"> (its <figcaption> names it; the same figures
// are always in a table beside it): one row per item, its label, a bar as long as value / max of
// 400 units, and the value's text after the bar. Used by welfare.html and happy-calls.html.
window.OneNumberBars = (function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  const ROW = 28;

  function element(name, attributes, text) {
    const el = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([k, v]) => el.setAttribute(k, String(v)));
    if (text !== undefined) el.textContent = text;
    return el;
  }

  /** items: [{label, value, text}]; max: the value of a full bar; labelWidth: room for the labels. */
  function draw(svg, items, max, labelWidth) {
    const height = items.length * ROW + 4;
    svg.setAttribute('viewBox', '0 0 600 ' + height);
    svg.setAttribute('height', String(height));
    svg.replaceChildren(...items.flatMap((item, i) => {
      const y = i * ROW;
      const width = 400 * item.value / Math.max(max, 1e-9);
      return [element('text', {x: 0, y: y + 18}, item.label),
        element('rect', {x: labelWidth, y: y + 4, height: 18, width: Math.max(1, width), class: 'bar'}),
        element('text', {x: labelWidth + 6 + width, y: y + 18}, item.text)];
    }));
  }

  return {draw};
})();
