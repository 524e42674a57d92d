package dev.kefu.channel.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.channel.ChannelInbound;
import dev.kefu.channel.Channels;
import dev.kefu.organization.IntakeLimits;
import dev.kefu.routing.Intake;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.VisitorCaller;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A visitor asks for a chat: the web channel's inbound path. The answer is a conversation with its queue place (201
 * new, 200 resumed), or 200 with {@code unavailable} saying why the customer should leave a message instead. A
 * visitor's chat is always a web chat: a visitor cannot claim another channel.
 */
@RestController
class WebIntakeController {

	private final Channels channels;
	private final ChannelInbound inbound;
	private final IntakeLimits limits;

	WebIntakeController(Channels channels, ChannelInbound inbound, IntakeLimits limits) {
		this.channels = channels;
		this.inbound = inbound;
		this.limits = limits;
	}

	@Schema(example = """
			{"groupId":"0192f1e4-6f0a-7c1e-9d3b-2a4c5e6f7a8b"}""")
	record StartRequest(@Nullable UUID groupId,
			@Schema(description = "only web (or nothing): kept for widgets that still send it") @Nullable String channel) {
	}

	@PostMapping("/api/v1/visitor/conversations")
	ResponseEntity<Intake.Started> start(@AuthenticationPrincipal VisitorCaller visitor,
			@RequestBody(required = false) @Nullable StartRequest request, HttpServletRequest http) {
		if (request != null && request.channel() != null && !WebChannel.ID.equals(request.channel())) {
			throw new RequestRejected("invalid-channel", "a visitor's chat is a web chat; channel may only be web");
		}
		limits.admitNewConversation(visitor.organizationId(), http.getRemoteAddr());
		UUID groupId = request == null ? null : request.groupId();
		Intake.Started started = inbound.start(channels.implicit(visitor.organizationId(), WebChannel.ID),
				visitor.contactId(), groupId);
		boolean created = started.conversation() != null && !started.resumed();
		return ResponseEntity.status(created ? 201 : 200).body(started);
	}
}
