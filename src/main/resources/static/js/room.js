// The live room in the browser. The server draws the room as it is when the page loads; this keeps it live over the
// room channel (/ws/rooms/{id}: comments, likes, viewers, purchases, shelf changes, flash sales), sends comments and
// batched likes,
// follows and joins the fan club, and buys a shelf item through the order API without leaving the room.
// Every word shown comes from #room-texts, drawn by the server in the reader's language.
(function () {
  'use strict';

  var room = document.getElementById('room');
  var textsElement = document.getElementById('room-texts');
  if (!room || !textsElement) {
    return;
  }
  var texts = textsElement.dataset;

  var LIKES_PER_FRAME = 100;   // the server refuses more in one frame
  var LIKE_FLUSH_MILLIS = 500;
  var PING_MILLIS = 25000;
  var MAX_CHAT_LINES = 200;
  var MAX_BACKOFF_MILLIS = 30000;

  var sessionId = room.dataset.sessionId;
  var creatorId = room.dataset.creatorId;
  var signedIn = room.dataset.signedIn === 'true';
  var status = room.dataset.status;
  var links = {
    socket: room.dataset.socketPath,
    api: room.dataset.apiBase,
    orders: room.dataset.ordersBase,
    products: room.dataset.productsBase,
    wallet: room.dataset.walletUrl,
    addresses: room.dataset.addressesUrl,
    login: texts.loginUrl
  };

  function byId(id) {
    return document.getElementById(id);
  }

  function format(template, args) {
    return String(template || '').replace(/\{(\d+)\}/g, function (match, index) {
      var value = args[Number(index)];
      return value === null || value === undefined ? '' : String(value);
    });
  }

  /** Fen to "¥39.90", exactly, without floating point. */
  function yuan(fen) {
    var amount = Math.round(Number(fen) || 0);
    var sign = amount < 0 ? '-' : '';
    amount = Math.abs(amount);
    var cents = amount % 100;
    return sign + '¥' + Math.floor(amount / 100) + '.' + (cents < 10 ? '0' : '') + cents;
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

  function link(href, text, className) {
    var a = element('a', className, text);
    a.href = href;
    return a;
  }

  function capitalised(code) {
    return String(code).replace(/(^|-)([a-z])/g, function (match, dash, letter) {
      return letter.toUpperCase();
    });
  }

  // ---- Status ---------------------------------------------------------------------------------------------------

  var ended = status === 'ENDED' || status === 'CANCELLED';

  /** The room is on: live, or interrupted while the creator reconnects (viewers still like and buy). */
  function onAir() {
    return status === 'LIVE' || status === 'INTERRUPTED';
  }

  /** Shows the session's state; player.js hears it as a 'room-status' event and plays or stops the video. */
  function setStatus(next, playbackUrl) {
    if (!next) {
      return;
    }
    status = next;
    room.dataset.status = next;
    ended = ended || next === 'ENDED' || next === 'CANCELLED';
    var label = byId('room-status');
    if (label) {
      label.textContent = texts['status' + capitalised(next.toLowerCase())] || next;
      label.className = 'live-status live-' + next;
      label.dataset.status = next;
    }
    var message = byId('player-message');
    if (message) {
      if (next === 'LIVE') {
        message.hidden = true;
      } else if (next === 'INTERRUPTED') {
        message.textContent = texts.interrupted;
        message.hidden = false;
      } else if (next === 'ENDED' || next === 'CANCELLED') {
        message.textContent = texts.ended;
        message.hidden = false;
      }
    }
    var like = byId('like-button');
    if (like && like.tagName === 'BUTTON') {
      like.disabled = !onAir();
    }
    updateBuyButtons();
    room.dispatchEvent(new CustomEvent('room-status', {detail: {status: next, playbackUrl: playbackUrl || null}}));
  }

  // ---- Notices --------------------------------------------------------------------------------------------------

  var noticeTimer = null;

  function showNotice(text, detail, sticky) {
    var notice = byId('room-notice');
    if (!notice) {
      return;
    }
    notice.textContent = text;
    notice.title = detail || '';
    notice.hidden = false;
    clearTimeout(noticeTimer);
    if (!sticky) {
      noticeTimer = setTimeout(function () { notice.hidden = true; }, 6000);
    }
  }

  function hideNotice() {
    var notice = byId('room-notice');
    if (notice) {
      notice.hidden = true;
    }
  }

  // ---- Chat -----------------------------------------------------------------------------------------------------

  var chatList = byId('chat-list');

  function addLine(line) {
    if (!chatList) {
      return;
    }
    var empty = byId('chat-empty');
    if (empty) {
      empty.remove();
    }
    var atBottom = chatList.scrollHeight - chatList.scrollTop - chatList.clientHeight < 40;
    chatList.appendChild(line);
    while (chatList.children.length > MAX_CHAT_LINES) {
      chatList.removeChild(chatList.firstElementChild);
    }
    if (atBottom) {
      chatList.scrollTop = chatList.scrollHeight;
    }
  }

  function commentLine(frame) {
    var line = element('li', 'comment' + (frame.creator ? ' from-creator' : ''));
    if (frame.creator) {
      line.appendChild(element('span', 'creator-tag', texts.creator));
    }
    if (frame.badge && frame.badge.club) {
      line.appendChild(element('span', 'fan-badge', frame.badge.club + ' Lv' + frame.badge.level));
    }
    line.appendChild(element('span', 'author', frame.author));
    line.appendChild(document.createTextNode(' '));
    line.appendChild(element('span', 'text', frame.text));
    return line;
  }

  function eventLine(text, className) {
    addLine(element('li', 'room-event ' + className, text));
  }

  function replaceComments(comments) {
    if (!chatList) {
      return;
    }
    chatList.querySelectorAll('.comment').forEach(function (line) { line.remove(); });
    (comments || []).forEach(function (comment) { addLine(commentLine(comment)); });
  }

  var chatForm = byId('chat-form');
  if (chatForm) {
    chatForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var input = byId('chat-input');
      var text = input.value.trim();
      if (!text) {
        return;
      }
      if (send({type: 'comment', text: text})) {
        input.value = '';
      } else {
        showNotice(texts.reconnecting);
      }
    });
  }

  // ---- Counts and likes -----------------------------------------------------------------------------------------

  var likeCount = byId('like-count');
  var shownLikes = Number(likeCount ? likeCount.textContent : 0) || 0;
  var pendingLikes = 0;

  /** Likes only grow: the display never goes back while our own taps are on their way. */
  function showLikes(total, exact) {
    shownLikes = exact ? total + pendingLikes : Math.max(shownLikes, total + pendingLikes);
    if (likeCount) {
      likeCount.textContent = String(shownLikes);
    }
  }

  var likeButton = byId('like-button');
  if (likeButton && likeButton.tagName === 'BUTTON') {
    likeButton.addEventListener('click', function () {
      if (!onAir()) {
        return;
      }
      pendingLikes++;
      shownLikes++;
      likeCount.textContent = String(shownLikes);
      likeButton.classList.remove('pulse');
      void likeButton.offsetWidth; // restart the animation
      likeButton.classList.add('pulse');
    });
    setInterval(function () {
      if (pendingLikes > 0) {
        var count = Math.min(pendingLikes, LIKES_PER_FRAME);
        if (send({type: 'like', count: count})) {
          pendingLikes -= count;
        }
      }
    }, LIKE_FLUSH_MILLIS);
  }

  function showViewers(count) {
    var viewers = byId('viewer-count');
    if (viewers) {
      viewers.textContent = String(count);
    }
  }

  // ---- Shelf ----------------------------------------------------------------------------------------------------

  var shelf = byId('shelf');
  var buying = {};

  function buyControl(item, sku) {
    if (!signedIn && !(sku.available > 0)) {
      return element('span', 'sold-out-label', texts.soldOut);
    }
    if (!signedIn) {
      var login = link(links.login, texts.signIn, 'button small secondary buy-button');
      login.id = 'buy-' + sku.skuId;
      return login;
    }
    var button = element('button', 'small buy-button');
    button.type = 'button';
    button.id = 'buy-' + sku.skuId;
    button.dataset.skuId = sku.skuId;
    button.dataset.itemId = item.id;
    button.dataset.available = String(sku.available);
    return button;
  }

  function shelfItem(item) {
    var line = element('li', 'shelf-item' + (item.explaining ? ' explaining' : ''));
    line.id = 'shelf-item-' + item.id;
    line.dataset.itemId = item.id;
    line.dataset.productId = item.productId;
    var image = element('img', 'shelf-image');
    image.alt = '';
    image.src = item.imageUrl || texts.placeholder;
    line.appendChild(image);

    var body = element('div', 'shelf-body');
    var title = element('h3', 'shelf-title');
    title.appendChild(element('span', 'shelf-position', item.position));
    title.appendChild(document.createTextNode(' '));
    title.appendChild(link(links.products + item.productId, item.title));
    title.appendChild(document.createTextNode(' '));
    title.appendChild(element('span', 'explaining-badge', texts.explaining));
    var trust = element('span', 'trust-badges');
    trust.dataset.trustProduct = item.productId;
    title.appendChild(document.createTextNode(' '));
    title.appendChild(trust);
    body.appendChild(title);

    var prices = element('p', 'shelf-prices');
    if (item.livePrice !== null && item.livePrice !== undefined) {
      prices.appendChild(element('span', 'label', texts.livePrice));
      prices.appendChild(document.createTextNode(' '));
      prices.appendChild(element('span', 'price live-price', yuan(item.livePrice)));
      prices.appendChild(document.createTextNode(' '));
      prices.appendChild(element('del', 'list-price', yuan(item.price)));
    } else {
      prices.appendChild(element('span', 'price', yuan(item.price)));
    }
    if (item.referencePrice > 0) {
      prices.appendChild(document.createTextNode(' '));
      prices.appendChild(element('span', 'reference', format(texts.reference, [yuan(item.referencePrice)])));
    }
    body.appendChild(prices);

    var origin = item.origin || {};
    if (origin.place) {
      var place = element('p', 'shelf-origin');
      place.appendChild(element('span', null, texts.origin));
      place.appendChild(document.createTextNode(' · '));
      place.appendChild(element('span', null, origin.place));
      body.appendChild(place);
    }
    if (origin.story) {
      body.appendChild(element('p', 'shelf-story', origin.story));
    }
    if (!item.onSale) {
      body.appendChild(element('p', 'shelf-off-sale', texts.offSale));
    } else {
      var skus = element('ul', 'shelf-skus');
      (item.skus || []).forEach(function (sku) {
        var row = element('li', 'shelf-sku');
        var live = sku.livePrice !== null && sku.livePrice !== undefined;
        row.appendChild(element('span', 'sku-name', sku.name));
        row.appendChild(document.createTextNode(' '));
        row.appendChild(element('span', 'price', yuan(live ? sku.livePrice : sku.price)));
        if (live) {
          row.appendChild(document.createTextNode(' '));
          row.appendChild(element('del', 'list-price', yuan(sku.price)));
        }
        row.appendChild(document.createTextNode(' '));
        row.appendChild(buyControl(item, sku));
        skus.appendChild(row);
      });
      body.appendChild(skus);
    }
    line.appendChild(body);
    return line;
  }

  function renderShelf(items) {
    if (!shelf) {
      return;
    }
    shelf.textContent = '';
    (items || []).forEach(function (item) { shelf.appendChild(shelfItem(item)); });
    if (window.LaotieTrustBadges) {
      window.LaotieTrustBadges.render(shelf);
    }
    var empty = byId('shelf-empty');
    if (empty) {
      empty.hidden = (items || []).length > 0;
    }
    var explaining = (items || []).filter(function (item) { return item.explaining; })[0];
    showExplaining(explaining ? explaining.id : null, explaining ? explaining.title : null);
    drawFlashSales();
  }

  function showExplaining(itemId, title) {
    if (!shelf) {
      return;
    }
    shelf.querySelectorAll('.shelf-item').forEach(function (item) {
      item.classList.toggle('explaining', itemId !== null && item.dataset.itemId === String(itemId));
    });
    var banner = byId('explaining');
    if (!banner) {
      return;
    }
    if (itemId === null || itemId === undefined) {
      banner.hidden = true;
      showReviews(null);
      return;
    }
    if (!title) {
      var titleLink = shelf.querySelector('#shelf-item-' + itemId + ' .shelf-title a');
      title = titleLink ? titleLink.textContent : '';
    }
    banner.textContent = format(texts.explainingNow, [title]);
    banner.hidden = false;
    var explained = shelf.querySelector('#shelf-item-' + itemId);
    showReviews(explained ? explained.dataset.productId : null);
  }

  // ---- The explaining item's reviews (read-only, from the trust module's public API) ------------------------------

  var reviewsShownFor = null;

  function showReviews(productId) {
    var box = byId('explaining-reviews');
    if (!box || !productId || productId === reviewsShownFor) {
      if (box && !productId) {
        box.hidden = true;
        reviewsShownFor = null;
      }
      return;
    }
    reviewsShownFor = productId;
    fetch(links.api + '/products/' + productId + '/reviews?size=3', {headers: {Accept: 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (page) {
        if (!page || reviewsShownFor !== productId) {
          return;
        }
        box.textContent = '';
        var summary = page.summary || {};
        var head = element('p', 'explaining-reviews-summary', summary.count > 0
          ? format(texts.reviews, [Number(summary.average).toFixed(1), summary.count]) : texts.reviewsNone);
        box.appendChild(head);
        var list = element('ul', 'explaining-reviews-list');
        (page.items || []).forEach(function (review) {
          var row = element('li', 'explaining-review');
          row.appendChild(element('span', 'stars', '★★★★★'.slice(0, review.rating) + '☆☆☆☆☆'.slice(0, 5 - review.rating)));
          row.appendChild(document.createTextNode(' '));
          row.appendChild(element('span', 'reviewer', review.reviewer));
          if (review.text) {
            row.appendChild(document.createTextNode(' '));
            row.appendChild(element('span', 'text', review.text));
          }
          list.appendChild(row);
        });
        box.appendChild(list);
        box.hidden = false;
      })
      .catch(function () { box.hidden = true; });
  }

  function updateBuyButtons() {
    if (!shelf) {
      return;
    }
    shelf.querySelectorAll('button.buy-button').forEach(function (button) {
      var sale = runningFlashSale(button.dataset.skuId);
      var available = sale ? sale.remaining : Number(button.dataset.available);
      if (buying[button.dataset.skuId]) {
        button.disabled = true;
        button.textContent = texts.working;
      } else if (!(available > 0)) {
        button.disabled = true;
        button.textContent = texts.soldOut;
      } else if (!onAir()) {
        button.disabled = true;
        button.textContent = texts.whenLive;
      } else {
        button.disabled = false;
        button.textContent = sale ? flashTexts.buy : texts.buy;
      }
    });
  }

  // ---- Flash sales (秒杀) ---------------------------------------------------------------------------------------

  // Times are the server's: the page says what time the server had when it drew the page, and each frame that says
  // when it was sent moves this estimate, so a browser whose clock is off still counts down to the server's start.
  var flashTexts = (byId('flash-texts') || {dataset: {}}).dataset;
  var serverOffset = Number(flashTexts.serverNow) - Date.now() || 0;
  var flashSales = {};
  var flashTimer = null;

  function serverNow() {
    return Date.now() + serverOffset;
  }

  /** m:ss, as the server draws it. */
  function minutes(millis) {
    var seconds = Math.max(0, Math.ceil(millis / 1000));
    var rest = seconds % 60;
    return Math.floor(seconds / 60) + ':' + (rest < 10 ? '0' : '') + rest;
  }

  function readFlashCards() {
    document.querySelectorAll('.flash-sale[data-flash-sale-id]').forEach(function (card) {
      var data = card.dataset;
      flashSales[data.flashSaleId] = {
        id: data.flashSaleId, shelfItemId: data.shelfItemId, skuId: data.skuId, skuName: data.skuName,
        price: Number(data.price), usualPrice: Number(data.usualPrice), quantity: Number(data.quantity),
        perBuyerLimit: Number(data.perBuyerLimit), remaining: Number(data.remaining), phase: data.phase,
        startsAt: Number(data.startsAt), endsAt: Number(data.endsAt)
      };
    });
  }

  function runningFlashSale(skuId) {
    for (var id in flashSales) {
      var sale = flashSales[id];
      if (sale.skuId === String(skuId) && (sale.phase === 'running' || sale.phase === 'sold-out')) {
        return sale;
      }
    }
    return null;
  }

  function skuName(skuId) {
    var button = byId('buy-' + skuId);
    var row = button ? button.closest('.shelf-sku') : null;
    var name = row ? row.querySelector('.sku-name') : null;
    return name ? name.textContent : '';
  }

  function flashCard(sale) {
    var card = element('div', 'flash-sale flash-sale-' + sale.phase);
    card.id = 'flash-sale-' + sale.id;
    card.dataset.phase = sale.phase;
    var offer = element('p', 'flash-sale-offer');
    offer.appendChild(element('span', 'flash-sale-label', flashTexts.label));
    [[' ', 'flash-sale-sku', sale.skuName || skuName(sale.skuId)], [' ', 'price flash-sale-price', yuan(sale.price)]]
        .forEach(function (part) {
          offer.appendChild(document.createTextNode(part[0]));
          offer.appendChild(element('span', part[1], part[2]));
        });
    offer.appendChild(document.createTextNode(' '));
    offer.appendChild(element('del', 'list-price', yuan(sale.usualPrice)));
    offer.appendChild(document.createTextNode(' '));
    offer.appendChild(element('span', 'flash-sale-limit', format(flashTexts.limit, [sale.perBuyerLimit])));
    card.appendChild(offer);

    var state = element('p', 'flash-sale-state');
    state.appendChild(element('strong', 'flash-sale-phase', phaseText(sale)));
    var remaining = element('span', 'flash-sale-remaining', remainingText(sale));
    remaining.hidden = sale.phase === 'sold-out';
    state.appendChild(document.createTextNode(' '));
    state.appendChild(remaining);
    var clock = element('span', 'flash-sale-clock', clockText(sale));
    clock.hidden = sale.phase === 'ended';
    state.appendChild(document.createTextNode(' '));
    state.appendChild(clock);
    card.appendChild(state);
    return card;
  }

  function phaseText(sale) {
    return {scheduled: flashTexts.coming, running: flashTexts.onSale, 'sold-out': flashTexts.soldOut, ended: flashTexts.ended}[sale.phase];
  }

  function remainingText(sale) {
    if (sale.phase === 'scheduled') {
      return format(flashTexts.units, [sale.quantity]);
    }
    return sale.phase === 'ended' ? format(flashTexts.sold, [sale.sold]) : format(flashTexts.left, [sale.remaining]);
  }

  function clockText(sale) {
    if (sale.phase === 'scheduled') {
      var toStart = sale.startsAt - serverNow();
      return toStart > 0 ? format(flashTexts.startsIn, [minutes(toStart)]) : flashTexts.starting;
    }
    return sale.phase === 'ended' ? '' : format(flashTexts.endsIn, [minutes(sale.endsAt - serverNow())]);
  }

  /** Puts every known sale's card on its shelf item (after the shelf was drawn again, say) and sets the buttons. */
  function drawFlashSales() {
    Object.keys(flashSales).forEach(function (id) {
      var sale = flashSales[id];
      var old = byId('flash-sale-' + id);
      if (old) {
        old.remove();
      }
      var body = shelf ? shelf.querySelector('#shelf-item-' + sale.shelfItemId + ' .shelf-body') : null;
      if (body) {
        body.insertBefore(flashCard(sale), body.querySelector('.shelf-off-sale, .shelf-skus'));
      }
    });
    updateBuyButtons();
    keepFlashClocks();
  }

  /** Counts down once a second while a sale is coming up or running. */
  function keepFlashClocks() {
    var counting = Object.keys(flashSales).some(function (id) { return flashSales[id].phase !== 'ended'; });
    if (counting && !flashTimer) {
      flashTimer = setInterval(function () {
        Object.keys(flashSales).forEach(function (id) {
          var clock = document.querySelector('#flash-sale-' + id + ' .flash-sale-clock');
          if (clock) {
            clock.textContent = clockText(flashSales[id]);
          }
        });
      }, 1000);
    } else if (!counting && flashTimer) {
      clearInterval(flashTimer);
      flashTimer = null;
    }
  }

  function onFlashSale(frame) {
    var sale = flashSales[frame.id];
    if (frame.phase === 'scheduled') {
      // sent as the countdown began: the server's time was startsAt less the countdown
      serverOffset = Date.parse(frame.startsAt) - frame.countdownSeconds * 1000 - Date.now();
      flashSales[frame.id] = {
        id: frame.id, shelfItemId: frame.shelfItemId, skuId: frame.skuId, price: frame.price, usualPrice: frame.usualPrice,
        quantity: frame.quantity, perBuyerLimit: frame.perBuyerLimit, remaining: frame.quantity, phase: 'scheduled',
        startsAt: Date.parse(frame.startsAt), endsAt: Date.parse(frame.endsAt)
      };
    } else if (!sale) {
      return; // a sale this page never heard of; loadFlashSales brings it on the next hello
    } else if (frame.phase === 'started') {
      // sent once the server's time reached the start
      serverOffset = Math.max(serverOffset, sale.startsAt - Date.now());
      sale.endsAt = Date.parse(frame.endsAt);
      sale.remaining = frame.remaining;
      sale.phase = frame.remaining > 0 ? 'running' : 'sold-out';
    } else if (frame.phase === 'remaining' || frame.phase === 'sold-out') {
      sale.remaining = frame.remaining;
      sale.phase = frame.remaining > 0 ? 'running' : 'sold-out';
    } else if (frame.phase === 'ended') {
      sale.phase = 'ended';
      sale.sold = frame.sold;
    }
    drawFlashSales();
  }

  /** The sales as the API has them now, for frames missed while the connection was down. */
  function loadFlashSales() {
    api('GET', '/live-sessions/' + sessionId + '/flash-sales', null).then(function (answer) {
      if (!answer.ok || !Array.isArray(answer.body)) {
        return;
      }
      answer.body.forEach(function (found) {
        var known = flashSales[found.id];
        if (found.status === 'ENDED') {
          if (known && known.phase !== 'ended') {
            known.phase = 'ended';
            known.sold = found.sold;
          }
          return;
        }
        flashSales[found.id] = {
          id: found.id, shelfItemId: found.shelfItemId, skuId: found.skuId, price: found.price, usualPrice: found.usualPrice,
          quantity: found.quantity, perBuyerLimit: found.perBuyerLimit, remaining: found.remaining,
          phase: found.status === 'SCHEDULED' ? 'scheduled' : found.remaining > 0 ? 'running' : 'sold-out',
          startsAt: Date.parse(found.startsAt), endsAt: Date.parse(found.endsAt)
        };
      });
      drawFlashSales();
    }, function () {
      // the frames keep what the page has; the next hello tries again
    });
  }

  // ---- Calls to the API (signed in by the session cookie, with the page's CSRF token) --------------------------

  function api(method, path, body) {
    var headers = {'Accept': 'application/json'};
    if (room.dataset.csrfHeader && room.dataset.csrfToken) {
      headers[room.dataset.csrfHeader] = room.dataset.csrfToken;
    }
    var options = {method: method, credentials: 'same-origin', headers: headers};
    if (body !== null && body !== undefined) {
      headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(links.api + path, options).then(function (response) {
      return response.text().then(function (text) {
        var parsed = {};
        try {
          parsed = text ? JSON.parse(text) : {};
        } catch (e) {
          parsed = {};
        }
        return {ok: response.ok, status: response.status, body: parsed};
      });
    });
  }

  function slugOf(problem) {
    var type = problem && problem.type ? String(problem.type) : '';
    return type.substring(type.lastIndexOf(':') + 1);
  }

  function problemText(answer) {
    var problem = answer.body || {};
    return problem.detail || problem.title || ('HTTP ' + answer.status);
  }

  /** Where a follow or join comes from: this room, named while the session is open (the server checks it). */
  function fromRoom() {
    var body = {source: 'ROOM'};
    if (onAir() || status === 'SCHEDULED') {
      body.liveSessionId = sessionId;
    }
    return body;
  }

  function markFollowing() {
    var follow = byId('follow-button');
    if (follow && follow.tagName === 'BUTTON') {
      follow.textContent = texts.following;
      follow.disabled = true;
      follow.classList.add('done');
    }
  }

  var followButton = byId('follow-button');
  if (followButton && followButton.tagName === 'BUTTON') {
    followButton.addEventListener('click', function () {
      followButton.disabled = true;
      api('POST', '/creators/' + creatorId + '/followers', fromRoom()).then(function (answer) {
        if (answer.ok) {
          markFollowing();
        } else {
          followButton.disabled = false;
          showNotice(problemText(answer));
        }
      }, function () {
        followButton.disabled = false;
        showNotice(texts.noticeOther);
      });
    });
  }

  var fanClubButton = byId('fan-club-button');
  if (fanClubButton && fanClubButton.tagName === 'BUTTON') {
    fanClubButton.addEventListener('click', function () {
      fanClubButton.disabled = true;
      api('POST', '/creators/' + creatorId + '/fan-club/members', fromRoom()).then(function (answer) {
        if (answer.ok) {
          fanClubButton.textContent = format(texts.member, [answer.body.level]);
          fanClubButton.classList.add('done');
          markFollowing();
        } else {
          fanClubButton.disabled = false;
          showNotice(problemText(answer));
        }
      }, function () {
        fanClubButton.disabled = false;
        showNotice(texts.noticeOther);
      });
    });
  }

  // ---- Buying in the room ---------------------------------------------------------------------------------------

  function showBuyResult(ok, text, actions) {
    var result = byId('buy-result');
    if (!result) {
      return;
    }
    result.textContent = '';
    result.className = 'buy-result ' + (ok ? 'ok' : 'bad');
    result.appendChild(element('span', null, text));
    (actions || []).forEach(function (action) {
      result.appendChild(document.createTextNode(' '));
      var a = link(action[1], action[0], 'buy-link');
      a.id = action[2];
      result.appendChild(a);
    });
    result.hidden = false;
  }

  function showBuyProblem(answer, order) {
    var problem = answer.body || {};
    var slug = slugOf(problem);
    var fields = (problem.errors || []).map(function (error) { return error.field; });
    if (answer.status === 401) {
      showBuyResult(false, texts.noticeUnauthenticated, [[texts.signIn, links.login, 'buy-sign-in']]);
    } else if (slug === 'validation' && fields.indexOf('addressId') >= 0) {
      showBuyResult(false, texts.noAddress, [[texts.addAddress, links.addresses, 'buy-add-address']]);
    } else if (slug === 'insufficient-balance' && order) {
      showBuyResult(false, format(texts.short, [yuan(order.total)]),
          [[texts.topUp, links.wallet, 'buy-top-up'], [texts.payLater, links.orders + order.id, 'buy-pay-later']]);
    } else if (slug === 'sold-out') {
      showBuyResult(false, flashTexts.tooLate);
    } else if (slug === 'limit-exceeded') {
      showBuyResult(false, flashTexts.limitReached);
    } else if (slug === 'insufficient-stock') {
      showBuyResult(false, texts.soldOutNow);
    } else {
      showBuyResult(false, format(texts.failed, [problemText(answer)]),
          order ? [[texts.payLater, links.orders + order.id, 'buy-pay-later']] : []);
    }
  }

  function buy(button) {
    var skuId = button.dataset.skuId;
    if (buying[skuId]) {
      return;
    }
    buying[skuId] = true;
    updateBuyButtons();
    var order = null;
    api('POST', '/orders', {
      liveSessionId: sessionId,
      lines: [{skuId: skuId, quantity: 1, shelfItemId: button.dataset.itemId}]
    }).then(function (placed) {
      if (!placed.ok) {
        showBuyProblem(placed, null);
        return null;
      }
      order = placed.body;
      return api('POST', '/orders/' + order.id + '/payment', null).then(function (paid) {
        if (!paid.ok) {
          showBuyProblem(paid, order);
          return;
        }
        showBuyResult(true, format(texts.bought, [yuan(paid.body.total)]),
            [[texts.boughtView, links.orders + order.id, 'buy-view-order']]);
        var result = byId('buy-result');
        if (result) {
          result.dataset.orderId = order.id;
        }
      });
    }).catch(function () {
      showBuyResult(false, texts.noticeOther, order ? [[texts.payLater, links.orders + order.id, 'buy-pay-later']] : []);
    }).then(function () {
      delete buying[skuId];
      updateBuyButtons();
    });
  }

  if (shelf) {
    shelf.addEventListener('click', function (event) {
      var button = event.target.closest('button.buy-button');
      if (button && shelf.contains(button) && !button.disabled) {
        buy(button);
      }
    });
  }

  // ---- The room channel -----------------------------------------------------------------------------------------

  var socket = null;
  var retries = 0;
  var pingTimer = null;

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function handle(frame) {
    switch (frame && frame.type) {
      case 'hello':
        retries = 0;
        hideNotice();
        if (!frame.signedIn && signedIn && chatForm) {
          // the page was drawn signed in, but the session has expired since
          byId('chat-input').disabled = true;
          byId('chat-send').disabled = true;
        }
        replaceComments(frame.comments);
        showLikes(Number(frame.likes) || 0, true);
        showViewers(frame.viewers);
        setStatus(frame.status, frame.playbackUrl);
        showExplaining(frame.explainingItemId === undefined ? null : frame.explainingItemId, null);
        loadFlashSales();
        break;
      case 'comment':
        addLine(commentLine(frame));
        break;
      case 'likes':
        showLikes(Number(frame.total) || 0, false);
        break;
      case 'viewers':
        showViewers(frame.count);
        break;
      case 'follow':
        eventLine(format(texts.follow, [frame.viewer]), 'follow-notice');
        break;
      case 'fan-club':
        eventLine(format(texts.fanClub, [frame.viewer]), 'fan-club-notice');
        break;
      case 'purchase':
        eventLine(frame.city ? format(texts.purchase, [frame.city, frame.item, frame.quantity])
            : format(texts.purchaseSomewhere, [frame.item, frame.quantity]), 'purchase-notice');
        break;
      case 'shelf':
        renderShelf(frame.items);
        break;
      case 'explaining':
        showExplaining(frame.shelfItemId, frame.title);
        break;
      case 'session':
        setStatus(frame.status, frame.playbackUrl);
        break;
      case 'flash-sale':
        onFlashSale(frame);
        break;
      case 'session-ended':
        ended = true;
        setStatus('ENDED');
        eventLine(texts.ended, 'ended-notice');
        break;
      case 'notice':
        showNotice(texts['notice' + capitalised(frame.code || 'other')] || texts.noticeOther, frame.message);
        break;
      default:
        break; // pong, and kinds this page does not show
    }
  }

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    try {
      socket = new WebSocket(scheme + location.host + links.socket);
    } catch (e) {
      reconnect();
      return;
    }
    socket.onmessage = function (message) {
      var frames;
      try {
        frames = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      (Array.isArray(frames) ? frames : [frames]).forEach(handle);
    };
    socket.onclose = function () {
      clearInterval(pingTimer);
      socket = null;
      if (!ended) {
        showNotice(texts.reconnecting, null, true);
        reconnect();
      }
    };
    clearInterval(pingTimer);
    pingTimer = setInterval(function () { send({type: 'ping'}); }, PING_MILLIS);
  }

  /** Tries again after 1, 2, 4… seconds (at most 30, with jitter so a crowd does not return at once). */
  function reconnect() {
    var delay = Math.min(MAX_BACKOFF_MILLIS, 1000 * Math.pow(2, retries));
    retries++;
    setTimeout(connect, delay / 2 + Math.random() * delay / 2);
  }

  readFlashCards();
  drawFlashSales();
  connect();
})();
