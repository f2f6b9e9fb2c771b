// The import page asks the API for the import's progress every second until it is DONE.
(function () {
  var panel = document.getElementById('import-progress');
  if (!panel) {
    return;
  }
  var source = panel.getAttribute('data-source');
  function show(history) {
    document.getElementById('import-processed').textContent = history.processedOrders;
    document.getElementById('import-chunks').textContent = history.processedChunks;
    document.getElementById('import-bar').value = history.orders === 0 ? 100 : Math.floor(100 * history.processedOrders / history.orders);
    if (history.status === 'DONE') {
      document.getElementById('import-status').textContent = panel.getAttribute('data-done');
    }
    return history.status === 'DONE';
  }
  function poll() {
    fetch(source, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (history) {
        if (!history || !show(history)) {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
