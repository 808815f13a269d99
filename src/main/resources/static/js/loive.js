// Lối Về: the little the pages need beyond htmx. No inline script or style anywhere (strict CSP):
// behaviour is declared with data- attributes and wired here.
(function () {
  'use strict';

  // Conditional fields: a field with data-shown-when="<id of the controlling field>" and
  // data-shown-values="A,B" is shown, and submitted, only while the controlling field has one of the values.
  function controllingValue(id) {
    var checked = document.querySelector('[id^="' + id + '-"]:checked');
    if (checked) { return checked.value; }
    var input = document.getElementById(id);
    return input ? input.value : null;
  }

  function refreshConditions(root) {
    (root || document).querySelectorAll('[data-shown-when]').forEach(function (field) {
      var values = (field.getAttribute('data-shown-values') || '').split(',');
      var shown = values.indexOf(controllingValue(field.getAttribute('data-shown-when'))) >= 0;
      field.hidden = !shown;
      field.querySelectorAll('input, select, textarea').forEach(function (input) { input.disabled = !shown; });
    });
  }

  // Repeated groups (accompanying minors): a button adds an item from the group's <template>.
  function addItem(button) {
    var id = button.getAttribute('data-repeat-add');
    var template = document.getElementById(id + '-template');
    var items = document.getElementById(id + '-items');
    var index = parseInt(button.getAttribute('data-next-index') || '0', 10);
    button.setAttribute('data-next-index', String(index + 1));
    var html = template.innerHTML.split('__i__').join(String(index));
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var item = holder.firstElementChild;
    items.appendChild(item);
    var first = item.querySelector('input, select, textarea');
    if (first) { first.focus(); }
    refreshConditions(item);
  }

  // A second step before anything that cannot be undone: data-confirm="question" on a form.
  function confirmSubmit(event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }

  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-repeat-add]');
    if (add) { event.preventDefault(); addItem(add); return; }
    var remove = event.target.closest('[data-repeat-remove]');
    if (remove) { event.preventDefault(); remove.closest('.item').remove(); return; }
    var print = event.target.closest('[data-print]');
    if (print) { event.preventDefault(); window.print(); }
  });
  document.addEventListener('change', function () { refreshConditions(); });
  document.addEventListener('submit', confirmSubmit, true);
  document.addEventListener('DOMContentLoaded', function () { refreshConditions(); });
  document.addEventListener('htmx:afterSwap', function (event) { refreshConditions(event.target); });
  // htmx: CSRF token of the page on every request it sends.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { event.detail.headers[header.content] = token.content; }
  });
})();
