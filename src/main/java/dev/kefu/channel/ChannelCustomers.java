package dev.kefu.channel;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.contact.ContactProfile;
import dev.kefu.contact.Contacts;
import dev.kefu.contact.ContactsMerged;
import dev.kefu.shared.SqlTime;

/**
 * The contacts of a channel's customers, by the channel's own id for each (a bridge's customer id, an e-mail address,
 * a WeChat openid; unique per channel, so two channels may use the same ids). Not the contact module's verified
 * external id: that one is the host site's signed-in user, and a channel's customer ids are its own namespace.
 */
@Component
class ChannelCustomers {

	/** The contact attribute that shows agents the channel's id for the customer. */
	static final String ATTRIBUTE = "externalCustomerId";

	private final JdbcClient jdbc;
	private final Contacts contacts;
	private final TransactionTemplate transactions;
	private final Clock clock;

	ChannelCustomers(JdbcClient jdbc, Contacts contacts, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The customer's contact, made on their first message. Two first messages at once make one contact: the loser's
	 * transaction (its contact included) is rolled back on the key, and it reads the winner's.
	 */
	UUID contact(ChannelInstance channel, String externalId) {
		Optional<UUID> known = find(channel.id(), externalId);
		if (known.isPresent()) {
			contacts.touch(channel.organizationId(), known.get());
			return known.get();
		}
		try {
			return transactions.execute(status -> {
				UUID contact = contacts.create(channel.organizationId()).id();
				jdbc.sql("""
						INSERT INTO channel_customer (channel_id, external_id, organization_id, contact_id, created_at)
						VALUES (?, ?, ?, ?, ?)""")
					.params(channel.id(), externalId, channel.organizationId(), contact, SqlTime.of(clock.instant()))
					.update();
				contacts.update(channel.organizationId(), contact,
						new ContactProfile(null, null, null, Map.of(ATTRIBUTE, externalId)));
				return contact;
			});
		}
		catch (DuplicateKeyException sameCustomerTwiceAtOnce) {
			return find(channel.id(), externalId).orElseThrow();
		}
	}

	/** Holds the customer's row until the caller's transaction ends: one message of a customer at a time. */
	void lock(ChannelInstance channel, String externalId) {
		jdbc.sql("SELECT contact_id FROM channel_customer WHERE channel_id = ? AND external_id = ? FOR UPDATE")
			.params(channel.id(), externalId)
			.query(UUID.class)
			.single();
	}

	/**
	 * The bridge's id for a contact of the channel. Two of the bridge's customers merged into one contact have two:
	 * replies go to the one that wrote first to Kefu, the same one every time.
	 */
	Optional<String> externalId(ChannelInstance channel, UUID contactId) {
		return jdbc.sql("""
				SELECT external_id FROM channel_customer WHERE channel_id = ? AND contact_id = ?
				ORDER BY created_at, external_id LIMIT 1""")
			.params(channel.id(), contactId)
			.query(String.class)
			.optional();
	}

	/**
	 * Staff merged a contact of a bridge's customer into another: the customer's next message goes to the survivor.
	 * Durable, so a crash only delays it; running twice changes nothing.
	 */
	@ApplicationModuleListener
	void on(ContactsMerged merged) {
		jdbc.sql("UPDATE channel_customer SET contact_id = ? WHERE organization_id = ? AND contact_id = ?")
			.params(merged.survivorId(), merged.organizationId(), merged.mergedId())
			.update();
		jdbc.sql("UPDATE channel_message SET contact_id = ? WHERE organization_id = ? AND contact_id = ?")
			.params(merged.survivorId(), merged.organizationId(), merged.mergedId())
			.update();
	}

	private Optional<UUID> find(UUID channelId, String externalId) {
		return jdbc.sql("SELECT contact_id FROM channel_customer WHERE channel_id = ? AND external_id = ?")
			.params(channelId, externalId)
			.query(UUID.class)
			.optional();
	}
}
