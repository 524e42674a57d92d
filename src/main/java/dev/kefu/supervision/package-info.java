/**
 * Supervision of the live desk: queues and agents' load per center and group as they change, chats waiting past
 * their first-response target, and a supervisor's three moves on a live chat (watch read-only, whisper to the agent,
 * take over), each kept in an audit trail.
 */
@NullMarked
package dev.kefu.supervision;

import org.jspecify.annotations.NullMarked;
