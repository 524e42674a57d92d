package dev.kefu.contact;

import java.util.Map;

/**
 * A customer the host site vouched for: its own user id and the attributes it signed along (from a JWT's claims;
 * empty for an HMAC, whose attributes come unsigned in the request).
 */
record VerifiedIdentity(String userId, Map<String, String> signedAttributes) {
}
