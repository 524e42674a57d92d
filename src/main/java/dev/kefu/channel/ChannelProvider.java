package dev.kefu.channel;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The channel SPI, shaped like Keycloak's provider factories: one Spring bean per kind of channel, found at startup,
 * so a new channel (e-mail, WeChat) is a new bean and nothing in the core changes. A provider describes its instances
 * (a configuration schema), receives customers' messages on its own inbound path (a controller of its own, which
 * hands them to {@link ChannelInbound}, the one path every chat takes into routing) and sends out what agents and the
 * assistant write ({@link #send}). Instances live in the channel module's table; a provider keeps no state of its own.
 */
public interface ChannelProvider {

	/** The id stored with every conversation of the channel ({@code web}, {@code api}): 2-32 of a-z, 0-9 and '-'. */
	String id();

	/** What admins and agents call it. */
	String displayName();

	/** The settings an instance has; the core checks an instance's configuration against them. */
	List<ConfigProperty> configuration();

	/** Where the customers' side posts messages, for the documentation and the admin console; null if nowhere. */
	@Nullable
	String inboundPath();

	/**
	 * An implicit provider has exactly one instance per organization, made on first use and never by an admin (the web
	 * widget). Others have as many instances as admins create.
	 */
	default boolean implicit() {
		return false;
	}

	/** Whether instances carry a Standard Webhooks secret (made by Kefu, shown once) that signs their traffic. */
	default boolean signed() {
		return false;
	}

	/** Whether {@link #send} does anything: only then does the core hand it the conversation's outbound traffic. */
	default boolean sendsOut() {
		return false;
	}

	/**
	 * The instance was created or changed (or its secret rotated), in the same transaction: set up what the provider
	 * needs outside the instance (the API channel's callback endpoint). An exception undoes the change.
	 */
	default void saved(ChannelInstance instance) {
	}

	/** The instance is being deleted, in the same transaction. */
	default void removed(ChannelInstance instance) {
	}

	/**
	 * The outbound sender: something for the customer of one of the instance's conversations. Called from a durable
	 * event listener, so it must be idempotent (the same event may come again after a crash). Not called for a
	 * {@link #queued} provider.
	 */
	default void send(ChannelInstance instance, Outbound outbound) {
	}

	/**
	 * Whether what the customer should get goes through the channel send queue and {@link #deliver}: retried with
	 * backoff, in order per conversation, one node at a time, each message's state shown on the desk. For channels
	 * that talk to the customer's side themselves (e-mail, WeChat). Needs {@link #sendsOut}.
	 */
	default boolean queued() {
		return false;
	}

	/**
	 * Delivers one item of the send queue, outside any transaction, possibly again after a crash (make it idempotent
	 * where the channel allows). Returns the channel's own id of what was sent (an e-mail's Message-ID, a WeChat
	 * msgid) or null.
	 *
	 * @throws DeliveryFailed for what no retry can fix (the message is marked failed at once, with the reason)
	 * @throws Exception anything else, which is retried with backoff for about a day
	 */
	default @Nullable String deliver(ChannelInstance instance, Outbound outbound) throws Exception {
		throw new UnsupportedOperationException(id() + " is not a queued channel");
	}

	/**
	 * "Test the connection": tries the settings (which may not be saved yet) against the channel's servers and says
	 * exactly what failed.
	 */
	default ConnectionCheck check(ChannelInstance instance) {
		return ConnectionCheck.ok("nothing to test: this channel connects to nothing");
	}
}
