package dev.kefu.notification;

/** What a mail says: a subject, a plain-text body and the same as simple HTML (all user content escaped). */
public record Letter(String subject, String text, String html) {
}
