/**
 * The room channel's engine: rooms, viewer connections with their bounded outboxes, sampling of hot rooms and the
 * ticker that sends each viewer one batch per interval. Internal to the live module.
 */
@NullMarked
package io.laotie.live.room;

import org.jspecify.annotations.NullMarked;
