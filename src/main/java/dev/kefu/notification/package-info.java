/**
 * The system's own e-mail: the agent's answer to a customer who left a message, a chat transcript the visitor asked
 * for, and alerts to agents when a message is left while nobody is online. Every mail waits in a database outbox until
 * an SMTP server (the operator's {@code spring.mail.*}) takes it, retried with backoff; without {@code spring.mail.host}
 * nothing is queued and the screens say that e-mail is not configured.
 */
@NullMarked
package dev.kefu.notification;

import org.jspecify.annotations.NullMarked;
