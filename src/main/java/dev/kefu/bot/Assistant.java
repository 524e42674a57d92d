package dev.kefu.bot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationOpened;
import dev.kefu.conversation.ConversationState;
import dev.kefu.conversation.Conversations;
import dev.kefu.conversation.Message;
import dev.kefu.conversation.MessageAppended;
import dev.kefu.conversation.Messages;
import dev.kefu.conversation.Participant;
import dev.kefu.conversation.ParticipantType;
import dev.kefu.knowledge.Knowledge;
import dev.kefu.organization.Groups;
import dev.kefu.routing.FirstResponder;
import dev.kefu.routing.Intake;
import dev.kefu.routing.Queues;
import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.DomainException;

/**
 * The virtual assistant at work. A chat in a group with the assistant on starts with it (routing asks
 * {@link #servesNewChats}); each customer message in such a chat gets one reply, worked out off the sender's thread:
 * <ol>
 * <li>asked for a person, or upset: hand over;</li>
 * <li>an entry matches with confidence at or above the threshold: answer with it;</li>
 * <li>entries come close (within {@link #CHOICE_MARGIN} below the threshold): offer up to three as "did you mean";</li>
 * <li>nothing close: say so and ask for other words.</li>
 * </ol>
 * The second reply in a row that is not an answer hands over instead, as does a question when the knowledge base
 * has nothing to offer at all. When nobody can take the chat (closed, nobody online, queue full) the assistant keeps
 * it and offers leave-a-message.
 */
@Service
class Assistant implements FirstResponder, DisposableBean {

	/** How far below the threshold a match still comes up as a "did you mean" choice. */
	static final double CHOICE_MARGIN = 0.15;
	private static final int CHOICES = 3;
	private static final Logger log = LoggerFactory.getLogger(Assistant.class);

	private final BotProfiles profiles;
	private final BotReplies replies;
	private final Knowledge knowledge;
	private final Conversations conversations;
	private final Messages messages;
	private final Intake intake;
	private final Groups groups;
	private final ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor();

	Assistant(BotProfiles profiles, BotReplies replies, Knowledge knowledge, Conversations conversations,
			Messages messages, Intake intake, Groups groups) {
		this.profiles = profiles;
		this.replies = replies;
		this.knowledge = knowledge;
		this.conversations = conversations;
		this.messages = messages;
		this.intake = intake;
		this.groups = groups;
	}

	@Override
	public boolean servesNewChats(UUID organizationId, UUID groupId) {
		return profiles.of(organizationId, groupId).enabled();
	}

	@EventListener
	void on(ConversationOpened opened) {
		BotProfile profile = profiles.of(opened.organizationId(), opened.groupId());
		if (profile.enabled() && !profile.greeting().isEmpty()) {
			AfterCommit.run(() -> turns.execute(() -> greet(opened, profile)));
		}
	}

	/** Published after the message's commit, on the sender's thread: the reply is worked out elsewhere. */
	@EventListener
	void on(MessageAppended appended) {
		if (appended.state() == ConversationState.BOT && appended.message().sender().type() == ParticipantType.CONTACT) {
			turns.execute(() -> replyTo(appended.organizationId(), appended.message()));
		}
	}

	private void greet(ConversationOpened opened, BotProfile profile) {
		say(opened.organizationId(), opened.conversationId(), profile, "bot-greeting", profile.greeting(),
				Map.of("kind", "greeting"));
	}

	void replyTo(UUID organizationId, Message question) {
		try {
			Conversation chat = conversations.require(organizationId, question.conversationId());
			if (chat.state() != ConversationState.BOT) {
				return;
			}
			new Turn(organizationId, chat, profiles.of(organizationId, chat.groupId()), question).reply();
		}
		catch (DomainException e) {
			// The chat left the assistant or closed while it was thinking: there is no one left to answer.
			log.debug("Assistant did not reply to {}: {}", question.id(), e.getMessage());
		}
	}

	/** One reply to one customer message. */
	private final class Turn {

		private final UUID organizationId;
		private final Conversation chat;
		private final BotProfile profile;
		private final Message question;
		private final boolean chinese;

