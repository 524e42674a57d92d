package dev.kefu.routing;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.conversation.Conversation;
import dev.kefu.organization.Groups;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;

/** Agents' status, queues and transfers. */
@RestController
class RoutingController {

	private final Agents agents;
	private final Queues queues;
	private final Transfers transfers;
	private final Groups groups;

	RoutingController(Agents agents, Queues queues, Transfers transfers, Groups groups) {
		this.agents = agents;
		this.queues = queues;
		this.transfers = transfers;
		this.groups = groups;
	}

	record StatusRequest(@NotNull AgentStatus status) {
	}

	record TransferRequest(@Nullable UUID toAgentId, @Nullable UUID toGroupId, @Nullable String note) {
	}

	record GroupQueue(UUID groupId, List<QueuePosition> waiting, List<AgentLoad> agents) {
	}

	/** A group and its agents with status and load: where a chat can be transferred to. */
	record GroupAgents(UUID id, String name, int waiting, long replyWarnSeconds, long replyAlertSeconds,
			List<AgentLoad> agents) {
	}

	/** Every group of the organization with its agents, for the desk's transfer choice and live views. */
	@GetMapping("/api/v1/groups")
	List<GroupAgents> groups(@AuthenticationPrincipal StaffCaller caller) {
		return groups.all(caller.organizationId())
			.stream()
			.map(g -> new GroupAgents(g.id(), g.name(), queues.waiting(g.id()),
					g.replyTargets().warnAfter().toSeconds(), g.replyTargets().alertAfter().toSeconds(),
					agents.ofGroup(caller.organizationId(), g.id())))
			.toList();
	}

	@GetMapping("/api/v1/agents/me")
	AgentLoad me(@AuthenticationPrincipal StaffCaller caller) {
		return agents.require(caller.organizationId(), caller.userId());
	}

	@PutMapping("/api/v1/agents/me/status")
	AgentLoad status(@AuthenticationPrincipal StaffCaller caller,
			@org.springframework.validation.annotation.Validated @RequestBody StatusRequest request) {
		if (request.status() == null) {
			throw new RequestRejected("invalid-status", "status must be ONLINE, AWAY or OFFLINE");
		}
		return agents.choose(caller.organizationId(), caller.userId(), request.status());
	}

	@GetMapping("/api/v1/groups/{groupId}/queue")
	GroupQueue queue(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID groupId) {
		groups.require(caller.organizationId(), groupId);
		return new GroupQueue(groupId, queues.positions(caller.organizationId(), groupId),
				agents.ofGroup(caller.organizationId(), groupId));
	}

	@PostMapping("/api/v1/conversations/{id}/transfer")
	Conversation transfer(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody TransferRequest request) {
		if ((request.toAgentId() == null) == (request.toGroupId() == null)) {
			throw new RequestRejected("invalid-transfer", "name exactly one of toAgentId or toGroupId");
		}
		if (request.note() != null && request.note().length() > 2000) {
			throw new RequestRejected("invalid-note", "a transfer note may have at most 2000 characters");
		}
		return request.toAgentId() != null ? transfers.toAgent(caller, id, request.toAgentId(), request.note())
				: transfers.toGroup(caller, id, request.toGroupId(), request.note());
	}
}
