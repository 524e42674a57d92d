package dev.kefu.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail as the operator's SMTP server, on a port of its own (helpers run tests side by side), which a test can
 * take down and bring back on the same port.
 */
final class SmtpServer {

	final int port = freePort();
	private GreenMail server;

	SmtpServer() {
		server = started();
	}

	void stop() {
		server.stop();
	}

	/** A fresh server on the same port: what a restarted mail server looks like to Kefu. */
	void restart() {
		server.stop();
		server = started();
	}

	/** The mails received for this address so far. */
	List<MimeMessage> to(String address) {
		return Arrays.stream(server.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
	}

	static String text(Part part) {
		return part(part, "text/plain");
	}

	static String html(Part part) {
		return part(part, "text/html");
	}

	private static String part(Part part, String type) {
		try {
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					String found = part(body, type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<String> recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private GreenMail started() {
		GreenMail started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		started.start();
		return started;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
