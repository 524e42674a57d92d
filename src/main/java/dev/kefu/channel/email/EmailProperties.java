package dev.kefu.channel.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kefu.email.*}: {@code read} switches mailbox reading on this node (off on a node that should only serve
 * HTTP); {@code lease} is how long a node holds a mailbox without renewing; {@code reconnect} how long it waits after
 * the mail server failed before trying again; {@code connectTimeout} and {@code readTimeout} bound every IMAP and SMTP
 * call; {@code idle} is how long one IMAP IDLE lasts before the node renews its lease and looks again.
 */
@ConfigurationProperties("kefu.email")
record EmailProperties(@DefaultValue("true") boolean read, @DefaultValue("60s") Duration lease,
		@DefaultValue("30s") Duration reconnect, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("60s") Duration readTimeout, @DefaultValue("20s") Duration idle,
		@DefaultValue("5s") Duration scan) {
}
