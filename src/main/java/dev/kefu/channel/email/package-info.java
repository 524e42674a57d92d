/**
 * The e-mail channel ({@code email}): customers write to a support address; Kefu reads the mailbox over IMAP (IDLE
 * where the server has it, polling otherwise), one node at a time, and each mail becomes a chat message. Agents' and
 * the assistant's replies go back over SMTP as threaded mails through the channel send queue. Automatic mail
 * (auto-replies, lists, bounces) never opens a chat; a bounce of a mail Kefu sent marks that message failed.
 */
@NullMarked
package dev.kefu.channel.email;

import org.jspecify.annotations.NullMarked;
