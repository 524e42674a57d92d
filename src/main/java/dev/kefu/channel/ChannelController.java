package dev.kefu.channel;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationAccess;
import dev.kefu.shared.StaffCaller;
import dev.kefu.webhook.ChannelCallbacks;
import dev.kefu.webhook.Delivery;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The organization's channels for its admins (/api/v1/admin/** is for admins only), the providers they can be made
 * of, and for every staff member the channels' names (the desk labels chats with them).
 */
@RestController
class ChannelController {

	private final Channels channels;
	private final ChannelProviders providers;
	private final ChannelCallbacks callbacks;
	private final Deliveries deliveries;
	private final ConversationAccess access;
	private final AuditLog audit;

	ChannelController(Channels channels, ChannelProviders providers, ChannelCallbacks callbacks,
			Deliveries deliveries, ConversationAccess access, AuditLog audit) {
		this.audit = audit;
		this.channels = channels;
		this.providers = providers;
		this.callbacks = callbacks;
		this.deliveries = deliveries;
		this.access = access;
	}

	@Schema(example = """
			{"id":"api","displayName":"API","inboundPath":"/api/v1/channels/{channelId}/messages","implicit":false,
			 "signed":true,"configuration":[{"name":"callbackUrl","label":"Callback URL","type":"URL","required":true,
			 "secret":false}]}""")
	record ProviderView(String id, String displayName, @Nullable String inboundPath, boolean implicit, boolean signed,
			List<ConfigProperty> configuration) {
	}

	@Schema(example = """
			{"provider":"api","name":"Mobile app","configuration":{"callbackUrl":"https://bridge.example.com/kefu"},
			 "enabled":true}""")
	record ChannelRequest(@Nullable String provider, @Nullable String name,
			@Nullable Map<String, @Nullable Object> configuration, @Nullable Boolean enabled) {

		Channels.Request toRequest() {
			return new Channels.Request(provider, name, configuration, enabled);
		}
	}

	/**
	 * A channel as admins see it: secret settings masked, and the secret itself only in the answer that made it
	 * (creation, rotation). {@code inboundUrl} is where the channel's customers' side posts; {@code callbackFailing}
	 * says why Kefu stopped calling the callback URL, if it did.
	 */
	@Schema(example = """
			{"id":"0192f1e4-6f0a-7c1e-9d3b-2a4c5e6f7a8b","provider":"api","name":"Mobile app",
			 "configuration":{"callbackUrl":"https://bridge.example.com/kefu"},"enabled":true,"implicit":false,
			 "inboundPath":"/api/v1/channels/0192f1e4-6f0a-7c1e-9d3b-2a4c5e6f7a8b/messages",
			 "secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw","callbackFailing":null,
			 "createdAt":"2026-12-03T10:00:00Z","updatedAt":"2026-12-03T10:00:00Z"}""")
	record ChannelView(UUID id, String provider, String name, Map<String, Object> configuration, boolean enabled,
			boolean implicit, @Nullable String inboundPath, @Nullable String secret, @Nullable String callbackFailing,
			Instant createdAt, Instant updatedAt) {
	}

	/** What every staff member may know of a channel: enough to label a chat. */
	@Schema(example = """
			{"id":"0192f1e4-6f0a-7c1e-9d3b-2a4c5e6f7a8b","provider":"api","name":"Mobile app"}""")
	record ChannelLabel(UUID id, String provider, String name) {
	}

	@GetMapping("/api/v1/admin/channel-providers")
	List<ProviderView> providers() {
		return providers.all()
			.stream()
			.map(p -> new ProviderView(p.id(), p.displayName(), p.inboundPath(), p.implicit(), p.signed(),
					p.configuration()))
			.toList();
	}

	@GetMapping("/api/v1/admin/channels")
	List<ChannelView> list(@AuthenticationPrincipal StaffCaller caller) {
		return channels.all(caller.organizationId()).stream().map(c -> view(c, false)).toList();
	}

	/** The answer carries the secret of a signing channel, this once (and after a rotation). */
	@PostMapping("/api/v1/admin/channels")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	ChannelView create(@AuthenticationPrincipal StaffCaller caller, @RequestBody ChannelRequest request) {
		ChannelView created = view(channels.create(caller.organizationId(), request.toRequest()), true);
		audit.entry(caller, "channel.created").target("channel:" + created.id()).detail(created.name())
			.after(Audited.of(created)).record();
		return created;
	}

