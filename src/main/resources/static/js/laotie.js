// The few things the browser does on its own; everything else is plain forms and links (htmx where it helps).
// Loaded as a file because the content security policy allows no inline scripts.
(function () {
  'use strict';

  // Forms that undo something ask first: <form data-confirm="Delete this address?">
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // "Add a row" on the product form copies the last SKU row with the next index, so a merchant can list more
  // options than the rows the page offered. Without JavaScript the button stays hidden and the spare rows do.
  function addRow(button) {
    var body = document.getElementById(button.dataset.addRow);
    var rows = body ? body.querySelectorAll('tr') : [];
    if (rows.length === 0 || rows.length >= 50) {
      return;
    }
    var last = rows[rows.length - 1];
    var copy = last.cloneNode(true);
    var next = rows.length;
    copy.querySelectorAll('.field-error').forEach(function (error) { error.remove(); });
    copy.querySelectorAll('input').forEach(function (input) {
      input.name = input.name.replace(/\[\d+\]/, '[' + next + ']');
      if (input.id) {
        input.id = input.id.replace(/\d+/, String(next));
      }
      input.value = '';
      input.classList.remove('invalid');
    });
    body.appendChild(copy);
    var first = copy.querySelector('input');
    if (first) {
      first.focus();
    }
  }

  document.querySelectorAll('[data-add-row]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { addRow(button); });
  });
})();
