package dev.kefu.realtime;

import org.jspecify.annotations.Nullable;

/** One open client connection, whatever the transport. Sends must not block the caller for long. */
interface LiveConnection {

	String id();

	/** Queues a text frame; a connection that cannot keep up is closed rather than slowing everyone down. */
	void send(String frame);

	void close();

	/** The client's address, as the HTTP request that opened the connection had it; for the audit log. */
	default @Nullable String remoteAddress() {
		return null;
	}
}
