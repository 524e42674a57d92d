package dev.kefu.routing;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.conversation.Conversation;
import dev.kefu.shared.StaffCaller;
import io.swagger.v3.oas.annotations.Operation;

/** The waiting queue on the desk, in groups whose agents may pick their chats by hand. */
@RestController
class QueueController {

	private final Picking picking;

	QueueController(Picking picking) {
		this.picking = picking;
	}

	@Operation(summary = "Chats waiting in my groups that let agents pick",
			description = "Longest waiting first (at most 50; waitingCount counts all), with channel, customer name and "
					+ "the customer's first message. Admins see every such group; mayPick says where the caller may pick.")
	@GetMapping("/api/v1/queue")
	Picking.WaitingList waiting(@AuthenticationPrincipal StaffCaller caller) {
		return picking.waiting(caller);
	}

	@Operation(summary = "Pick a waiting chat",
			description = "Assigns the chat to the caller through the same guarded steps as automatic routing. 409 "
					+ "chat-taken (someone was faster or the customer left), agent-full, agent-unavailable (not online), "
					+ "not-in-group, picking-not-allowed, or pick-contended (try again).")
	@PostMapping("/api/v1/queue/{conversationId}/pick")
	Conversation pick(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID conversationId) {
		return picking.pick(caller, conversationId);
	}
}
