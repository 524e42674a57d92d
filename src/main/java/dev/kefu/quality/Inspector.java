package dev.kefu.quality;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationClosed;
import dev.kefu.conversation.ConversationRated;
import dev.kefu.conversation.ConversationState;
import dev.kefu.conversation.Conversations;
import dev.kefu.conversation.Messages;
import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.ReplyTargets;

/**
 * Inspects every closed conversation an agent handled (not a sample), stores what the rules find and puts the
 * selected conversations in the QA queue. Bot-only and abandoned conversations have no agent to inspect. Inspecting a
 * conversation again stores nothing twice, so a redelivered event or a rating that arrives after the close simply
 * inspects it again.
 */
@Service
class Inspector {

	private final Conversations conversations;
	private final Messages messages;
	private final Groups groups;
	private final QualitySettingsStore settings;
	private final Findings findings;
	private final ReviewQueue queue;
	private final Clock clock;

	Inspector(Conversations conversations, Messages messages, Groups groups, QualitySettingsStore settings,
			Findings findings, ReviewQueue queue, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.groups = groups;
		this.settings = settings;
		this.findings = findings;
		this.queue = queue;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ConversationClosed closed) {
		if (closed.state() == ConversationState.CLOSED && closed.agentId() != null) {
			inspect(closed.organizationId(), closed.conversationId());
		}
	}

	/** A rating given while the chat was still going is seen at the close; one given later inspects it again. */
	@ApplicationModuleListener
	void on(ConversationRated rated) {
		conversations.find(rated.organizationId(), rated.conversationId())
			.filter(Inspector::handledByAnAgent)
			.ifPresent(conversation -> inspect(conversation.organizationId(), conversation.id()));
	}

	/** Runs the rules over the conversation as it is now and queues it for review if selected. */
	void inspect(UUID organizationId, UUID conversationId) {
		Conversation conversation = conversations.require(organizationId, conversationId);
		if (!handledByAnAgent(conversation)) {
			return;
		}
		QualitySettings current = settings.of(organizationId);
		Transcript transcript = Transcript.of(conversation, messages.all(organizationId, conversationId),
				conversations.transitions(organizationId, conversationId));
		List<InspectionRule.Observation> observations = rules(current, firstResponseTarget(conversation)).stream()
			.flatMap(rule -> rule.inspect(transcript).stream())
			.toList();
		findings.record(organizationId, conversationId, observations, clock.instant());
		List<String> rulesFound = findings.ofConversation(organizationId, conversationId)
			.stream()
			.map(Finding::rule)
			.toList();
		Set<ReviewTask.Reason> reasons = new Sampling(current).reasons(conversationId, rulesFound,
				conversation.rating());
		if (!reasons.isEmpty()) {
			queue.enqueue(organizationId, conversationId, transcript.agentId(), conversation.groupId(), reasons,
					clock.instant());
		}
	}

	static List<InspectionRule> rules(QualitySettings settings, Duration firstResponseTarget) {
		return List.of(new FirstResponseLate(firstResponseTarget), new LongAgentSilence(settings.silenceLimit()),
				new ForbiddenPhrase(settings.forbidden()), new MissingGreeting(settings.greetings()),
				new MissingClosing(settings.closings()), new SensitiveNumber(), new LowSatisfaction());
	}

	private Duration firstResponseTarget(Conversation conversation) {
		// A group deleted since keeps no targets of its own; the defaults stand in.
		return groups.find(conversation.organizationId(), conversation.groupId())
			.map(BusinessGroup::replyTargets)
			.orElse(ReplyTargets.DEFAULT)
			.warnAfter();
	}

	private static boolean handledByAnAgent(Conversation conversation) {
		return conversation.state() == ConversationState.CLOSED && conversation.agentId() != null;
	}
}
