package dev.kefu.channel.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.Channels;
import dev.kefu.channel.NobodyAvailable;
import dev.kefu.shared.RequestRejected;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads every enabled e-mail channel's mailbox. A node takes a mailbox's lease before reading it and renews it while
 * it reads, so each mailbox is read by one node at a time; a node that stops lets go, one that dies leaves a lease
 * that runs out and another node takes over. Each mailbox is watched on a virtual thread of its own: IMAP IDLE where
 * the server has it (new mail is read at once), polling otherwise, and after a failure of the server a new connection
 * after {@code kefu.email.reconnect}.
 */
@Component
@EnableConfigurationProperties(EmailProperties.class)
class MailboxReader implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

	private final JdbcClient jdbc;
	private final Channels channels;
	private final Mailboxes mailboxes;
	private final MailServers servers;
	private final EmailInbound inbound;
	private final EmailProperties properties;
	private final Clock clock;
	private final UUID node = UUID.randomUUID();
	private final Map<UUID, Watcher> watchers = new ConcurrentHashMap<>();
	private volatile boolean running;
	private ScheduledExecutorService timer;

	MailboxReader(JdbcClient jdbc, Channels channels, Mailboxes mailboxes, MailServers servers, EmailInbound inbound,
			EmailProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.mailboxes = mailboxes;
		this.servers = servers;
		this.inbound = inbound;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		if (!properties.read()) {
			return;
		}
		running = true;
		timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("email-scan").daemon().factory());
		timer.scheduleWithFixedDelay(this::scan, 0, properties.scan().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		running = false;
		if (timer != null) {
			timer.shutdownNow();
		}
		watchers.values().forEach(Watcher::stop);
		watchers.values().forEach(Watcher::join);
		watchers.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Starts a watcher for each enabled e-mail channel this node has none for and whose lease it can take. */
	void scan() {
		try {
			List<UUID> enabled = jdbc.sql("SELECT id FROM channel WHERE provider = ? AND enabled")
				.param(EmailChannel.ID)
				.query(UUID.class)
				.list();
			for (UUID id : enabled) {
				Watcher current = watchers.get(id);
				if (current != null && current.alive()) {
					continue;
				}
				channels.ofProvider(EmailChannel.ID, id).ifPresent(channel -> {
					String folder = Optional.ofNullable(channel.setting("imapFolder")).orElse("INBOX");
					if (running && mailboxes.lease(id, channel.organizationId(), folder, node, properties.lease())) {
						Watcher watcher = new Watcher(id);
						watchers.put(id, watcher);
						watcher.start();
					}
				});
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not look for e-mail channels to read", e);
		}
	}

	/** One mailbox, read by this node while it holds the lease and the channel is enabled and unchanged. */
	private final class Watcher {

		private final UUID channelId;
		private volatile boolean stopped;
		private volatile IMAPFolder folder;
		private Thread thread;

		Watcher(UUID channelId) {
			this.channelId = channelId;
		}

		void start() {
			thread = Thread.ofVirtual().name("email-" + channelId).start(this::run);
		}

		boolean alive() {
			return thread.isAlive();
		}

		void stop() {
			stopped = true;
			thread.interrupt();
			IMAPFolder open = folder;
			if (open != null) {
				try {
					// Ends an IDLE at once (a call from another thread sends DONE).
					open.getMessageCount();
				}
				catch (Exception ignored) {
					// Closing anyway.
				}
			}
		}

		void join() {
			try {
				thread.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		private void run() {
			try {
				while (!stopped && running) {
					Optional<ChannelInstance> channel = channels.ofProvider(EmailChannel.ID, channelId)
						.filter(ChannelInstance::enabled);
					if (channel.isEmpty()) {
						return;
					}
					EmailSettings settings;
					try {
						settings = EmailSettings.of(channel.get());
					}
					catch (RuntimeException invalid) {
						mailboxes.failed(channelId, "the settings cannot work: " + invalid.getMessage());
						return;
					}
					if (!mailboxes.lease(channelId, channel.get().organizationId(), settings.folder(), node,
							properties.lease())) {
						return;
					}
					try {
						watch(channel.get(), settings);
					}
					catch (Exception e) {
						if (stopped) {
							return;
						}
						log.warn("E-mail channel {}: reading {} on {} failed, again in {}: {}", channelId,
								settings.folder(), settings.imapHost(), properties.reconnect(), e.toString());
						mailboxes.failed(channelId, describe(e));
						pause(properties.reconnect());
					}
				}
			}
			finally {
				mailboxes.release(channelId, node);
			}
		}

		/** Connected: reads what is new, then waits (IDLE or a pause), until the channel changes or the lease is lost. */
		private void watch(ChannelInstance channel, EmailSettings settings) throws Exception {
			try (IMAPStore store = (IMAPStore) servers.imap(settings)) {
				IMAPFolder opened = (IMAPFolder) store.getFolder(settings.folder());
				opened.open(Folder.READ_WRITE);
				folder = opened;
				boolean idle = store.hasCapability("IDLE");
				Instant nextRead = Instant.MIN;
				try {
					while (!stopped && running) {
						if (!mailboxes.lease(channelId, channel.organizationId(), settings.folder(), node,
								properties.lease()) || changed(channel)) {
							return;
						}
						if (idle || !clock.instant().isBefore(nextRead)) {
							read(channel, settings, opened);
							nextRead = clock.instant().plusSeconds(settings.pollSeconds());
						}
						if (idle) {
							idle(opened);
						}
						else {
							pause(Duration.ofSeconds(Math.min(settings.pollSeconds(), properties.idle().toSeconds())));
							opened.getMessageCount(); // a NOOP: keeps the connection and notices when it broke
						}
					}
				}
				finally {
					folder = null;
					if (opened.isOpen()) {
						opened.close(false);
					}
				}
			}
		}

		/** Waits in IDLE until the server says something changed, or at most {@code kefu.email.idle}. */
		private void idle(IMAPFolder opened) throws MessagingException {
			ScheduledFuture<?> wakeUp = timer.schedule(() -> {
				try {
					opened.getMessageCount();
				}
				catch (Exception e) {
					// The IDLE itself reports what broke.
				}
			}, properties.idle().toMillis(), TimeUnit.MILLISECONDS);
			try {
				opened.idle(true);
			}
			finally {
				wakeUp.cancel(false);
			}
		}

		/**
		 * Every mail after the last one stored, in UID order; the position is committed after each, so a crash reads
		 * at most the one mail it was storing again (and its Message-ID makes that a no-op).
		 */
		private void read(ChannelInstance channel, EmailSettings settings, IMAPFolder opened) throws Exception {
			long validity = opened.getUIDValidity();
			Mailboxes.Position position = mailboxes.position(channelId).orElseThrow();
			if (position.uidValidity() == null || position.uidValidity() != validity
					|| !position.folder().equals(settings.folder())) {
				long start = firstAfter(opened, channel.createdAt());
				mailboxes.startOver(channelId, settings.folder(), validity, start);
				position = new Mailboxes.Position(settings.folder(), validity, start);
			}
			Message[] mails = opened.getMessagesByUID(position.lastUid() + 1, UIDFolder.MAXUID);
			FetchProfile profile = new FetchProfile();
			profile.add(UIDFolder.FetchProfileItem.UID);
			opened.fetch(mails, profile);
			Arrays.sort(mails, Comparator.comparingLong(m -> uid(opened, m)));
			for (Message mail : mails) {
				long uid = uid(opened, mail);
				if (uid <= position.lastUid() || stopped) {
					continue; // a range past the last UID still answers with the last mail
				}
				IncomingMail read;
				try {
					read = MailReading.read((MimeMessage) mail, settings);
				}
				catch (FolderClosedException | StoreClosedException connectionLost) {
					throw connectionLost;
				}
				catch (MessagingException | java.io.IOException | RuntimeException unreadable) {
					log.warn("E-mail channel {}: mail UID {} cannot be read and is left in the mailbox: {}", channelId,
							uid, unreadable.toString());
					mailboxes.failed(channelId, "mail UID " + uid + " could not be read: " + unreadable);
					mailboxes.done(channelId, node, validity, uid);
					continue;
				}
				try {
					inbound.take(channel, settings, read);
				}
				catch (NobodyAvailable nobody) {
					// The mail stays in the mailbox, unread by Kefu, and is taken when someone can answer it.
					mailboxes.failed(channelId, "waiting: " + nobody.getMessage());
					return;
				}
				catch (RequestRejected refused) {
					// No retry makes this mail fit (a sender address longer than any customer id): it must not hold
					// up the mail behind it.
					log.warn("E-mail channel {}: mail UID {} ({}) cannot be stored and is skipped: {}", channelId, uid,
							read.messageId(), refused.getMessage());
					mailboxes.failed(channelId, "mail UID " + uid + " skipped: " + refused.getMessage());
				}
				if (!mailboxes.done(channelId, node, validity, uid)) {
					return; // the lease went to another node meanwhile: it goes on from here
				}
			}
		}

		/**
		 * The UID before the first mail that arrived since the channel was made (less two minutes of clock skew): older
		 * mail was there before Kefu and is no one's new question. Mails are numbered in the order they arrived, so a
		 * binary search asks the server for a few dates, not for every mail's.
		 */
		private long firstAfter(IMAPFolder opened, Instant since) throws MessagingException {
			Instant from = since.minus(Duration.ofMinutes(2));
			int low = 1;
			int high = opened.getMessageCount();
			int lastBefore = 0;
			while (low <= high) {
				int middle = (low + high) >>> 1;
				java.util.Date received = opened.getMessage(middle).getReceivedDate();
				if (received != null && received.toInstant().isBefore(from)) {
					lastBefore = middle;
					low = middle + 1;
				}
				else {
					high = middle - 1;
				}
			}
			return lastBefore == 0 ? 0 : opened.getUID(opened.getMessage(lastBefore));
		}

		private boolean changed(ChannelInstance channel) {
			return channels.ofProvider(EmailChannel.ID, channelId)
				.map(now -> !now.enabled() || !now.updatedAt().equals(channel.updatedAt()))
				.orElse(true);
		}

		private void pause(Duration wait) {
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException e) {
				stopped = true;
			}
		}
	}

	private static long uid(IMAPFolder folder, Message mail) {
		try {
			return folder.getUID(mail);
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** What failed, as an admin can act on it: the exception and its cause. */
	static String describe(Throwable e) {
		StringBuilder why = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
		Throwable cause = e.getCause();
		if (cause != null && cause != e && cause.getMessage() != null && !why.toString().contains(cause.getMessage())) {
			why.append(": ").append(cause.getMessage());
		}
		return why.toString();
	}
}
