package dev.kefu.realtime;

/** One open client connection, whatever the transport. Sends must not block the caller for long. */
interface LiveConnection {

	String id();

	/** Queues a text frame; a connection that cannot keep up is closed rather than slowing everyone down. */
	void send(String frame);

	void close();
}
