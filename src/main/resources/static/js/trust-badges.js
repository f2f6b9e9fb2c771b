// Trust guarantee (信任购) badges for pages of modules that must not depend on trust (catalog, live): every element
// with data-trust-shop="<shop id>" or data-trust-product="<product id>" gets the badge when the shop holds the
// guarantees, with the guarantees and what they mean in a disclosure and a tooltip, from the public
// GET /api/shops/{id}/guarantees (in the reader's language). A shop without them shows nothing.
(function () {
  'use strict';

  var api = (document.documentElement.dataset.apiBase || '/api').replace(/\/$/, '');
  var shops = {};
  var products = {};

  function json(url) {
    return fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'}).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ' answered ' + response.status);
      }
      return response.json();
    });
  }

  function guaranteesOfShop(shopId) {
    if (!shops[shopId]) {
      shops[shopId] = json(api + '/shops/' + encodeURIComponent(shopId) + '/guarantees');
    }
    return shops[shopId];
  }

  function shopOfProduct(productId) {
    if (!products[productId]) {
      products[productId] = json(api + '/products/' + encodeURIComponent(productId)).then(function (p) { return p.shopId; });
    }
    return products[productId];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function badge(answer) {
    var details = element('details', 'trust-badge');
    details.dataset.shopId = answer.shopId;
    var summary = element('summary', 'badge trust', answer.badge);
    summary.title = [answer.explanation].concat(answer.guarantees.map(function (g) {
      return g.name + ': ' + g.explanation;
    })).join('\n');
    details.appendChild(summary);
    var panel = element('div', 'trust-explanation');
    panel.appendChild(element('p', null, answer.explanation));
    var list = element('ul', 'trust-guarantees');
    answer.guarantees.forEach(function (g) {
      var item = element('li', 'trust-guarantee');
      item.dataset.code = g.code;
      item.appendChild(element('strong', null, g.name));
      item.appendChild(document.createTextNode(' ' + g.explanation));
      list.appendChild(item);
    });
    panel.appendChild(list);
    details.appendChild(panel);
    return details;
  }

  function fill(slot) {
    if (slot.dataset.trustDone) {
      return;
    }
    slot.dataset.trustDone = 'pending';
    var shopId = slot.dataset.trustShop
      ? Promise.resolve(slot.dataset.trustShop)
      : shopOfProduct(slot.dataset.trustProduct);
    shopId.then(guaranteesOfShop).then(function (answer) {
      slot.textContent = '';
      if (answer.guaranteed) {
        slot.appendChild(badge(answer));
      }
      slot.dataset.trustDone = answer.guaranteed ? 'guaranteed' : 'none';
    }).catch(function () {
      slot.dataset.trustDone = 'failed'; // no badge is the honest answer when we cannot tell
    });
  }

  /** Fills every badge slot under root (the whole page by default); room.js calls it after redrawing the shelf. */
  function render(root) {
    (root || document).querySelectorAll('[data-trust-shop], [data-trust-product]').forEach(fill);
  }

  window.LaotieTrustBadges = {render: render};
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { render(); });
  } else {
    render();
  }
})();
