// The console's own script: CSRF header on htmx requests, and copy buttons. Pages run no inline script.
(function () {
  'use strict';

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    const header = meta('csrf-header');
    const token = meta('csrf-token');
    if (header && token && event.detail.verb !== 'get') {
      event.detail.headers[header] = token;
    }
  });

  document.addEventListener('click', function (event) {
    const button = event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    const source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      const label = button.textContent;
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = label; }, 1500);
    });
  });
})();
