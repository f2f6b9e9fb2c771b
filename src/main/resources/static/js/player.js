// The live room's video. While the session is LIVE it plays the session's HLS playlist (hls.js, or the browser's own
// HLS where there is one) over the cover; otherwise, and while the creator's stream is interrupted, the cover shows.
// room.js tells it each change of the session's state with a 'room-status' event on #room.
(function () {
  'use strict';

  var room = document.getElementById('room');
  var player = document.getElementById('player');
  var video = document.getElementById('player-video');
  if (!room || !player || !video) {
    return;
  }

  var RETRY_MILLIS = 3000; // a playlist not written yet (the stream is just starting) is asked for again
  var playbackUrl = player.dataset.playbackUrl || null;
  var status = room.dataset.status;
  var hls = null;
  var retryTimer = null;

  function stop() {
    clearTimeout(retryTimer);
    if (hls) {
      hls.destroy();
      hls = null;
    }
    if (video.getAttribute('src')) {
      video.removeAttribute('src');
      video.load();
    }
    video.hidden = true;
  }

  function retryLater() {
    stop();
    retryTimer = setTimeout(show, RETRY_MILLIS);
  }

  function play() {
    if (window.Hls && window.Hls.isSupported()) {
      hls = new window.Hls({lowLatencyMode: true, enableWorker: false}) // the page's CSP allows no blob: workers;
      hls.on(window.Hls.Events.ERROR, function (event, data) {
        if (data.fatal) {
          retryLater();
        }
      });
      hls.loadSource(playbackUrl);
      hls.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = playbackUrl;
      video.onerror = retryLater;
    } else {
      return; // no way to play HLS here: the cover stays
    }
    video.hidden = false;
    var started = video.play();
    if (started && started.catch) {
      started.catch(function () { /* autoplay refused: the controls let the viewer start it */ });
    }
  }

  function show() {
    var playing = hls !== null || !!video.getAttribute('src');
    if (status === 'LIVE' && playbackUrl) {
      if (!playing) {
        play();
      }
    } else {
      stop();
    }
  }

  room.addEventListener('room-status', function (event) {
    status = event.detail.status;
    playbackUrl = event.detail.playbackUrl || playbackUrl;
    show();
  });
  show();
})();
