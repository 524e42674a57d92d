package dev.kefu.routing;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.conversation.ConversationAccess;
import dev.kefu.shared.VisitorCaller;

/**
 * A visitor's place in the queue. Asking for a chat is the web channel's inbound path (see the channel module), so
 * every channel enters routing through {@link Intake#start}.
 */
@RestController
class VisitorIntakeController {

	private final Queues queues;
	private final ConversationAccess access;

	VisitorIntakeController(Queues queues, ConversationAccess access) {
		this.queues = queues;
		this.access = access;
	}

	@GetMapping("/api/v1/visitor/conversations/{id}/queue")
	ResponseEntity<QueuePosition> position(@AuthenticationPrincipal VisitorCaller visitor, @PathVariable UUID id) {
		access.readable(visitor, id);
		return ResponseEntity.of(queues.position(visitor.organizationId(), id));
	}
}
