package dev.kefu.bot;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.organization.DemoOrganizationCreated;

/**
 * Switches the assistant on in the demo's General group, so the first chat on the demo page is answered from the
 * demo's knowledge base. Saving the same profile again changes nothing, so a republished event is harmless.
 */
@Component
class DemoAssistant {

	static final String GREETING = "您好！我是智能助手小客，配送、退换货、发票等问题都可以问我。"
			+ " Hi! I'm Xiaoke, the shop's assistant: ask me about delivery, returns, invoices and more.";

	private final BotProfiles profiles;

	DemoAssistant(BotProfiles profiles) {
		this.profiles = profiles;
	}

	@ApplicationModuleListener
	void on(DemoOrganizationCreated created) {
		profiles.save(created.organizationId(),
				new BotProfile(created.groupId(), true, "小客 Xiaoke", GREETING, BotProfile.off(created.groupId()).threshold()));
	}
}
