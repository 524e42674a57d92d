/**
 * The realtime edge: a WebSocket gateway speaking the JSON protocol of docs/protocol.md, and an event stream (SSE) as
 * fallback for networks that block WebSocket. It pushes what the other modules announce to the connections that care
 * and never stores anything itself: every message it delivers was committed first, and every client can catch up
 * from the database by sequence number.
 */
@NullMarked
package dev.kefu.realtime;

import org.jspecify.annotations.NullMarked;