		Turn(UUID organizationId, Conversation chat, BotProfile profile, Message question) {
			this.organizationId = organizationId;
			this.chat = chat;
			this.profile = profile;
			this.question = question;
			this.chinese = BotLines.chinese(question.text(), profile.greeting());
		}

		void reply() {
			Optional<String> intent = HandoverIntent.of(question.text());
			if (intent.isPresent()) {
				handOver(intent.get());
				return;
			}
			List<Knowledge.Suggestion> found = knowledge.suggestions(organizationId, question.text(), CHOICES);
			if (!found.isEmpty() && found.getFirst().confidence() >= profile.threshold()) {
				answer(found.getFirst());
				return;
			}
			List<Knowledge.Suggestion> close = found.stream()
				.filter(s -> s.confidence() >= profile.threshold() - CHOICE_MARGIN)
				.toList();
			boolean missedBefore = replies.missesInARow(chat.id()) > 0;
			if (found.isEmpty() || missedBefore) {
				handOver(close.isEmpty() ? "cannot-answer" : "repeated-misses");
			}
			else if (!close.isEmpty()) {
				offer(close);
			}
			else {
				miss();
			}
		}

		private void answer(Knowledge.Suggestion best) {
			long seq = say(best.answer(), Map.of("kind", "answer", "articleId", best.articleId().toString(), "question",
					best.question(), "confidence", best.confidence()));
			record(seq, BotReplies.Kind.ANSWER, null, best.articleId(), best.confidence());
		}

		private void offer(List<Knowledge.Suggestion> close) {
			StringBuilder text = new StringBuilder(BotLines.CHOICES.in(chinese));
			for (int i = 0; i < close.size(); i++) {
				text.append('\n').append(i + 1).append(". ").append(close.get(i).question());
			}
			List<Map<String, String>> choices = close.stream()
				.map(s -> Map.of("articleId", s.articleId().toString(), "question", s.question()))
				.toList();
			long seq = say(text.toString(), Map.of("kind", "choices", "choices", choices));
			record(seq, BotReplies.Kind.CHOICES, null, close.getFirst().articleId(), close.getFirst().confidence());
		}

		private void miss() {
			long seq = say(BotLines.MISS.in(chinese), Map.of("kind", "miss"));
			record(seq, BotReplies.Kind.MISS, null, null, null);
		}

		/**
		 * Says so in the customer's language while the chat is still the assistant's (the system line that follows
		 * is English), unless nobody can take it: then only the leave-a-message offer.
		 */
		private void handOver(String reason) {
			record(null, BotReplies.Kind.HANDOVER, reason, null, null);
			if (intake.unavailability(organizationId, groups.require(organizationId, chat.groupId())).isEmpty()) {
				say(BotLines.HANDOVER.in(chinese), Map.of("kind", "handover", "reason", reason));
			}
			Optional<Queues.Unavailability> nobody = intake.handOver(organizationId, chat.id(), reason);
			if (nobody.isPresent()) {
				long seq = say(BotLines.LEAVE_MESSAGE.in(chinese), Map.of("kind", "leave-message", "reason",
						nobody.get().name()));
				record(seq, BotReplies.Kind.LEAVE_MESSAGE, nobody.get().name(), null, null);
			}
		}

		private long say(String text, Map<String, Object> meta) {
			return Assistant.this.say(organizationId, chat.id(), profile, "bot-" + question.id(), text, meta);
		}

		private void record(@Nullable Long seq, BotReplies.Kind kind, @Nullable String reason, @Nullable UUID articleId,
				@Nullable Double confidence) {
			replies.record(organizationId, new BotReplies.Reply(chat.id(), chat.groupId(), seq, question.text(), kind,
					reason, articleId, confidence));
		}
	}

	private long say(UUID organizationId, UUID conversationId, BotProfile profile, String clientMsgId, String text,
			Map<String, Object> meta) {
		return messages.appendBot(organizationId, conversationId, Participant.bot(profile.name()), clientMsgId, text, meta)
			.message()
			.seq();
	}

	@Override
	public void destroy() {
		turns.shutdownNow();
	}
}
