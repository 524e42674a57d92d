package dev.kefu.channel;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactDataSection;
import dev.kefu.contact.ContactErased;
import dev.kefu.conversation.ConversationsErased;

/**
 * What the channels keep about a customer: their ids in each channel (a bridge's customer id, an e-mail address, a
 * WeChat openid or WeCom external user id), for the contact's data export and erasure; and what they keep by
 * conversation (e-mail threads with the customer's address and subject, copies of sent replies), dropped when the
 * conversation is erased or deleted. Durable and idempotent, like the merge.
 */
@Component
class ChannelErasure implements ContactDataSection {

	private final JdbcClient jdbc;

	ChannelErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One channel id of the customer. */
	record ChannelIdentity(UUID channelId, String externalId, java.time.Instant since) {
	}

	@Override
	public String name() {
		return "channelIdentities";
	}

	@Override
	public Object export(UUID organizationId, List<UUID> contactIds, Files files) {
		return contactIds.stream()
			.flatMap(contact -> jdbc.sql("""
					SELECT channel_id, external_id, created_at FROM channel_customer
					WHERE organization_id = ? AND contact_id = ? ORDER BY created_at""")
				.params(organizationId, contact)
				.query((rs, n) -> new ChannelIdentity(rs.getObject(1, UUID.class), rs.getString(2),
						dev.kefu.shared.SqlTime.read(rs, "created_at")))
				.list()
				.stream())
			.toList();
	}

	@ApplicationModuleListener
	void on(ContactErased erased) {
		for (UUID contact : erased.contactIds()) {
			jdbc.sql("""
					DELETE FROM wechat_follower WHERE organization_id = ? AND EXISTS (
					  SELECT 1 FROM channel_customer c WHERE c.contact_id = ? AND c.channel_id = wechat_follower.channel_id
					    AND c.external_id = wechat_follower.openid)""")
				.params(erased.organizationId(), contact)
				.update();
			jdbc.sql("""
					DELETE FROM wecom_kf_welcome WHERE EXISTS (
					  SELECT 1 FROM channel_customer c WHERE c.organization_id = ? AND c.contact_id = ?
					    AND c.channel_id = wecom_kf_welcome.channel_id AND c.external_id = wecom_kf_welcome.external_userid)""")
				.params(erased.organizationId(), contact)
				.update();
			jdbc.sql("""
					DELETE FROM email_conversation WHERE organization_id = ? AND EXISTS (
					  SELECT 1 FROM channel_customer c WHERE c.contact_id = ? AND c.channel_id = email_conversation.channel_id
					    AND c.external_id = email_conversation.customer)""")
				.params(erased.organizationId(), contact)
				.update();
			jdbc.sql("DELETE FROM channel_message WHERE organization_id = ? AND contact_id = ?")
				.params(erased.organizationId(), contact)
				.update();
			jdbc.sql("DELETE FROM channel_customer WHERE organization_id = ? AND contact_id = ?")
				.params(erased.organizationId(), contact)
				.update();
		}
	}

	@ApplicationModuleListener
	void on(ConversationsErased erased) {
		for (UUID conversation : erased.conversationIds()) {
			// A send still pending is left to finish (or fail) and is then pruned with the rest.
			jdbc.sql("DELETE FROM channel_send WHERE organization_id = ? AND conversation_id = ? AND status <> 'PENDING'")
				.params(erased.organizationId(), conversation)
				.update();
			jdbc.sql("DELETE FROM email_conversation WHERE organization_id = ? AND conversation_id = ?")
				.params(erased.organizationId(), conversation)
				.update();
			if (erased.deleted()) {
				jdbc.sql("DELETE FROM email_mail WHERE organization_id = ? AND conversation_id = ?")
					.params(erased.organizationId(), conversation)
					.update();
			}
		}
	}
}
