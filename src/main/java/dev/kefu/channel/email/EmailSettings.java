package dev.kefu.channel.email;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.ConfigProperty;
import dev.kefu.shared.RequestRejected;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One e-mail channel's settings, read from its instance's configuration: the mailbox customers write to (IMAP), the
 * server replies leave through (SMTP), the address and name they come from, and the group new mails go to.
 */
record EmailSettings(String imapHost, int imapPort, boolean imapTls, String imapUser, String imapPassword,
		String folder, String smtpHost, int smtpPort, SmtpSecurity smtpSecurity, @Nullable String smtpUser,
		@Nullable String smtpPassword, String address, @Nullable String displayName, @Nullable UUID groupId,
		int pollSeconds, boolean plusAddressing) {

	/** How the SMTP connection is protected: STARTTLS on a plain port (587), TLS from the start (465), or none. */
	enum SmtpSecurity {
		STARTTLS, SSL, NONE
	}

	static final int DEFAULT_POLL_SECONDS = 60;

	/** The schema the admin console renders the form from; the names are the configuration's keys. */
	static List<ConfigProperty> schema() {
		return List.of(ConfigProperty.required("address", "Support address (customers write to it)", ConfigProperty.Type.STRING),
				ConfigProperty.optional("displayName", "Name replies come from", ConfigProperty.Type.STRING),
				ConfigProperty.required("imapHost", "IMAP server", ConfigProperty.Type.STRING),
				ConfigProperty.optional("imapPort", "IMAP port (993 with TLS, 143 without)", ConfigProperty.Type.INTEGER),
				ConfigProperty.optional("imapTls", "IMAP over TLS", ConfigProperty.Type.BOOLEAN),
				ConfigProperty.required("imapUser", "IMAP user", ConfigProperty.Type.STRING),
				ConfigProperty.secret("imapPassword", "IMAP password"),
				ConfigProperty.optional("imapFolder", "IMAP folder (INBOX)", ConfigProperty.Type.STRING),
				ConfigProperty.required("smtpHost", "SMTP server", ConfigProperty.Type.STRING),
				ConfigProperty.optional("smtpPort", "SMTP port (587 STARTTLS, 465 SSL)", ConfigProperty.Type.INTEGER),
				ConfigProperty.optional("smtpSecurity", "SMTP security: STARTTLS, SSL or NONE", ConfigProperty.Type.STRING),
				ConfigProperty.optional("smtpUser", "SMTP user (the IMAP user when empty)", ConfigProperty.Type.STRING),
				ConfigProperty.optionalSecret("smtpPassword", "SMTP password (the IMAP password when empty)"),
				ConfigProperty.optional("groupId", "Group", ConfigProperty.Type.STRING),
				ConfigProperty.optional("pollSeconds", "Check for mail every … seconds (60)", ConfigProperty.Type.INTEGER),
				ConfigProperty.optional("plusAddressing",
						"Reply-To with a conversation token (support+token@…; the server must deliver plus addresses)",
						ConfigProperty.Type.BOOLEAN));
	}

	/** The settings of an instance; a value that cannot work is a 400 naming the setting. */
	static EmailSettings of(ChannelInstance channel) {
		boolean imapTls = bool(channel, "imapTls", true);
		SmtpSecurity security = security(channel.setting("smtpSecurity"));
		String imapUser = text(channel, "imapUser");
		String imapPassword = text(channel, "imapPassword");
		String smtpUser = channel.setting("smtpUser");
		String smtpPassword = channel.setting("smtpPassword");
		return new EmailSettings(host(channel, "imapHost"), port(channel, "imapPort", imapTls ? 993 : 143), imapTls,
				imapUser, imapPassword, channel.setting("imapFolder") == null ? "INBOX" : channel.setting("imapFolder"),
				host(channel, "smtpHost"),
				port(channel, "smtpPort", switch (security) {
					case SSL -> 465;
					case STARTTLS -> 587;
					case NONE -> 25;
				}), security, smtpUser == null ? imapUser : smtpUser, smtpPassword == null ? imapPassword : smtpPassword,
				address(channel.setting("address")), channel.setting("displayName"), group(channel.setting("groupId")),
				poll(channel), bool(channel, "plusAddressing", false));
	}

	/** The address replies come from, with the display name. */
	InternetAddress from() {
		try {
			return new InternetAddress(address, displayName, "UTF-8");
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException("UTF-8 is always there", e);
		}
	}

	/** Whether an address (any case) is the support address itself, or a plus address of it. */
	boolean ours(@Nullable String other) {
		if (other == null) {
			return false;
		}
		String candidate = other.toLowerCase(Locale.ROOT);
		return candidate.equals(address) || ReplyToken.of(this, candidate) != null;
	}

	String domain() {
		return address.substring(address.indexOf('@') + 1);
	}

	private static String text(ChannelInstance channel, String name) {
		String value = channel.setting(name);
		if (value == null || value.isBlank()) {
			throw new RequestRejected("invalid-configuration", name + " is required");
		}
		return value;
	}

	private static String host(ChannelInstance channel, String name) {
		String host = text(channel, name).strip();
		if (!host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
			throw new RequestRejected("invalid-configuration", name + " must be a host name or an IP address");
		}
		return host;
	}

	private static int port(ChannelInstance channel, String name, int otherwise) {
		Object value = channel.configuration().get(name);
		if (value == null) {
			return otherwise;
		}
		int port = ((Number) value).intValue();
		if (port < 1 || port > 65535) {
			throw new RequestRejected("invalid-configuration", name + " must be 1-65535");
		}
		return port;
	}

	private static boolean bool(ChannelInstance channel, String name, boolean otherwise) {
		Object value = channel.configuration().get(name);
		return value instanceof Boolean b ? b : otherwise;
	}

	private static int poll(ChannelInstance channel) {
		Object value = channel.configuration().get("pollSeconds");
		if (value == null) {
			return DEFAULT_POLL_SECONDS;
		}
		int seconds = ((Number) value).intValue();
		if (seconds < 1 || seconds > 3600) {
			throw new RequestRejected("invalid-configuration", "pollSeconds must be 1-3600");
		}
		return seconds;
	}

	private static SmtpSecurity security(@Nullable String value) {
		if (value == null) {
			return SmtpSecurity.STARTTLS;
		}
		try {
			return SmtpSecurity.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new RequestRejected("invalid-configuration", "smtpSecurity must be STARTTLS, SSL or NONE");
		}
	}

	private static String address(@Nullable String value) {
		try {
			InternetAddress parsed = new InternetAddress(value == null ? "" : value.strip(), true);
			String address = parsed.getAddress().toLowerCase(Locale.ROOT);
			if (!address.contains("@") || address.indexOf('+') >= 0) {
				throw new AddressException("no plus address", address);
			}
			return address;
		}
		catch (AddressException e) {
			throw new RequestRejected("invalid-configuration",
					"address must be one e-mail address such as support@example.com (no +tag)");
		}
	}

	private static @Nullable UUID group(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new RequestRejected("invalid-configuration", "groupId must be a group's id");
		}
	}
}