	@GetMapping("/api/v1/admin/channels/{id}")
	ChannelView get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return view(channels.require(caller.organizationId(), id), false);
	}

	/** Changes what the request names: a name, settings (secret ones left out are kept) or {@code enabled}. */
	@PutMapping("/api/v1/admin/channels/{id}")
	@Transactional
	ChannelView update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody ChannelRequest request) {
		ChannelView before = get(caller, id);
		ChannelView after = view(channels.update(caller.organizationId(), id, request.toRequest()), false);
		audit.entry(caller, "channel.changed").target("channel:" + id).detail(after.name())
			.changed(Audited.of(before), Audited.of(after)).record();
		return after;
	}

	/** Deletes a channel; its conversations and contacts stay. The web channel can only be disabled. */
	@DeleteMapping("/api/v1/admin/channels/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void delete(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		ChannelView before = get(caller, id);
		channels.delete(caller.organizationId(), id);
		audit.entry(caller, "channel.deleted").target("channel:" + id).detail(before.name())
			.before(Audited.of(before)).record();
	}

	@PostMapping("/api/v1/admin/channels/{id}/rotate-secret")
	@Transactional
	ChannelView rotateSecret(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		ChannelView rotated = view(channels.rotateSecret(caller.organizationId(), id), true);
		audit.record(caller, "channel.secret-rotated", "channel:" + id, rotated.name());
		return rotated;
	}

	/** A channel as the audit log keeps it: what an admin set, without the secret or the timestamps. */
	private record Audited(String provider, String name, Map<String, Object> configuration, boolean enabled) {
		static Audited of(ChannelView view) {
			return new Audited(view.provider(), view.name(), view.configuration(), view.enabled());
		}
	}

	/** What was sent to the channel's callback URL, newest first: status, attempts, response code, latency, error. */
	@GetMapping("/api/v1/admin/channels/{id}/deliveries")
	List<Delivery> deliveries(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestParam(defaultValue = "50") int limit) {
		ChannelInstance channel = channels.require(caller.organizationId(), id);
		return callbacks.deliveries(caller.organizationId(), channel.callbackOwner(), Math.clamp(limit, 1, 500));
	}

	/** What to test: a provider and settings, or a saved channel's {@code id} with changed settings (secrets kept). */
	@Schema(example = """
			{"provider":"email","configuration":{"imapHost":"imap.example.com","imapPort":993}}""")
	record CheckRequest(@Nullable UUID id, @Nullable String provider,
			@Nullable Map<String, @Nullable Object> configuration) {
	}

	/** "Test the connection": tries the settings against the channel's servers, saying exactly what failed. */
	@PostMapping("/api/v1/admin/channel-checks")
	ConnectionCheck check(@AuthenticationPrincipal StaffCaller caller, @RequestBody CheckRequest request) {
		ChannelInstance draft = channels.draft(caller.organizationId(), request.id(),
				new Channels.Request(request.provider(), null, request.configuration(), true));
		return providers.require(draft.provider()).check(draft);
	}

	/** Whether each message to the customer of a queued channel (e-mail, WeChat) was sent, and if not, why. */
	@GetMapping("/api/v1/conversations/{id}/deliveries")
	List<Deliveries.Delivery> deliveries(@AuthenticationPrincipal StaffCaller caller, @PathVariable("id") UUID id) {
		Conversation conversation = access.readable(caller, id);
		return deliveries.ofConversation(conversation.organizationId(), conversation.id());
	}

	@GetMapping("/api/v1/channels")
	List<ChannelLabel> labels(@AuthenticationPrincipal StaffCaller caller) {
		return channels.all(caller.organizationId())
			.stream()
			.map(c -> new ChannelLabel(c.id(), c.provider(), c.name()))
			.toList();
	}

	private ChannelView view(ChannelInstance channel, boolean withSecret) {
		ChannelProvider provider = providers.require(channel.provider());
		String inbound = provider.inboundPath() == null ? null
				: provider.inboundPath().replace("{channelId}", channel.id().toString());
		String failing = provider.sendsOut()
				? callbacks.health(channel.organizationId(), channel.callbackOwner())
					.filter(h -> !h.enabled())
					.map(ChannelCallbacks.Health::disabledReason)
					.orElse(null)
				: null;
		return new ChannelView(channel.id(), channel.provider(), channel.name(),
				ChannelConfiguration.shown(provider, channel.configuration()), channel.enabled(), provider.implicit(),
				inbound, withSecret ? channel.secret() : null, failing, channel.createdAt(), channel.updatedAt());
	}
}
