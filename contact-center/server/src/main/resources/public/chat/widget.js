// Embeds the OneNumber chat in any page: <script src="https://city.example/chat/widget.js" defer></script>
// Adds a "Chat" button; it opens the chat in a framed panel, and Escape or the button closes it.
(() => {
  const origin = new URL(document.currentScript.src).origin;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Chat · 상담';
  button.setAttribute('aria-expanded', 'false');
  button.style.cssText = 'position:fixed;right:1rem;bottom:1rem;z-index:2147483000;padding:.75rem 1rem;'
    + 'background:#0b57d0;color:#fff;border:0;border-radius:2rem;font:inherit;cursor:pointer';
  const frame = document.createElement('iframe');
  frame.title = 'OneNumber chat';
  frame.hidden = true;
  frame.style.cssText = 'position:fixed;right:1rem;bottom:4.5rem;width:min(26rem,calc(100vw - 2rem));'
    + 'height:min(40rem,calc(100vh - 6rem));border:1px solid #767676;border-radius:.5rem;background:#fff;z-index:2147483000';
  const toggle = (open) => {
    if (open && !frame.src) frame.src = `${origin}/chat/`;
    frame.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) frame.focus(); else button.focus();
  };
  button.addEventListener('click', () => toggle(frame.hidden));
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !frame.hidden) toggle(false); });
  document.body.append(frame, button);
})();
