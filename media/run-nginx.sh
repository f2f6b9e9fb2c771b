#!/usr/bin/env bash
# Runs Laotie's media server next to it: renders media/nginx.conf.template into a private prefix (data/nginx by
# default) and starts nginx with the RTMP module there, in the foreground (Ctrl-C stops it). Needs Debian's
# `nginx` and `libnginx-mod-rtmp` (apt-get install nginx libnginx-mod-rtmp). Settings, all optional:
#
#   LAOTIE_LIVE_MEDIA_HOOK_SECRET  the hook secret; must equal Laotie's laotie.live.media.hook-secret (URL-safe)
#   LAOTIE_URL                     where nginx reaches Laotie's hooks           (http://127.0.0.1:8080)
#   LAOTIE_APP_ORIGIN              the origin of Laotie's pages, for CORS       (http://localhost:8080)
#   LAOTIE_MEDIA_RTMP_LISTEN       RTMP port (OBS publishes here)               (1935)
#   LAOTIE_MEDIA_HTTP_LISTEN       HTTP port for HLS and the control interface  (8088)
#   LAOTIE_MEDIA_PREFIX            nginx's private prefix: config, logs, HLS    (data/nginx)
#   LAOTIE_MEDIA_HLS_FRAGMENT, LAOTIE_MEDIA_HLS_PLAYLIST_LENGTH                 (2s, 10s)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx libnginx-mod-rtmp" >&2; exit 1; }

prefix=${LAOTIE_MEDIA_PREFIX:-$here/../data/nginx}
mkdir -p "$prefix/conf" "$prefix/logs" "$prefix/hls" "$prefix/temp"
prefix=$(cd "$prefix" && pwd)

module=/usr/lib/nginx/modules/ngx_rtmp_module.so
load_module=""
if [ -f "$module" ]; then
  load_module="load_module $module;"   # Debian builds the RTMP module as a dynamic module
fi
user=""
if [ "$(id -u)" = 0 ]; then
  user="user root;"   # workers write HLS into this private prefix, which only its owner may write
fi

escape() { printf '%s' "$1" | sed -e 's/[|&\\]/\\&/g'; }

sed -e "s|@LOAD_MODULE@|$(escape "$load_module")|" \
    -e "s|@USER@|$(escape "$user")|" \
    -e "s|@PREFIX@|$(escape "$prefix")|g" \
    -e "s|@RTMP_LISTEN@|$(escape "${LAOTIE_MEDIA_RTMP_LISTEN:-1935}")|g" \
    -e "s|@HTTP_LISTEN@|$(escape "${LAOTIE_MEDIA_HTTP_LISTEN:-8088}")|g" \
    -e "s|@LAOTIE_URL@|$(escape "${LAOTIE_URL:-http://127.0.0.1:8080}")|g" \
    -e "s|@HOOK_SECRET@|$(escape "${LAOTIE_LIVE_MEDIA_HOOK_SECRET:-laotie-dev-hook-secret-change-me}")|g" \
    -e "s|@APP_ORIGIN@|$(escape "${LAOTIE_APP_ORIGIN:-http://localhost:8080}")|g" \
    -e "s|@HLS_FRAGMENT@|$(escape "${LAOTIE_MEDIA_HLS_FRAGMENT:-2s}")|g" \
    -e "s|@HLS_PLAYLIST_LENGTH@|$(escape "${LAOTIE_MEDIA_HLS_PLAYLIST_LENGTH:-10s}")|g" \
    "$here/nginx.conf.template" > "$prefix/conf/nginx.conf"

echo "nginx for Laotie: RTMP on ${LAOTIE_MEDIA_RTMP_LISTEN:-1935}, HTTP (HLS under /hls/, control) on ${LAOTIE_MEDIA_HTTP_LISTEN:-8088}, prefix $prefix"
exec nginx -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/conf/nginx.conf"
